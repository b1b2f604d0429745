"""A correction after an announcement: a publisher writes a note in each language the release was
announced in, checks it, and it goes once to those who received the release and are still subscribed,
in their language, through the same queue and send log as the announcement."""

import html
import re
import smtplib
from email import message_from_bytes
from unittest import mock

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from home.roles import TRANSLATORS, WRITERS
from news.alerts import tasks, tokens
from news.models import Announcement, Correction, Delivery, PressReleasePage
from tests.test_alerts import confirm, release_in, translate

pytestmark = pytest.mark.django_db

NOTES = {
    "note_fr": "Le chiffre juste est de 120 patients, et non 1 200.",
    "note_en": "The right figure is 120 patients, not 1,200.",
}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def key_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one("input[name=key]")["value"]


@pytest.fixture
def announced(client, press_room, commit):
    """A release announced in French and English; then a reader subscribes and another leaves."""
    confirm(client, commit, "fr@example.org")
    confirm(client, commit, "both@example.org", languages="both")
    confirm(client, commit, "en@example.org", language="en")
    gone = confirm(client, commit, "gone@example.org")
    release = release_in(press_room, commit, title="Un essai sur 1 200 patients")
    en_release = translate(release, commit)
    confirm(client, commit, "late@example.org", languages="both")
    client.post(f"/fr/alerts/unsubscribe/{tokens.manage_token(gone)}/")
    mail.outbox.clear()
    return release, en_release


def correct_url(release):
    return reverse("alert_send_log:correct", args=[Announcement.objects.get(release=release).pk])


def test_the_correction_goes_once_to_the_original_recipients_in_their_languages(admin_client, announced, commit):
    release, en_release = announced
    url = correct_url(release)
    assert url in admin_client.get(reverse("alert_send_log:index")).content.decode()

    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert {field["name"] for field in form.select("textarea")} == {"note_fr", "note_en"}
    key = form.select_one("input[name=key]")["value"]

    check = admin_client.post(url, {"key": key, **NOTES})
    assert check.status_code == 200 and not Correction.objects.exists() and not mail.outbox
    page = text(check)
    assert NOTES["note_fr"] in page and NOTES["note_en"] in page
    # French: fr@ and both@ (gone@ left, late@ never got it); English: both@ and en@.
    assert page.count("À 2 abonnés.") == 2

    with commit():
        response = admin_client.post(url, {"key": key, "confirm": "1", **NOTES})
    assert response.status_code == 302
    received = sorted((m.to[0], m.extra_headers["Content-Language"]) for m in mail.outbox)
    assert received == [
        ("both@example.org", "en"),
        ("both@example.org", "fr"),
        ("en@example.org", "en"),
        ("fr@example.org", "fr"),
    ]

    french = next(m for m in mail.outbox if m.to == ["fr@example.org"])
    assert french.subject == "Rectificatif : Un essai sur 1 200 patients"
    assert NOTES["note_fr"] in french.body and release.full_url in french.body
    assert "Se désinscrire" in french.body
    unsubscribe_url = french.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/fr/alerts/unsubscribe/" in unsubscribe_url
    parsed = message_from_bytes(french.message().as_bytes())
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert {part.get_content_type() for part in parsed.walk()} >= {"text/plain", "text/html"}
    html_part = french.alternatives[0][0]
    assert 'lang="fr"' in html_part and "120 patients" in html_part and unsubscribe_url in html_part

    english = next(m for m in mail.outbox if m.to == ["en@example.org"])
    assert english.subject == f"Correction: {en_release.title}"
    assert NOTES["note_en"] in english.body and en_release.full_url in english.body
    assert "/en/alerts/unsubscribe/" in english.extra_headers["List-Unsubscribe"]

    # Its own deliveries in the send log, beside the announcement's, untouched.
    assert Delivery.objects.filter(correction=None, state="sent").count() == 5
    assert Delivery.objects.exclude(correction=None).filter(state="sent").count() == 4
    log = text(admin_client.get(reverse("alert_send_log:index")))
    assert log.count("2 envoyé(s), 0 en échec") == 2

    # The same confirmation once more (a double click, a reload): nothing more leaves.
    mail.outbox.clear()
    with commit():
        again = admin_client.post(url, {"key": key, "confirm": "1", **NOTES}, follow=True)
    assert "déjà été envoyée" in text(again)
    assert not mail.outbox and Correction.objects.count() == 2


def test_two_workers_handed_the_same_correction_send_it_once(admin_client, announced, commit, settings):
    release, _en_release = announced
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    url = correct_url(release)
    with commit():
        admin_client.post(url, {"key": key_of(admin_client.get(url)), "confirm": "1", **NOTES})
    (queued,) = tasks.send_deliveries.get_backend().results
    for _worker in range(2):
        queued.task.call(*queued.args)
    assert len(mail.outbox) == 4
    assert sorted(Delivery.objects.exclude(correction=None).values_list("state", flat=True)) == ["sent"] * 4


