"""Query budgets of the awareness pages: the same number of queries whether there is 1 related item or 20.

Measured in the steady state without the page cache (``page_queries``); issue 5 asks for 12. The
site and its top pages are routed from the cache; view restrictions and the header (language links,
navigation, breadcrumbs) cost one query each, and the rest is each page's own: the calendar's days,
dates, topics and networks; a day's themes, topics, networks and releases, kit images, renditions
and documents.
"""

import datetime

from wagtail.models import Page

import pytest
import wagtail_factories

from news.models import (
    AwarenessDayDate,
    AwarenessDayKitDocument,
    AwarenessDayKitImage,
    AwarenessDayNetwork,
    AwarenessDayRelease,
    AwarenessDayTheme,
    AwarenessDayTopic,
)
from tests.factories import AwarenessDayPageFactory, PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db

DAY_BUDGET = 12
CALENDAR_BUDGET = 12


def related_items(day, home, press_room, start, count):
    """``count`` of each kind of related item on ``day``: topics, networks, releases, themes, kit."""
    locale = day.locale
    for n in range(start, start + count):
        AwarenessDayTopic.objects.create(
            page=day, topic=TopicFactory(locale=locale, name=f"Thème {n}", slug=f"theme-{n}")
        )
        network = home.add_child(instance=Page(title=f"Réseau {n}", slug=f"reseau-{n}", locale=locale))
        AwarenessDayNetwork.objects.create(page=day, network=network)
        release = PressReleasePageFactory(parent=press_room, locale=locale, title=f"Communiqué {n}")
        AwarenessDayRelease.objects.create(page=day, release=release)
        AwarenessDayTheme.objects.create(page=day, locale=locale, year=2000 + n, theme=f"Thème de l'année {n}")
        AwarenessDayKitImage.objects.create(
            page=day, locale=locale, image=wagtail_factories.ImageFactory(title=f"Affiche {n}"), credit="F-CRIN"
        )
        AwarenessDayKitDocument.objects.create(
            page=day, locale=locale, document=wagtail_factories.DocumentFactory(title=f"Dossier {n}"), credit="F-CRIN"
        )


def test_day_page_queries_do_not_grow_with_related_items(page_queries, awareness_calendar, home, press_room):
    day = AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=awareness_calendar["fr"].locale)
    related_items(day, home["fr"], press_room["fr"], 1, 1)
    few = page_queries(day.url)
    related_items(day, home["fr"], press_room["fr"], 2, 19)
    many = page_queries(day.url)

    content = many.response.content.decode()
    assert all(f"{kind} 20" in content for kind in ("Thème", "Réseau", "Communiqué", "Affiche", "Dossier"))
    assert len(page_queries(day.url, fragments=True)) <= DAY_BUDGET
    assert len(many) == len(few), many


def test_to_be_confirmed_day_page_fits_the_budget(page_queries, awareness_calendar):
    day = AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=awareness_calendar["fr"].locale, kind="tbc")
    day.dates.create(year=2099, start=datetime.date(2099, 3, 16))

    assert len(page_queries(day.url, fragments=True)) <= DAY_BUDGET


@pytest.mark.parametrize("language", ["fr", "en"])
def test_calendar_page_queries_do_not_grow_with_days(page_queries, awareness_calendar, home, language):
    calendar = awareness_calendar["fr"]

    def add_days(start, count):
        for n in range(start, start + count):
            day = AwarenessDayPageFactory(
                parent=calendar, locale=calendar.locale, title=f"Journée {n}", month=n % 12 + 1
            )
            AwarenessDayTopic.objects.create(
                page=day, topic=TopicFactory(locale=calendar.locale, name=f"Thème {n}", slug=f"theme-{n}")
            )
            network = home["fr"].add_child(
                instance=Page(title=f"Réseau {n}", slug=f"reseau-{n}", locale=calendar.locale)
            )
            AwarenessDayNetwork.objects.create(page=day, network=network)
            tbc = AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title=f"À confirmer {n}", kind="tbc")
            tbc.dates.create(year=2027, start=datetime.date(2027, 3, n))

    url = awareness_calendar[language].url + "?topic=theme-1&network=reseau-1"
    add_days(1, 1)
    few = page_queries(url)
    add_days(2, 19)
    many = page_queries(awareness_calendar[language].url)

    assert len(page_queries(url, fragments=True)) <= CALENDAR_BUDGET
    assert len(many) <= len(few), many


def test_calendar_feed_queries_do_not_grow_with_days(
    client, page_queries, awareness_calendar, django_assert_max_num_queries
):
    calendar = awareness_calendar["fr"]
    url = calendar.url + calendar.reverse_subpage("feed")

    def add_days(start, count):
        for n in range(start, start + count):
            AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title=f"Journée {n}", month=n % 12 + 1)
            tbc = AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title=f"À confirmer {n}", kind="tbc")
            AwarenessDayDate.objects.create(page=tbc, year=2027, start=datetime.date(2027, 3, n))

    add_days(1, 1)
    few = page_queries(url)
    add_days(2, 19)

    with django_assert_max_num_queries(len(few)):
        response = client.get(url)

    assert response.content.count(b"BEGIN:VEVENT") == 40
