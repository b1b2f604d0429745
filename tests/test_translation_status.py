"""Translation status: each French page's English state (missing, out of date, in sync), as a report and a panel."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import TranslationSource

import pytest
from bs4 import BeautifulSoup

from news.editorial.translation import translate
from news.models import PressReleasePage
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/translation-status/"


def _english(source, title):
    """The English text of ``source``, shaped like it, as wagtail-localize's translate view would make it."""
    return PressReleasePage(
        locale=_en(),
        title=title,
        slug=f"{source.slug}-en",
        standfirst="F-CRIN announces a new study.",
        dateline="Toulouse",
        release_date=source.release_date,
    )


def _en():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def pages(press_room):
    room = press_room["fr"]
    missing = PressReleasePageFactory(parent=room, locale=room.locale, title="Sans traduction")
    stale = PressReleasePageFactory(parent=room, locale=room.locale, title="Traduction ancienne")
    in_sync = PressReleasePageFactory(parent=room, locale=room.locale, title="Traduction à jour")
    for page in (missing, stale, in_sync):
        page.save_revision().publish()
    translate(stale, _en(), _english(stale, "Old translation"))
    translate(in_sync, _en(), _english(in_sync, "Current translation"))
    # The French text changes after the last sync.
    stale.standfirst = "F-CRIN annonce une nouvelle étude, corrigée."
    stale.save_revision().publish()
    return {"missing": missing, "stale": stale, "in_sync": in_sync}


def _report(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for row in html.select("table tbody tr"):
        state = row.select_one("li[data-language='en']")
        rows[row.select_one("td.title a").get_text(strip=True)] = (state["data-state"], state.a["href"], state.a.text)
    return rows


def test_the_report_shows_a_missing_a_stale_and_an_in_sync_translation(admin_client, pages):
    rows = _report(admin_client)

    stale_source = TranslationSource.objects.get(object_id=pages["stale"].translation_key)
    english = pages["in_sync"].get_translation(_en())
    assert rows["Sans traduction"] == (
        "missing",
        reverse("wagtail_localize:submit_page_translation", args=[pages["missing"].pk]),
        "Traduire",
    )
    assert rows["Traduction ancienne"] == (
        "stale",
        reverse("wagtail_localize:update_translations", args=[stale_source.pk]),
        "Synchroniser",
    )
    assert rows["Traduction à jour"] == (
        "in_sync",
        reverse("wagtailadmin_pages:edit", args=[english.pk]),
        "Modifier la traduction",
    )
    # Out of date first: the pages whose readers see an old text.
    assert list(rows)[0] == "Traduction ancienne"


def test_syncing_through_wagtail_localize_brings_the_translation_in_sync(admin_client, pages):
    stale_source = TranslationSource.objects.get(object_id=pages["stale"].translation_key)

    response = admin_client.post(reverse("wagtail_localize:update_translations", args=[stale_source.pk]))

    assert response.status_code == 302
    assert _report(admin_client)["Traduction ancienne"][0] == "in_sync"


def test_the_report_filters_by_state_and_page_type(admin_client, pages, press_room):
    assert set(_report(admin_client, state="stale")) == {"Traduction ancienne"}
    assert set(_report(admin_client, state="missing")) == {"Sans traduction"}

    room_type = press_room["fr"].content_type
    assert set(_report(admin_client, content_type=room_type.pk)) == {press_room["fr"].title}


def test_the_dashboard_panel_counts_states_and_lists_the_worst_pages(admin_client, pages):
    response = admin_client.get("/admin/")

    panel = BeautifulSoup(response.content, "html.parser").select_one("#translation-status-section")
    assert panel is not None
    counts = {li["data-state"]: li.get_text(strip=True) for li in panel.select("li[data-state]")}
    assert counts["stale"] == "Pas à jour : 1"
    assert counts["missing"].startswith("Manquante : ")
    items = [row.select_one("th a").get_text(strip=True) for row in panel.select("tbody tr")]
    assert items[0] == "Traduction ancienne"
    assert "Sans traduction" in items
    assert "Traduction à jour" not in items


def _count_queries(client, url):
    client.get(url)  # Warms what Wagtail caches between requests.
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_report_and_dashboard_cost_the_same_queries_for_100_and_1000_releases(
    admin_client, press_room, django_assert_max_num_queries
):
    call_command("generate_releases", 100, stdout=StringIO())
    report, dashboard = _count_queries(admin_client, REPORT), _count_queries(admin_client, "/admin/")

    call_command("generate_releases", 900, stdout=StringIO())

    with django_assert_max_num_queries(report):
        assert admin_client.get(REPORT).status_code == 200
    with django_assert_max_num_queries(dashboard):
        assert admin_client.get("/admin/").status_code == 200


def test_the_report_exports_as_csv(admin_client, pages):
    response = admin_client.get(REPORT, {"export": "csv"})

    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Titre,Type de page,Traductions"
    assert "Traduction ancienne,Communiqué de presse,Anglais : Pas à jour" in lines


def test_editors_see_only_the_pages_they_may_work_on(client, django_user_model, pages, press_room):
    group = Group.objects.create(name="Rédaction du communiqué")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=press_room["fr"], permission_type="change")
    editor = django_user_model.objects.create_user("redaction", password="x")
    editor.groups.add(group)
    client.force_login(editor)

    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one("#translation-status-section")
    assert "Sans traduction" in panel.get_text()
    assert "Pas à jour : 1" in panel.get_text()
    assert press_room["fr"].get_parent().title not in panel.get_text()
    # The full report is a report: the role matrix (home/role_matrix.py) keeps it for publishers.
    assert client.get(REPORT).status_code == 403
