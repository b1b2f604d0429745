"""Who may do what in the admin: each role × the admin views that matter × the pages that matter.

The roles and the review workflow come from home's data migration; section pages get their
permissions when the fixtures create them, as on a real site.
"""

import datetime
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

import pytest
from bs4 import BeautifulSoup

from home.roles import EMBARGO_TRANSLATORS, PUBLISHERS, TRANSLATORS, WRITERS
from news.models import PressReleasePage
from tests.factories import NetworkPageFactory, PressReleasePageFactory

ACTIONS = ["edit", "publish", "preview", "compare", "history", "copy", "listing", "chooser", "translate", "export_po"]

# "listing" and "chooser": the page's title in the explorer's and the page chooser's listing of its
# parent (a correspondent's explorer starts at their network's page, so the directory is not listed). "translate" is wagtail-localize's Translate action on a French page, "export_po" its PO
# download of an English translation; "-" where the view does not apply to that page.
MATRIX = """
role               page            edit publish preview compare history copy listing chooser translate export_po
writer             release_fr      yes  no      yes     yes     yes     yes  yes     yes     no        -
writer             release_en      yes  no      yes     yes     yes     yes  yes     yes     -         yes
writer             network_a       yes  no      yes     yes     yes     yes  yes     yes     no        -
writer             network_b       yes  no      yes     yes     yes     yes  yes     yes     no        -
writer             embargoed_fr    yes  no      yes     yes     yes     yes  yes     yes     no        -
writer             embargoed_en    yes  no      yes     yes     yes     yes  yes     yes     -         yes
publisher          release_fr      yes  yes     yes     yes     yes     yes  yes     yes     yes       -
publisher          release_en      yes  yes     yes     yes     yes     yes  yes     yes     -         yes
publisher          network_a       yes  yes     yes     yes     yes     yes  yes     yes     yes       -
publisher          network_b       yes  yes     yes     yes     yes     yes  yes     yes     yes       -
publisher          embargoed_fr    yes  yes     yes     yes     yes     yes  yes     yes     yes       -
publisher          embargoed_en    yes  yes     yes     yes     yes     yes  yes     yes     -         yes
translator         release_fr      no   no      no      no      no      no   no      yes     no        -
translator         release_en      yes  no      yes     yes     yes     yes  yes     yes     -         yes
translator         network_a       no   no      no      no      no      no   no      yes     no        -
translator         network_b       no   no      no      no      no      no   no      yes     no        -
translator         embargoed_fr    no   no      no      no      no      no   no      no      no        -
translator         embargoed_en    no   no      no      no      no      no   no      no      -         no
cleared_translator release_fr      no   no      no      no      no      no   no      yes     no        -
cleared_translator release_en      yes  no      yes     yes     yes     yes  yes     yes     -         yes
cleared_translator embargoed_fr    no   no      no      no      no      no   no      yes     no        -
cleared_translator embargoed_en    yes  no      yes     yes     yes     yes  yes     yes     -         yes
correspondent      release_fr      no   no      no      no      no      no   no      yes     no        -
correspondent      network_a       yes  no      yes     yes     yes     yes  no      yes     no        -
correspondent      network_b       no   no      no      no      no      no   no      yes     no        -
correspondent      embargoed_fr    no   no      no      no      no      no   no      no      no        -
"""


def parse_matrix(text):
    header, *rows = (line.split() for line in text.strip().splitlines())
    assert header[2:] == ACTIONS
    return {(role, page): dict(zip(ACTIONS, answers, strict=True)) for role, page, *answers in rows}


EXPECTED = parse_matrix(MATRIX)

ROLE_GROUPS = {
    "writer": [WRITERS],
    "publisher": [PUBLISHERS],
    "translator": [TRANSLATORS],
    "cleared_translator": [TRANSLATORS, EMBARGO_TRANSLATORS],
    "correspondent": ["Correspondants NET-A"],
}


