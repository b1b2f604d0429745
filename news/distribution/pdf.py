"""A release as PDF: its print template laid out by WeasyPrint, kept until the next publication.

WeasyPrint needs Pango (Debian: ``libpango-1.0-0``, ``libpangoft2-1.0-0``, ``libharfbuzz-subset0``)
and the fonts the print stylesheet names (``fonts-open-sans``); the fonts used are embedded in the
PDF. It is imported when a PDF is first rendered, so the rest of the site runs without them.

A rendering takes about a second: the bytes are kept in the cache under the release's live revision,
its publication time, its language and the content version the site gives the news app (which any
publication or change of a contact or boilerplate replaces), so a second request renders nothing and
a new publication makes a new PDF.
"""

import mimetypes
import re
from urllib.parse import unquote, urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, override

CACHE_TIMEOUT = 24 * 60 * 60
# A path-only link (rich text's page and document links, downloads): printed with the site's address.
SITE_RELATIVE_HREF = re.compile(r'\bhref="(/(?!/)[^"]*)"')


def filename(release):
    """``communique-<slug>.pdf`` for a French release, ``press-release-<slug>.pdf`` for an English one."""
    # Outside the f-string: xgettext does not read calls inside one, and would drop the translation.
    with override(release.locale.language_code):
        prefix = gettext("press-release")
    return f"{prefix}-{release.slug}.pdf"


def cache_key(release):
    # The site's content version, as for the fragments of pages (news.templatetags.fragments).
    version = getattr(apps.get_app_config("news"), "content_version", None)
    published = release.last_published_at.isoformat() if release.last_published_at else ""
    parts = [release.pk, release.live_revision_id, published, release.locale.language_code]
    return "news:release-pdf:" + ":".join(map(str, [*parts, version() if version else ""]))


def load_weasyprint():
    """WeasyPrint, imported on first use, with Pillow's default for truncated images put back.

    ``weasyprint.images`` sets ``PIL.ImageFile.LOAD_TRUNCATED_IMAGES`` for the whole process when it is
    imported; the upload checks rely on Pillow refusing a truncated image, and a PDF only embeds images
    that passed them.
    """
    import weasyprint
    import weasyprint.images  # the module that changes the setting
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


def media_fetcher(base_url):
    """Images come from the media storage: WeasyPrint asks nothing of the network, the site included."""
    load_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    media_url = urljoin(base_url, settings.MEDIA_URL)

    class MediaFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(media_url):
                raise ValueError(f"Not a media file: {url}")
            name = unquote(urlsplit(url[len(media_url) :]).path)
            with default_storage.open(name, "rb") as file:
                body = file.read()
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return MediaFetcher()


def render(release, request):
    """The release's PDF in its language, from ``news/pdf/release.html``."""
    HTML = load_weasyprint().HTML

    with override(release.locale.language_code):
        context = release.get_context(request)
        html = render_to_string("news/pdf/release.html", context, request=request)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(context["canonical_url"]))
    html = SITE_RELATIVE_HREF.sub(lambda match: f'href="{origin}{match[1]}"', html)
    document = HTML(string=html, base_url=f"{origin}/", url_fetcher=media_fetcher(f"{origin}/"))
    return document.write_pdf()


def release_pdf(release, request):
    key = cache_key(release)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render(release, request)
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def pdf_response(release, request):
    response = HttpResponse(release_pdf(release, request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename(release))
    return response
