"""The demo's English pages and files hold no French: the agency's desk, titles of people, internal notes, addresses."""

import pytest
import vobject
from bs4 import BeautifulSoup

from networks.models import NetworkPage
from news.models import AwarenessDayPage, PressReleasePage

pytestmark = pytest.mark.django_db

INTERNAL_NOTES = ["according to", "press release)", "d'après", "selon le", "chiffre du communiqué", "(2022)"]


def test_the_agency_desk_is_named_in_english_on_english_pages_and_in_its_vcard(client, demo_content):
    english = PressReleasePage.objects.get(locale__language_code="en", slug="world-lupus-day-cri-imidiate")
    html = BeautifulSoup(client.get(english.url).content, "html.parser")
    card = html.select_one(".contact-card")

    assert card.select_one(".contact-card__name").get_text(strip=True) == "EVE'VOTREDIRCOM press office"
    assert "Service presse" not in html.get_text()
    vcard = vobject.readOne(client.get(card.select_one(".contact-card__vcard")["href"]).content.decode())
    assert (vcard.fn.value, vcard.kind.value, vcard.n.value.family, vcard.n.value.given) == (
        "EVE'VOTREDIRCOM press office",
        "org",
        "",
        "",
    )
    assert vcard.org.params["LANGUAGE"] == ["en"]


def test_network_pages_show_no_internal_note_and_english_titles(client, demo_content):
    pages = NetworkPage.objects.live().select_related("locale")
    assert pages.count() == 42
    for page in pages:
        main = BeautifulSoup(client.get(page.url).content, "html.parser").main.get_text(" ", strip=True)
        assert [note for note in INTERNAL_NOTES if note in main] == [], page.url
        if page.locale.language_code == "en":
            assert "Pr " not in main, page.url


def test_awareness_days_have_ascii_addresses_with_ligatures_spelled_out(client, demo_content):
    heart = AwarenessDayPage.objects.get(locale__language_code="fr", title="Journée mondiale du cœur")
    assert heart.slug == "journee-mondiale-du-coeur"
    assert client.get(heart.url).status_code == 200
