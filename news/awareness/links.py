"""The awareness day's child objects: yearly themes and dates, links, and its campaign kit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin

YEAR_HELP = _("The year this applies to, e.g. 2027.")


def _page_types(setting):
    return getattr(settings, setting, []) or None


class AwarenessDayTheme(TranslatableMixin, Orderable):
    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="themes")
    year = models.PositiveSmallIntegerField(_("year"), help_text=YEAR_HELP)
    theme = models.CharField(_("theme"), max_length=255)

    panels = [FieldPanel("year"), FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("yearly theme")
        verbose_name_plural = _("yearly themes")
        ordering = ["sort_order"]


class AwarenessDayDate(Orderable):
    """The dates of one year, for a day whose date is announced each year."""

    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="dates")
    year = models.PositiveSmallIntegerField(_("year"), help_text=YEAR_HELP)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"), null=True, blank=True, help_text=_("Leave empty for a single day."))

    panels = [FieldPanel("year"), FieldPanel("start"), FieldPanel("end")]

    class Meta(Orderable.Meta):
        verbose_name = _("dates of a year")
        verbose_name_plural = _("dates of each year")

    def clean(self):
        errors = {}
        if self.start and self.year and self.start.year != self.year:
            errors["start"] = _("The first day must be in %(year)s.") % {"year": self.year}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The last day cannot be before the first day.")
        if errors:
            raise ValidationError(errors)


class AwarenessDayTopic(Orderable):
    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "news.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="awareness_day_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class AwarenessDayNetwork(Orderable):
    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("network"), on_delete=models.CASCADE, related_name="awareness_day_links"
    )

    panels = [PageChooserPanel("network", page_type=_page_types("NEWS_NETWORK_PAGE_TYPES"))]

    class Meta(Orderable.Meta):
        verbose_name = _("network")
        verbose_name_plural = _("networks")


class AwarenessDayRelease(Orderable):
    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="release_links")
    release = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="awareness_day_release_links",
    )

    panels = [PageChooserPanel("release", page_type=_page_types("NEWS_RELEASE_PAGE_TYPES"))]

    class Meta(Orderable.Meta):
        verbose_name = _("related press release")
        verbose_name_plural = _("related press releases")


class AwarenessDayKitImage(TranslatableMixin, Orderable):
    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="kit_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(_("credit"), max_length=255, help_text=_("Who must be credited, e.g. “F-CRIN”."))

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("campaign image")
        verbose_name_plural = _("campaign images")
        ordering = ["sort_order"]


class AwarenessDayKitDocument(TranslatableMixin, Orderable):
    page = ParentalKey("news.AwarenessDayPage", on_delete=models.CASCADE, related_name="kit_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("credit")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("campaign document")
        verbose_name_plural = _("campaign documents")
        ordering = ["sort_order"]
