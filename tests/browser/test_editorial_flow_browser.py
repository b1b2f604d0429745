"""The whole editorial flow in the admin: write, review with an embargo, translate, lift."""

import datetime
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Collection, Page

import pytest
from freezegun import freeze_time

from home.roles import EMBARGO_TRANSLATORS, PUBLISHERS, TRANSLATORS, WRITERS, ensure_roles
from news.models import PressOfficeDefaultBoilerplate, PressOfficeDefaultContact, PressOfficeSettings, PressReleasePage
from tests.factories import BoilerplateFactory, PressContactFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def team(press_room):
    # Flushes between browser tests remove what migrations made: the root collection and
    # wagtail-localize's "submit translation" permission. The roles then get their rights again.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    ensure_roles(apps)
    people = {}
    for name, groups in [
        ("redactrice", [WRITERS]),
        ("publieur", [PUBLISHERS]),
        ("traductrice", [TRANSLATORS, EMBARGO_TRANSLATORS]),
    ]:
        user = get_user_model().objects.create_user(name, f"{name}@fcrin.example", "mot-de-passe-de-test")
        user.groups.set(Group.objects.filter(name__in=groups))
        people[name] = user
    return people


@pytest.fixture
def press_office(press_room):
    """The press office's default contact and "About F-CRIN" boilerplate, and a topic in both languages."""
    french, english = press_room["fr"].locale, press_room["en"].locale
    office = PressOfficeSettings.for_site(press_room["fr"].get_site())
    PressOfficeDefaultContact.objects.create(setting=office, contact=PressContactFactory(locale=french))
    about = BoilerplateFactory(locale=french, key="about-fcrin")
    PressOfficeDefaultBoilerplate.objects.create(setting=office, boilerplate=about)
    topic = TopicFactory(locale=french, name="Maladies rares", slug="maladies-rares")
    topic.copy_for_translation(english).save()
    return topic


ENGLISH = {
    "CRISALIS inclut son millième patient": "CRISALIS enrols its thousandth patient",
    "crisalis-inclut-son-millieme-patient": "crisalis-enrols-its-thousandth-patient",
    "Le réseau CRISALIS a inclus": "The CRISALIS network has enrolled its thousandth patient in an academic trial.",
}


@pytest.fixture
def french_page(browser, live_server):
    """A browser set to French, as the comms team's: the admin answers in French."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    yield context.new_page()
    context.close()


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mot-de-passe-de-test")
    with page.expect_navigation():
        page.press("#id_password", "Enter")


def footer_action(page, name):
    """A button of the editor's footer menu, opening the menu first; waits for the next page."""
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(name)).click()


def test_write_review_with_an_embargo_translate_and_lift(french_page, press_room, team, press_office):
    page = french_page
    room = press_room["fr"]

    log_in(page, "redactrice")
    page.goto(f"/admin/pages/add/news/pressreleasepage/{room.pk}/")
    page.fill("#id_title", "CRISALIS inclut son millième patient")
    page.fill("#id_standfirst", "Le réseau CRISALIS a inclus son millième patient dans un essai académique.")
    footer_action(page, "Soumettre à Relecture communication")
    release = PressReleasePage.objects.get(title="CRISALIS inclut son millième patient")
    assert release.workflow_in_progress and not release.live

    log_in(page, "publieur")
    page.goto(f"/admin/pages/{release.pk}/edit/")
    lift = timezone.localtime() + datetime.timedelta(days=2)
    # The go-live field sits in the status panel's schedule dialog; its value is what the form posts.
    page.locator("#id_go_live_at").evaluate(
        "(input, value) => { input.value = value; }", lift.strftime("%Y-%m-%d %H:%M")
    )
    footer_action(page, "^Approuver et Publier$")
    # The writer chose no topic: the approval is refused, with what to fix, and the release stays in review.
    errors = [text.strip() for text in page.locator(".messages .error").all_inner_texts()]
    assert "Onglet Contenu, Thématiques : choisissez au moins une thématique." in errors
    release.refresh_from_db()
    assert release.workflow_in_progress and not release.live

    page.get_by_role("button", name=re.compile("^Ajouter .*thématique$")).click()
    page.locator("#id_topic_links-FORMS").get_by_role("button", name=re.compile("^Choisir")).click()
    page.get_by_role("link", name="Maladies rares").click()
    page.locator(".modal").wait_for(state="detached")
    page.locator("#id_go_live_at").evaluate(
        "(input, value) => { input.value = value; }", lift.strftime("%Y-%m-%d %H:%M")
    )
    footer_action(page, "^Approuver et Publier$")
    release.refresh_from_db()
    assert not release.live and release.get_latest_revision().approved_go_live_at
    page.goto(f"/admin/localize/submit/page/{release.pk}/")
    page.locator("input[name=locales]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Soumettre", exact=True).click()
    english = release.get_translation(press_room["en"].locale)

    log_in(page, "traductrice")
    page.goto(f"/admin/pages/{english.pk}/edit/")
    translate = page.get_by_role("button", name="Traduire", exact=True)
    translate.first.wait_for()
    while translate.count():
        translate.first.click()
        segment = page.locator("li", has=page.locator("textarea")).last
        source = segment.inner_text()
        page.locator("textarea").fill(next(english for french, english in ENGLISH.items() if french in source))
        page.get_by_role("button", name="Enregistrer", exact=True).click()
        page.locator("textarea").wait_for(state="detached")

    log_in(page, "publieur")
    page.goto(f"/admin/pages/{english.pk}/edit/")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Publier en")).click()
    assert page.request.get(english.url).status == 404, "the translation waits for the embargo"

    # The lift: the scheduler runs once the clock has passed the go-live date.
    with freeze_time(lift + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

    assert all(Page.objects.filter(translation_key=release.translation_key).values_list("live", flat=True))
    page.goto(release.url)
    assert page.locator("h1").inner_text() == "CRISALIS inclut son millième patient"
    page.goto(english.url)
    assert page.locator("h1").inner_text() == "CRISALIS enrols its thousandth patient"
