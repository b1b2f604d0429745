"""The press room: one page per language listing its releases, and serving their downloads."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .. import visibility
from ..media.galleries import ReleaseGalleryItem, has_gallery
from ..page_permissions import SitePermissionsPage
from ..serving import ServedPage
from .pages import PressReleaseBoilerplate, PressReleaseContact, PressReleasePage
from .routes import PressRoomRoutes
from .topics import Topic


class PressRoomPage(PressRoomRoutes, ServedPage, SitePermissionsPage, Page):
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

    def child_pages(self):
        """The releases, with what their template reads first: the main image. Whether the release has
        contacts and boilerplates of its own says where to read them (PressReleasePage.press_contacts),
        whether it has a gallery whether to read it (news.media.galleries.gallery): none of those three
        queries when the footer is rendered cold."""
        return (
            PressReleasePage.objects.child_of(self)
            .select_related("hero_image", "locale")
            .annotate(
                has_contacts=Exists(PressReleaseContact.objects.filter(page=OuterRef("pk"))),
                has_boilerplates=Exists(PressReleaseBoilerplate.objects.filter(page=OuterRef("pk"))),
                has_gallery=has_gallery(ReleaseGalleryItem),
            )
        )

    def releases(self):
        """The releases the public may see, newest first."""
        return PressReleasePage.objects.child_of(self).published().newest_first()

    def topic_choices(self):
        """The topics, in the room's language, of at least one of its published releases."""
        linked = Topic.objects.filter(press_release_links__page__in=self.releases().values("pk"))
        return Topic.objects.filter(locale_id=self.locale_id, translation_key__in=linked.values("translation_key"))

    def network_choices(self):
        """The public network pages, in the room's language, cited by at least one of its published releases."""
        linked = Page.objects.filter(press_release_links__page__in=self.releases().values("pk"))
        return visibility.public(
            Page.objects.filter(locale_id=self.locale_id, translation_key__in=linked.values("translation_key"))
        )

    def filter_choices(self):
        """Topics, networks and years that at least one published release of this room has."""
        years = [day.year for day in self.releases().dates("release_date", "year", order="DESC")]
        return {
            "topics": list(self.topic_choices().order_by("name")),
            "networks": list(self.network_choices().order_by("title")),
            "years": years,
        }

    def selected_filters(self, request):
        """The address bar's filters that are among the choices; any other value is ignored, never an error."""
        topic, network, year = (request.GET.get(name, "") for name in ("topic", "network", "year"))
        selected = {
            "topic": self.topic_choices().filter(slug=topic).first() if topic else None,
            "network": self.network_choices().filter(slug=network).first() if network else None,
            "year": int(year) if len(year) == 4 and year.isdigit() else None,
        }
        if selected["year"] and not self.releases().filter(release_date__year=selected["year"]).exists():
            selected["year"] = None
        return {name: value for name, value in selected.items() if value}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected = self.selected_filters(request)
        topic, network, year = (selected.get(name) for name in ("topic", "network", "year"))
        releases = self.releases()
        if topic:
            releases = releases.with_topic(topic)
        if network:
            releases = releases.with_network(network)
        if year:
            releases = releases.filter(release_date__year=year)
        releases = releases.select_related("hero_image").prefetch_related("hero_image__renditions")
        number = request.GET.get("page", "")
        # Both read when their part of the page is rendered, not when it comes from the fragment cache.
        page = SimpleLazyObject(lambda: Paginator(releases, self.releases_per_page).get_page(number))
        choices = SimpleLazyObject(self.filter_choices)
        # The pages' links carry the filters that were applied, never the rest of one reader's address:
        # the list and its links are kept in the fragment cache for every reader of these filters.
        filters = QueryDict(mutable=True)
        filters.update({name: getattr(value, "slug", value) for name, value in selected.items()})
        context.update(choices=choices, selected=selected, releases=page, page_number=number, filters=filters)
        return context

    def latest_releases(self, count):
        """The ``count`` newest published releases, with the image their cards show."""
        releases = self.releases().select_related("hero_image").prefetch_related("hero_image__renditions")
        return list(releases[:count])
