from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from news import visibility
from news.awareness.calendar import next_day as next_awareness_day
from news.models import AwarenessDayPage, PressRoomPage
from news.page_permissions import SitePermissionsPage
from news.serving import ServedPage


class HomePage(ServedPage, SitePermissionsPage, Page):
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
        # Read when the page's content is rendered, not when it comes from the fragment cache.
        sections = SimpleLazyObject(self.sections)
        press_room = SimpleLazyObject(lambda: self.press_room(sections))
        context.update(
            sections=sections,
            press_room=press_room,
            latest_releases=SimpleLazyObject(
                lambda: press_room.latest_releases(self.latest_releases_count) if press_room else []
            ),
            next_awareness_day=SimpleLazyObject(self.next_awareness_day),
        )
        return context

    def sections(self):
        """The public children shown in menus, as their own type (a press room lists releases) with
        their own fields deferred: only their titles, descriptions and addresses are shown."""
        return [page.specific_deferred for page in visibility.public(self.get_children()).in_menu()]

    def press_room(self, sections):
        # Normally one of the sections; looked up only when it is not.
        found = next((section for section in sections if isinstance(section, PressRoomPage)), None)
        return found or visibility.public(PressRoomPage.objects.child_of(self)).first()

    def next_awareness_day(self):
        days = visibility.public(AwarenessDayPage.objects.filter(locale_id=self.locale_id)).prefetch_related("dates")
        return next_awareness_day(days)


class LegalPage(ServedPage, Page):
    """A page the law asks of a French public body's website, linked from every page's footer."""

    class Kind(models.TextChoices):
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Which legal page this is: the footer of every page links to one of each kind."),
    )
    last_updated = models.DateField(_("last updated"), null=True, blank=True)
    body = RichTextField(_("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"])

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("last_updated"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    override_translatable_fields = [SynchronizedField("kind")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")

    def clean(self):
        super().clean()
        siblings = LegalPage.objects.filter(locale_id=self.locale_id, kind=self.kind).exclude(pk=self.pk)
        if self.kind and siblings.exists():
            raise ValidationError(
                {"kind": _("There is already a legal page of this kind in this language: edit that one instead.")}
            )

    @classmethod
    def in_footer_order(cls, pages, kind_of):
        """``pages`` in the footer's order (legal notice, privacy, accessibility); ``kind_of(page)`` gives their kind."""
        order = {kind: position for position, kind in enumerate(cls.Kind.values)}
        return sorted(pages, key=lambda page: order.get(kind_of(page), len(order)))

    @classmethod
    def footer_links(cls, language_code):
        """The public legal pages in ``language_code``, in the footer's order, in one query."""
        pages = (
            visibility.public(cls.objects.filter(locale__language_code=language_code))
            .select_related("locale")
            .only("title", "url_path", "path", "depth", "kind", "locale__language_code")
        )
        return cls.in_footer_order(pages, lambda page: page.kind)
