"""E-mail alerts: subscribing with double opt-in, the signed links, and one message per subscriber and
language when a release becomes public (tasks run in the test's process: the immediate backend)."""

import datetime
import re
import smtplib
from email import message_from_bytes
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from news.alerts import tasks, tokens
from news.models import Announcement, Delivery, PressReleaseNetwork, PressReleasePage, PressReleaseTopic, Subscriber
from tests.factories import NetworkPageFactory, PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/(?:fr|en)/alerts/\w+/[^/\s]+/")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (the tasks' enqueueing) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def subscribe(client, commit, email, language="fr", **fields):
    data = {"email": email, "languages": fields.pop("languages", language), "consent": "on", **fields}
    with commit():
        return client.post(f"/{language}/alerts/", data)


def links(message):
    return LINK.findall(message.body)


def confirm(client, commit, email, language="fr", **fields):
    mail.outbox.clear()
    subscribe(client, commit, email, language, **fields)
    (confirm_url,) = links(mail.outbox[-1])
    mail.outbox.clear()
    client.post(confirm_url)
    return Subscriber.objects.get(email=email)


def release_in(press_room, commit, title="Un communiqué", **fields):
    with commit():
        release = PressReleasePageFactory(
            parent=press_room["fr"], locale=press_room["fr"].locale, live=False, title=title, **fields
        )
        release.save_revision().publish()
    return PressReleasePage.objects.get(pk=release.pk)


def translate(release, commit, publish=True):
    source, _created = TranslationSource.get_or_create_from_instance(release)
    with commit():
        translation, _created = source.create_or_update_translation(
            Locale.objects.get(language_code="en"), publish=False, fallback=True
        )
        if publish:
            translation.go_live_at = None
            translation.save_revision().publish()
    return PressReleasePage.objects.get(pk=translation.pk)


# Subscribing.


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_is_on_the_press_room_home_and_releases(client, press_room, commit, language):
    release = release_in(press_room, commit)
    en_release = translate(release, commit)
    pages = {
        "fr": [press_room["fr"], press_room["fr"].get_parent(), release],
        "en": [press_room["en"], press_room["en"].get_parent(), en_release],
    }
    for page in pages[language]:
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        form = html.select_one(".alerts-subscribe form")
        assert form is not None, page.url
        assert form["action"] == f"/{language}/alerts/"
        assert form.select_one("input[name=csrfmiddlewaretoken]") is None


def test_subscribing_sends_a_confirmation_in_the_visitors_language(client, press_room, commit):
    response = subscribe(client, commit, "Lea@Example.org ", language="en", languages="both")
    assert response.status_code == 302 and response.url == "/en/alerts/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.state, subscriber.languages) == ("lea@example.org", "pending", "both")
    assert "unsubscribe at any time" in subscriber.consent_text and subscriber.consented_at
    (message,) = mail.outbox
    assert message.to == ["lea@example.org"] and message.extra_headers["Content-Language"] == "en"
    assert "Confirm your subscription" in message.subject
    assert links(message)[0].startswith("http://testserver/en/alerts/confirm/")
    assert 'lang="en"' in message.alternatives[0][0]


def test_known_and_unknown_addresses_get_the_same_answer(client, press_room, commit):
    confirm(client, commit, "known@example.org", topics=[TopicFactory(locale=press_room["fr"].locale).pk])
    known = subscribe(client, commit, "known@example.org", languages="both")
    unknown = subscribe(client, commit, "unknown@example.org")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    known_page, unknown_page = client.get(known.url), client.get(unknown.url)
    assert known_page.content == unknown_page.content
    # The confirmed subscriber's choices are theirs to change, through their own link only.
    subscriber = Subscriber.objects.get(email="known@example.org")
    assert subscriber.languages == "fr" and subscriber.topics.count() == 1 and subscriber.state == "confirmed"
    already, new = mail.outbox
    assert "/alerts/manage/" in already.body and "/alerts/confirm/" in new.body


def test_bots_filling_the_trap_get_the_same_answer_and_nothing_happens(client, press_room, commit):
    response = subscribe(client, commit, "bot@example.org", website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "email",
    [
        "not-an-address",
        "a@example.org\nBcc: victim@example.org",
        "a@example.org\r\nSubject: x",
        "x" * 300 + "@example.org",
    ],
)
def test_bad_addresses_are_a_form_error_in_the_visitors_language(client, press_room, commit, email):
    response = subscribe(client, commit, email)
    assert response.status_code == 400
    assert "Saisissez une adresse" in response.content.decode() or "caractères" in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_consent_is_required(client, press_room, commit):
    with commit():
        response = client.post("/fr/alerts/", {"email": "a@example.org", "languages": "fr"})
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_subscriptions_are_throttled_per_visitor_and_per_address(client, press_room, commit, settings):
    settings.NEWS_ALERTS_VISITOR_LIMIT = 5
    for _attempt in range(5):
        assert subscribe(client, commit, "same@example.org").status_code == 302
    # Three confirmation messages a day at most to one address, whoever asks; the answer does not change.
    assert len(mail.outbox) == 3
    response = subscribe(client, commit, "other@example.org")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


