"""Machine translation: off by default, and the text of a release under embargo never leaves the site."""

import datetime
import importlib

from django.urls import reverse
from django.utils import timezone

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

import pytest

from tests.factories import PressReleasePageFactory


class RecordingTranslator(BaseMachineTranslator):
    """Stands for DeepL: keeps what it was sent."""

    display_name = "Recording translator"
    sent = []

    def translate(self, source_locale, target_locale, strings):
        self.sent.extend(string.data for string in strings)
        return {string: StringValue(f"EN {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale != target_locale


@pytest.fixture
def recording_translator(settings):
    RecordingTranslator.sent = []
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "news.editorial.machine_translation.EmbargoSafeMachineTranslator",
        "OPTIONS": {"TRANSLATOR": {"CLASS": "tests.test_machine_translation.RecordingTranslator"}},
    }
    return RecordingTranslator


def english_translation(page, locales):
    TranslationCreator(user=None, target_locales=[locales["en"]]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locales["en"])


@pytest.fixture
def releases(press_room, locales):
    live = PressReleasePageFactory(
        parent=press_room["fr"], locale=locales["fr"], title="StrokeLink publie ses résultats", dateline="Lyon"
    )
    live.save_revision().publish()
    embargoed = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=locales["fr"],
        title="OrphanDev : un essai inédit",
        standfirst="Résultats confidentiels jusqu'à la levée de l'embargo.",
        dateline="Lyon",
        live=False,
    )
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=3)
    embargoed.save_revision().publish()
    return {"live": english_translation(live, locales), "embargoed": english_translation(embargoed, locales)}


def machine_translate(client, translation):
    return client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))


def machine_translated(translation):
    return set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
        ).values_list("translation_of__data", flat=True)
    )


def test_machine_translation_is_off_by_default(admin_client, releases):
    assert get_machine_translator() is None
    assert machine_translate(admin_client, releases["live"]).status_code == 404


def test_a_deepl_key_turns_it_on_behind_the_embargo_guard(monkeypatch):
    from fcrin_site.settings import base

    monkeypatch.setenv("DEEPL_AUTH_KEY", "not-a-real-key:fx")
    try:
        config = importlib.reload(base).WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    finally:
        monkeypatch.delenv("DEEPL_AUTH_KEY")
        importlib.reload(base)
    assert config["CLASS"] == "news.editorial.machine_translation.EmbargoSafeMachineTranslator"
    assert config["OPTIONS"]["TRANSLATOR"] == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "not-a-real-key:fx"},
    }


def test_a_published_release_is_machine_translated(admin_client, releases, recording_translator):
    machine_translate(admin_client, releases["live"])

    assert "StrokeLink publie ses résultats" in recording_translator.sent
    assert "StrokeLink publie ses résultats" in machine_translated(releases["live"])


def test_the_text_of_a_release_under_embargo_is_never_sent(admin_client, releases, recording_translator):
    machine_translate(admin_client, releases["embargoed"])
    machine_translate(admin_client, releases["live"])

    embargoed_text = {"OrphanDev : un essai inédit", "Résultats confidentiels jusqu'à la levée de l'embargo."}
    assert recording_translator.sent, "the published release was translated"
    assert not embargoed_text & set(recording_translator.sent)
    # A string the published release shares with the embargoed one stays for a person to translate.
    assert "Lyon" not in recording_translator.sent
    assert not embargoed_text & machine_translated(releases["embargoed"])


def test_after_the_lift_the_release_may_be_machine_translated(admin_client, releases, recording_translator):
    source = releases["embargoed"].source.get_source_instance()
    source.go_live_at = None
    source.save_revision().publish()

    machine_translate(admin_client, releases["embargoed"])

    assert "OrphanDev : un essai inédit" in recording_translator.sent
