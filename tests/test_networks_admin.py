from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from networks.models import CareProtocol, NetworkIndexPage, NetworkPage
from tests.factories import CareProtocolFactory, NetworkPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_editors_open_the_network_and_care_protocol_forms(admin_client, network_index):
    network = NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale)
    protocol = CareProtocolFactory(locale=network_index["fr"].locale)

    for url in [
        f"/admin/pages/{network.pk}/edit/",
        f"/admin/pages/add/networks/networkpage/{network_index['fr'].pk}/",
        "/admin/snippets/networks/careprotocol/",
        f"/admin/snippets/networks/careprotocol/edit/{protocol.pk}/",
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_one_directory_per_language_under_the_home_page(network_index):
    assert NetworkIndexPage.parent_page_types == ["home.HomePage"]
    assert not NetworkIndexPage.can_create_at(network_index["fr"].get_parent())
    assert not NetworkIndexPage.can_create_at(HomePage.objects.get(locale__language_code="en"))
    assert NetworkPage.can_create_at(network_index["fr"])


def test_two_networks_cannot_share_an_acronym_in_one_language(network_index):
    NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale, acronym="FACT")
    twin = NetworkPageFactory.build(locale=network_index["fr"].locale, acronym="fact", slug="fact-2")
    twin.path, twin.depth = network_index["fr"].path + "9999", network_index["fr"].depth + 1

    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "acronym" in error.value.message_dict


def test_care_protocol_block_cites_a_protocol_in_a_body(client, network_index):
    lupus = TopicFactory(locale=network_index["fr"].locale, name="Lupus systémique", slug="lupus-systemique")
    protocol = CareProtocol.objects.create(
        locale=network_index["fr"].locale,
        title="PNDS Lupus systémique",
        disease=lupus,
        directed_by="Pr Zahir Amoura",
        filiere="FAI²R",
        publication_year=2017,
        update_year=2020,
        official_url="https://www.has-sante.fr/",
    )
    NetworkPageFactory(
        parent=network_index["fr"],
        locale=network_index["fr"].locale,
        slug="cri-imidiate",
        body=[("paragraph", "<p>Le réseau cite ce protocole.</p>"), ("care_protocol", protocol)],
    )

    html = BeautifulSoup(client.get("/fr/reseaux/cri-imidiate/").content, "html.parser")

    cited = html.select_one(".rich-text .care-protocol")
    assert cited.h3.get_text(strip=True) == "PNDS Lupus systémique"
    facts = {dt.get_text(strip=True): dt.find_next("dd").get_text(" ", strip=True) for dt in cited.select("dt")}
    assert facts["Dirigé par"] == "Pr Zahir Amoura"
    assert facts["Publication"] == "2017 (mis à jour en 2020)"
    assert cited.find("a")["href"] == "https://www.has-sante.fr/"
