"""A page's gallery, in the page's language, and the releases' gallery links."""

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from .items import GalleryLink, MediaItem

# The picture of a gallery or library card (the web download is larger: downloads.WEB_SIZE). A width
# alone, unlike a fill, does not depend on the image's focal point: its rendition is read with the items.
CARD_RENDITION = "width-480"
# A page shows its gallery's first items; the media library and the press kit have them all.
GALLERY_SIZE = 24


class ReleaseGalleryItem(GalleryLink):
    page = ParentalKey("news.PressReleasePage", on_delete=models.CASCADE, related_name="gallery_links")

    filter_name = "release"
    filter_label = _("Press release")


def has_gallery(model):
    """For a page queryset's ``annotate(has_gallery=…)``: whether the page's gallery (links ``model``) has an item."""
    return Exists(model.objects.filter(page=OuterRef("pk")))


def with_card_pictures(items):
    """``items`` with the file, width and height of their card's rendition, read in the same query
    (``card_picture`` makes the rendition of them; None where it is yet to be made)."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id=OuterRef("image_id"), filter_spec=CARD_RENDITION, focal_point_key="")
    )
    return items.select_related("image").annotate(
        **{f"card_{name}": Subquery(renditions.values(name)[:1]) for name in ("file", "width", "height")}
    )


def card_picture(item):
    if not item.image_id:
        return None
    if getattr(item, "card_file", None):
        rendition_model = get_image_model().get_rendition_model()
        return rendition_model(
            image=item.image,
            filter_spec=CARD_RENDITION,
            file=item.card_file,
            width=item.card_width,
            height=item.card_height,
        )
    return item.image.get_rendition(CARD_RENDITION)


def in_language(items, locale_id):
    """{translation key: the item in ``locale_id``, else the one given}, from ``items`` (any languages)."""
    found = {}
    for item in items:
        if item.translation_key not in found or item.locale_id == locale_id:
            found[item.translation_key] = item
    return found


def gallery(page, limit=None):
    """The items of ``page``'s gallery (the first ``limit``) in its language where translated, in the
    editor's order, with their card pictures: one query whatever their number, none when routing
    said the gallery is empty (``has_gallery``)."""
    if not getattr(page, "has_gallery", True):
        return []
    links = page.gallery_links.all()
    if not isinstance(links, QuerySet):
        return preview_gallery(page, links, limit)
    translated = MediaItem.objects.filter(translation_key=OuterRef("translation_key"), locale_id=page.locale_id)
    position = links.filter(item__translation_key=OuterRef("translation_key")).order_by("sort_order", "pk")
    items = (
        MediaItem.objects.filter(translation_key__in=links.values("item__translation_key"))
        .filter(Q(locale_id=page.locale_id) | (Q(pk__in=links.values("item_id")) & ~Exists(translated)))
        .annotate(gallery_position=Subquery(position.values("sort_order")[:1]))
        .order_by("gallery_position", "pk")
    )
    return list(with_card_pictures(items)[:limit])


def preview_gallery(page, links, limit):
    # A preview's links are in memory (modelcluster), where subqueries cannot be built.
    ids = [link.item_id for link in sorted(links, key=lambda link: link.sort_order or 0)][:limit]
    if not ids:
        return []
    keys = MediaItem.objects.filter(pk__in=ids).values("translation_key")
    items = list(with_card_pictures(MediaItem.objects.filter(translation_key__in=keys)))
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
