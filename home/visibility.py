"""Which pages the public may find: the one rule shared by search, the sitemap, the API and the menus."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import TranslationSource

from fcrin_site.pagecache import content_generation


def unpublished_source_keys():
    """Translation keys whose source-language page is not live (a draft, or under embargo).

    wagtail-localize never copies a source's unpublishing or postponed go-live to its translations,
    so a translation can be live while its source is not; such a translation stays hidden. The
    source is the locale wagtail-localize translated from, else the site's default language.
    """
    default_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values("pk")[:1]
    origin = TranslationSource.objects.filter(object_id=OuterRef("translation_key")).order_by("pk").values("locale_id")
    return (
        Page.objects.filter(live=False)
        .alias(source_locale_id=Coalesce(Subquery(origin[:1]), Subquery(default_locale)))
        .filter(locale_id=F("source_locale_id"))
        .values("translation_key")
    )


def _cached(request, name, compute):
    if request is None:
        return compute()
    if not hasattr(request, name):
        setattr(request, name, compute())
    return getattr(request, name)


def unpublished_source_key_list(request):
    """``unpublished_source_keys()`` as a list: read once per request, cached under the content generation.

    As a subquery it scans every page of the archive (``live`` has no index), in every query that
    filters on it; the list is short (drafts and embargoes) and changes only when something is published.
    """

    def compute():
        generation = content_generation()
        key = f"visibility:unpublished-source-keys:{generation}"
        keys = cache.get(key) if generation is not None else None
        if keys is None:
            keys = list(unpublished_source_keys().values_list("translation_key", flat=True))
            if generation is not None:
                cache.set(key, keys, 3600)
        return keys

    return _cached(request, "_unpublished_source_keys", compute)


def restricted_paths(request=None):
    """Tree paths of the pages with a view restriction (private sections), looked up once per request."""
    return _cached(
        request, "_restricted_paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def active_locales():
    """The active language's locale, as a subquery: filtering on it costs no query of its own."""
    language = get_supported_content_language_variant(translation.get_language())
    return Locale.objects.filter(language_code=language).values("pk")


def public_pages(queryset=None, request=None):
    """Live, public pages below the root whose source-language page is live too.

    The same as ``.live().public()`` plus the source rule, in filters a search backend accepts;
    given the request, the view restrictions are read once for all the querysets built during it.
    """
    queryset = Page.objects.all() if queryset is None else queryset
    hidden = unpublished_source_keys() if request is None else unpublished_source_key_list(request)
    queryset = queryset.live().filter(depth__gt=1).exclude(translation_key__in=hidden)
    private = Q()
    for path in restricted_paths(request):
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
