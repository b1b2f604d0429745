"""``{{ text|keep_acronyms }}``: hyphenated acronyms (F-CRIN, CAR-T, CRI-IMIDIATE) are never broken at
their hyphen, which browsers otherwise do at a line's end ("F-" / "CRIN").

A span rather than a non-breaking hyphen (U+2011), so that text copied from the page, found with the
browser's search or read aloud keeps its ordinary hyphen. Longer ones (CRICS-TRIGGERSEP) may still
break: kept whole, they would be wider than a phone's screen in a heading.
"""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

register = template.Library()

ACRONYM = re.compile(r"(?<![\w-])[A-Z0-9]+(?:-[A-Z0-9]+)+(?![\w-])")
LONGEST = 12
TAG = re.compile(r"(<[^>]*>)")


def _wrap(match):
    word = match.group(0)
    return f'<span class="nowrap">{word}</span>' if len(word) <= LONGEST else word


@register.filter(is_safe=True)
def keep_acronyms(value):
    """Plain text is escaped first; in HTML (rich text) only the text between tags is touched."""
    html = str(value) if isinstance(value, SafeData) else str(conditional_escape(value))
    parts = TAG.split(html)
    return mark_safe("".join(part if TAG.fullmatch(part) else ACRONYM.sub(_wrap, part) for part in parts))
