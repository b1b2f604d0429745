"""Web addresses in plain ASCII, ligatures spelled out: "Journée mondiale du cœur" → "journee-mondiale-du-coeur".

Django's ``slugify`` drops the letters Unicode does not decompose (œ, æ), and the transliteration
map of Wagtail's slug field has no œ either; anyascii, which Wagtail installs, spells them out.
"""

from django.utils.text import slugify

from wagtail.coreutils import string_to_ascii

# What the admin's slug field rewrites before its own transliteration (SlugInput's formatters).
LIGATURES = [("œ", "oe"), ("Œ", "Oe")]


def ascii_slug(value):
    return slugify(string_to_ascii(str(value)))
