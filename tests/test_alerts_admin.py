"""The admin of the e-mail alerts: subscribers with filters and counts, each one's data exported or erased,
and the send log of each release with "retry failed", in French and English."""

import html
import json
import re
import smtplib
from unittest import mock

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from news.models import Announcement, Delivery, Subscriber
from tests.factories import PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def subscriber(email, state="confirmed", languages="fr", **fields):
    return Subscriber.objects.create(
        email=email,
        state=state,
        languages=languages,
        consent_text="J’accepte de recevoir les communiqués.",
        confirmed_at=timezone.now() if state == "confirmed" else None,
        **fields,
    )


@pytest.fixture
def publish(press_room, django_capture_on_commit_callbacks):
    def publish(title="Un communiqué"):
        with django_capture_on_commit_callbacks(execute=True):
            release = PressReleasePageFactory(
                parent=press_room["fr"], locale=press_room["fr"].locale, live=False, title=title
            )
            release.save_revision().publish()
        return release

    return publish


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Alertes par e-mail", "Abonnés", "2 confirmé", "1 en attente de confirmation", "1 désinscrit"]),
        ("en", ["E-mail alerts", "Subscribers", "2 confirmed", "1 waiting for confirmation", "1 unsubscribed"]),
    ],
)
def test_subscribers_are_listed_with_their_counts_in_the_editors_language(
    admin_client, admin_user, press_room, language, expected
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    subscriber("a@example.org")
    subscriber("b@example.org", languages="both")
    subscriber("c@example.org", state="pending")
    subscriber("d@example.org", state="unsubscribed")
    page = text(admin_client.get(reverse("alert_subscribers:index")))
    assert [words for words in expected if words in page] == expected
    assert all(f"{name}@example.org" in page for name in "abcd")


def test_subscribers_are_filtered_by_state_language_and_topic(admin_client, press_room):
    topic = TopicFactory(locale=press_room["fr"].locale, name="Maladies rares")
    subscriber("a@example.org").topics.add(topic)
    subscriber("b@example.org", languages="both")
    subscriber("c@example.org", state="pending")
    url = reverse("alert_subscribers:index_results")
    assert "c@example.org" in text(admin_client.get(url, {"state": "pending"}))
    assert "a@example.org" not in text(admin_client.get(url, {"state": "pending"}))
    both = text(admin_client.get(url, {"languages": "both"}))
    assert "b@example.org" in both and "a@example.org" not in both
    rare = text(admin_client.get(url, {"topics": "rares"}))
    assert "a@example.org" in rare and "b@example.org" not in rare


def test_one_subscribers_data_is_exported_then_erased(admin_client, press_room, publish):
    topic = TopicFactory(locale=press_room["fr"].locale, name="Sepsis")
    reader = subscriber("reader@example.org")
    reader.topics.add(topic)
    other = subscriber("other@example.org")
    publish("Sepsis : une étude")

    export_url = reverse("alert_subscribers:export", args=[reader.pk])
    assert export_url in admin_client.get(reverse("alert_subscribers:index")).content.decode()
    response = admin_client.get(export_url)
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["email"] == "reader@example.org" and data["topics"] == ["Sepsis"]
    assert data["consent_text"] == reader.consent_text and data["consented_at"]
    assert [(m["press_release"], m["state"]) for m in data["messages"]] == []  # not on the topic
    other_data = json.loads(admin_client.get(reverse("alert_subscribers:export", args=[other.pk])).content)
    assert [(m["press_release"], m["state"]) for m in other_data["messages"]] == [("Sepsis : une étude", "sent")]

    admin_client.post(reverse("alert_subscribers:delete", args=[other.pk]))
    assert not Subscriber.objects.filter(email="other@example.org").exists()
    assert not Delivery.objects.exists()


def test_the_export_is_for_those_who_may_change_subscribers(client, django_user_model, press_room):
    reader = subscriber("reader@example.org")
    user = django_user_model.objects.create_user("writer", password="x")
    client.force_login(user)
    response = client.get(reverse("alert_subscribers:export", args=[reader.pk]))
    assert response.status_code in (302, 403)
    assert b"reader@example.org" not in response.content


def test_the_send_log_counts_each_release_and_retries_the_failed(admin_client, press_room, publish):
    subscriber("a@example.org")
    subscriber("b@example.org")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"Mailbox busy")})
        release = publish("Communiqué en échec")
    announcement = Announcement.objects.get(release=release)
    assert Delivery.objects.filter(state="failed").count() == 2

    page = text(admin_client.get(reverse("alert_send_log:index")))
    assert "Communiqué en échec" in page and "échec" in page
    retry_url = reverse("alert_send_log:retry", args=[announcement.pk])
    assert retry_url in admin_client.get(reverse("alert_send_log:index")).content.decode()
    confirm = text(admin_client.get(retry_url))
    assert "Mailbox busy" in confirm and "a@example.org" in confirm

    response = admin_client.post(retry_url)
    assert response.status_code == 302
    assert Delivery.objects.filter(state="sent").count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
