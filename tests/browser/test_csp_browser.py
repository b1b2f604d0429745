"""The Content-Security-Policy blocks nothing the site and the admin need, in a real Chromium.

Chromium reports every blocked script, style, image, frame or form in two ways: a console message
naming the "Content Security Policy", and a ``securitypolicyviolation`` event in the page (or frame)
whose policy was broken. Both are collected, in every frame, through every navigation.
"""

import re

from django.contrib.auth import get_user_model

from wagtail_localize.operations import TranslationCreator

import pytest
from wagtail_factories import ImageFactory

from news.models import PressReleaseNetwork
from tests.factories import (
    AwarenessDayPageFactory,
    NetworkPageFactory,
    PressReleasePageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Playwright's init scripts are run by the browser itself, outside any page's policy.
LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.log(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`);
}, true);
window.print = () => { document.documentElement.dataset.printed = "yes"; };
"""


@pytest.fixture
def page(browser, live_server):
    """A browser set to French, as the comms team's: the admin answers in French."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.add_init_script(LISTENER)
    yield context.new_page()
    context.close()


@pytest.fixture
def violations(page):
    """The violations reported on ``page`` since the test began (each as its console message)."""
    reported = []
    page.on(
        "console",
        lambda message: (
            reported.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("securitypolicyviolation")
            else None
        ),
    )
    return reported


def settle(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # events fired late in a frame reach the console after the load


@pytest.fixture
def site(press_room, network_index, awareness_calendar):
    french = press_room["fr"].locale
    topic = TopicFactory(locale=french, name="Lupus", slug="lupus")
    network = NetworkPageFactory(parent=network_index["fr"], locale=french, title="CRI-IMIDIATE", slug="cri-imidiate")
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=french,
        title="Journée mondiale du lupus",
        slug="journee-mondiale-du-lupus",
        body=[{"type": "paragraph", "value": "<p>Les centres experts se mobilisent.</p>"}],
        network_links=[PressReleaseNetwork(network=network)],
    )
    release.topic_links.create(topic=topic)
    release.save_revision().publish()
    day = AwarenessDayPageFactory(
        parent=awareness_calendar["fr"], locale=french, title="Journée mondiale du lupus", slug="lupus"
    )
    ImageFactory(title="Centre expert")
    return {"release": release, "network": network, "day": day, "topic": topic}


def test_the_listener_catches_a_blocked_inline_script(page, violations, site):
    page.goto("/fr/communiques/")
    settle(page)
    assert violations == []
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); }")
    settle(page)
    assert any("script-src" in text for text in violations)


def test_public_pages_run_under_the_strict_policy_without_a_violation(page, violations, site):
    release = site["release"]
    response = page.goto(release.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.locator("script[type='application/ld+json']").count() >= 1  # data, not checked by the policy
    page.get_by_role("button", name="Imprimer ou enregistrer en PDF").click()
    assert page.locator("html").get_attribute("data-printed") == "yes"
    settle(page)

    for url in [
        "/fr/",
        "/fr/communiques/",
        site["day"].get_parent().url,
        site["day"].url,
        "/fr/reseaux/",
        site["network"].url,
        "/fr/recherche/?q=lupus",
        "/fr/page-qui-n-existe-pas/",
    ]:
        page.goto(url)
        settle(page)
    assert page.locator("h1").count() >= 1
    assert violations == []


def log_in(page):
    get_user_model().objects.create_superuser("admin", "admin@fcrin.example", "mot-de-passe-de-test")
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "mot-de-passe-de-test")
    with page.expect_navigation():
        page.press("#id_password", "Enter")


def test_the_admin_runs_under_its_policy_without_a_violation(page, violations, site, press_room):
    release = site["release"]
    english = press_room["en"].locale
    TranslationCreator(user=None, target_locales=[english]).create_translations(release)
    translation = release.get_translation(english)

    log_in(page)
    settle(page)
    assert page.locator("h1").count() >= 1  # the dashboard
    page.goto(f"/admin/pages/{press_room['fr'].pk}/")
    settle(page)
    assert page.get_by_role("link", name="Journée mondiale du lupus").count() >= 1
    page.goto("/admin/images/")
    settle(page)
    assert page.get_by_text("Centre expert").count() >= 1
    assert violations == []

    page.goto(f"/admin/pages/{release.pk}/edit/")
    settle(page)
    for tab in page.locator("[role=tab]:visible").all():
        tab.click()
    page.locator("[role=tab][aria-controls=tab-contenu]").click()

    # Draftail, with its link chooser (a page chooser modal).
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Ils ouvrent leurs portes.")
    page.keyboard.press("Shift+Home")
    page.locator(".Draftail-ToolbarButton[name=LINK]").click()
    page.locator(".modal").get_by_role("link", name="Espace presse").first.click()
    page.locator(".modal").wait_for(state="detached")
    assert page.locator(".Draftail-Editor .TooltipEntity").count() >= 1  # the link, in the text

    # An image chooser, then an inline panel's new form and its snippet chooser.
    page.locator("#tab-contenu").get_by_role("button", name="Choisir une image").first.click()
    page.locator(".modal").get_by_role("link", name=re.compile("Centre expert")).first.click()
    page.locator(".modal").wait_for(state="detached")
    page.get_by_role("button", name=re.compile("^Ajouter .*thématique$")).click()
    page.locator("#id_topic_links-FORMS").get_by_role("button", name=re.compile("^Choisir")).last.click()
    page.locator(".modal").get_by_role("link", name="Lupus").click()
    page.locator(".modal").wait_for(state="detached")

    # The preview panel frames the page (the one admin view allowed to be framed, by the admin only).
    page.locator("[data-side-panel-toggle=preview]").click()
    page.frame_locator("#w-preview-iframe").get_by_text("Journée mondiale du lupus").first.wait_for(state="attached")
    settle(page)
    assert violations == []

    # wagtail-localize's translation editor (a React app): translate one string and save it.
    page.goto(f"/admin/pages/{translation.pk}/edit/")
    page.get_by_role("button", name="Traduire", exact=True).first.click()
    page.locator("textarea").fill("World Lupus Day")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.locator("textarea").wait_for(state="detached")
    settle(page)
    assert violations == []
