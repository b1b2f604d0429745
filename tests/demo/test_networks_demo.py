import pytest
from bs4 import BeautifulSoup

from networks.models import CareProtocol, NetworkPage

pytestmark = pytest.mark.django_db


def test_demo_networks_in_both_languages(client, demo_content):
    for language, path in (("fr", "/fr/reseaux/"), ("en", "/en/networks/")):
        html = BeautifulSoup(client.get(path).content, "html.parser")
        counts = [len(section.select(".network-card")) for section in html.select("section.network-group")]
        assert counts == [17, 3, 1], language
    assert NetworkPage.objects.filter(live=True).count() == 42
    # No acronym where the sources have none.
    assert set(NetworkPage.objects.filter(acronym="", locale__language_code="fr").values_list("kind", flat=True)) == {
        "expertise",
        "platform",
    }
    assert not NetworkPage.objects.filter(acronym__in=["Tech4Health", "RECaP", "F-CRIN-PLATFORM"]).exists()

    # CRI-IMIDIATE with its seed facts and the three FAI²R care protocols, in English.
    html = BeautifulSoup(client.get("/en/networks/cri-imidiate/").content, "html.parser")
    text = html.main.get_text(" ", strip=True)
    assert "54" in text and "Prof. Bruno Fautrel" in text and "Pr Bruno" not in text
    protocols = [h.get_text(strip=True) for h in html.select(".care-protocol__title")]
    assert len(protocols) == 3 and all("National diagnosis and care protocol" in title for title in protocols)
    assert CareProtocol.objects.filter(locale__language_code="en", disease__slug="systemic-lupus").exists()
    topic = BeautifulSoup(client.get("/fr/reseaux/themes/lupus-systemique/").content, "html.parser")
    assert [h.get_text(strip=True) for h in topic.select(".care-protocol__title")] == ["PNDS Lupus systémique"]
