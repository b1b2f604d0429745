from django import template

from ..media.downloads import download_url
from ..media.galleries import GALLERY_SIZE, card_picture, gallery, video_players

register = template.Library()


def card(item, players):
    """What a gallery or library card shows of ``item``: its picture, or its player for a video, and,
    for a photo, its downloads."""
    player = players.get(item.video_url) if not item.is_photo else None
    picture = card_picture(item) if player is None else None
    downloads = {"web": download_url(item, "web"), "print": download_url(item, "print")} if item.is_photo else {}
    return {"item": item, "picture": picture, "player": player, "downloads": downloads}


@register.inclusion_tag("news/includes/gallery.html")
def gallery_for(page):
    """The gallery of ``page`` (a release or a network page), in its language; nothing when it has none."""
    items = gallery(page, GALLERY_SIZE)
    players = video_players(items)
    return {"cards": [card(item, players) for item in items]}


@register.simple_tag
def players_for(items):
    """``{% players_for items as players %}``: the video players of a list of items, for ``media_card``."""
    return video_players(items)


@register.inclusion_tag("news/includes/media_card.html")
def media_card(item, players):
    return card(item, players)
