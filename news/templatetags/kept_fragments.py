"""``{% kept_fragment %}``: parts of pages that only published content changes, rendered once per content version."""

from django import template
from django.utils import translation

from ..models.memory import kept

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context):
        if context.template.engine.debug:
            return self.nodelist.render(context)  # templates are read again on each change: so are these
        keys = [translation.get_language(), *(key.resolve(context) for key in self.keys)]
        return kept(":".join(["news.fragment", self.name, *map(str, keys)]), lambda: self.nodelist.render(context))


@register.tag
def kept_fragment(parser, token):
    """``{% kept_fragment "name" key … %}…{% endkept_fragment %}``: rendered once per content version,
    language and set of keys, then kept in this process's memory (``news.models.memory.kept``).

    For what many pages show alike and only a publication or a saved snippet changes (a menu, a press
    contact's card): the keys must name everything else it depends on, and it must hold nothing from
    the reader's session, user or form tokens. With template debugging on (``DEBUG``), it is rendered
    every time, so that template edits show at once.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