def test_a_release_no_longer_public_gets_no_correction(admin_client, announced, commit, settings):
    release, en_release = announced
    url = correct_url(release)
    key = key_of(admin_client.get(url))
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    with commit():
        admin_client.post(url, {"key": key, "confirm": "1", **NOTES})
    (queued,) = tasks.send_deliveries.get_backend().results

    # Unpublished before the worker runs: what was queued does not leave.
    PressReleasePage.objects.get(pk=release.pk).unpublish()
    queued.task.call(*queued.args)
    assert not mail.outbox
    assert set(Delivery.objects.exclude(correction=None).values_list("state", flat=True)) == {"failed"}

    # And no new correction can be written while it is not public, in any language (the English
    # translation is withheld with its source).
    for language_url in (url, correct_url(en_release)):
        refused = admin_client.get(language_url)
        assert refused.status_code == 400
        assert "n’est pas public" in text(refused) or "n'est pas public" in text(refused)
        posted = admin_client.post(language_url, {"key": "b" * 32, "confirm": "1", **NOTES})
        assert posted.status_code == 400
    assert Correction.objects.count() == 2


def test_only_the_language_versions_announced_and_public_are_corrected(admin_client, client, press_room, commit):
    confirm(client, commit, "both@example.org", languages="both")
    release = release_in(
        press_room,
        commit,
        title="Sans traduction",
        correction_notice="<p>Le nombre de centres est <b>54</b> &amp; non 45.</p>",
    )
    translate(release, commit, publish=False)
    mail.outbox.clear()
    url = correct_url(release)
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert [field["name"] for field in form.select("textarea")] == ["note_fr"]
    # The release's own correction notice is the note's first draft.
    assert form.select_one("textarea").get_text().strip() == "Le nombre de centres est 54 & non 45."
    with commit():
        admin_client.post(url, {"key": key_of(admin_client.get(url)), "confirm": "1", "note_fr": NOTES["note_fr"]})
    assert [(m.to[0], m.extra_headers["Content-Language"]) for m in mail.outbox] == [("both@example.org", "fr")]


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("fr", "La note de correction (Anglais) ne peut pas être vide."),
        ("en", "The correction note (English) cannot be empty."),
    ],
)
def test_an_empty_note_is_a_form_error_in_the_editors_language(admin_client, admin_user, announced, language, error):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    release, _en_release = announced
    url = correct_url(release)
    for confirmed in ({}, {"confirm": "1"}):
        response = admin_client.post(
            url, {"key": key_of(admin_client.get(url)), "note_fr": "Un chiffre faux.", "note_en": "  ", **confirmed}
        )
        assert response.status_code == 200
        assert error in text(response)
    assert not Correction.objects.exists() and not mail.outbox


def test_a_damaged_form_key_is_a_form_error(admin_client, announced):
    release, _en_release = announced
    response = admin_client.post(correct_url(release), {"key": "../../x", "confirm": "1", **NOTES})
    assert response.status_code == 200 and not Correction.objects.exists()


@pytest.mark.parametrize("group", [WRITERS, TRANSLATORS])
def test_writers_and_translators_cannot_send_a_correction(client, django_user_model, announced, group):
    release, _en_release = announced
    user = django_user_model.objects.create_user(f"user-{len(group)}", password="x")
    user.groups.set(Group.objects.filter(name=group))
    client.force_login(user)
    url = correct_url(release)
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"key": "a" * 32, "confirm": "1", **NOTES}).status_code in (302, 403)
    assert not Correction.objects.exists() and not mail.outbox


def test_a_failed_correction_is_in_the_send_log_and_retried(admin_client, announced, commit):
    release, _en_release = announced
    url = correct_url(release)
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPRecipientsRefused({"fr@example.org": (450, b"Mailbox busy")})
        with commit():
            admin_client.post(url, {"key": key_of(admin_client.get(url)), "confirm": "1", **NOTES})
    assert Delivery.objects.exclude(correction=None).filter(state="failed").count() == 4
    log = admin_client.get(reverse("alert_send_log:index"))
    assert "0 envoyé(s), 2 en échec" in text(log)
    retry_url = reverse("alert_send_log:retry", args=[Announcement.objects.get(release=release).pk])
    assert retry_url in log.content.decode()
    assert "Mailbox busy" in text(admin_client.get(retry_url))

    admin_client.post(retry_url)
    assert sorted(m.to[0] for m in mail.outbox) == ["both@example.org", "fr@example.org"]
    assert all(m.subject.startswith("Rectificatif : ") for m in mail.outbox)


def test_the_correction_form_and_the_send_log_stay_within_the_query_budget(
    admin_client, announced, django_assert_max_num_queries
):
    release, _en_release = announced
    url = correct_url(release)
    admin_client.get(url)
    with django_assert_max_num_queries(20):
        assert admin_client.get(url).status_code == 200
    with django_assert_max_num_queries(20):
        assert admin_client.post(url, {"key": "c" * 32, **NOTES}).status_code == 200
    with django_assert_max_num_queries(20):
        assert admin_client.get(reverse("alert_send_log:index")).status_code == 200
