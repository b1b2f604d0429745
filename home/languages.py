from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def active_locales():
    """The active language's locale, as a subquery: filtering on it costs no query of its own."""
    language = get_supported_content_language_variant(translation.get_language())
    return Locale.objects.filter(language_code=language).values("pk")
