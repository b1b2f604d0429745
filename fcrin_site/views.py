import datetime
import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve

from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents.views.serve import serve as serve_document

from news.serving import site_url

# A rendition's file name in Wagtail's one folder for them: no slash and no leading dot, so it cannot
# climb out of the folder, and no longer than its file field (100), so it cannot overflow a file name.
RENDITION_PATH = re.compile(r"images/[\w-][\w.-]{0,99}", re.ASCII)
# An uploaded file is never a page: no script, style, frame or form of it runs, even opened in the browser.
UPLOADED_FILE_CSP = "default-src 'none'; sandbox"


def as_uploaded_file(response):
    """The headers of a file someone uploaded, on the response itself: a site-wide policy middleware
    (django-csp) leaves alone a header the view has set."""
    response["Content-Security-Policy"] = UPLOADED_FILE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    # Documents stay crawlable: journalists find press kits and reports through search engines.
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {site_url(request, reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=3600, public=True)
def security_txt(request):
    """RFC 9116, with an expiry always in the future."""
    contact = getattr(settings, "SECURITY_TXT_CONTACT", "")
    if not contact:
        raise Http404("No security contact configured")
    days = getattr(settings, "SECURITY_TXT_VALIDITY_DAYS", 180)
    expires = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: " + ", ".join(code for code, _name in settings.LANGUAGES),
        f"Canonical: {site_url(request, reverse('security_txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_index(request, **kwargs):
    """Wagtail's sitemap index with its sections at the site's address: Django puts the request's host,
    the pages' own addresses (``get_full_url``) the site's."""
    response = sitemap_views.index(request, **kwargs)
    for item in response.context_data["sitemaps"]:
        address = urlsplit(item.location)
        item.location = site_url(request, urlunsplit(("", "", address.path, address.query, "")))
    return response


def media(request, path):
    """Uploads as the web server in front publishes them (README, "Production"): image renditions only.

    Original images stay private, and documents go through Wagtail's view, which holds back those of
    releases under embargo.
    """
    if not RENDITION_PATH.fullmatch(path):
        raise Http404("Not a rendition")
    return as_uploaded_file(serve(request, path, document_root=settings.MEDIA_ROOT))


def document(request, document_id, document_filename):
    """Wagtail's document view (privacy, ``before_serve_document`` hooks, downloads as attachments), with
    the uploaded file's headers: Wagtail's own policy lets a PDF or an image run in the browser's viewer
    without a sandbox."""
    response = serve_document(request, document_id, document_filename)
    # Not its password form, which is a page of the site.
    return as_uploaded_file(response) if response.streaming else response


def request_language(request):
    """The language of an error page: the URL's, else the one chosen for this request, else French.

    Never the active one as such: a request refused before LocaleMiddleware (a bad Host header) would
    get whichever language the worker's thread served last.
    """
    return (
        translation.get_language_from_path(request.path_info)
        or getattr(request, "LANGUAGE_CODE", None)
        or settings.LANGUAGE_CODE
    )


def bad_request(request, exception):
    with translation.override(request_language(request)):
        return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    with translation.override(request_language(request)):
        return defaults.permission_denied(request, exception)


def csrf_failure(request, reason=""):
    """A form sent without its CSRF token or cookie (an expired session, cookies blocked): the site's page."""
    with translation.override(request_language(request)):
        return render(request, "403_csrf.html", status=403)
