"""A plain-language hint for the release's lay summary: how many words each sentence has.

Plain-language guides for patients (and the French "facile à lire et à comprendre" rules) ask for
short sentences; the editor sees the count of each sentence as they type and a warning when one is long.
"""

import re

from django.conf import settings

# A sentence ends with ., !, ? or … followed by a space or the end of the text.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def long_sentence_words():
    """Above this many words a sentence is flagged (``NEWS_LAY_SUMMARY_LONG_SENTENCE``, 25 by default)."""
    return getattr(settings, "NEWS_LAY_SUMMARY_LONG_SENTENCE", 25)


def sentence_lengths(text):
    """The number of words of each sentence of ``text``, in order."""
    sentences = (sentence for sentence in SENTENCE_END.split(text or "") if sentence.strip())
    return [count for count in (len(WORD.findall(sentence)) for sentence in sentences) if count]


def long_sentences(text):
    """The (position from 1, words) of the sentences of ``text`` longer than the limit."""
    limit = long_sentence_words()
    return [(position, count) for position, count in enumerate(sentence_lengths(text), start=1) if count > limit]
