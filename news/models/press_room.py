from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..routes import PressRoomRoutes
from .querysets import public_q, view_restrictions_for
from .topics import Topic


class PressRoomPage(PressRoomRoutes, Page):
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

    def get_view_restrictions(self):
        return view_restrictions_for(self)

    def route(self, request, path_components):
        from .releases import PressReleasePage

        if not path_components or self.is_subpage_route(path_components):
            return super().route(request, path_components)
        # One query for the release, its embargo status and what its template shows first,
        # instead of Wagtail's generic child lookup followed by .specific.
        release = (
            PressReleasePage.objects.child_of(self)
            .filter(slug=path_components[0])
            .with_source_status()
            .select_related("locale", "hero_image")
            .first()
        )
        if release is None:
            return super().route(request, path_components)
        release._cached_parent_obj = self
        return release.route(request, path_components[1:])

    def is_subpage_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

    def releases(self):
        """The releases the public may see, newest first."""
        from .releases import PressReleasePage

        return PressReleasePage.objects.child_of(self).published().newest_first()

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
        releases = self.releases()
        choices = self.filter_choices(releases)
        # Filters come from the address bar: values that match no choice are ignored, never an error.
        selected = {}
        topic = next((t for t in choices["topics"] if t.slug == request.GET.get("topic")), None)
        if topic:
            selected["topic"] = topic
            releases = releases.with_topic(topic)
        network = next((n for n in choices["networks"] if str(n.pk) == request.GET.get("network")), None)
        if network:
            selected["network"] = network
            releases = releases.with_network(network)
        year = next((y for y in choices["years"] if str(y) == request.GET.get("year")), None)
        if year:
            selected["year"] = year
            releases = releases.filter(release_date__year=year)
        releases = releases.select_related("hero_image").prefetch_related("hero_image__renditions")
        context.update(
            choices=choices,
            selected=selected,
            releases=Paginator(releases, self.releases_per_page).get_page(request.GET.get("page")),
        )
        return context