def make_user(role):
    user = get_user_model().objects.create_user(role, f"{role}@fcrin.example", "password")
    user.groups.set(Group.objects.filter(name__in=ROLE_GROUPS[role]))
    return user


def translate_with_localize(page, locales, publish):
    """The English translation as the admin's Translate action makes it (French text until translated)."""
    TranslationCreator(user=None, target_locales=[locales["en"]]).create_translations(page)
    translation = page.get_translation(locales["en"])
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return translation


@pytest.fixture
def pages(press_room, network_index, locales):
    release_fr = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"], title="Lancement de CRISALIS")
    release_fr.save_revision().publish()
    embargoed_fr = PressReleasePageFactory(
        parent=press_room["fr"], locale=locales["fr"], title="OrphanDev sous embargo", live=False
    )
    embargoed_fr.go_live_at = timezone.now() + datetime.timedelta(days=3)
    embargoed_fr.save_revision().publish()
    embargoed_fr.refresh_from_db()
    assert not embargoed_fr.live
    networks = {}
    for name in ["NET-A", "NET-B"]:
        network = NetworkPageFactory(parent=network_index["fr"], locale=locales["fr"], title=name, acronym=name)
        network.save_revision().publish()
        networks[name] = network
    return {
        "release_fr": release_fr,
        "release_en": translate_with_localize(release_fr, locales, publish=True),
        "network_a": networks["NET-A"],
        "network_b": networks["NET-B"],
        "embargoed_fr": embargoed_fr,
        "embargoed_en": translate_with_localize(embargoed_fr, locales, publish=False),
    }


def allowed(response):
    # Refused: a redirect to the dashboard, a 403, or a 404 where the view would name a release its
    # user may not open before its publication (news/admin_urls.py).
    assert response.status_code in {200, 302, 403, 404}, response.status_code
    return response.status_code == 200


def publish_answer(client, page):
    published = PageLogEntry.objects.filter(page=page, action__startswith="wagtail.publish")
    before = published.count()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    return published.count() > before


def answers(client, page, expected):
    def get(name, *args):
        return allowed(client.get(reverse(name, args=args)))

    result = {
        "edit": get("wagtailadmin_pages:edit", page.pk),
        "preview": get("wagtailadmin_pages:view_draft", page.pk),
        "compare": get("wagtailadmin_pages:revisions_compare", page.pk, "earliest", "latest"),
        "history": get("wagtailadmin_pages:history", page.pk),
        "copy": get("wagtailadmin_pages:copy", page.pk),
    }
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    result["listing"] = allowed(listing) and page.title in listing.content.decode()
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[page.get_parent().pk]))
    result["chooser"] = allowed(chooser) and page.title in chooser.json()["html"]
    if expected["translate"] != "-":
        # With one language missing, the form first redirects to itself with that language ticked.
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        response = client.get(url, follow=True)
        result["translate"] = allowed(response) and response.request["PATH_INFO"] == url
    if expected["export_po"] != "-":
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
        result["export_po"] = get("wagtail_localize:download_pofile", translation.pk)
    # Last: a publication changes what the other views answer.
    result["publish"] = publish_answer(client, page)
    return {action: "yes" if value else "no" for action, value in result.items()}


@pytest.mark.parametrize(("role", "page_name"), list(EXPECTED))
def test_permission_matrix(client, pages, role, page_name):
    client.force_login(make_user(role))
    expected = EXPECTED[(role, page_name)]
    got = answers(client, pages[page_name], expected)
    assert got == {action: answer for action, answer in expected.items() if answer != "-"}


@pytest.mark.parametrize("role", list(ROLE_GROUPS))
def test_only_administrators_manage_users(client, pages, role, admin_user):
    user = make_user(role)
    client.force_login(user)
    for name, args in [
        ("wagtailusers_users:index", []),
        ("wagtailusers_users:add", []),
        ("wagtailusers_users:edit", [user.pk]),
        ("wagtailusers_groups:index", []),
    ]:
        assert not allowed(client.get(reverse(name, args=args))), name
    client.force_login(admin_user)
    assert allowed(client.get(reverse("wagtailusers_users:index")))


