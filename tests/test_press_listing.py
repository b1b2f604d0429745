"""The admin's press releases listing: states, translation states, filters, search, and a flat query budget."""

import datetime
import json
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from news.models import PressReleaseNetwork, PressReleasePage, PressReleaseTopic
from tests.factories import NetworkPageFactory, PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db

URL = "/admin/press_releases/"


def _rows(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for row in html.select("table.listing tbody tr"):
        rows[row.select_one("td.title a").get_text(" ", strip=True)] = {
            "state": row.select_one("span[data-state]")["data-state"],
            "text": row.get_text(" ", strip=True),
            "translations": {li["data-language"]: li["data-state"] for li in row.select("li[data-language]")},
        }
    return rows


@pytest.fixture
def releases(press_room):
    fr_room = press_room["fr"]
    live = PressReleasePageFactory(parent=fr_room, locale=fr_room.locale, title="Communiqué publié")
    english = publish_translation(live, "en", title="Published release", slug="published-release")
    corrected = PressReleasePageFactory(
        parent=fr_room, locale=fr_room.locale, title="Communiqué corrigé", correction_date=datetime.date(2026, 5, 12)
    )
    draft = PressReleasePageFactory(parent=fr_room, locale=fr_room.locale, title="Communiqué brouillon", live=False)
    embargoed = PressReleasePageFactory(
        parent=fr_room, locale=fr_room.locale, title="Communiqué sous embargo", live=False
    )
    embargoed.go_live_at = datetime.datetime(2099, 6, 2, 8, 0, tzinfo=datetime.UTC)
    embargoed.save_revision().publish()
    return {"live": live, "english": english, "corrected": corrected, "draft": draft, "embargoed": embargoed}


def test_each_release_shows_its_state_and_translation_state(admin_client, releases):
    rows = _rows(admin_client.get(URL))

    assert rows["Communiqué publié"]["state"] == "live"
    assert rows["Communiqué publié"]["translations"] == {"en": "in_sync"}
    assert rows["Published release"]["state"] == "live"
    assert rows["Published release"]["translations"] == {"en": "in_sync"}
    assert "Anglais" in rows["Published release"]["text"]
    assert rows["Communiqué corrigé"]["state"] == "corrected"
    assert rows["Communiqué corrigé"]["translations"] == {"en": "missing"}
    assert rows["Communiqué brouillon"]["state"] == "draft"
    assert rows["Communiqué sous embargo"]["state"] == "embargoed"
    # Paris time, in the editor's language.
    assert "Sous embargo jusqu’au 2 juin 2099 10:00" in rows["Communiqué sous embargo"]["text"]
    assert "10 mai 2026" in rows["Communiqué publié"]["text"]


def test_a_translation_waits_under_its_source_embargo(admin_client, releases):
    english = publish_translation(releases["embargoed"], "en", title="Embargoed release", slug="embargoed-release")

    rows = _rows(admin_client.get(URL))

    assert english.pk
    assert rows["Embargoed release"]["state"] == "embargoed"
    assert "2 juin 2099" in rows["Embargoed release"]["text"]


def test_filters_by_state_locale_topic_and_network(admin_client, releases, network_index):
    topic = TopicFactory(locale=releases["live"].locale, name="Lupus")
    PressReleaseTopic.objects.create(page=releases["draft"], topic=topic)
    network = NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale, title="CRI-IMIDIATE")
    PressReleaseNetwork.objects.create(page=releases["corrected"], network=network)

    assert set(_rows(admin_client.get(URL, {"state": "embargoed"}))) == {"Communiqué sous embargo"}
    assert set(_rows(admin_client.get(URL, {"state": "corrected"}))) == {"Communiqué corrigé"}
    assert set(_rows(admin_client.get(URL, {"locale": "en"}))) == {"Published release"}
    assert set(_rows(admin_client.get(URL, {"topic": topic.pk}))) == {"Communiqué brouillon"}
    assert set(_rows(admin_client.get(URL, {"network": network.pk}))) == {"Communiqué corrigé"}


def test_search_finds_releases_by_title_and_combines_with_filters(admin_client, releases):
    assert set(_rows(admin_client.get(URL, {"q": "corrigé"}))) == {"Communiqué corrigé"}
    assert set(_rows(admin_client.get(URL, {"q": "Communiqué", "state": "draft"}))) == {"Communiqué brouillon"}


def _count_queries(client, url):
    client.get(url)  # Warms what Wagtail caches between requests (content types, site root paths).
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_listing_and_edit_view_cost_the_same_queries_for_100_and_1000_releases(
    admin_client, press_room, django_assert_max_num_queries
):
    call_command("generate_releases", 100, stdout=StringIO())
    release = PressReleasePage.objects.filter(locale=press_room["fr"].locale).order_by("pk").first()
    edit_url = f"/admin/pages/{release.pk}/edit/"
    listing_queries = _count_queries(admin_client, URL)
    edit_queries = _count_queries(admin_client, edit_url)

    call_command("generate_releases", 900, stdout=StringIO())

    assert PressReleasePage.objects.filter(locale=press_room["fr"].locale).count() == 1000
    with django_assert_max_num_queries(listing_queries):
        assert admin_client.get(URL).status_code == 200
    with django_assert_max_num_queries(edit_queries):
        assert admin_client.get(edit_url).status_code == 200
    assert _count_queries(admin_client, URL) == listing_queries
    assert _count_queries(admin_client, edit_url) == edit_queries


def test_the_admin_menu_leads_to_the_listing_in_french(admin_client, press_room):
    html = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")

    sidebar = json.dumps(json.loads(html.select_one("#wagtail-sidebar-props").string), ensure_ascii=False)
    assert '"label": "Communiqués de presse", "icon_name": "doc-full-inverse"' in sidebar
    assert f'"url": "{URL}"' in sidebar


def test_a_release_submitted_for_review_is_in_review(admin_client, admin_user, releases):
    draft = releases["draft"]
    draft.save_revision(user=admin_user)
    draft.get_workflow().start(draft, admin_user)

    rows = _rows(admin_client.get(URL))

    assert rows["Communiqué brouillon"]["state"] == "in_review"
    assert "En relecture" in rows["Communiqué brouillon"]["text"]
    assert set(_rows(admin_client.get(URL, {"state": "in_review"}))) == {"Communiqué brouillon"}
