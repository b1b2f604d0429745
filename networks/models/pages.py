from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from news import visibility
from news.media.galleries import has_gallery
from news.media.items import GalleryLink
from news.models import AwarenessCalendarPage, PressRoomPage, Topic
from news.page_permissions import SitePermissionsPage
from news.serving import ServedPage, lazy_context

from ..blocks import NetworkBodyBlock
from ..directory import directory_context, network_context, topic_context
from ..kinds import NetworkKind

# What the network and topic pages show (networks.directory), read only for the parts the fragment cache lacks.
NETWORK_CONTEXT = [
    "network_index_url",
    "topics",
    "coordinators",
    "care_protocols",
    "releases",
    "logo",
    "logo_url",
    "canonical_url",
    "json_ld",
]
TOPIC_CONTEXT = ["networks", "care_protocols", "releases", "awareness_days", "alternate_urls"]


class NetworkPageQuerySet(PageQuerySet):
    def with_cards(self):
        """With what a network's card shows: its logo's renditions and its topics, in title order."""
        return (
            self.select_related("logo")
            .prefetch_related(
                "logo__renditions",
                Prefetch("topic_links", queryset=NetworkTopic.objects.select_related("topic")),
            )
            .order_by(Lower("title"))
        )


class NetworkIndexPage(RoutablePageMixin, ServedPage, SitePermissionsPage, Page):
    """The directory of networks, one per language; it also serves a page for each topic."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = getattr(settings, "NETWORKS_INDEX_PARENT_PAGE_TYPES", None)
    subpage_types = ["networks.NetworkPage"]

    class Meta:
        verbose_name = _("networks directory")

    @classmethod
    def can_create_at(cls, parent):
        # One directory per language: the others are translations of the first.
        return super().can_create_at(parent) and not cls.objects.filter(locale_id=parent.locale_id).exists()

    def child_pages(self):
        # A network's page shows its logo, and reads its gallery only when it has one.
        return (
            NetworkPage.objects.child_of(self)
            .select_related("logo")
            .annotate(has_gallery=has_gallery(NetworkGalleryItem))
        )

    def networks(self):
        return NetworkPage.objects.child_of(self)

    def networks_about(self, topic):
        """The networks in the directory's language about ``topic``, wherever they are in the tree."""
        return NetworkPage.objects.filter(
            locale_id=self.locale_id, pk__in=NetworkTopic.objects.filter(topic=topic).values("page_id")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    @path(_("topics/<str:slug>/"), name="topic")
    def topic_view(self, request, slug):
        topic = get_object_or_404(Topic, locale_id=self.locale_id, slug=slug)
        # Page.get_context, not ours: the topic page does not need the directory's queries.
        context = Page.get_context(self, request)
        context.update(lazy_context(lambda: topic_context(self, topic, request), TOPIC_CONTEXT), topic=topic)
        return TemplateResponse(request, "networks/topic_page.html", context)


class NetworkPage(ServedPage, SitePermissionsPage, Page):
    acronym = models.CharField(
        _("acronym"),
        max_length=40,
        blank=True,
        help_text=_("As the network writes it. Leave empty when it has no official acronym: never make one up."),
    )
    full_name = models.CharField(_("full name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=NetworkKind.choices, default=NetworkKind.INVESTIGATION)
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in the directory."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    centres = models.PositiveIntegerField(
        _("number of centres"), null=True, blank=True, help_text=_("Leave empty when no source gives the number.")
    )
    centres_note = models.CharField(
        _("about the centres"),
        max_length=255,
        blank=True,
        help_text=_("What the centres are, or the source's own wording when it gives no plain number."),
    )
    year_labelled = models.PositiveSmallIntegerField(_("year labelled"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    body = StreamField(NetworkBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("full_name"),
        FieldPanel("summary"),
        FieldPanel("logo"),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
        MultiFieldPanel(
            [
                InlinePanel("coordinators", label=_("coordinator")),
                FieldRowPanel([FieldPanel("centres"), FieldPanel("year_labelled")]),
                FieldPanel("centres_note"),
                FieldPanel("website"),
            ],
            heading=_("Key facts"),
        ),
        InlinePanel("care_protocol_links", heading=_("Care protocols"), label=_("care protocol")),
        FieldPanel("body"),
        InlinePanel("gallery_links", heading=_("Gallery"), label=_("photo or video")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("acronym"), index.SearchField("full_name")]
    override_translatable_fields = [SynchronizedField("acronym")]

    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NetworkPageQuerySet)()

    class Meta:
        verbose_name = _("network")

    @staticmethod
    def topic_path(slug):
        """The path of a topic's page, from the address of the directory."""
        return NetworkIndexPage.get_resolver().reverse("topic", slug=slug)

    def clean(self):
        super().clean()
        if self.acronym:
            clash = (
                NetworkPage.objects.filter(locale_id=self.locale_id, acronym__iexact=self.acronym)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if clash:
                raise ValidationError({"acronym": _("Another network already uses this acronym.")})

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        localize_links(self)
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: network_context(self, request), NETWORK_CONTEXT))
        # Its feeds are routes of the press room of its language, and its awareness days are in the
        # calendar of its language: both looked up once, in one query, for the head and the page.
        sections = SimpleLazyObject(
            lambda: visibility.public_sections(self.locale_id, PressRoomPage, AwarenessCalendarPage)
        )
        context["press_room"] = SimpleLazyObject(lambda: sections[PressRoomPage])
        context["awareness_calendar"] = SimpleLazyObject(lambda: sections[AwarenessCalendarPage])
        return context


def localize_links(page):
    """Point the page's topic and protocol links at their translations in the page's language.

    wagtail-localize copies these plain child links as they are, so a fresh English translation
    still points at the French topics until this runs.
    """
    for model, field in ((NetworkTopic, "topic"), (NetworkCareProtocol, "protocol")):
        stale = model.objects.filter(page=page).exclude(**{f"{field}__locale_id": page.locale_id})
        for link in stale.select_related(field):
            target = getattr(link, field).get_translation_or_none(page.locale_id)
            if target is not None:
                setattr(link, field, target)
                link.save(update_fields=[f"{field}_id"])


class NetworkTopic(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="network_links")

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")


class Honorific(models.TextChoices):
    """Printed in the reader's language: "Pr" in French is "Prof." in English."""

    NONE = "", _("None")
    PROFESSOR = "prof", pgettext_lazy("honorific", "Prof.")
    DOCTOR = "dr", pgettext_lazy("honorific", "Dr")


class NetworkCoordinator(TranslatableMixin, Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="coordinators")
    honorific = models.CharField(_("title"), max_length=10, choices=Honorific, blank=True)
    name = models.CharField(_("name"), max_length=120, help_text=_("Given and family names, e.g. “Jeanne Martin”."))
    title = models.CharField(_("role"), max_length=255, blank=True, help_text=_("Their role in the network."))
    institution = models.CharField(_("institution"), max_length=255, blank=True)

    override_translatable_fields = [SynchronizedField("honorific"), SynchronizedField("name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("coordinator")

    @property
    def full_name(self):
        return f"{self.get_honorific_display()} {self.name}" if self.honorific else self.name


class NetworkCareProtocol(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="care_protocol_links")
    protocol = models.ForeignKey(
        "networks.CareProtocol",
        verbose_name=_("care protocol"),
        on_delete=models.CASCADE,
        related_name="network_links",
    )

    panels = [FieldPanel("protocol")]

    class Meta(Orderable.Meta):
        verbose_name = _("care protocol")


class NetworkGalleryItem(GalleryLink):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="gallery_links")

    filter_name = "network"
    filter_label = _("Network")
