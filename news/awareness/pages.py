"""Awareness days: a calendar page per language and one page per day, with its date rule."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import visibility
from ..page_permissions import SitePermissionsPage
from ..serving import ServedPage, lazy_context
from . import calendar
from .links import AwarenessDayNetwork, AwarenessDayTopic
from .rules import REQUIRED_FIELDS, Rule
from .words import NTH_CHOICES, RuleKind

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class AwarenessCalendarPage(RoutablePageMixin, ServedPage, SitePermissionsPage, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = getattr(settings, "NEWS_AWARENESS_CALENDAR_PARENT_PAGE_TYPES", None)
    subpage_types = ["news.AwarenessDayPage"]
    template = "news/awareness_calendar_page.html"

    class Meta:
        verbose_name = _("awareness day calendar")

    @classmethod
    def can_create_at(cls, parent):
        # One calendar per language: the others are its translations.
        return super().can_create_at(parent) and not cls.objects.filter(locale_id=parent.locale_id).exists()

    def days(self, *links):
        """The public days, with their dates and the ``links`` (``topic_links``, ``network_links``) the caller reads."""
        prefetches = {
            "topic_links": Prefetch("topic_links", AwarenessDayTopic.objects.select_related("topic")),
            "network_links": Prefetch("network_links", AwarenessDayNetwork.objects.select_related("network")),
        }
        return (
            visibility.public(AwarenessDayPage.objects.child_of(self))
            # The feed's UIDs name each day's language.
            .select_related("locale")
            .prefetch_related("dates", *(prefetches[name] for name in links))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        build = lambda: calendar.calendar_context(self, request, list(self.days("topic_links", "network_links")))  # noqa: E731
        context.update(lazy_context(build, calendar.CALENDAR_CONTEXT))
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("ics/", name="feed")
    def feed(self, request):
        return calendar.calendar_response(self, request, list(self.days()))

    @path("networks/<str:slug>/ics/", name="network_feed")
    def network_feed(self, request, slug):
        return calendar.filtered_response(self, request, list(self.days("network_links")), network=slug)

    @path("topics/<str:slug>/ics/", name="topic_feed")
    def topic_feed(self, request, slug):
        return calendar.filtered_response(self, request, list(self.days("topic_links")), topic=slug)


class AwarenessDayPage(RoutablePageMixin, ServedPage, SitePermissionsPage, Page):
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences on what the day is for, shown in listings.")
    )
    kind = models.CharField(_("date rule"), max_length=20, choices=RuleKind.choices, default=RuleKind.FIXED)
    month = models.PositiveSmallIntegerField(_("month"), choices=MONTHS.items(), null=True, blank=True)
    day = models.PositiveSmallIntegerField(
        _("day of the month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=WEEKDAYS.items(), null=True, blank=True)
    nth = models.SmallIntegerField(_("which one in the month"), choices=NTH_CHOICES, null=True, blank=True)
    end_month = models.PositiveSmallIntegerField(_("last month"), choices=MONTHS.items(), null=True, blank=True)
    end_day = models.PositiveSmallIntegerField(
        _("last day of the month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    date_confirmed = models.BooleanField(
        _("date confirmed"),
        default=True,
        help_text=_("Untick while sources disagree on the date: the day is then shown as “date to be confirmed”."),
    )
    social_media_text = models.TextField(
        _("suggested social media post"),
        blank=True,
        help_text=_("A ready-to-share post for partners and networks, written in this page's language."),
    )
    body = RichTextField(_("body"), blank=True, features=BODY_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("nth"), FieldPanel("weekday")]),
                FieldRowPanel([FieldPanel("day"), FieldPanel("month")]),
                FieldRowPanel([FieldPanel("end_day"), FieldPanel("end_month")]),
                FieldPanel("date_confirmed"),
            ],
            heading=_("Date rule"),
            help_text=_(
                "Same date: day and month. Weekday: which one, day of the week and month. Last day: month. "
                "Span: first day and month, last day and month."
            ),
        ),
        InlinePanel("dates", label=_("Dates of each year (for days to be confirmed)")),
        InlinePanel("themes", label=_("Yearly themes")),
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        InlinePanel("network_links", label=_("Networks")),
        InlinePanel("release_links", label=_("Related press releases")),
        MultiFieldPanel(
            [
                InlinePanel("kit_images", label=_("Images")),
                InlinePanel("kit_documents", label=_("Documents")),
                FieldPanel("social_media_text"),
            ],
            heading=_("Campaign kit"),
        ),
    ]

    parent_page_types = ["news.AwarenessCalendarPage"]
    subpage_types = []
    template = "news/awareness_day_page.html"

    class Meta:
        verbose_name = _("awareness day")

    @property
    def rule(self):
        fields = {name: getattr(self, name) for name in REQUIRED_FIELDS.get(self.kind, [])}
        dates = ()
        if self.kind == RuleKind.TO_BE_CONFIRMED:
            dates = tuple((d.start, d.end) for d in self.dates.all() if d.start)
        return Rule(self.kind, dates=dates, **fields)

    def clean(self):
        super().clean()
        errors = self.rule.errors()
        if errors:
            raise ValidationError(errors)

    def next_occurrences(self, count=3, after=None):
        return self.rule.next_occurrences(after or datetime.date.today(), count=count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: calendar.day_context(self, request), calendar.DAY_CONTEXT))
        return context

    def kit_images_with_renditions(self):
        return self.kit_images.select_related("image").prefetch_related("image__renditions")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("ics/", name="feed")
    def feed(self, request):
        return calendar.day_response(self, request)
