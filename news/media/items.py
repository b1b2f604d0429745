"""Media items: one photo or video, translated like the rest of the shared vocabulary, and the galleries
(the pages' ordered links to them) that make them public."""

import os

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import visibility
from ..slugs import ascii_slug


class MediaKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    VIDEO = "video", _("Video")


class Licence(models.TextChoices):
    PRESS = "press", _("Press use, with the credit")
    CC_BY = "cc-by-4.0", _("Creative Commons CC BY 4.0")
    RESERVED = "reserved", _("All rights reserved: ask the press office")


class GalleryLink(Orderable):
    """A page's link to a media item; each page type with a gallery has its own model of it.

    ``filter_name`` is the media library's filter for these pages (``?network=…``) and
    ``filter_label`` its label."""

    item = models.ForeignKey(
        "news.MediaItem", on_delete=models.CASCADE, related_name="+", verbose_name=_("photo or video")
    )

    filter_name = None
    filter_label = None

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("photo or video")


def gallery_link_models():
    return [model for model in apps.get_models() if issubclass(model, GalleryLink)]


class MediaItemQuerySet(models.QuerySet):
    def public(self):
        """Items (in any language) whose item, or one of its translations, is in the gallery of a public page."""
        pages = visibility.public(Page.objects.all()).values("pk")
        shown = Q(pk__in=[])
        for model in gallery_link_models():
            links = model.objects.filter(item__translation_key=OuterRef("translation_key"), page_id__in=pages)
            shown |= Q(Exists(links))
        return self.filter(shown)

    def in_language(self, locale_id):
        """Each item in ``locale_id``, or in its own language when it has no translation in that one."""
        translated = MediaItem.objects.filter(translation_key=OuterRef("translation_key"), locale_id=locale_id)
        return self.filter(Q(locale_id=locale_id) | ~Exists(translated))

    def in_gallery_of(self, model, pages):
        """Items (in any language) in the gallery, through the link ``model``, of one of ``pages``' translations."""
        keys = pages.values("translation_key")
        links = model.objects.filter(item__translation_key=OuterRef("translation_key"), page__translation_key__in=keys)
        return self.filter(Exists(links))


class MediaItem(TranslatableMixin, index.Indexed, models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=MediaKind.choices, default=MediaKind.PHOTO)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a photo: the original, as large as you have it. For a video: its still (optional)."),
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("For a video: its page on YouTube, Vimeo or Dailymotion, shown in the page as a player."),
    )
    caption = models.CharField(_("caption"), max_length=250)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("For a photo: what it shows, for readers who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=120, help_text=_("Who made it, as it must be printed."))
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.PRESS)

    objects = MediaItemQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("licence")]),
        FieldPanel("image"),
        FieldPanel("video_url"),
        FieldPanel("caption"),
        FieldPanel("alt_text"),
        FieldPanel("credit"),
    ]
    search_fields = [index.SearchField("caption"), index.AutocompleteField("caption"), index.SearchField("credit")]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("image"),
        SynchronizedField("video_url"),
        SynchronizedField("licence"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("photo or video")
        verbose_name_plural = _("photos and videos")
        ordering = ["-pk"]

    def __str__(self):
        return self.caption

    @property
    def is_photo(self):
        return self.kind == MediaKind.PHOTO

    def clean(self):
        super().clean()
        if self.is_photo and not self.image_id:
            raise ValidationError({"image": _("Choose the photo's image.")})
        if self.is_photo and not self.alt_text:
            raise ValidationError({"alt_text": _("Say what the photo shows, for readers who cannot see it.")})
        if self.kind == MediaKind.VIDEO and not self.video_url:
            raise ValidationError({"video_url": _("Give the video's address.")})
        if self.kind == MediaKind.VIDEO:
            # Asked of the provider now, as Wagtail's embed block does: the pages then read its player from the database.
            try:
                get_embed(self.video_url)
            except EmbedException as error:
                raise ValidationError(
                    {
                        "video_url": _(
                            "No player could be found at this address: give the video's page on YouTube, Vimeo or Dailymotion."
                        )
                    }
                ) from error

    def file_name(self, size, extension):
        """The name of a download, in the item's language: its caption, its credit and its size."""
        words = ascii_slug(Truncator(self.caption).words(8, truncate="")) or "media"
        credit = ascii_slug(self.credit)
        parts = [words, *([pgettext("in a file name", "credit"), credit] if credit else []), size]
        return "-".join(parts) + extension.lower()

    def original_extension(self):
        return os.path.splitext(self.image.file.name)[1].lower() if self.image_id else ""
