"""The languages an expert may give an interview in: codes of ``NEWS_EXPERT_LANGUAGES``, named by Django."""

from django.conf import settings
from django.utils.translation import get_language_info

DEFAULT_LANGUAGES = ["fr", "en", "de", "es", "it", "pt", "nl", "ar"]


def language_codes():
    return list(getattr(settings, "NEWS_EXPERT_LANGUAGES", DEFAULT_LANGUAGES))


def language_name(code):
    """The language's name in the active language ("allemand", "German"), from Django's own catalogue."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def language_choices():
    return [(code, language_name(code)) for code in language_codes()]
