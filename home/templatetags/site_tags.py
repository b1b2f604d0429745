from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Page, Site

from home.visibility import active_locale, public_pages

register = template.Library()


def _language_names():
    return {code: translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


def _page_alternates(request, page):
    """For each language: the translation of ``page``, else of its nearest translated ancestor."""
    keys = dict(page.get_ancestors(inclusive=True).filter(depth__gt=1).values_list("translation_key", "depth"))
    best = {}
    for candidate in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
        code = candidate.locale.language_code
        if code not in best or keys[candidate.translation_key] > keys[best[code].translation_key]:
            best[code] = candidate
    return {
        code: (candidate.get_url(request), candidate.translation_key == page.translation_key)
        for code, candidate in best.items()
    }


def _view_alternates(request):
    match = request.resolver_match
    alternates = {}
    for code, _name in settings.LANGUAGES:
        if match and match.url_name != "wagtail_serve":
            alternates[code] = (translate_url(request.path, code), True)
        else:
            with translation.override(code):
                alternates[code] = (reverse("wagtail_serve", args=[""]), False)
    return alternates


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The language switcher's and hreflang links' data, computed once per request."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_language_alternates", None)
    if cached is not None:
        return cached
    page = context.get("page")
    found = _page_alternates(request, page) if isinstance(page, Page) and page.pk else _view_alternates(request)
    current = translation.get_language()
    names = _language_names()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url, exact = found.get(code, (None, False))
        if url is None:
            with translation.override(code):
                url = reverse("wagtail_serve", args=[""])
        alternates.append(
            {
                "code": code,
                "name": names[code],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "exact": exact,
                "current": code == current,
            }
        )
    request._language_alternates = alternates
    return alternates


@register.simple_tag(takes_context=True)
def main_navigation(context):
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_navigation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    navigation = []
    if site is not None:
        root, locale = site.root_page, active_locale(request)
        home = root if root.locale_id == locale.pk else (root.get_translation_or_none(locale) or root)
        navigation = [home, *public_pages(home.get_children(), request).in_menu()]
    request._main_navigation = navigation
    return navigation
