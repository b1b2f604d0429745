"""Links to the press room's downloads (vCards, feeds) from any page of the same language, and the
press office block that gathers them for journalists on the home page, the press room and releases."""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from wagtail.models import Locale

from .. import visibility
from ..awareness.calendar import calendar_title, subscription
from ..awareness.pages import AwarenessCalendarPage
from ..distribution.qr import qr_svg
from ..distribution.vcards import filename
from ..releases.pages import PressReleasePage
from ..releases.press_room import PressRoomPage
from ..releases.public_contacts import default_contacts

register = template.Library()


def press_room(context):
    """The press room of the page's language: the page's context names it (releases, the home page), or it is looked up."""
    page = context.get("page")
    if isinstance(page, PressRoomPage):
        return page
    if "press_room" in context:
        return context["press_room"]
    locale_id = page.locale_id if page is not None and hasattr(page, "locale_id") else Locale.get_active().pk
    return visibility.public_sections(locale_id, PressRoomPage)[PressRoomPage]


def _route_url(context, name, *args):
    room = press_room(context)
    if not room:
        return ""
    return room.get_url(context.get("request")) + room.reverse_subpage(name, args=args)


@register.simple_tag(takes_context=True)
def contact_vcard_url(context, contact):
    return _route_url(context, "press_contact_vcard", contact.pk)


@register.simple_tag(takes_context=True)
def contact_vcard_qr(context, contact):
    """A QR code (inline SVG) of the contact's vCard address, absolute on the site's own host name,
    as printed pages and phones need it; empty without a press room."""
    room = press_room(context)
    if not room:
        return ""
    url = room.get_full_url(context.get("request")) + room.reverse_subpage("press_contact_vcard", args=[contact.pk])
    title = gettext("QR code: add %(name)s to your contacts (vCard)") % {"name": contact.full_name}
    return mark_safe(qr_svg(url, title))


@register.simple_tag(takes_context=True)
def press_office_vcard_url(context):
    return _route_url(context, "press_office_vcard")


@register.filter
def vcard_filename(contact):
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
    if not room:
        return None
    base = room.get_url(context.get("request"))
    return {
        "title": room.title,
        "rss": base + room.reverse_subpage("press_feed", args=["rss"]),
        "atom": base + room.reverse_subpage("press_feed", args=["atom"]),
    }


def _feeds(room, base, name, label, *args):
    return {
        "label": label,
        **{
            feed_format: base + room.reverse_subpage(name, args=[*args, feed_format]) for feed_format in ("rss", "atom")
        },
    }


@register.inclusion_tag("news/includes/press_office.html", takes_context=True)
def press_office(context):
    """Whom to call and what to take away, for the page of the context: on a release its contact, kit,
    PDF and the feeds of its topics and networks; elsewhere the press office's default contact."""
    request = context.get("request")
    page = context.get("page")
    room = press_room(context)
    release = page if isinstance(page, PressReleasePage) else None
    block = {"request": request, "page": page, "press_room": room, "release": release}
    block["embargo_preview"] = embargo_preview = context.get("embargo_preview", False)
    locale_id = page.locale_id if page is not None else Locale.get_active().pk
    if release is not None:
        # The release's own contacts, else the office's: read once for this block and the release's footer.
        contacts = list(context.get("contacts") or [])
        if not embargo_preview:
            block["kit_url"] = release.url + release.reverse_subpage("press_kit")
            block["pdf_url"] = release.url + release.reverse_subpage("pdf")
    else:
        contacts = default_contacts(request, locale_id) if request is not None else []
    block["contact"] = contacts[0] if contacts else None
    block["more_contacts"] = len(contacts) > 1
    if room:
        base = room.get_url(request)
        block["office_vcard_url"] = base + room.reverse_subpage("press_office_vcard")
        feeds = [_feeds(room, base, "press_feed", gettext("All press releases"))]
        if release is not None:
            feeds += [
                _feeds(room, base, "press_topic_feed", gettext("Topic “%(name)s”") % {"name": topic.name}, topic.slug)
                for topic in context.get("topics") or []
            ]
            # By id: the slug alone could name another page of the site.
            feeds += [
                _feeds(
                    room,
                    base,
                    "press_network_feed",
                    gettext("Network %(name)s") % {"name": network.title},
                    str(network.pk),
                )
                for network in context.get("networks") or []
            ]
        block["feeds"] = feeds
    calendar = visibility.public(AwarenessCalendarPage.objects.filter(locale_id=locale_id)).first()
    if calendar is not None and request is not None:
        block["calendar"] = calendar
        block["calendar_feed"] = subscription(calendar, request, calendar_title(calendar))
    return block