# The signed links.


def test_confirming_takes_a_click_and_a_replayed_link_changes_nothing(client, press_room, commit):
    subscribe(client, commit, "a@example.org")
    (url,) = links(mail.outbox[0])
    page = client.get(url)
    assert page.status_code == 200 and Subscriber.objects.get().state == "pending"
    assert BeautifulSoup(page.content, "html.parser").select_one("form[method=post] button")
    assert client.post(url).status_code == 200
    assert Subscriber.objects.get().state == "confirmed"
    again = client.get(url)
    assert again.status_code == 200 and "confirmé" in again.content.decode()
    # Once unsubscribed, the old confirmation link does not subscribe again.
    client.post(f"/fr/alerts/unsubscribe/{tokens.manage_token(Subscriber.objects.get())}/")
    assert client.post(url).status_code == 400
    assert Subscriber.objects.get().state == "unsubscribed"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", ["confirm", "manage", "unsubscribe"])
def test_forged_or_damaged_links_get_a_clear_page_in_the_visitors_language(client, press_room, commit, kind, language):
    subscriber = confirm(client, commit, "a@example.org")
    real = tokens.manage_token(subscriber)
    for token in ["nonsense", real[:-2] + "xx", real + "x", ".eJzLSM3JyVcozy_KSQEAGgQEXQ:1", "[1, 2]", "%C3%A9t%C3%A9"]:
        for method in (client.get, client.post):
            response = method(f"/{language}/alerts/{kind}/{token}/")
            assert response.status_code == 400, (token, method)
            assert ("Lien non valide" if language == "fr" else "Invalid link") in response.content.decode()
    assert Subscriber.objects.get().state == "confirmed"


def test_a_confirmation_link_expires(client, press_room, commit, settings):
    subscribe(client, commit, "late@example.org")
    (url,) = links(mail.outbox[0])
    with freeze_time(timezone.now() + datetime.timedelta(days=settings.NEWS_ALERTS_CONFIRM_DAYS, minutes=1)):
        response = client.post(url)
    assert response.status_code == 400 and "a expiré" in response.content.decode()
    assert Subscriber.objects.get().state == "pending"


def test_subscribing_again_makes_older_links_worthless(client, press_room, commit):
    subscriber = confirm(client, commit, "a@example.org")
    old = tokens.manage_token(subscriber)
    client.post(f"/fr/alerts/unsubscribe/{old}/")
    subscribe(client, commit, "a@example.org")
    assert client.get(f"/fr/alerts/manage/{old}/").status_code == 400


def test_preferences_change_without_login(client, press_room, commit):
    subscriber = confirm(client, commit, "a@example.org")
    url = f"/en/alerts/manage/{tokens.manage_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200 and page["Cache-Control"].count("no-store")
    response = client.post(url, {"languages": "both"})
    assert response.status_code == 200 and "Your choices are saved" in response.content.decode()
    assert Subscriber.objects.get().languages == "both"
    assert client.post(url, {"languages": "klingon"}).status_code == 400


def test_one_click_unsubscribe_needs_no_csrf_token_and_twice_is_fine(press_room, commit, client):
    subscriber = confirm(client, commit, "a@example.org")
    strict = Client(enforce_csrf_checks=True)
    url = f"/fr/alerts/unsubscribe/{tokens.manage_token(subscriber)}/"
    assert strict.get(url).status_code == 200 and Subscriber.objects.get().state == "confirmed"
    for _twice in range(2):
        response = strict.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200 and "désinscrit" in response.content.decode()
    assert Subscriber.objects.get().state == "unsubscribed"
    # The preferences form keeps Django's CSRF protection.
    manage = f"/fr/alerts/manage/{tokens.manage_token(subscriber)}/"
    assert strict.post(manage, {"languages": "both"}).status_code == 403


# Sending.


