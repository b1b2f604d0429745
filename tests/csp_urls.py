"""The site's URLs plus a page with a nonced inline script, for tests/test_csp.py."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from fcrin_site.urls import urlpatterns as site_urlpatterns

NONCED_PAGE = engines["django"].from_string(
    '<!DOCTYPE html><html><head><script nonce="{{ request.csp_nonce }}">document.title = "nonced";</script></head></html>'
)


def nonced(request):
    return HttpResponse(NONCED_PAGE.render(request=request))


urlpatterns = [path("t/nonced/", nonced), *site_urlpatterns]
