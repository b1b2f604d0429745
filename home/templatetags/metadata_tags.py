"""Link previews and structured data shared by every page: canonical URL, OpenGraph, Twitter cards,
the WebSite (with its SearchAction) on home pages and a BreadcrumbList elsewhere.

Page types add their own JSON-LD (NewsArticle, ResearchOrganization, Event) in their
``extra_head`` block, or in the ``structured_data`` block of base.html beside ``{{ block.super }}``.
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Page

from news.jsonld import script_json
from news.serving import site_url

register = template.Library()

# Image fields, in order of preference, that can illustrate a page in a link preview.
SOCIAL_IMAGE_FIELDS = ["social_image", "hero_image", "logo"]
# Text fields, in order of preference, that can describe a page when it has no search description.
DESCRIPTION_FIELDS = ["search_description", "standfirst", "summary", "introduction", "intro"]
SOCIAL_IMAGE_FILTER = "fill-1200x630"
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def json_ld(data):
    """``data`` as a JSON-LD script element."""
    return format_html('<script type="application/ld+json">{}</script>', script_json(data))


def _description(page):
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _image(page, request):
    for name in SOCIAL_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
            alt_field = getattr(page, f"{name.removesuffix('_image')}_alt_text", "") or ""
            return {
                "url": site_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": alt_field or getattr(image, "description", "") or image.title,
            }
    return None


@register.simple_tag(takes_context=True)
def page_metadata(context):
    """What link previews show: title, description, canonical URL, image, type and locales."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    language = translation.get_language()
    if isinstance(page, Page) and page.pk:
        canonical = page.get_full_url(request) or site_url(request, request.path)
        if context.get("canonical_url"):
            canonical = context["canonical_url"]
        title = page.seo_title or page.title
        description = _description(page)
        image = _image(page, request)
        og_type = context.get("og_type") or ("article" if hasattr(page, "release_date") else "website")
    else:
        canonical = site_url(request, request.path)
        title = context.get("og_title", "")
        description = context.get("og_description", "")
        image = None
        og_type = "website"
    return {
        "canonical": canonical,
        "title": title,
        "description": description,
        "image": image,
        "type": og_type,
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language],
        "published_time": getattr(page, "first_published_at", None) if og_type == "article" else None,
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
    }


def _breadcrumbs(trail, request):
    # From the language's home page (depth 2, below the tree root) down to the page.
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.seo_title or crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def _website(page, request):
    search_url = site_url(request, reverse("search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": page.seo_title or page.title,
        "url": page.get_full_url(request),
        "inLanguage": translation.get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


@register.simple_tag(takes_context=True)
def site_structured_data(context):
    """The WebSite and its SearchAction on a home page; the BreadcrumbList on every other page."""
    request, page, languages = context.get("request"), context.get("page"), context.get("languages")
    if request is None or not isinstance(page, Page) or not page.pk or page.depth < 2:
        return ""
    # Each language's home page sits right under the tree's root.
    if page.depth == 2:
        return json_ld(_website(page, request))
    return json_ld(_breadcrumbs(languages.trail, request))