def test_a_published_release_goes_once_to_each_matching_subscriber(client, press_room, commit):
    fr, _en = press_room["fr"].locale, press_room["en"].locale
    topic, other_topic = TopicFactory(locale=fr), TopicFactory(locale=fr)
    network = NetworkPageFactory(parent=press_room["fr"].get_parent(), locale=fr)
    french = confirm(client, commit, "fr@example.org")
    both = confirm(client, commit, "both@example.org", languages="both")
    english = confirm(client, commit, "en@example.org", language="en")
    on_topic = confirm(client, commit, "topic@example.org", topics=[topic.pk])
    off_topic = confirm(client, commit, "other@example.org", topics=[other_topic.pk])
    on_network = confirm(client, commit, "network@example.org", networks=[network.pk])
    subscribe(client, commit, "pending@example.org")
    mail.outbox.clear()

    with commit():
        release = PressReleasePageFactory(parent=press_room["fr"], locale=fr, live=False, title="Alerte essai")
        PressReleaseTopic.objects.create(page=release, topic=topic)
        PressReleaseNetwork.objects.create(page=release, network=network)
        release.save_revision().publish()
    release = PressReleasePage.objects.get(pk=release.pk)
    received = sorted(message.to[0] for message in mail.outbox)
    assert received == sorted(s.email for s in (french, both, on_topic, on_network))
    assert off_topic.email not in received and english.email not in received

    message = next(m for m in mail.outbox if m.to == ["fr@example.org"])
    assert message.subject == "Alerte essai"
    assert message.extra_headers["Content-Language"] == "fr"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/fr/alerts/unsubscribe/" in unsubscribe_url
    parsed = message_from_bytes(message.message().as_bytes())
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert {part.get_content_type() for part in parsed.walk()} >= {"text/plain", "text/html"}
    assert release.full_url in message.body and release.standfirst in message.body
    assert "Se désinscrire" in message.body

    # English follows when its translation is public: the French readers get nothing again.
    mail.outbox.clear()
    en_release = translate(release, commit)
    assert sorted(m.to[0] for m in mail.outbox) == ["both@example.org", "en@example.org"]
    assert all(m.extra_headers["Content-Language"] == "en" for m in mail.outbox)
    assert en_release.title in mail.outbox[0].subject

    # A correction published later sends nothing again.
    mail.outbox.clear()
    with commit():
        release.save_revision().publish()
        en_release.save_revision().publish()
    assert not mail.outbox
    assert Delivery.objects.filter(state="sent").count() == 6
    assert Announcement.objects.count() == 2

    # One-click unsubscribe stops the next release.
    Client().post(unsubscribe_url)
    release_in(press_room, commit, title="Suivant")
    assert "fr@example.org" not in [m.to[0] for m in mail.outbox]
    assert {"both@example.org", "network@example.org"} - {m.to[0] for m in mail.outbox} == {"network@example.org"}


def test_nothing_leaves_before_the_embargo_lifts(client, press_room, commit):
    confirm(client, commit, "fr@example.org", languages="both")
    lift = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    with commit():
        release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, live=False)
        release.go_live_at = lift
        release.save_revision().publish()
    release = PressReleasePage.objects.get(pk=release.pk)
    # The translation is published at once, while its source is under embargo: still nothing.
    en_release = translate(release, commit)
    assert en_release.live and not mail.outbox

    with freeze_time(lift + datetime.timedelta(minutes=1)), commit():
        call_command("publish_scheduled")
    assert sorted(m.extra_headers["Content-Language"] for m in mail.outbox) == ["en", "fr"]


def test_smtp_failures_are_recorded_and_retried_from_the_admin(client, press_room, commit):
    confirm(client, commit, "fr@example.org")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        release = release_in(press_room, commit)
    delivery = Delivery.objects.get()
    # The immediate backend cannot defer a retry: the delivery waits for "retry failed".
    assert (delivery.state, delivery.attempts) == ("failed", 1)
    assert "SMTPServerDisconnected" in delivery.error and not mail.outbox
    assert tasks.retry_failed([release.pk]) == 1
    delivery.refresh_from_db()
    assert (delivery.state, delivery.error) == ("sent", "") and len(mail.outbox) == 1


def test_a_failed_delivery_is_retried_later_by_a_deferring_queue(client, press_room, commit, settings):
    confirm(client, commit, "fr@example.org")
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    release = release_in(press_room, commit)
    results = tasks.send_deliveries.get_backend().results
    (announce,) = results
    announce.task.call(*announce.args)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = ConnectionRefusedError(111, "Connection refused")
        tasks.send_deliveries.call(ids)
    delivery = Delivery.objects.get(release=release)
    assert (delivery.state, delivery.attempts) == ("queued", 1) and "Connection refused" in delivery.error
    retry = tasks.send_deliveries.get_backend().results[-1]
    assert retry.args == [ids] and retry.task.run_after > timezone.now() + datetime.timedelta(seconds=50)
    retry.task.call(*retry.args)
    delivery.refresh_from_db()
    assert delivery.state == "sent" and len(mail.outbox) == 1
