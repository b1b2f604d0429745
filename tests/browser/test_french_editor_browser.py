"""A publisher whose admin is in French sets an embargo from the release's Content tab and saves it:
every screen of the way reads in French, and the printed date follows the lift."""

import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Collection
from wagtail.users.models import UserProfile

import pytest

from home.roles import PUBLISHERS, ensure_roles
from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = timezone.now().year + 2
# What issue 20 found in English in the French admin, and Wagtail's usual suspects.
ENGLISH = [
    "More actions",
    "Status",
    "to Anglais translation",
    "dansAnglais",
    "This field is required",
    "Choose",
    "Add ",
    "un(e)",
]


@pytest.fixture
def draft(press_room):
    # Flushes between browser tests remove what migrations made: the roles get their rights again.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    ensure_roles(apps)
    user = get_user_model().objects.create_user(
        "publieuse", "publieuse@fcrin.example", "mot-de-passe-de-test", first_name="Camille", last_name="Durand"
    )
    user.groups.set(Group.objects.filter(name=PUBLISHERS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    locale = press_room["fr"].locale
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=locale,
        title="Journée mondiale du cœur",
        slug="journee-mondiale-du-coeur",
        live=False,
        french_first=True,
        release_date_automatic=True,
    )
    release.topic_links.create(topic=TopicFactory(locale=locale, name="Cardiologie"))
    release.contact_links.create(contact=PressContactFactory(locale=locale))
    release.boilerplate_links.create(boilerplate=BoilerplateFactory(locale=locale, key="about-fcrin"))
    release.save_revision()
    return release


def english_on(page):
    """The strings of the list in what the screen shows, screen readers' labels included."""
    text = page.locator("body").inner_text()
    return [words for words in ENGLISH if re.search(rf"(?<![\w-]){re.escape(words)}", text)]


def test_a_french_publisher_sets_an_embargo_in_french_all_the_way(browser, live_server, draft):
    # The browser asks for English: the admin follows the publisher's own language, not the browser's.
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "publieuse")
    page.fill("#id_password", "mot-de-passe-de-test")
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert english_on(page) == [], "dashboard"

    page.goto(f"/admin/pages/{draft.pk}/edit/")
    assert english_on(page) == [], "editor"
    sentence = page.locator("[data-embargo-sentence]")
    field = page.locator("#id_go_live_at")
    assert field.is_visible(), "the embargo is on the tab the editor opens on"

    field.fill(f"{YEAR}-01-12 09:00")
    page.keyboard.press("Escape")
    expected = f"Public le 12 janvier {YEAR} à 9 h 00 (heure de Paris) en français."
    page.wait_for_function(
        "(expected) => document.querySelector('[data-embargo-sentence] p').textContent === expected", arg=expected
    )
    assert english_on(page) == [], "editor, embargo typed"

    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    assert page.locator(".messages").inner_text().strip() != ""
    assert sentence.locator("p").first.inner_text() == expected
    assert english_on(page) == [], "editor, saved"

    # The printed date follows the lift: the preview shows it.
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("body").get_by_text(f"12 janvier {YEAR}").first.wait_for()
    assert english_on(page) == [], "editor, preview"
    context.close()
