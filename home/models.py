from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from fcrin_site.routing import menu_sections
from news.awareness.calendar import next_day as next_awareness_day
from news.models import AwarenessDayPage, PressRoomPage
from news.models.querysets import public_q
from news.models.routing import OneQueryViewRestrictionsMixin, RequestCachedUrlMixin


class HomePage(RequestCachedUrlMixin, OneQueryViewRestrictionsMixin, Page):
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the title that say what F-CRIN's press office offers."),
    )
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("standfirst"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    latest_releases_count = 3

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per language: the English one is made with "Translate", never by hand.
        return super().can_create_at(parent) and not cls.objects.exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = menu_sections(request, self)
        if context["sections"] is None:
            # Excluding restricted children in the same query saves `.public()`'s separate lookup of
            # every restriction; restrictions above this page would have stopped the reader already.
            restricted = PageViewRestriction.objects.values("page_id")
            context["sections"] = self.get_children().live().in_menu().exclude(pk__in=restricted).specific()
        # The press room is normally one of the sections; look it up only when it is not. Its
        # listing, cached until the next publication, already holds the newest releases' ids.
        press_room = (
            next((section for section in context["sections"] if isinstance(section, PressRoomPage)), None)
            or PressRoomPage.objects.child_of(self).live().filter(public_q()).first()
        )
        context["press_room"] = press_room
        context["latest_releases"] = press_room.latest_releases(self.latest_releases_count) if press_room else []

        days = AwarenessDayPage.objects.live().filter(public_q(), locale_id=self.locale_id).prefetch_related("dates")
        context["next_awareness_day"] = next_awareness_day(days)
        return context
