"""The media library page: one per language, listing every public photo and video, filtered by the
page whose gallery holds it (a release, a network) and by kind."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .. import visibility
from ..page_permissions import SitePermissionsPage
from ..serving import ServedPage, lazy_context
from .galleries import with_card_pictures
from .items import MediaItem, MediaKind, gallery_link_models


class MediaLibraryPage(ServedPage, SitePermissionsPage, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    max_count_per_parent = 1
    parent_page_types = getattr(settings, "NEWS_MEDIA_LIBRARY_PARENT_PAGE_TYPES", ["wagtailcore.Page"])
    subpage_types = []

    items_per_page = 24

    class Meta:
        verbose_name = _("media library page")

    def page_filters(self):
        """[(link model, the public pages in this page's language whose gallery holds an item)], one query each."""
        filters = []
        for model in gallery_link_models():
            linked = Page.objects.filter(pk__in=model.objects.values("page_id")).values("translation_key")
            pages = visibility.public(Page.objects.filter(locale_id=self.locale_id, translation_key__in=linked))
            filters.append((model, list(pages.order_by("title").only("title", "slug", "translation_key"))))
        return filters

    def selected_filters(self, request, filters):
        """The address bar's filters that are among the choices; any other value is ignored, never an error."""
        selected = {}
        for model, pages in filters:
            slug = request.GET.get(model.filter_name, "")
            page = next((page for page in pages if page.slug == slug), None)
            if page is not None:
                selected[model.filter_name] = (model, page)
        kind = request.GET.get("kind", "")
        if kind in MediaKind.values:
            selected["kind"] = kind
        return selected

    def items(self, selected):
        items = MediaItem.objects.public().in_language(self.locale_id)
        for name, value in selected.items():
            if name == "kind":
                items = items.filter(kind=value)
            else:
                model, page = value
                items = items.in_gallery_of(model, Page.objects.filter(pk=page.pk))
        return with_card_pictures(items).order_by("-pk")

    def listing(self, request):
        filters = self.page_filters()
        selected = self.selected_filters(request, filters)
        page = Paginator(self.items(selected), self.items_per_page).get_page(request.GET.get("page"))
        return {
            "filters": [
                {
                    "name": model.filter_name,
                    "label": model.filter_label,
                    "pages": pages,
                    "selected": selected.get(model.filter_name, (None, None))[1],
                }
                for model, pages in filters
                if pages
            ],
            "kinds": MediaKind.choices,
            "selected": selected,
            "items": page,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: self.listing(request), ["filters", "kinds", "selected", "items"]))
        context["fragment_key"] = request.GET.urlencode()
        return context
