import icalendar
import pytest

from news.models import AwarenessDayNetwork
from tests.browser.conftest import serious_violations
from tests.factories import AwarenessDayPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def days(awareness_calendar, home):
    from wagtail.models import Page

    calendar = awareness_calendar["fr"]
    network = home["fr"].add_child(instance=Page(title="CRI-IMIDIATE", slug="cri-imidiate", locale=calendar.locale))
    lupus = AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title="Journée mondiale du lupus")
    AwarenessDayNetwork.objects.create(page=lupus, network=network)
    AwarenessDayPageFactory(
        parent=calendar,
        locale=calendar.locale,
        title="Journée mondiale de l'asthme",
        kind="nth_weekday",
        nth=1,
        weekday=1,
    )
    return {"lupus": lupus}


def test_filter_the_calendar_open_a_day_and_download_its_ics(page, awareness_calendar, days):
    page.goto(awareness_calendar["fr"].url)
    assert page.locator(".awareness-item").count() == 2
    assert serious_violations(page) == []

    page.select_option("#filter-network", label="CRI-IMIDIATE")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**network=cri-imidiate**")
    assert page.locator(".awareness-item__title").all_inner_texts() == ["Journée mondiale du lupus"]
    assert serious_violations(page) == []

    page.get_by_role("link", name="Journée mondiale du lupus").click()
    page.wait_for_url(f"**{days['lupus'].url}")
    assert "Chaque année : le 10 mai." in page.locator(".awareness-when__rule").inner_text()
    assert serious_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    cal = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Journée mondiale du lupus"
    assert download.value.suggested_filename == f"{days['lupus'].slug}.ics"


def test_calendar_fits_a_phone_screen(mobile_page, awareness_calendar, days):
    mobile_page.goto(awareness_calendar["fr"].url)

    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(mobile_page) == []
