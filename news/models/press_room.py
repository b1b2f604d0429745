from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..routes import PressRoomRoutes
from .querysets import public_q
from .routing import OneQueryChildRouteMixin, OneQueryViewRestrictionsMixin, RequestCachedUrlMixin
from .topics import Topic


class PressRoomPage(
    RequestCachedUrlMixin, OneQueryViewRestrictionsMixin, OneQueryChildRouteMixin, PressRoomRoutes, Page
):
    """The list of releases of one language; there is one per home page, hence one per locale."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    # Wagtail's max_count counts every locale, so "one press room per language" is one per parent:
    # the site puts it under each language's home page (NEWS_PRESS_ROOM_PARENT_PAGE_TYPES).
    max_count_per_parent = 1
    parent_page_types = getattr(settings, "NEWS_PRESS_ROOM_PARENT_PAGE_TYPES", ["wagtailcore.Page"])
    subpage_types = ["news.PressReleasePage"]

    releases_per_page = 10

    class Meta:
        verbose_name = _("press room")

    def child_queryset(self):
        from .releases import PressReleasePage

        # What the release's template shows first comes with it; its embargo status is a lookup in
        # memory (PressReleasePage.source_is_live).
        return PressReleasePage.objects.select_related("locale", "hero_image")

    def releases(self):
        """The releases the public may see, newest first."""
        from .releases import PressReleasePage

        return PressReleasePage.objects.child_of(self).published().newest_first()

    def listing(self):
        """The filters' choices and the ids of every published release, newest first.

        Both read the whole archive, so with ``NEWS_LISTING_CACHE_VERSION`` (a function returning a
        version that changes whenever published content does) they are cached under that version.
        """
        version_path = getattr(settings, "NEWS_LISTING_CACHE_VERSION", None)
        version = import_string(version_path)() if version_path else None
        if version is None:
            return self._compute_listing()
        key = f"news:press-room-listing:{self.pk}:{version}"
        listing = cache.get(key)
        if listing is None:
            listing = self._compute_listing()
            cache.set(key, listing, getattr(settings, "NEWS_LISTING_CACHE_TIMEOUT", 3600))
        return listing

    def _compute_listing(self):
        releases = self.releases()
        return {"choices": self.filter_choices(releases), "ids": list(releases.values_list("pk", flat=True))}

    def filter_choices(self, releases):
        """Topics, networks and years that at least one published release of this room has."""
        topics = Topic.objects.filter(
            locale_id=self.locale_id,
            translation_key__in=Topic.objects.filter(press_release_links__page__in=releases.values("pk")).values(
                "translation_key"
            ),
        ).order_by("name")
        networks = (
            Page.objects.live()
            .filter(
                public_q(),
                locale_id=self.locale_id,
                translation_key__in=Page.objects.filter(press_release_links__page__in=releases.values("pk")).values(
                    "translation_key"
                ),
            )
            .order_by("title")
        )
        years = [day.year for day in releases.dates("release_date", "year", order="DESC")]
        return {"topics": list(topics), "networks": list(networks), "years": years}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.listing()
        choices = listing["choices"]
        # Filters come from the address bar: values that match no choice are ignored, never an error.
        topic = next((t for t in choices["topics"] if t.slug == request.GET.get("topic")), None)
        network = next((n for n in choices["networks"] if str(n.pk) == request.GET.get("network")), None)
        year = next((y for y in choices["years"] if str(y) == request.GET.get("year")), None)
        selected = {name: value for name, value in (("topic", topic), ("network", network), ("year", year)) if value}
        if selected:
            releases = self.releases().select_related("hero_image").prefetch_related("hero_image__renditions")
            if topic:
                releases = releases.with_topic(topic)
            if network:
                releases = releases.with_network(network)
            if year:
                releases = releases.filter(release_date__year=year)
            page = Paginator(releases, self.releases_per_page).get_page(request.GET.get("page"))
        else:
            # Unfiltered, the page is cut from the listing's ids: no sort or count of the whole archive.
            page = Paginator(listing["ids"], self.releases_per_page).get_page(request.GET.get("page"))
            page.object_list = self._cards(page.object_list)
        context.update(choices=choices, selected=selected, releases=page)
        return context

    def latest_releases(self, count):
        """The ``count`` newest published releases, cut from the cached listing like its first page."""
        return self._cards(self.listing()["ids"][:count])

    @staticmethod
    def _cards(ids):
        """The releases of ``ids`` in that order, with the image their cards show."""
        from .releases import PressReleasePage

        found = PressReleasePage.objects.filter(pk__in=ids).select_related("hero_image")
        found = {release.pk: release for release in found.prefetch_related("hero_image__renditions")}
        return [found[pk] for pk in ids if pk in found]
