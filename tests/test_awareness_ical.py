"""Awareness-day calendar subscriptions, parsed and expanded with real iCalendar libraries."""

import datetime

from wagtail.models import Page

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup

from news.models import AwarenessDayDate, AwarenessDayNetwork, AwarenessDayTopic
from tests.factories import AwarenessDayPageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db

RULES = {
    "lupus": {"title": "Journée mondiale du lupus", "month": 5, "day": 10},
    "asthma": {"title": "Journée mondiale de l'asthme", "kind": "nth_weekday", "month": 5, "nth": 1, "weekday": 1},
    "retina": {"title": "Journée mondiale de la rétine", "kind": "nth_weekday", "month": 9, "nth": -1, "weekday": 6},
    "rare": {"title": "Journée internationale des maladies rares", "kind": "last_day", "month": 2, "day": None},
    "week": {
        "title": "Semaine de la vaccination",
        "kind": "fixed_range",
        "month": 4,
        "day": 24,
        "end_month": 4,
        "end_day": 30,
    },
    "new_year": {
        "title": "Semaine du nouvel an",
        "kind": "fixed_range",
        "month": 12,
        "day": 28,
        "end_month": 1,
        "end_day": 3,
    },
    "tbc": {"title": "Journées de la schizophrénie", "kind": "tbc", "month": None, "day": None},
}


@pytest.fixture
def days(awareness_calendar):
    calendar = awareness_calendar["fr"]
    days = {
        name: AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, **fields)
        for name, fields in RULES.items()
    }
    for year, start, end in [(2027, (3, 15), (3, 21)), (2028, (3, 20), (3, 26))]:
        AwarenessDayDate.objects.create(
            page=days["tbc"], year=year, start=datetime.date(year, *start), end=datetime.date(year, *end)
        )
    return days


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def expanded(cal, start, end):
    """(summary, first day, last day) of every occurrence between ``start`` and ``end``."""
    return sorted(
        (
            str(event["SUMMARY"]),
            event.decoded("DTSTART"),
            event.decoded("DTEND") - datetime.timedelta(days=1),
        )
        for event in recurring_ical_events.of(cal).between(start, end)
    )


def engine(days, start, end):
    """The same, from the rule engine: occurrences that overlap the days from ``start`` to ``end``, excluded."""
    return sorted(
        (day.title, occurrence.start, occurrence.end)
        for day in days
        for occurrence in day.rule.occurrences(start, end - datetime.timedelta(days=1))
    )


def test_the_feed_of_all_days_expands_to_the_engine_dates_in_2027_and_2028(client, awareness_calendar, days):
    cal = fetch(client, awareness_calendar["fr"].url + "ics/")

    start, end = datetime.date(2027, 1, 1), datetime.date(2029, 1, 1)
    assert expanded(cal, start, end) == engine(days.values(), start, end)
    assert str(cal["X-WR-CALNAME"]) == "F-CRIN — Journées de sensibilisation (français)"
    # Six yearly rules twice, the new-year week that began in 2026, and two announced weeks.
    assert len(expanded(cal, start, end)) == 2 * 6 + 1 + 2


def test_world_lupus_day_is_on_10_may_every_year(client, awareness_calendar, days):
    cal = fetch(client, awareness_calendar["fr"].url + "ics/")

    lupus = [o for o in expanded(cal, datetime.date(2027, 1, 1), datetime.date(2041, 1, 1)) if "lupus" in o[0]]

    assert [start for _title, start, _end in lupus] == [datetime.date(year, 5, 10) for year in range(2027, 2041)]


def test_rules_are_sent_as_rrules_and_unconfirmed_days_as_explicit_dates(client, awareness_calendar, days):
    cal = fetch(client, awareness_calendar["fr"].url + "ics/")
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}

    assert events["Journée mondiale de l'asthme"]["RRULE"] == icalendar.vRecur.from_ical(
        "FREQ=YEARLY;BYMONTH=5;BYDAY=1TU"
    )
    assert events["Journée internationale des maladies rares"]["RRULE"] == icalendar.vRecur.from_ical(
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    )
    assert events["Journée mondiale de la rétine"]["RRULE"]["BYDAY"] == ["-1SU"]
    assert isinstance(events["Journée mondiale du lupus"].decoded("DTSTART"), datetime.date)
    assert not isinstance(events["Journée mondiale du lupus"].decoded("DTSTART"), datetime.datetime)
    schizophrenia = [e for e in cal.walk("VEVENT") if "schizophrénie" in str(e["SUMMARY"])]
    assert [(e.decoded("DTSTART"), "RRULE" in e) for e in schizophrenia] == [
        (datetime.date(2027, 3, 15), False),
        (datetime.date(2028, 3, 20), False),
    ]


