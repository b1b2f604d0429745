from django import template

from ..directory import figures, live_networks

register = template.Library()


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
    from news.templatetags.distribution_tags import press_room

    room = press_room(context)
    if room is None:
        return None
    base = room.get_url(context.get("request"))
    # By id: the slug alone could name another page of the site.
    return {
        feed_format: base
        + room.reverse_subpage("press_network_feed", kwargs={"network": str(network.pk), "feed_format": feed_format})
        for feed_format in ("rss", "atom")
    }
