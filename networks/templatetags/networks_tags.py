from django import template
from django.utils import translation

from news.templatetags.distribution_tags import press_room
from news.visibility import public

from ..directory import figures
from ..models import NetworkPage

register = template.Library()


def live_networks(language_code=None):
    # By language code rather than Locale.get_active(), which would cost a query of its own.
    language_code = language_code or translation.get_language()
    return public(NetworkPage.objects.filter(locale__language_code=language_code))


@register.simple_tag
def network_figures():
    """How many live networks of each kind the current language's directory lists.

    ``{% network_figures as figures %}`` gives ``figures.total`` and ``figures.by_kind``
    (each with ``kind``, ``count`` and a ``label`` agreeing with the count).
    """
    return figures(live_networks())


@register.simple_tag(takes_context=True)
def network_release_feeds(context, network):
    """The RSS and Atom feeds of the network's releases, served by the press room of its language."""
    room = press_room(context)
    if not room:
        return None
    base = room.get_url(context.get("request"))
    # By id: the slug alone could name another page of the site.
    return {
        feed_format: base
        + room.reverse_subpage("press_network_feed", kwargs={"network": str(network.pk), "feed_format": feed_format})
        for feed_format in ("rss", "atom")
    }
