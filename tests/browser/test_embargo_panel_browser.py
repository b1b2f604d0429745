"""The comms officer sets the embargo on the release's Content tab, reads what it means, and schedules it."""

import datetime
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Collection

import pytest

from home.roles import PUBLISHERS, ensure_roles
from news.models import PressReleasePage
from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = timezone.now().year + 2


@pytest.fixture
def draft(press_room):
    # Flushes between browser tests remove what migrations made: the roles get their rights again.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    ensure_roles(apps)
    user = get_user_model().objects.create_user("publieur", "publieur@fcrin.example", "mot-de-passe-de-test")
    user.groups.set(Group.objects.filter(name=PUBLISHERS))
    locale = press_room["fr"].locale
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=locale,
        title="Journée du lupus",
        slug="lupus",
        live=False,
        french_first=True,
        release_date_automatic=True,
    )
    release.topic_links.create(topic=TopicFactory(locale=locale, name="Lupus"))
    release.contact_links.create(contact=PressContactFactory(locale=locale))
    release.boilerplate_links.create(boilerplate=BoilerplateFactory(locale=locale, key="about-fcrin"))
    release.save_revision()
    return release


def test_the_embargo_is_set_on_the_content_tab_and_schedules_the_release(browser, live_server, draft):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "publieur")
    page.fill("#id_password", "mot-de-passe-de-test")
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    page.goto(f"/admin/pages/{draft.pk}/edit/")

    sentence = page.locator("[data-embargo-sentence]")
    field = page.locator("#id_go_live_at")
    assert field.is_visible(), "the go-live date is on the tab the editor opens on"
    assert sentence.inner_text().strip() == "Pas d’embargo : le communiqué devient public dès sa publication."

    # The status side panel's "Programmer" leads to the same field, from any tab.
    page.get_by_role("tab", name="Paramètres").click()
    assert not field.is_visible()
    page.get_by_role("button", name="Afficher/masquer le statut").click()
    page.get_by_role("button", name="Programmer", exact=True).click()
    assert field.is_visible()
    page.wait_for_function("document.activeElement.id === 'id_go_live_at'")

    field.fill(f"{YEAR}-01-12 09:00")
    page.keyboard.press("Escape")
    expected = f"Public le 12 janvier {YEAR} à 9 h 00 (heure de Paris) en français."
    page.wait_for_function(
        "(expected) => document.querySelector('[data-embargo-sentence] p').textContent === expected", arg=expected
    )
    assert "Il n’y a pas encore de version en anglais." in sentence.inner_text()

    # Done with the date: a click beside the picker closes it, as the editor would.
    sentence.click()
    page.locator(".xdsoft_datetimepicker").last.wait_for(state="hidden")
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Publier$")).click()

    release = PressReleasePage.objects.get(pk=draft.pk)
    lift = datetime.datetime(YEAR, 1, 12, 8, 0, tzinfo=datetime.UTC)
    assert not release.live and release.scheduled_revision.approved_go_live_at == lift
    assert release.release_date == datetime.date(YEAR, 1, 12)
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    assert page.locator("[data-embargo-sentence] p").first.inner_text() == expected
    # Wagtail's own state of a scheduled page: locked until the lift, with a button to cancel it.
    assert page.get_by_text("Actuellement verrouillé(e) et sera publié(e) à la date programmée").count() == 1
    assert page.get_by_role("button", name="Annuler la publication programmée").count() == 1
    assert page.request.get(release.url).status == 404
    context.close()
