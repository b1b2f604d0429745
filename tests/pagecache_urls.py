"""The site's URLs plus views exercising the page cache's refusals, for tests/test_page_cache.py."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from fcrin_site.urls import urlpatterns as site_urlpatterns


def sets_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


def has_csrf_token(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


def opts_out(request):
    response = HttpResponse("secret embargo link")
    response.no_page_cache = True
    return response


def private(request):
    return HttpResponse("private", headers={"Cache-Control": "private, max-age=60"})


def varies_on_user_agent(request):
    return HttpResponse(request.headers.get("User-Agent", ""), headers={"Vary": "User-Agent"})


def plain(request):
    return HttpResponse("plain")


urlpatterns = [
    path("t/cookie/", sets_cookie),
    path("t/csrf/", has_csrf_token),
    path("t/opt-out/", opts_out),
    path("t/private/", private),
    path("t/vary/", varies_on_user_agent),
    path("t/plain/", plain),
    path("t/embargo/plain/", plain),
    *site_urlpatterns,
]
