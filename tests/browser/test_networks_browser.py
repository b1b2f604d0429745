import datetime

import pytest

from networks.importer import import_networks, parse
from networks.models import NetworkPage
from news.models import PressReleaseNetwork
from tests.browser.conftest import serious_violations
from tests.factories import PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLE = "networks/data/sample_networks.json"


@pytest.fixture
def directory(network_index, press_room):
    with open(SAMPLE, encoding="utf-8") as sample:
        import_networks(parse(sample.read()))
    network = NetworkPage.objects.get(locale__language_code="fr", acronym="CRI-IMIDIATE")
    release = PressReleasePageFactory.build(
        title="CRI-IMIDIATE et les cellules CAR-T",
        slug="cri-imidiate-car-t",
        release_date=datetime.date(2026, 5, 6),
        locale=press_room["fr"].locale,
        network_links=[PressReleaseNetwork(network=network)],
    )
    press_room["fr"].add_child(instance=release)
    release.save_revision().publish()
    publish_translation(release, "en", title="CRI-IMIDIATE and CAR-T cells", slug="cri-imidiate-car-t-cells")
    return network_index


def test_filter_by_a_disease_open_a_network_and_its_latest_release(page, directory):
    page.goto("/fr/reseaux/")
    assert serious_violations(page) == []

    page.get_by_label("Maladie ou domaine").select_option(label="Lupus systémique")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**/fr/reseaux/?topic=lupus-systemique")
    cards = page.locator(".network-card__title a")
    assert cards.all_inner_texts() == ["CRI-IMIDIATE"]
    assert serious_violations(page) == []

    cards.first.click()
    page.wait_for_url("**/fr/reseaux/cri-imidiate/")
    assert page.locator("h1").inner_text() == "CRI-IMIDIATE"
    assert "Pr Bruno Fautrel" in page.locator("main").inner_text()
    assert serious_violations(page) == []

    page.locator(".release-card__title a").first.click()
    page.wait_for_url("**/cri-imidiate-car-t/")
    assert page.locator("h1").inner_text() == "CRI-IMIDIATE et les cellules CAR-T"


def test_topic_page_switches_language_to_the_translated_topic(page, directory):
    page.goto("/fr/reseaux/themes/lupus-systemique/")
    assert serious_violations(page) == []

    page.locator("header .language-selector a[data-language='en']").click()
    page.wait_for_url("**/en/networks/topics/systemic-lupus/")
    assert page.locator("h1").inner_text() == "Systemic lupus"
    assert serious_violations(page) == []


def test_directory_fits_a_phone_screen(mobile_page, directory):
    mobile_page.goto("/en/networks/")

    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(mobile_page) == []
