"""The demo's legal pages (issue 22): both languages, honest RGAA state, linked from the footers."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("home", "expected"),
    [
        ("/fr/", ["/fr/mentions-legales/", "/fr/donnees-personnelles/", "/fr/accessibilite/"]),
        ("/en/", ["/en/legal-notice/", "/en/privacy/", "/en/accessibility/"]),
    ],
)
def test_demo_footer_links_to_the_three_legal_pages(client, demo_content, home, expected):
    footer = BeautifulSoup(client.get(home).content, "html.parser").find("footer")
    assert [link["href"] for link in footer.select(".site-footer__legal a")] == expected
    for url in expected:
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "phrases"),
    [
        ("/fr/accessibilite/", ["non conforme", "RGAA", "Dérogations", "Défenseur des droits", "service de presse"]),
        ("/en/accessibility/", ["not compliant", "RGAA", "Exemptions", "Défenseur des droits", "press office"]),
        ("/fr/mentions-legales/", ["Directeur de la publication", "coordinateur", "Hébergement"]),
        ("/en/legal-notice/", ["Director of publication", "coordinator", "Hosting"]),
        ("/fr/donnees-personnelles/", ["Contacts presse", "Alertes par courriel", "Experts", "CNIL"]),
        ("/en/privacy/", ["Press contacts", "E-mail alerts", "Experts", "CNIL"]),
    ],
)
def test_demo_legal_pages_say_what_the_law_asks(client, demo_content, url, phrases):
    text = BeautifulSoup(client.get(url).content, "html.parser").find("main").get_text(" ")
    for phrase in phrases:
        assert phrase in text, (url, phrase)
