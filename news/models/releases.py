from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import PressReleaseBodyBlock
from ..routes import PressReleaseRoutes
from .boilerplates import Boilerplate
from .contacts import PressContact
from .localization import localized_targets
from .settings import PressOfficeSettings
from .topics import Topic


class PressReleaseQuerySet(PageQuerySet):
    def published(self):
        """Live, public releases whose source-language page is live too.

        An embargo is the source page's go-live date; translations are published on their own
        (wagtail-localize never copies ``go_live_at``), so a translation counts only once its
        source is live.
        """
        default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        source_locale = Subquery(Locale.objects.filter(language_code=default_language).values("pk")[:1])
        if apps.is_installed("wagtail_localize"):
            from wagtail_localize.models import TranslationSource

            origin = TranslationSource.objects.filter(object_id=OuterRef("translation_key")).order_by("pk")
            source_locale = Coalesce(Subquery(origin.values("locale_id")[:1]), source_locale)
        source_not_live = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale_id=OuterRef("source_locale_id"), live=False
        )
        return self.live().public().alias(source_locale_id=source_locale).filter(~Exists(source_not_live))

    def newest_first(self):
        return self.order_by("-release_date", "-first_published_at", "-pk")

    def with_topic(self, topic):
        """Releases about ``topic`` in any language: links may point to another language's copy."""
        return self.filter(topic_links__topic__translation_key=topic.translation_key).distinct()

    def with_network(self, network):
        return self.filter(network_links__network__translation_key=network.translation_key).distinct()


PressReleaseManager = PageManager.from_queryset(PressReleaseQuerySet)


class PressReleasePage(PressReleaseRoutes, Page):
    standfirst = models.TextField(
        _("standfirst"), help_text=_("The opening paragraph in bold: who, what, when, in two or three sentences.")
    )
    release_date = models.DateField(
        _("release date"),
        default=timezone.localdate,
        help_text=_("The date printed on the release. The embargo is the go-live date in the Settings tab."),
    )
    dateline = models.CharField(_("dateline"), max_length=80, blank=True, help_text=_("City, e.g. Paris."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows. Leave blank to use the image's description."),
    )
    hero_caption = models.CharField(_("caption"), max_length=250, blank=True)
    hero_credit = models.CharField(_("credit"), max_length=120, blank=True)
    body = StreamField(PressReleaseBodyBlock(), verbose_name=_("body"), blank=True)
    correction_notice = RichTextField(
        _("correction notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What was corrected, shown at the top of the release as “Correction”."),
    )
    correction_date = models.DateField(_("correction date"), null=True, blank=True)

    objects = PressReleaseManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel([FieldPanel("release_date"), FieldPanel("dateline")], heading=_("Date and place")),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
        InlinePanel("network_links", heading=_("Related networks"), label=_("network")),
        InlinePanel(
            "contact_links",
            heading=_("Press contacts"),
            label=_("press contact"),
            help_text=_("Leave empty to show the press office's default contacts."),
        ),
        InlinePanel(
            "boilerplate_links",
            heading=_("“About” boilerplates"),
            label=_("boilerplate"),
            help_text=_("Leave empty to show the press office's default boilerplates."),
        ),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        MultiFieldPanel([FieldPanel("correction_notice"), FieldPanel("correction_date")], heading=_("Correction")),
    ]
    settings_panels = [
        HelpPanel(
            content=_(
                "<p><strong>Embargo</strong>: set the go-live date and time under “Schedule publishing”, "
                "in Paris time (Europe/Paris). Until then the release, its translations and its "
                "attachments are nowhere on the public site.</p>"
            )
        ),
        *Page.settings_panels,
    ]

    search_fields = [*Page.search_fields, index.SearchField("standfirst"), index.SearchField("body")]

    parent_page_types = ["news.PressRoomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def is_published(self):
        return type(self).objects.published().filter(pk=self.pk).exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = localized_targets(Topic.objects.all(), self.topic_links.all(), "topic", self.locale_id)
        context["networks"] = localized_targets(
            Page.objects.live().public(), self.network_links.all(), "network", self.locale_id
        )
        contacts = list(
            localized_targets(PressContact.objects.all(), self.contact_links.all(), "contact", self.locale_id)
        )
        boilerplates = list(
            localized_targets(Boilerplate.objects.all(), self.boilerplate_links.all(), "boilerplate", self.locale_id)
        )
        if not (contacts and boilerplates):
            press_office = PressOfficeSettings.for_request(request)
            if not contacts:
                contacts = localized_targets(
                    PressContact.objects.all(), press_office.default_contacts.all(), "contact", self.locale_id
                )
            if not boilerplates:
                boilerplates = localized_targets(
                    Boilerplate.objects.all(), press_office.default_boilerplates.all(), "boilerplate", self.locale_id
                )
        context["contacts"] = contacts
        context["boilerplates"] = boilerplates
        context["attachments"] = self.attachments.select_related("document")
        return context


class PressReleaseTopic(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "news.Topic", on_delete=models.CASCADE, related_name="press_release_links", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]


def _network_panel():
    page_types = getattr(settings, "NEWS_NETWORK_PAGE_TYPES", [])
    return PageChooserPanel("network", page_type=page_types) if page_types else FieldPanel("network")


class PressReleaseNetwork(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="press_release_links", verbose_name=_("network")
    )

    panels = [_network_panel()]


class PressReleaseContact(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(
        "news.PressContact",
        on_delete=models.CASCADE,
        related_name="press_release_links",
        verbose_name=_("press contact"),
    )

    panels = [FieldPanel("contact")]


class PressReleaseBoilerplate(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="boilerplate_links")
    boilerplate = models.ForeignKey(
        "news.Boilerplate", on_delete=models.CASCADE, related_name="press_release_links", verbose_name=_("boilerplate")
    )

    panels = [FieldPanel("boilerplate")]


class PressReleaseAttachment(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="press_release_attachments",
        verbose_name=_("document"),
    )
    label = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Leave blank to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    @property
    def text(self):
        return self.label or self.document.title
