"""Subscribing to the awareness days from any calendar app, in both languages, as a reader meets the pages."""

import datetime
from urllib.parse import parse_qs, urlsplit

from wagtail.models import Page, Site

import icalendar
import pytest
from bs4 import BeautifulSoup

from news.models import AwarenessDayDate, AwarenessDayNetwork
from tests.factories import AwarenessDayPageFactory, publish_translation

pytestmark = pytest.mark.django_db

NAMES = {
    "fr": "F-CRIN — Journées de sensibilisation (français)",
    "en": "F-CRIN — Awareness days (English)",
}


@pytest.fixture
def https_site(home):
    """The site at its https address, as it is served in production."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "presse.example.org", 443
    site.save()
    return "https://presse.example.org"


@pytest.fixture
def lupus(awareness_calendar, home):
    calendar = awareness_calendar["fr"]
    day = AwarenessDayPageFactory(
        parent=calendar, locale=calendar.locale, title="Journée mondiale du lupus", slug="journee-mondiale-du-lupus"
    )
    network = home["fr"].add_child(instance=Page(title="CRISALIS", slug="crisalis", locale=calendar.locale))
    AwarenessDayNetwork.objects.create(page=day, network=network)
    english = publish_translation(day, "en", title="World Lupus Day", slug="world-lupus-day")
    return {"fr": day, "en": english}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def links(html):
    """The subscription block's addresses: the webcal link, the address to copy, Google's and Outlook's."""
    block = html.select_one(".awareness-subscribe")
    hrefs = [a["href"] for a in block.select("a")]
    return {
        "webcal": next(href for href in hrefs if href.startswith("webcal://")),
        "address": block.select_one("input[readonly]")["value"],
        "google": next(href for href in hrefs if href.startswith("https://calendar.google.com/")),
        "outlook": next(href for href in hrefs if href.startswith("https://outlook.live.com/")),
        "office": next(href for href in hrefs if href.startswith("https://outlook.office.com/")),
    }


def query(url):
    parts = urlsplit(url)
    return parts.path, {key: value for key, (value,) in parse_qs(parts.query, strict_parsing=True).items()}


def fetch_calendar(client, url):
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def assert_links_lead_to(found, https_url, name):
    assert found["address"] == https_url
    assert found["webcal"] == "webcal://" + https_url.removeprefix("https://")
    assert query(found["google"]) == ("/calendar/render", {"cid": found["webcal"]})
    for key in ("outlook", "office"):
        assert query(found[key]) == ("/calendar/0/addfromweb", {"url": https_url, "name": name})
    # The query strings are encoded: the feed's own address does not leak into Google's or Outlook's.
    assert "webcal%3A%2F%2F" in found["google"]
    assert "https%3A%2F%2F" in found["outlook"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_calendar_page_offers_every_calendar_app_its_way_to_subscribe(
    client, https_site, awareness_calendar, lupus, language
):
    calendar = awareness_calendar[language]
    html = soup(client.get(calendar.url))
    found = links(html)

    assert_links_lead_to(found, https_site + calendar.url + "ics/", NAMES[language])
    cal = fetch_calendar(client, found["address"])
    assert str(cal["X-WR-CALNAME"]) == NAMES[language]
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Paris"
    assert "X-WR-CALDESC" in cal
    assert [str(event["SUMMARY"]) for event in cal.walk("VEVENT")] == [lupus[language].title]
    button = html.select_one("button[data-copy]")
    assert button["data-copy"] == html.select_one("input[readonly]")["id"]
    assert button.get_text() == {"fr": "Copier", "en": "Copy"}[language]
    assert html.select_one("script[src*='copy'][defer]") is not None


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "F-CRIN — Journées de sensibilisation, réseau CRISALIS (français)"),
        ("en", "F-CRIN — Awareness days, network CRISALIS (English)"),
    ],
)
def test_a_filtered_calendar_subscribes_to_its_own_feed_and_says_so(
    client, https_site, awareness_calendar, lupus, language, name
):
    calendar = awareness_calendar[language]
    found = links(soup(client.get(calendar.url, {"network": "crisalis"})))

    assert_links_lead_to(found, https_site + calendar.url + "networks/crisalis/ics/", name)
    assert str(fetch_calendar(client, found["address"])["X-WR-CALNAME"]) == name


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "F-CRIN — Journée mondiale du lupus (français)"),
        ("en", "F-CRIN — World Lupus Day (English)"),
    ],
)
def test_a_day_page_offers_its_own_calendar_named_after_the_day(client, https_site, lupus, language, name):
    day = lupus[language]
    html = soup(client.get(day.url))
    found = links(html)

    assert_links_lead_to(found, https_site + day.url + "ics/", name)
    download = html.select_one(".awareness-subscribe a[download]")
    assert download["href"] == day.url + "ics/"
    response = client.get(download["href"])
    assert response["Content-Disposition"] == f'attachment; filename="{day.slug}.ics"'
    cal = icalendar.Calendar.from_ical(response.content)
    assert str(cal["X-WR-CALNAME"]) == name
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == day.title
    assert event.decoded("DTSTART").month == 5


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_day_without_announced_dates_offers_no_calendar(client, awareness_calendar, language):
    calendar = awareness_calendar["fr"]
    unannounced = AwarenessDayPageFactory(
        parent=calendar, locale=calendar.locale, title="Journées de la schizophrénie", kind="tbc", month=None, day=None
    )
    # Last year's dates are past: nothing to add to a calendar either.
    last_year = datetime.date.today().year - 1
    AwarenessDayDate.objects.create(page=unannounced, year=last_year, start=datetime.date(last_year, 3, 16))
    day = unannounced if language == "fr" else publish_translation(unannounced, "en", title="Schizophrenia Days")

    html = soup(client.get(day.url))

    assert html.select(".awareness-subscribe") == []
    assert html.select("a[href$='ics/'], a[href^='webcal:'], link[type='text/calendar']") == []
    assert html.select_one(f"a[href='{awareness_calendar[language].url}#subscribe']") is not None
    assert client.get(day.url + "ics/").status_code == 404

    # Once the dates are announced, the day has its calendar.
    AwarenessDayDate.objects.create(page=day, year=last_year + 2, start=datetime.date(last_year + 2, 3, 15))
    day.save_revision().publish()
    assert client.get(day.url + "ics/").status_code == 200
    assert soup(client.get(day.url)).select_one(".awareness-subscribe a[download]") is not None