def test_the_embargo_rule_costs_one_query_per_listing_not_one_per_release(client, press_room, locales, monkeypatch):
    """A writer keeps every right, so the listing is the same with Wagtail's own permission tester."""
    for number in range(10):
        release = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"], live=number % 2 == 0)
        translate_with_localize(release, locales, publish=number % 2 == 0)
    client.force_login(make_user("writer"))
    url = reverse("wagtailadmin_explore", args=[press_room["en"].pk])

    def queries():
        client.get(url)  # What Wagtail caches between requests (site root paths, content types).
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context)

    with_rule = queries()
    monkeypatch.setattr(PressReleasePage, "permissions_for_user", Page.permissions_for_user)
    assert with_rule <= queries() + 1


def admin_search_titles(client, pages, query):
    """The release titles that each admin listing with a search box shows for ``query``."""
    press_room_en = pages["release_en"].get_parent()
    searches = {
        "page search": client.get(reverse("wagtailadmin_pages:search"), {"q": query}),
        "page search results": client.get(reverse("wagtailadmin_pages:search_results"), {"q": query}),
        "explorer search": client.get(
            reverse("wagtailadmin_explore", args=[press_room_en.pk]), {"q": query, "search_all": "1"}
        ),
        "chooser search": client.get(reverse("wagtailadmin_choose_page_search"), {"q": query}),
        "press releases": client.get(reverse("press_releases:index"), {"q": query}),
    }
    titles = {}
    for name, response in searches.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        titles[name] = {title for title in ["OrphanDev sous embargo", "Lancement de CRISALIS"] if title in html}
    return titles


def matching_page_count(client, query):
    """The search page's count of all matching pages, type filter on: it must not count a hidden release."""
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query, "content_type": "news.pressreleasepage"})
    all_pages = BeautifulSoup(response.content, "html.parser").select_one("[aria-labelledby=page-types-title] li")
    return int(re.search(r"\((\d+)\)", all_pages.get_text()).group(1))


@pytest.mark.parametrize(
    ("role", "sees_embargoed"),
    [("translator", False), ("cleared_translator", True), ("writer", True), ("publisher", True), ("admin", True)],
)
def test_admin_searches_show_an_embargoed_release_only_to_who_may_open_it(
    client, pages, admin_user, role, sees_embargoed
):
    client.force_login(admin_user if role == "admin" else make_user(role))

    embargoed = admin_search_titles(client, pages, "OrphanDev")
    published = admin_search_titles(client, pages, "CRISALIS")

    expected = {"OrphanDev sous embargo"} if sees_embargoed else set()
    assert embargoed == dict.fromkeys(embargoed, expected)
    assert published == dict.fromkeys(published, {"Lancement de CRISALIS"})
    assert bool(matching_page_count(client, "OrphanDev")) is sees_embargoed


@pytest.mark.parametrize(("role", "sees_embargoed"), [("translator", False), ("cleared_translator", True)])
def test_the_site_history_names_an_embargoed_release_only_to_who_may_open_it(
    client, pages, role, sees_embargoed, settings
):
    # The site keeps its reports from translators (home.role_matrix); news' own rule is asked here
    # without the site's, as another site installing news would have it.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith("ReportsByRoleMiddleware")]
    # Each language's draft has a history entry, as when a translator saved their work.
    for release in [pages["embargoed_en"], pages["release_en"]]:
        log(instance=release, action="wagtail.edit")
    client.force_login(make_user(role))

    titles = set()
    for url in [reverse("wagtailadmin_reports:site_history"), reverse("wagtailadmin_reports:site_history_results")]:
        response = client.get(url)
        assert response.status_code == 200
        titles |= {
            title for title in ["OrphanDev sous embargo", "Lancement de CRISALIS"] if title in response.content.decode()
        }

    assert titles == (
        {"OrphanDev sous embargo", "Lancement de CRISALIS"} if sees_embargoed else {"Lancement de CRISALIS"}
    )
