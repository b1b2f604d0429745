from django.core.exceptions import BadRequest

# Longer than any page path the site can have (slugs are at most 255 characters).
MAX_PATH_LENGTH = 2048


class RejectMalformedRequestMiddleware:
    """Answer 400 to requests no view can sensibly handle, before they reach the database.

    PostgreSQL refuses NUL characters in queries, so a ``%00`` in a path or query string
    would otherwise surface as a server error deep inside page routing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query_string or len(request.path) > MAX_PATH_LENGTH:
            raise BadRequest("Malformed path or query string")
        return self.get_response(request)
