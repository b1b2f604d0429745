"""Clippings: one article an outlet published, linked to the releases, networks and topics it covers.

A clipping is not translated: it is the article as published, in its own language, and both
languages' pages list it. Its links point to pages and topics in whatever language the editor chose;
readers meet them in their page's language (``localize``).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

URL_MESSAGE = _(
    "Enter the article's full web address, starting with https:// or http:// "
    "(for example https://www.example.org/article)."
)
article_url_validator = URLValidator(schemes=["http", "https"], message=URL_MESSAGE)


class ArticleURLFormField(forms.URLField):
    default_validators = [article_url_validator]
    default_error_messages = {"invalid": URL_MESSAGE}


class ArticleURLField(models.URLField):
    """A web address of an http(s) page, refused with one message that says what to type."""

    default_validators = [article_url_validator]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ArticleURLFormField, "assume_scheme": "https", **kwargs})


class ArticleLanguage(models.TextChoices):
    FRENCH = "fr", pgettext_lazy("language of an article", "French")
    ENGLISH = "en", pgettext_lazy("language of an article", "English")
    GERMAN = "de", pgettext_lazy("language of an article", "German")
    SPANISH = "es", pgettext_lazy("language of an article", "Spanish")
    ITALIAN = "it", pgettext_lazy("language of an article", "Italian")


def _page_types(setting):
    return getattr(settings, setting, []) or None


class ClippingQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-published_on", "-pk")

    # EXISTS rather than a join: a clipping linked to two languages of one page is listed once.
    def about_release(self, page):
        """Clippings about ``page`` (a release) or any of its translations."""
        links = ClippingRelease.objects.filter(clipping=OuterRef("pk"), release__translation_key=page.translation_key)
        return self.filter(Exists(links))

    def about_network(self, page):
        links = ClippingNetwork.objects.filter(clipping=OuterRef("pk"), network__translation_key=page.translation_key)
        return self.filter(Exists(links))

    def about_topic(self, topic):
        links = ClippingTopic.objects.filter(clipping=OuterRef("pk"), topic__translation_key=topic.translation_key)
        return self.filter(Exists(links))


class Clipping(index.Indexed, ClusterableModel):
    outlet = models.CharField(_("outlet"), max_length=120, help_text=_("The newspaper, magazine, site or programme."))
    headline = models.CharField(_("headline"), max_length=300)
    published_on = models.DateField(_("date of publication"))
    language = models.CharField(
        _("language of the article"), max_length=5, choices=ArticleLanguage.choices, default=ArticleLanguage.FRENCH
    )
    url = ArticleURLField(_("web address"), max_length=500)
    excerpt = models.TextField(
        _("excerpt"),
        blank=True,
        help_text=_("Optional: a sentence or two quoted from the article, in its language, with quotation marks."),
    )

    objects = ClippingQuerySet.as_manager()

    panels = [
        FieldPanel("outlet"),
        FieldPanel("headline"),
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("language")]),
        FieldPanel("url"),
        FieldPanel("excerpt"),
        InlinePanel("release_links", heading=_("Press releases it covers"), label=_("press release")),
        InlinePanel("network_links", heading=_("Networks it covers"), label=_("network")),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
    ]
    search_fields = [
        index.SearchField("headline"),
        index.SearchField("outlet"),
        index.AutocompleteField("headline"),
        index.FilterField("published_on"),
    ]

    class Meta:
        verbose_name = _("press clipping")
        verbose_name_plural = _("press clippings")
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["-published_on", "-id"], name="news_clipping_newest")]

    def __str__(self):
        return f"{self.outlet} – {self.headline}"

    def save(self, *args, **kwargs):
        # Whatever saves it (the admin, an import, the shell), a link that is no web page never reaches a template.
        try:
            article_url_validator(self.url)
        except ValidationError as error:
            raise ValidationError({"url": error.messages}) from error
        super().save(*args, **kwargs)


class ClippingRelease(Orderable):
    clipping = ParentalKey(Clipping, on_delete=models.CASCADE, related_name="release_links")
    release = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="clipping_release_links",
        verbose_name=_("press release"),
    )

    panels = [PageChooserPanel("release", page_type=_page_types("NEWS_RELEASE_PAGE_TYPES"))]


class ClippingNetwork(Orderable):
    clipping = ParentalKey(Clipping, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="clipping_network_links",
        verbose_name=_("network"),
    )

    panels = [PageChooserPanel("network", page_type=_page_types("NEWS_NETWORK_PAGE_TYPES"))]


class ClippingTopic(Orderable):
    clipping = ParentalKey(Clipping, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "news.Topic", on_delete=models.CASCADE, related_name="clipping_links", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]
