from django import template

from ..media.downloads import download_url
from ..media.galleries import CARD_RENDITION, GALLERY_SIZE, gallery

register = template.Library()


def card(item):
    """What a gallery or library card shows of ``item``: its picture and, for a photo, its downloads."""
    picture = item.image.get_rendition(CARD_RENDITION) if item.image_id else None
    downloads = {"web": download_url(item, "web"), "print": download_url(item, "print")} if item.is_photo else {}
    return {"item": item, "picture": picture, "downloads": downloads}


@register.inclusion_tag("news/includes/gallery.html")
def gallery_for(page):
    """The gallery of ``page`` (a release or a network page), in its language; nothing when it has none."""
    return {"cards": [card(item) for item in gallery(page, GALLERY_SIZE)]}


@register.inclusion_tag("news/includes/media_card.html")
def media_card(item):
    return card(item)
