from django.core.exceptions import BadRequest

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
