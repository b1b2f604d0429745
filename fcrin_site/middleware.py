from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

from wagtail.admin.views.reports import ReportView

from home import role_matrix

# Longer than any page path the site can have (slugs are at most 255 characters).
MAX_PATH_LENGTH = 2048


def normal_path(path):
    """The path without dot segments or repeated slashes, its trailing slash kept (RFC 3986, 5.2.4)."""
    segments = []
    for segment in path.split("/"):
        if segment == "..":
            segments = segments[:-1]
        elif segment not in ("", "."):
            segments.append(segment)
    trailing_slash = segments and path.endswith(("/", "/.", "/.."))
    return "/" + "/".join(segments) + ("/" if trailing_slash else "")


class NormalisePathMiddleware:
    """A 301 from ``/fr/communiques/./`` or ``/fr//communiques/`` to ``/fr/communiques/``, query kept.

    Ahead of the page cache, so that one page is one entry of it, whatever a client makes of its path.
    Only reads are redirected: a redirected form would lose what it sends. Files (media, static,
    documents) are not pages: their views answer a path with dot segments with a 404 of their own.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.file_prefixes = tuple(
            prefix for prefix in (settings.MEDIA_URL, settings.STATIC_URL, "/documents/") if prefix.startswith("/")
        )

    def __call__(self, request):
        path = normal_path(request.path)
        if path == request.path or request.method not in ("GET", "HEAD") or request.path.startswith(self.file_prefixes):
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(escape_uri_path(path) + (f"?{query}" if query else ""))


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


class ReportsByRoleMiddleware:
    """Every admin report (Wagtail's, wagtail-localize's, the site's) only for the roles whose matrix
    cell opens them (``home.role_matrix``).

    Wagtail checks each report on its own terms (site history and workflow reports for anyone in the
    admin, page reports for anyone with a page permission) and offers no hook before them; each is a
    ``ReportView``, which Django's ``as_view()`` names on the view function.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if (
            view_class is not None
            and issubclass(view_class, ReportView)
            and request.user.is_authenticated
            and not role_matrix.allows(request.user, "open", "reports")
        ):
            raise PermissionDenied
