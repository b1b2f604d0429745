"""Machine translation that never sends the text of an unpublished release to an outside service.

Configured as wagtail-localize's ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` around the real translator::

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "news.editorial.machine_translation.EmbargoSafeMachineTranslator",
        "OPTIONS": {"TRANSLATOR": {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
                                   "OPTIONS": {"AUTH_KEY": "…"}}},
    }

wagtail-localize hands the translator bare strings, shared between every page that uses them, so
the guard sits at the last point before they leave: any string found in a release whose source page
is not live is held back, whichever page asked. Those strings stay for a person to translate.
"""

from django.utils.module_loading import import_string

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment

from ..releases.pages import PressReleasePage


def embargoed_translation_keys():
    """The translation keys of releases whose source-language page is not live."""
    return PressReleasePage.objects.with_source_status().filter(source_live_flag=False).values("translation_key")


class EmbargoSafeMachineTranslator(BaseMachineTranslator):
    def __init__(self, options):
        super().__init__(options)
        config = options["TRANSLATOR"]
        self.translator = import_string(config["CLASS"])(config.get("OPTIONS", {}))

    @property
    def display_name(self):
        return self.translator.display_name

    def can_translate(self, source_locale, target_locale):
        return self.translator.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        held_back = set(
            StringSegment.objects.filter(
                string__locale=source_locale,
                string__data__in={string.data for string in strings},
                source__object_id__in=embargoed_translation_keys(),
            ).values_list("string__data", flat=True)
        )
        allowed = [string for string in strings if string.data not in held_back]
        if not allowed:
            return {}
        return self.translator.translate(source_locale, target_locale, allowed)
