"""``{% fragment %}``: a part of a page kept in the shared cache until the next change of content.

Django's ``{% cache %}`` keeps a fragment for a fixed time; a press room cannot show an unpublished
release's headline for that long. This tag keys each fragment on the content version that the site
gives the news app (``NewsConfig.content_version``, a function that the site's page cache sets to its
generation, which every publication replaces in every process), so a fragment is served only while
nothing has been published, unpublished or saved since it was rendered. A site that gives no version
gets every fragment rendered each time: the tag never decides what is shown, it only saves work.
"""

import hashlib

from django import template
from django.apps import apps
from django.core.cache import cache
from django.utils import translation

register = template.Library()

TIMEOUT = 600


def content_version(request=None):
    """The site's content version; read once per request, so that every fragment of a page is of the
    same version and costs no round trip to the cache of its own."""
    version = getattr(apps.get_app_config("news"), "content_version", None)
    if version is None:
        return None
    if request is None:
        return version()
    if not hasattr(request, "news_content_version"):
        request.news_content_version = version()
    return request.news_content_version


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context):
        # Previews show a draft, and embargo previews a release before its publication: never kept.
        request = context.get("request")
        private = getattr(request, "is_preview", False) or context.get("embargo_preview")
        version = None if private or context.template.engine.debug else content_version(request)
        if version is None:
            return self.nodelist.render(context)
        parts = [self.name, translation.get_language(), *(str(key.resolve(context)) for key in self.keys)]
        key = f"news:fragment:{version}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, TIMEOUT)
        return html


@register.tag
def fragment(parser, token):
    """``{% fragment "name" key … %}…{% endfragment %}``: the keys name everything else the part depends
    on (the page, the current menu item…); the language is always part of the key. Nothing in it may
    belong to one reader (session, user, CSRF token). With template debugging on it is rendered every
    time, so that template edits show at once."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
