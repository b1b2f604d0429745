"""Subscribing to the e-mail alerts in Chromium, in French and in English, on a 375 px phone: the form
reached from the press room (address, languages, a topic), the page that says to check the inbox, the
confirmation link of the message sent, then the unsubscribe link of a release's message."""

import re

from django.core import mail

import pytest

from news.models import Subscriber
from tests.browser.conftest import serious_violations
from tests.factories import PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 375
LINK = re.compile(r"https?://[^/\s]+(/(?:fr|en)/alerts/(?:confirm|unsubscribe)/[^/\s]+/)")

WORDS = {
    "fr": {
        "choose": "Choisir des thématiques et des réseaux",
        "form": "Recevoir nos communiqués par e-mail",
        "language": "Français",
        "subscribe": "S’abonner",
        "pending": "Consultez votre messagerie",
        "confirm": "Confirmez votre abonnement",
        "confirm_button": "Confirmer mon abonnement",
        "confirmed": "Abonnement confirmé",
        "unsubscribe": "Se désinscrire",
        "unsubscribed": "Vous êtes désinscrit",
    },
    "en": {
        "choose": "Choose topics and networks",
        "form": "Receive our press releases by e-mail",
        "language": "English",
        "subscribe": "Subscribe",
        "pending": "Check your inbox",
        "confirm": "Confirm your subscription",
        "confirm_button": "Confirm my subscription",
        "confirmed": "Subscription confirmed",
        "unsubscribe": "Unsubscribe",
        "unsubscribed": "You are unsubscribed",
    },
}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 800})
    yield context.new_page()
    context.close()


@pytest.fixture
def topics(press_room):
    """A topic in both languages, and another one that the reader does not choose."""
    fr, en = press_room["fr"].locale, press_room["en"].locale
    lupus = TopicFactory(locale=fr, name="Lupus", slug="lupus")
    TopicFactory(locale=en, name="Lupus (en)", slug="lupus", translation_key=lupus.translation_key)
    asthma = TopicFactory(locale=fr, name="Asthme sévère", slug="asthme-severe")
    TopicFactory(locale=en, name="Severe asthma", slug="severe-asthma", translation_key=asthma.translation_key)
    return {"chosen": lupus, "other": asthma}


def publish(press_room, topic, title, language):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, live=False, title=title)
    release.topic_links.create(topic=topic)
    release.save_revision().publish()
    if language == "en":
        publish_translation(release, "en", title=f"{title} (en)", slug=f"{release.slug}-en")


def fits(page):
    """No sideways scrolling, and nothing of the page's own content past the screen's edge."""
    outside = page.evaluate(
        """width => [...document.querySelectorAll("main *")]
            .filter(element => element.getBoundingClientRect().right > width)
            .map(element => element.outerHTML.slice(0, 80))""",
        WIDTH,
    )
    return page.evaluate("document.documentElement.scrollWidth") <= WIDTH and outside == []


def heading(page):
    return page.locator("h1").inner_text().strip()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_reader_subscribes_confirms_and_unsubscribes_on_a_phone(phone, press_room, topics, language):
    words, email = WORDS[language], f"lecteur-{language}@example.org"
    page = phone
    page.goto(press_room[language].url)
    assert fits(page)
    page.locator(".alerts-subscribe").get_by_role("link", name=words["choose"]).click()
    page.wait_for_url(f"**/{language}/alerts/")
    assert heading(page) == words["form"] and fits(page)
    assert serious_violations(page) == []

    page.locator("input[name=email]").fill(email)
    page.get_by_label(words["language"], exact=True).check()
    page.get_by_label("Lupus" if language == "fr" else "Lupus (en)", exact=True).check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=words["subscribe"]).click()
    page.wait_for_url(f"**/{language}/alerts/check-your-inbox/")
    assert heading(page) == words["pending"] and fits(page)
    assert page.locator("html").get_attribute("lang") == language

    (message,) = mail.outbox
    assert message.to == [email] and message.extra_headers["Content-Language"] == language
    (confirm_path,) = LINK.findall(message.body)
    assert confirm_path.startswith(f"/{language}/alerts/confirm/")
    page.goto(confirm_path)
    assert heading(page) == words["confirm"] and fits(page)
    assert Subscriber.objects.get(email=email).state == "pending"
    page.get_by_role("button", name=words["confirm_button"]).click()
    page.get_by_role("heading", name=words["confirmed"]).wait_for()
    assert fits(page)
    subscriber = Subscriber.objects.get(email=email)
    assert (subscriber.state, subscriber.languages) == ("confirmed", language)
    assert [topic.translation_key for topic in subscriber.topics.all()] == [topics["chosen"].translation_key]

    mail.outbox.clear()
    publish(press_room, topics["other"], "Asthme : un essai", language)
    publish(press_room, topics["chosen"], "Lupus : un essai", language)
    (release_message,) = mail.outbox
    assert release_message.to == [email] and release_message.extra_headers["Content-Language"] == language
    assert release_message.subject.startswith("Lupus : un essai")
    (unsubscribe_path,) = LINK.findall(release_message.body)
    assert unsubscribe_path.startswith(f"/{language}/alerts/unsubscribe/")

    page.goto(unsubscribe_path)
    assert heading(page) == words["unsubscribe"] and fits(page)
    assert Subscriber.objects.get(email=email).state == "confirmed"
    page.get_by_role("button", name=words["unsubscribe"]).click()
    page.get_by_role("heading", name=words["unsubscribed"]).wait_for()
    assert fits(page)
    assert Subscriber.objects.get(email=email).state == "unsubscribed"
