"""The embargo preview: a release under embargo shown to the holder of a secret link."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .embargo_previews import EmbargoPreviewLink
from .pages import PressReleasePage


def _source_language_version(versions):
    """The release in the language it was written in: its go-live date is the embargo."""
    from wagtail_localize.models import TranslationSource

    origin = TranslationSource.objects.filter(object_id=versions[0].translation_key).order_by("pk").first()
    source_locale_id = origin.locale_id if origin else None
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for version in versions:
        if version.locale_id == source_locale_id or (
            source_locale_id is None and version.locale.language_code == default_language
        ):
            return version
    return versions[0]


def embargo_preview(request, token):
    """An embargoed release for the holder of a secret link, never cached nor indexed.

    Revoked and expired links answer 404; once the embargo has lifted the link leads to the public page.
    """
    link = get_object_or_404(EmbargoPreviewLink.objects.select_related("release"), token=token)
    if not link.is_active():
        raise Http404
    locale = Locale.objects.filter(language_code=get_language()).first()
    versions = PressReleasePage.objects.filter(translation_key=link.release.translation_key).select_related("locale")
    published = list(versions.published())
    if published:
        public = next(
            (version for version in published if version.locale_id == getattr(locale, "pk", None)), published[0]
        )
        return redirect(public.get_url(request))

    versions = list(versions)
    release = next((version for version in versions if version.locale_id == getattr(locale, "pk", None)), link.release)
    lift = _source_language_version(versions).go_live_at
    context = release.get_context(request)
    context.update(
        {
            "embargo_preview": True,
            "embargo_lift": lift,
            "embargo_time_zone": ZoneInfo(getattr(settings, "NEWS_TIME_ZONE", "Europe/Paris")),
            "embargo_languages": sorted(
                settings.LANGUAGES, key=lambda language: language[0] != release.locale.language_code
            ),
        }
    )
    response = TemplateResponse(request, "news/embargo_preview.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    response.no_page_cache = True
    return response
