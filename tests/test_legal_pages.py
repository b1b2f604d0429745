"""Legal pages (issue 22): editable pages linked from the footer of every page, in both languages."""

import datetime

from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from home.models import LegalPage
from tests.factories import PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db

PAGES = [
    ("legal-notice", "Mentions légales", "mentions-legales", "Legal notice", "legal-notice"),
    ("privacy", "Données personnelles", "donnees-personnelles", "Privacy policy", "privacy"),
    ("accessibility", "Déclaration d'accessibilité", "accessibilite", "Accessibility statement", "accessibility"),
]


@pytest.fixture
def legal_pages(home):
    pages = {"fr": [], "en": []}
    for kind, title_fr, slug_fr, title_en, slug_en in PAGES:
        page = LegalPage(
            title=title_fr, slug=slug_fr, kind=kind, body="<p>Texte.</p>", last_updated=datetime.date(2026, 12, 1)
        )
        home["fr"].add_child(instance=page)
        page.save_revision().publish()
        pages["fr"].append(page)
        pages["en"].append(publish_translation(page, "en", title=title_en, slug=slug_en, body="<p>Text.</p>"))
    return pages


def footer_links(response):
    footer = BeautifulSoup(response.content, "html.parser").find("footer")
    nav = footer.find("nav", class_="site-footer__legal")
    return [(link.get_text(strip=True), link["href"]) for link in nav.find_all("a")] if nav else []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                ("Mentions légales", "/fr/mentions-legales/"),
                ("Données personnelles", "/fr/donnees-personnelles/"),
                ("Déclaration d'accessibilité", "/fr/accessibilite/"),
            ],
        ),
        (
            "en",
            [
                ("Legal notice", "/en/legal-notice/"),
                ("Privacy policy", "/en/privacy/"),
                ("Accessibility statement", "/en/accessibility/"),
            ],
        ),
    ],
)
def test_every_page_footer_links_to_the_legal_pages_in_its_language(
    client, home, press_room, network_index, awareness_calendar, legal_pages, language, expected
):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale)
    english_release = publish_translation(release, "en", title="A release", slug="a-release")
    pages = [home, press_room, network_index, awareness_calendar, {"fr": release, "en": english_release}]
    urls = [pages_by_language[language].url for pages_by_language in pages]
    urls += [page.url for page in legal_pages[language]]
    urls += ["/fr/recherche/?q=lupus" if language == "fr" else "/en/search/?q=lupus"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert footer_links(response) == expected, url
    # Error pages have the footer too, in the visitor's language.
    missing = client.get(f"/{language}/no-such-page/")
    assert missing.status_code == 404
    assert footer_links(missing) == expected


def test_legal_page_shows_its_body_and_date(client, legal_pages):
    response = client.get(legal_pages["fr"][2].url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Déclaration d'accessibilité"
    assert soup.find("time")["datetime"] == "2026-12-01"
    english = client.get(legal_pages["en"][2].url)
    assert "Last updated:" in english.content.decode()


def test_an_unpublished_legal_page_leaves_the_footer(client, legal_pages):
    legal_pages["en"][1].unpublish()
    response = client.get("/en/")
    assert [text for text, _url in footer_links(response)] == ["Legal notice", "Accessibility statement"]
    assert [text for text, _url in footer_links(client.get("/fr/"))] == [
        "Mentions légales",
        "Données personnelles",
        "Déclaration d'accessibilité",
    ]


def test_only_one_legal_page_of_each_kind_per_language(home, legal_pages):
    duplicate = LegalPage(title="Autres mentions", slug="autres-mentions", kind="legal-notice", body="<p>x</p>")
    duplicate.locale = home["fr"].locale
    with pytest.raises(ValidationError) as error:
        home["fr"].add_child(instance=duplicate)
    assert "kind" in error.value.message_dict
