"""Links to the press room's downloads (vCards, feeds) from any page of the same language."""

import re

from django import template

from wagtail.models import Locale

from ..models import PressRoomPage
from ..models.querysets import public_q

register = template.Library()


def press_room(context):
    """The press room of the page's language; looked up once per request."""
    page = context.get("page")
    if isinstance(page, PressRoomPage):
        return page
    # A release served through PressRoomPage.route already holds its press room.
    parent = getattr(page, "_cached_parent_obj", None)
    if isinstance(parent, PressRoomPage):
        return parent
    if "press_room" in context:  # the home page looked it up already (None when there is none)
        return context["press_room"]
    request = context.get("request")
    locale_id = page.locale_id if page is not None and hasattr(page, "locale_id") else Locale.get_active().pk
    rooms = getattr(request, "_news_press_rooms", None)
    if rooms is None:
        rooms = {}
        if request is not None:
            request._news_press_rooms = rooms
    if locale_id not in rooms:
        rooms[locale_id] = PressRoomPage.objects.live().filter(public_q(), locale_id=locale_id).first()
    return rooms[locale_id]


def _route_url(context, name, *args):
    room = press_room(context)
    if room is None:
        return ""
    return room.get_url(context.get("request")) + room.reverse_subpage(name, args=args)


@register.simple_tag(takes_context=True)
def contact_vcard_url(context, contact):
    return _route_url(context, "press_contact_vcard", contact.pk)


@register.simple_tag(takes_context=True)
def press_office_vcard_url(context):
    return _route_url(context, "press_office_vcard")


@register.filter
def vcard_filename(contact):
    from ..vcards import filename

    return filename(contact)


@register.filter
def tel_uri(number):
    """``+33 5 61 00 00 00`` as ``tel:+33561000000`` (RFC 3966 has no spaces)."""
    digits = re.sub(r"[^0-9+]", "", number or "")
    return f"tel:{digits}" if digits else ""


@register.simple_tag(takes_context=True)
def press_feeds(context):
    """The RSS and Atom feeds of the press room of the page's language, for autodiscovery links."""
    room = press_room(context)
    if room is None:
        return None
    base = room.get_url(context.get("request"))
    return {
        "title": room.title,
        "rss": base + room.reverse_subpage("press_feed", args=["rss"]),
        "atom": base + room.reverse_subpage("press_feed", args=["atom"]),
    }
