"""The campaign radar on the admin dashboard, as a member of the communication team sees it."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from home.roles import EMBARGO_TRANSLATORS, TRANSLATORS, WRITERS
from news.models import AwarenessDayRelease
from tests.factories import AwarenessDayPageFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 4, 1)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


@pytest.fixture
def communication_editor(client, home):
    """A writer of the communication team: the "Rédaction" group the migrations create, with the rights
    it gets on each section (press room, calendar) when the section is created."""
    user = get_user_model().objects.create_user(username="camille", email="camille@example.org", password="x")
    user.groups.add(Group.objects.get(name=WRITERS))
    client.force_login(user)
    return user


def day_on(calendar, title, when):
    return AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title=title, month=when.month, day=when.day)


def release(room, title, live=True):
    return PressReleasePageFactory(parent=room, locale=room.locale, title=title, live=live)


def radar_rows(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("#campaign-radar-section")
    assert panel is not None
    return {
        row.select_one("th a").get_text(strip=True): {
            cell["data-language"]: (cell["data-state"], cell.select_one("a")["href"] if cell.select_one("a") else None)
            for cell in row.select("td[data-state]")
        }
        for row in panel.select("tbody tr")
    }


def test_radar_shows_each_days_release_state_per_language(client, communication_editor, awareness_calendar, press_room):
    calendar = awareness_calendar["fr"]
    nothing = day_on(calendar, "Journée sans communiqué", datetime.date(2027, 4, 11))
    draft_day = day_on(calendar, "Journée mondiale de l'asthme", datetime.date(2027, 5, 4))
    live_day = day_on(calendar, "Journée mondiale du lupus", datetime.date(2027, 5, 10))
    scheduled_day = day_on(calendar, "Journée de la sclérose en plaques", datetime.date(2027, 5, 30))
    day_on(calendar, "Journée trop lointaine", datetime.date(2027, 6, 21))

    draft = release(press_room["fr"], "Asthme sévère : un nouvel essai", live=False)
    AwarenessDayRelease.objects.create(page=draft_day, release=draft)
    live_fr = release(press_room["fr"], "Lupus : les résultats de l'essai")
    live_en = publish_translation(live_fr, "en", title="Lupus: the trial results", slug="lupus-trial-results")
    AwarenessDayRelease.objects.create(page=live_day, release=live_en)
    scheduled = release(press_room["fr"], "Sclérose en plaques : un registre national", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=20)
    scheduled.save_revision().publish()
    AwarenessDayRelease.objects.create(page=scheduled_day, release=scheduled)

    rows = radar_rows(client)

    assert list(rows) == [nothing.title, draft_day.title, live_day.title, scheduled_day.title]
    add_fr = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", press_room["fr"].pk])
    add_en = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", press_room["en"].pk])
    assert rows[nothing.title] == {"fr": ("none", add_fr), "en": ("none", add_en)}
    assert rows[draft_day.title]["fr"] == ("draft", reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert rows[draft_day.title]["en"][0] == "none"
    assert rows[draft_day.title]["en"][1] == reverse("wagtail_localize:submit_page_translation", args=[draft.pk])
    assert rows[live_day.title] == {
        "fr": ("live", reverse("wagtailadmin_pages:edit", args=[live_fr.pk])),
        "en": ("live", reverse("wagtailadmin_pages:edit", args=[live_en.pk])),
    }
    assert rows[scheduled_day.title]["fr"][0] == "scheduled"


def test_radar_offers_no_writing_link_without_a_press_room(client, communication_editor, awareness_calendar):
    day = day_on(awareness_calendar["fr"], "Journée mondiale de la santé", datetime.date(2027, 4, 7))

    rows = radar_rows(client)

    assert rows[day.title] == {"fr": ("none", None), "en": ("none", None)}


@pytest.mark.parametrize(
    ("groups", "sees_release"), [([TRANSLATORS], False), ([TRANSLATORS, EMBARGO_TRANSLATORS], True)]
)
def test_radar_names_a_release_under_embargo_only_to_who_may_open_it(
    client, awareness_calendar, press_room, groups, sees_release
):
    day = day_on(awareness_calendar["fr"], "Journée mondiale de l'hémophilie", datetime.date(2027, 4, 17))
    embargoed = release(press_room["fr"], "Hémophilie : la thérapie génique sous embargo", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=10)
    embargoed.save_revision().publish()
    AwarenessDayRelease.objects.create(page=day, release=embargoed)
    translator = get_user_model().objects.create_user(username="sam", email="sam@example.org", password="x")
    translator.groups.set(Group.objects.filter(name__in=groups))
    client.force_login(translator)

    state = radar_rows(client)[day.title]["fr"][0]

    assert state == ("scheduled" if sees_release else "none")
    assert (embargoed.title in client.get(reverse("wagtailadmin_home")).content.decode()) is sees_release
