"""``{% filter_select %}``: one drop-down of a listing's filter form (press room, coverage, experts,
media library), so that every listing offers its choices, marks the chosen one and names "all" alike."""

from collections.abc import Mapping

from django import template

register = template.Library()


def _read(item, key):
    if key is None:
        return item
    return item[key] if isinstance(item, Mapping) else getattr(item, key)


@register.inclusion_tag("news/includes/filter_select.html")
def filter_select(name, label, everything, choices, selected=None, value=None, text=None):
    """A ``<select name="name">`` led by ``everything``, the option that filters nothing.

    ``choices`` are ``(value, text)`` pairs, or objects or mappings whose ``value`` and ``text``
    attributes or keys give them (the choice itself when not named): what goes in the address bar and
    what the reader sees. ``selected`` is the chosen one, as a choice or as its value."""
    options = [
        choice if isinstance(choice, tuple) else (_read(choice, value), _read(choice, text)) for choice in choices
    ]
    if selected is None or selected == "":
        chosen = ""
    elif isinstance(selected, str | int):
        chosen = str(selected)
    else:
        chosen = str(_read(selected, value))
    return {
        "name": name,
        "label": label,
        "everything": everything,
        "options": [(str(option_value), option_text) for option_value, option_text in options],
        "chosen": chosen,
    }
