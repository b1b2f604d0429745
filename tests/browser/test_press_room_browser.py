import datetime

import pytest

from tests.browser.conftest import serious_violations
from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def releases(press_room):
    fr = press_room["fr"].locale
    lupus = TopicFactory(locale=fr, name="Lupus", slug="lupus")
    asthme = TopicFactory(locale=fr, name="Asthme sévère", slug="asthme-severe")
    lupus_release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=fr,
        title="Journée mondiale du lupus",
        slug="journee-mondiale-du-lupus",
        release_date=datetime.date(2026, 5, 10),
        body=[
            {"type": "paragraph", "value": "<p>Les centres experts se mobilisent.</p>"},
            {"type": "key_figures", "value": {"heading": "", "figures": [{"value": "54", "label": "centres"}]}},
            {
                "type": "quote",
                "value": {"words": "Agir tôt change tout.", "speaker": "Pr Martin", "role": "Rhumatologue"},
            },
        ],
        correction_notice="<p>Le nombre de centres a été corrigé.</p>",
        correction_date=datetime.date(2026, 5, 11),
    )
    lupus_release.topic_links.create(topic=lupus)
    lupus_release.contact_links.create(contact=PressContactFactory(locale=fr))
    lupus_release.boilerplate_links.create(boilerplate=BoilerplateFactory(locale=fr))
    lupus_release.save_revision().publish()
    asthma_release = PressReleasePageFactory(
        parent=press_room["fr"], locale=fr, title="Journée mondiale de l'asthme", release_date=datetime.date(2026, 5, 5)
    )
    asthma_release.topic_links.create(topic=asthme)
    asthma_release.save_revision().publish()
    return {"lupus": lupus_release, "asthma": asthma_release}


def test_filter_the_press_room_then_open_a_release(page, press_room, releases):
    page.goto(press_room["fr"].url)
    assert page.locator(".release-card").count() == 2
    assert serious_violations(page) == []

    page.get_by_label("Thématique").select_option("lupus")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**?topic=lupus*")

    titles = page.locator(".release-card__title a")
    assert titles.all_inner_texts() == ["Journée mondiale du lupus"]
    assert page.get_by_label("Thématique").input_value() == "lupus"

    titles.first.click()
    page.wait_for_url(f"**{releases['lupus'].url}")
    assert page.locator("h1").inner_text() == "Journée mondiale du lupus"
    assert "Rectificatif" in page.locator(".release__correction").inner_text()
    assert page.locator(".contact a[href^='mailto:']").count() == 1
    assert serious_violations(page) == []


def test_release_fits_a_phone_screen(mobile_page, releases):
    mobile_page.goto(releases["lupus"].url)

    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(mobile_page) == []
