from django import template

from ..coverage.clippings import Clipping

register = template.Library()


@register.inclusion_tag("news/includes/coverage_for.html")
def coverage_for(page, count=10, network=False):
    """The newest clippings about ``page`` (a release or, with ``network``, a network page), in any
    language, in one query: the page's other parts already use up its query budget."""
    clippings = Clipping.objects.about_network(page) if network else Clipping.objects.about_release(page)
    return {"clippings": list(clippings.newest_first()[:count])}
