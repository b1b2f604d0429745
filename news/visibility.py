"""What the public may see: the one rule every channel asks.

A page is **public** when it is live, not expired, under no view restriction (on itself or an
ancestor), and, for a translation, when its source page is public too. The source is the page in the
language wagtail-localize translated it from (else the site's default language): an embargo is the
source's go-live date. A translation is published on its own (wagtail-localize copies the go-live
date at most when it creates the translation, never a later change of it nor an unpublication), so
a translation published early, or whose source was postponed or unpublished, stays hidden until its
source is public.

- ``public(pages)``: the public pages of a page queryset, in SQL (subqueries, no query of its own).
- ``public_for_search(pages)``: the same as a filter that search backends accept (an ``id`` list).
- ``public_sections(locale_id, *models)``: the public page of each of these types in a language, in one query.
- ``is_public(page)``: one page, in one query.
- ``released(pages)`` and ``is_released(page)``: the same rule without the page's own view
  restrictions, for page serving, where Wagtail's own check asks for a restricted page's password
  or login; ``with_release_state(pages)`` reads ``is_released`` along with the pages.

Page serving, listings, the home page, feeds (language, topic, network), calendars, vCards, press
kits, site search, the API, the sitemap, structured data, rich-text links, menus, language links and
documents all ask this module; nothing decides it from a cache. Caches may keep an answer only until
the next publication (see the page cache of the site that installs this app).
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length, Substr

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction


def source_locale_id():
    """The locale the outer page was translated from: wagtail-localize's source, else the default language."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale_id = Subquery(Locale.objects.filter(language_code=default_language).values("pk")[:1])
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import TranslationSource

        origin = TranslationSource.objects.filter(object_id=OuterRef("translation_key")).order_by("pk")
        locale_id = Coalesce(Subquery(origin.values("locale_id")[:1]), locale_id)
    return locale_id


def restricted():
    """Whether a view restriction applies to the outer page: one on the page or on an ancestor."""
    # An ancestor's path is a prefix of the page's path. Each restriction's page is read by its key,
    # never joined: a join lets the planner (SQLite after ANALYZE) scan every page for every row.
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    covering = PageViewRestriction.objects.alias(restricted_path=restricted_path).filter(
        restricted_path=Substr(OuterRef("path"), 1, Length("restricted_path"))
    )
    return Exists(covering)


def source_pages(condition):
    """The pages meeting ``condition`` that are their translations' source."""
    return (
        Page.objects.filter(condition)
        .alias(source_locale_id=source_locale_id())
        .filter(locale_id=F("source_locale_id"))
    )


def withheld_source_pages():
    """The source pages that are not public: drafts, embargoes, unpublished, expired or private pages."""
    return source_pages(Q(live=False) | Q(expired=True) | Q(restricted()))


def _withheld_by(sources):
    # NOT EXISTS, never NOT IN: PostgreSQL turns it into an anti-join, where NOT IN over a subquery
    # can be run again for each row (minutes on 20,000 pages).
    return Exists(sources.filter(translation_key=OuterRef("translation_key")))


def public(pages):
    """The public pages of ``pages`` (any page queryset)."""
    return pages.filter(live=True, expired=False).exclude(restricted()).exclude(_withheld_by(withheld_source_pages()))


def released(pages):
    """``public(pages)`` but for the pages' own view restrictions, which Wagtail's serving checks."""
    not_live = source_pages(Q(live=False) | Q(expired=True))
    # A page in the source language is its own source: only another page's restriction withholds it.
    private_source = source_pages(Q(restricted())).exclude(pk=OuterRef("pk"))
    return pages.filter(live=True, expired=False).exclude(_withheld_by(not_live)).exclude(_withheld_by(private_source))


def public_for_search(pages):
    """``public(pages)`` as an ``id__in`` filter: search backends accept no subquery expressions."""
    return pages.filter(id__in=public(pages).values("id"))


def is_public(page):
    return public(Page.objects.filter(pk=page.pk)).exists()


def public_sections(locale_id, *models):
    """``{model: page}``: the first public page (in tree order) of each of ``models`` in the locale, or
    None, all in one query. The pages are of their own class with only Page's fields read (Wagtail's
    ``specific(defer=True)``): enough for their address, title and routes."""
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    pages = public(Page.objects.filter(locale_id=locale_id, content_type__in=content_types.values()))
    found = {}
    for page in pages.order_by("path").specific(defer=True):
        found.setdefault(type(page), page)
    return {model: found.get(model) for model in models}


# The name under which ``with_release_state`` gives each page its ``is_released`` answer.
RELEASE_STATE = "visibility_released"


def with_release_state(pages):
    """``pages``, each with ``is_released(page)`` answered in the same query: page serving reads the
    page it routes to this way, so that the rule costs no query of its own (the query budgets have
    no room for one), at the price of compiling the rule's SQL (several milliseconds of Python)."""
    return pages.annotate(**{RELEASE_STATE: Exists(released(Page.objects.filter(pk=OuterRef("pk"))))})


def is_released(page):
    """``released`` for one page: the answer its routing query read (``with_release_state``), else
    one small query. Both answer the same rule, which ``tests/test_visibility.py`` checks on every
    combination of states.
    """
    known = getattr(page, RELEASE_STATE, None)
    if known is not None:
        return known
    if not page.live or page.expired:
        return False
    sources = source_pages(Q(translation_key=page.translation_key)).annotate(private=restricted())
    source = sources.values("pk", "live", "expired", "private").first()
    if source is None or source["pk"] == page.pk:
        return True
    return source["live"] and not source["expired"] and not source["private"]
