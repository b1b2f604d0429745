from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..routes import PressRoomRoutes


class PressRoomPage(PressRoomRoutes, Page):
    """The list of releases of one language; there is one per home page, hence one per locale."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    # Wagtail's max_count counts every locale, so "one press room per language" is one per parent:
    # the site puts it under each language's home page (NEWS_PRESS_ROOM_PARENT_PAGE_TYPES).
    max_count_per_parent = 1
    parent_page_types = getattr(settings, "NEWS_PRESS_ROOM_PARENT_PAGE_TYPES", ["wagtailcore.Page"])
    subpage_types = ["news.PressReleasePage"]

    class Meta:
        verbose_name = _("press room")

    def get_context(self, request, *args, **kwargs):
        from .releases import PressReleasePage

        context = super().get_context(request, *args, **kwargs)
        context["releases"] = PressReleasePage.objects.child_of(self).published().newest_first()
        return context
