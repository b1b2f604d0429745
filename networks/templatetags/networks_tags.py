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
