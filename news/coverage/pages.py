"""The coverage page: one per language, listing every clipping, filtered by year, network and topic."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from .. import visibility
from ..distribution.feeds import ClippingFeed
from ..page_permissions import SitePermissionsPage
from ..releases.topics import Topic
from ..serving import ServedPage, lazy_context
from .clippings import Clipping
from .listing import with_links

FILTERS = ("year", "network", "topic")


class CoveragePage(RoutablePageMixin, ServedPage, SitePermissionsPage, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    # Wagtail's max_count counts every locale: one per home page is one per language.
    max_count_per_parent = 1
    parent_page_types = getattr(settings, "NEWS_COVERAGE_PARENT_PAGE_TYPES", ["wagtailcore.Page"])
    subpage_types = []

    clippings_per_page = 20

    class Meta:
        verbose_name = _("press coverage page")

    def get_cached_paths(self):
        return ["/", f"/{self.reverse_subpage('feed')}"]

    def topic_choices(self):
        """The topics, in the page's language, that at least one clipping is about."""
        linked = Topic.objects.filter(clipping_links__isnull=False).values("translation_key")
        return Topic.objects.filter(locale_id=self.locale_id, translation_key__in=linked)

    def network_choices(self):
        """The public network pages, in the page's language, that at least one clipping is about."""
        linked = Page.objects.filter(clipping_network_links__isnull=False).values("translation_key")
        return visibility.public(Page.objects.filter(locale_id=self.locale_id, translation_key__in=linked))

    def year_choices(self):
        return [day.year for day in Clipping.objects.dates("published_on", "year", order="DESC")]

    def filter_choices(self):
        return {
            "years": self.year_choices(),
            "networks": list(self.network_choices().order_by("title")),
            "topics": list(self.topic_choices().order_by("name")),
        }

    def selected_filters(self, request, choices):
        """The address bar's filters that are among the ``choices``; any other value is ignored, never an error."""
        year, network, topic = (request.GET.get(name, "") for name in FILTERS)
        selected = {
            "year": next((choice for choice in choices["years"] if str(choice) == year), None),
            "network": next((choice for choice in choices["networks"] if choice.slug == network), None),
            "topic": next((choice for choice in choices["topics"] if choice.slug == topic), None),
        }
        return {name: value for name, value in selected.items() if value}

    def clippings(self, selected):
        clippings = Clipping.objects.newest_first()
        if "year" in selected:
            clippings = clippings.filter(published_on__year=selected["year"])
        if "network" in selected:
            clippings = clippings.about_network(selected["network"])
        if "topic" in selected:
            clippings = clippings.about_topic(selected["topic"])
        return clippings

    def listing(self, request):
        choices = self.filter_choices()
        selected = self.selected_filters(request, choices)
        page = Paginator(self.clippings(selected), self.clippings_per_page).get_page(request.GET.get("page"))
        page.object_list = with_links(list(page.object_list), self.locale_id)
        return {"selected": selected, "clippings": page, "choices": choices}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the listing is rendered, not when it comes from the fragment cache.
        context.update(lazy_context(lambda: self.listing(request), ["selected", "clippings", "choices"]))
        context["fragment_key"] = request.GET.urlencode()
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        """The newest clippings as an Atom feed, filtered as the page is."""
        filtered = any(request.GET.get(name) for name in FILTERS)
        clippings = self.clippings(self.selected_filters(request, self.filter_choices()) if filtered else {})
        return ClippingFeed(self, clippings)(request)
