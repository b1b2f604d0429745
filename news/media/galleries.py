"""A page's gallery, in the page's language, and the releases' gallery links."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from .items import GalleryLink, MediaItem

# The photo of a gallery or library card; the web download is larger (downloads.WEB_SIZE).
CARD_RENDITION = "fill-480x320"
# A page shows its gallery's first items; the media library and the press kit have them all.
GALLERY_SIZE = 24


class ReleaseGalleryItem(GalleryLink):
    page = ParentalKey("news.PressReleasePage", on_delete=models.CASCADE, related_name="gallery_links")

    filter_name = "release"
    filter_label = _("Press release")


def in_language(items, locale_id):
    """{translation key: the item in ``locale_id``, else the one given}, from ``items`` (any languages)."""
    found = {}
    for item in items:
        if item.translation_key not in found or item.locale_id == locale_id:
            found[item.translation_key] = item
    return found


def gallery(page, limit=None):
    """The items of ``page``'s gallery (the first ``limit``) in its language where translated, in the
    editor's order, with their images and renditions: three queries whatever their number (two for a
    preview, whose links are in memory)."""
    links = sorted(page.gallery_links.all(), key=lambda link: (link.sort_order or 0, link.pk or 0))
    ids = [link.item_id for link in links][:limit]
    if not ids:
        return []
    keys = MediaItem.objects.filter(pk__in=ids).values("translation_key")
    items = (
        MediaItem.objects.filter(translation_key__in=keys).select_related("image").prefetch_related("image__renditions")
    )
    items = list(items)
    key_of = {item.pk: item.translation_key for item in items}
    localized = in_language(items, page.locale_id)
    ordered = []
    for item_id in ids:
        item = localized.get(key_of.get(item_id))
        if item is not None and item not in ordered:
            ordered.append(item)
    return ordered


def video_players(items):
    """{video address: its Wagtail embed} for the videos among ``items``, in one query. Players are
    asked of their provider when an item is saved (``MediaItem.clean``); a video whose player Wagtail
    does not hold is shown as a link only."""
    urls = {item.video_url for item in items if item.video_url and not item.is_photo}
    if not urls:
        return {}
    hashes = {get_embed_hash(url): url for url in urls}
    return {hashes[embed.hash]: embed for embed in Embed.objects.filter(hash__in=hashes)}
