from django.core.exceptions import BadRequest
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Longer than any page path the site can have (slugs are at most 255 characters).
MAX_PATH_LENGTH = 2048


class RejectMalformedRequestMiddleware:
    """Keep NUL characters away from the database, which PostgreSQL refuses in queries.

    A NUL in the path gets 400, before page routing could turn it into a server error. In the query
    string it is dropped, so that a search or filter form pasted with one still answers normally.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or len(request.path) > MAX_PATH_LENGTH:
            raise BadRequest("Malformed path")
        query_string = request.META.get("QUERY_STRING", "")
        if "%00" in query_string or "\x00" in query_string:
            request.META["QUERY_STRING"] = query_string.replace("%00", "").replace("\x00", "")
            request.__dict__.pop("GET", None)  # parsed again, cleanly, on first use
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, minus the language redirect of 404s given by views outside ``i18n_patterns``.

    Wagtail's catch-all route makes every path valid under /fr/, so Django would redirect, say, an
    API's 404 for an unknown item to /fr/api/…, an HTML page; the API's own answer is the right one.
    """

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
