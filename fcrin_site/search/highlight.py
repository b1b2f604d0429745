import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

MAX_TERMS = 10
EXCERPT_WORDS = 50


def _fold(text):
    """Lower case and accents dropped, one character for one, so positions still index the original."""
    return "".join(unicodedata.normalize("NFD", char)[0].lower() for char in text)


def stem(term):
    """A crude stem: "maladies" and "maladie" give "maladi". The search backend does real stemming;
    this only marks words in excerpts and matches the short vocabularies that have no index."""
    term = term.lower()
    if len(term) > 3 and term.endswith("s"):
        term = term[:-1]
    if len(term) > 4 and term.endswith("e"):
        term = term[:-1]
    return term


def highlight(text, terms):
    """``text`` cut to an excerpt and escaped, with the words that start like a search term in <mark>."""
    text = Truncator(text or "").words(EXCERPT_WORDS)
    stems = sorted({_fold(stem(term)) for term in terms[:MAX_TERMS] if len(term) > 1}, key=len, reverse=True)
    if not text or not stems:
        return escape(text)
    pattern = re.compile(r"\b(?:{})\w*".format("|".join(map(re.escape, stems))))
    parts, position = [], 0
    for match in pattern.finditer(_fold(text)):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", text[match.start() : match.end()]))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every part is escaped above
