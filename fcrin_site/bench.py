from django.http import HttpResponse


def bare(request):
    """The cheapest response the whole middleware stack can give: the baseline of `make bench`."""
    response = HttpResponse(b"ok", content_type="text/plain")
    response.no_page_cache = True
    return response