def test_uids_are_stable_across_requests_and_unique(client, awareness_calendar, days):
    url = awareness_calendar["fr"].url + "ics/"

    first = [str(e["UID"]) for e in fetch(client, url).walk("VEVENT")]
    days["lupus"].title = "Journée mondiale du lupus (renommée)"
    days["lupus"].save_revision().publish()
    second = [str(e["UID"]) for e in fetch(client, url).walk("VEVENT")]

    assert sorted(first) == sorted(second)
    assert len(set(first)) == len(first) == len(RULES) + 1
    assert str(days["lupus"].translation_key) in " ".join(first)


def test_the_english_feed_speaks_english(client, awareness_calendar, days):
    en_lupus = publish_translation(days["lupus"], "en", title="World Lupus Day", slug="world-lupus-day", summary="")

    cal = fetch(client, awareness_calendar["en"].url + "ics/")
    fr_uids = {str(e["UID"]) for e in fetch(client, awareness_calendar["fr"].url + "ics/").walk("VEVENT")}

    (event,) = cal.walk("VEVENT")
    assert str(cal["X-WR-CALNAME"]) == "F-CRIN — Awareness days (English)"
    assert str(event["SUMMARY"]) == "World Lupus Day"
    assert "Every year: 10 May." in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(en_lupus.url)
    assert str(event["UID"]) not in fr_uids


def test_feeds_per_network_and_per_topic(client, awareness_calendar, days, home):
    network = home["fr"].add_child(instance=Page(title="CRISALIS", slug="crisalis", locale=home["fr"].locale))
    AwarenessDayNetwork.objects.create(page=days["asthma"], network=network)
    topic = TopicFactory(name="Maladies rares", slug="maladies-rares", locale=home["fr"].locale)
    AwarenessDayTopic.objects.create(page=days["rare"], topic=topic)
    AwarenessDayTopic.objects.create(page=days["lupus"], topic=topic)
    base = awareness_calendar["fr"].url

    by_network = fetch(client, base + "networks/crisalis/ics/")
    by_topic = fetch(client, base + "topics/maladies-rares/ics/")

    assert [str(e["SUMMARY"]) for e in by_network.walk("VEVENT")] == ["Journée mondiale de l'asthme"]
    assert str(by_network["X-WR-CALNAME"]) == "F-CRIN — Journées de sensibilisation, réseau CRISALIS (français)"
    assert str(by_topic["X-WR-CALNAME"]) == (
        "F-CRIN — Journées de sensibilisation, thématique Maladies rares (français)"
    )
    assert sorted(str(e["SUMMARY"]) for e in by_topic.walk("VEVENT")) == [
        "Journée internationale des maladies rares",
        "Journée mondiale du lupus",
    ]
    assert client.get(base + "networks/unknown/ics/").status_code == 404
    assert client.get(base + "topics/unknown/ics/").status_code == 404


def test_each_day_has_its_own_downloadable_ics(client, days):
    response = client.get(days["week"].url + "ics/")
    cal = icalendar.Calendar.from_ical(response.content)

    assert response["Content-Disposition"] == f'attachment; filename="{days["week"].slug}.ics"'
    assert str(cal["X-WR-CALNAME"]) == "F-CRIN — Semaine de la vaccination (français)"
    assert expanded(cal, datetime.date(2027, 1, 1), datetime.date(2028, 1, 1)) == [
        ("Semaine de la vaccination", datetime.date(2027, 4, 24), datetime.date(2027, 4, 30))
    ]


def test_pages_link_their_feed_and_offer_a_webcal_subscription(client, awareness_calendar, days):
    for page in (awareness_calendar["fr"], days["lupus"]):
        html = BeautifulSoup(client.get(page.url).content, "html.parser")

        link = html.select_one("link[rel='alternate'][type='text/calendar']")
        assert link["href"] == page.url + "ics/"
        assert client.get(link["href"]).status_code == 200
        webcal = html.select_one("a[href^='webcal://']")["href"]
        # At the site's address (its canonical one), whatever host the request came by.
        assert webcal == "webcal://localhost" + page.url + "ics/"
