"""Awareness calendar and day pages as readers and editors meet them."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from news.models import (
    AwarenessCalendarPage,
    AwarenessDayDate,
    AwarenessDayNetwork,
    AwarenessDayTheme,
    AwarenessDayTopic,
)
from tests.factories import AwarenessDayPageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 1, 15)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def add_day(calendar, title, **fields):
    return AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title=title, **fields)


def link_topic(day, topic):
    AwarenessDayTopic.objects.create(page=day, topic=topic)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def days(awareness_calendar):
    calendar = awareness_calendar["fr"]
    return {
        "lupus": add_day(calendar, "Journée mondiale du lupus", month=5, day=10),
        "asthma": add_day(calendar, "Journée mondiale de l'asthme", kind="nth_weekday", month=5, nth=1, weekday=1),
        "rare": add_day(calendar, "Journée internationale des maladies rares", kind="last_day", month=2, day=None),
        "week": add_day(
            calendar, "Semaine de la vaccination", kind="fixed_range", month=4, day=24, end_month=4, end_day=30
        ),
        "january": add_day(calendar, "Journée de janvier", month=1, day=10),
    }


def test_calendar_lists_the_next_twelve_months_in_date_order_grouped_by_month(client, awareness_calendar, days):
    tbc = add_day(awareness_calendar["fr"], "Journées de la schizophrénie", kind="tbc", month=None, day=None)
    AwarenessDayDate.objects.create(
        page=tbc, year=2027, start=datetime.date(2027, 3, 15), end=datetime.date(2027, 3, 21)
    )

    page = soup(client.get(awareness_calendar["fr"].url))

    months = [h2.get_text(strip=True) for h2 in page.select(".awareness-month h2")]
    assert months == ["Février 2027", "Mars 2027", "Avril 2027", "Mai 2027", "Janvier 2028"]
    titles = [a.get_text(strip=True) for a in page.select(".awareness-item__title a")]
    assert titles == [
        "Journée internationale des maladies rares",
        "Journées de la schizophrénie",
        "Semaine de la vaccination",
        "Journée mondiale de l'asthme",
        "Journée mondiale du lupus",
        "Journée de janvier",
    ]
    dates = [time["datetime"] for time in page.select(".awareness-item__when time")]
    assert dates == ["2027-02-28", "2027-03-15", "2027-04-24", "2027-05-04", "2027-05-10", "2028-01-10"]
    assert "du 24 au 30 avril 2027" in page.select_one(".awareness-list").parent.parent.get_text()


def test_calendar_filters_by_network_and_topic_and_keeps_them_in_the_address(client, awareness_calendar, days, home):
    network = home["fr"].add_child(instance=Page(title="CRI-IMIDIATE", slug="cri-imidiate", locale=home["fr"].locale))
    AwarenessDayNetwork.objects.create(page=days["lupus"], network=network)
    AwarenessDayNetwork.objects.create(page=days["rare"], network=network)
    rare = TopicFactory(name="Maladies rares", slug="maladies-rares", locale=home["fr"].locale)
    link_topic(days["rare"], rare)
    url = awareness_calendar["fr"].url

    by_network = soup(client.get(url, {"network": "cri-imidiate"}))
    by_both = soup(client.get(url, {"network": "cri-imidiate", "topic": "maladies-rares"}))

    assert [a.get_text() for a in by_network.select(".awareness-item__title a")] == [
        "Journée internationale des maladies rares",
        "Journée mondiale du lupus",
    ]
    assert by_network.select_one("#filter-network option[selected]")["value"] == "cri-imidiate"
    assert [a.get_text() for a in by_both.select(".awareness-item__title a")] == [
        "Journée internationale des maladies rares"
    ]
    assert by_both.select_one("#filter-topic option[selected]").get_text() == "Maladies rares"
    assert by_both.select_one("link[type='text/calendar']")["href"].endswith("/networks/cri-imidiate/ics/")


@pytest.mark.parametrize(
    "query",
    [{"network": "nope"}, {"topic": "x" * 3000}, {"topic": "é%00'\""}, {"network": ["a", "b"]}, {"page": "-1"}],
)
def test_bad_filter_values_show_every_day(client, awareness_calendar, days, query):
    page = soup(client.get(awareness_calendar["fr"].url, query))

    assert len(page.select(".awareness-item")) == 5
    assert page.select("option[selected]") == []


def test_day_page_shows_its_rule_in_words_next_dates_theme_and_event_metadata(client, days):
    AwarenessDayTheme.objects.create(page=days["asthma"], locale=days["asthma"].locale, year=2027, theme="Respirer")

    page = soup(client.get(days["asthma"].url))

    assert "Chaque année : le premier mardi de mai." in page.select_one(".awareness-when__rule").get_text(
        " ", strip=True
    )
    assert [t["datetime"] for t in page.select(".awareness-dates time")] == ["2027-05-04", "2028-05-02", "2029-05-01"]
    assert "Respirer" in page.select_one(".awareness-theme").get_text()
    event = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert event["@type"] == "Event"
    assert (event["name"], event["startDate"], event["endDate"]) == (
        "Journée mondiale de l'asthme",
        "2027-05-04",
        "2027-05-04",
    )
    assert event["url"].endswith(days["asthma"].url)


def test_english_pages_show_english_words_topics_and_networks(client, awareness_calendar, days, home):
    fr_topic = TopicFactory(name="Maladies auto-immunes", slug="maladies-auto-immunes", locale=home["fr"].locale)
    en_topic = fr_topic.copy_for_translation(home["en"].locale)
    en_topic.name, en_topic.slug = "Autoimmune diseases", "autoimmune-diseases"
    en_topic.save()
    fr_network = home["fr"].add_child(instance=Page(title="Réseau FR", slug="reseau", locale=home["fr"].locale))
    fr_network.save_revision().publish()
    en_network = publish_translation(fr_network, "en", title="Network EN", slug="network")
    link_topic(days["lupus"], fr_topic)
    AwarenessDayNetwork.objects.create(page=days["lupus"], network=fr_network)
    en_lupus = publish_translation(days["lupus"], "en", title="World Lupus Day", slug="world-lupus-day")

    day = soup(client.get(en_lupus.url))
    calendar = soup(client.get(awareness_calendar["en"].url, {"topic": "autoimmune-diseases"}))

    assert "Every year: 10 May." in day.select_one(".awareness-when__rule").get_text(" ", strip=True)
    assert [li.get_text() for li in day.select(".awareness-tags li")] == ["Autoimmune diseases"]
    assert [(a.get_text(), a["href"]) for a in day.select(".awareness-links a")] == [("Network EN", en_network.url)]
    assert [a.get_text() for a in calendar.select(".awareness-item__title a")] == ["World Lupus Day"]
    assert calendar.select_one(".awareness-item__when").get_text(strip=True) == "10 May 2027"


def test_home_page_highlights_the_next_day(client, days):
    page = soup(client.get("/fr/"))

    highlight = page.select_one(".awareness-next")
    assert highlight.select_one("h3 a").get_text() == "Journée internationale des maladies rares"
    assert highlight.select_one("time")["datetime"] == "2027-02-28"


def test_impossible_rules_are_refused_on_their_field(days):
    day = days["lupus"]
    day.month, day.day = 2, 31
    with pytest.raises(ValidationError) as refused:
        day.full_clean()
    assert list(refused.value.message_dict) == ["day"]

    day.kind, day.nth, day.weekday, day.month = "nth_weekday", 5, 0, 5
    with pytest.raises(ValidationError) as refused:
        day.full_clean()
    assert list(refused.value.message_dict) == ["nth"]


def test_the_editor_sees_the_error_under_the_field_with_their_input_kept(admin_client, awareness_calendar):
    url = reverse("wagtailadmin_pages:add", args=["news", "awarenessdaypage", awareness_calendar["fr"].pk])
    data = nested_form_data(
        {
            "title": "Journée impossible",
            "slug": "journee-impossible",
            "summary": "",
            "kind": "fixed",
            "month": "2",
            "day": "31",
            "date_confirmed": "on",
            "social_media_text": "",
            "body": rich_text("<p>Texte</p>"),
            "dates": inline_formset([]),
            "themes": inline_formset([]),
            "topic_links": inline_formset([]),
            "network_links": inline_formset([]),
            "release_links": inline_formset([]),
            "kit_images": inline_formset([]),
            "kit_documents": inline_formset([]),
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert "31 février n’existe pas" in " ".join(form.errors["day"])
    assert form["day"].value() == "31"
    assert form["month"].value() == "2"
    assert not awareness_calendar["fr"].get_children().exists()


def test_one_calendar_per_language_under_the_home_page(awareness_calendar, home):
    assert AwarenessCalendarPage.allowed_parent_page_models() == [HomePage]
    assert not AwarenessCalendarPage.can_create_at(home["fr"])


def test_network_pages_list_their_next_days_and_offer_their_calendar(client, awareness_calendar, days, network_index):
    from tests.factories import NetworkPageFactory

    network = NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale, title="CRISALIS")
    AwarenessDayNetwork.objects.create(page=days["asthma"], network=network)

    page = soup(client.get(network.url))

    section = page.select_one(".awareness-for")
    assert [a.get_text() for a in section.select(".awareness-for__list a")] == ["Journée mondiale de l'asthme"]
    assert section.select_one("time")["datetime"] == "2027-05-04"
    feed = awareness_calendar["fr"].url + f"networks/{network.slug}/ics/"
    assert section.select_one("a[href^='webcal://']")["href"] == "webcal://localhost" + feed
    assert client.get(feed)["Content-Type"] == "text/calendar; charset=utf-8"
