"""Embargoed advance notice: a publisher sends a release under embargo to accredited journalists, each
with a preview link of their own, revocable, logged; nothing else of the release leaves before the lift."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from freezegun import freeze_time

from news.models import AdvanceNotice, Journalist, PressReleasePage
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

PREVIEW = re.compile(r"https?://[^/\s]+(/(?:fr|en)/embargo/[\w-]+/)")


@pytest.fixture
def embargoed(press_room):
    lift = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        live=False,
        title="Essai sous embargo",
        standfirst="Un chapeau secret jusqu’à la levée.",
    )
    release.go_live_at = lift
    release.save_revision().publish()
    return PressReleasePage.objects.get(pk=release.pk), lift


@pytest.fixture
def journalists(db):
    return [
        Journalist.objects.create(name="Léa Martin", outlet="Le Quotidien", email="lea@example.org", language="fr"),
        Journalist.objects.create(name="Sam Reed", outlet="The Daily", email="sam@example.org", language="en"),
    ]


def test_journalists_get_the_embargo_and_a_link_of_their_own_before_the_lift(
    admin_client, client, embargoed, journalists, django_capture_on_commit_callbacks
):
    release, lift = embargoed
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("advance_notices:send"), {"release": release.pk, "journalists": [j.pk for j in journalists]}
        )
    assert response.status_code == 302
    assert sorted(notice.state for notice in AdvanceNotice.objects.all()) == ["sent", "sent"]

    messages = {message.to[0]: message for message in mail.outbox}
    assert set(messages) == {"lea@example.org", "sam@example.org"}
    english, french = messages["sam@example.org"], messages["lea@example.org"]
    paris = timezone.localtime(lift, ZoneInfo("Europe/Paris"))
    assert english.extra_headers["Content-Language"] == "en" and french.extra_headers["Content-Language"] == "fr"
    assert "UNDER EMBARGO until" in english.body and "Paris time" in english.body
    assert "SOUS EMBARGO jusqu’au" in french.body and "heure de Paris" in french.body
    assert paris.strftime("%H:%M") in english.body.replace("h", ":") or paris.strftime("%-I:%M") in english.body
    assert lift.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC") in english.body
    for message in (english, french):
        assert release.standfirst not in message.body and not message.attachments
        assert "List-Unsubscribe" not in message.extra_headers

    (english_path,) = PREVIEW.findall(english.body)
    (french_path,) = PREVIEW.findall(french.body)
    assert english_path.startswith("/en/embargo/") and french_path.startswith("/fr/embargo/")
    assert english_path.split("/")[-2] != french_path.split("/")[-2]
    page = client.get(english_path)
    assert page.status_code == 200 and "Under embargo" in page.content.decode()
    assert client.get(release.url).status_code == 404

    # Revoking one journalist's link closes it, and only it.
    notice = AdvanceNotice.objects.get(journalist__language="en")
    notice.preview_link.revoked_at = timezone.now()
    notice.preview_link.save()
    assert client.get(english_path).status_code == 404
    assert client.get(french_path).status_code == 200
    listing = admin_client.get(reverse("advance_notices:index")).content.decode()
    assert "révoqué" in listing and "Léa Martin" in listing

    with freeze_time(lift + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
        after = client.get(french_path)
    assert after.status_code == 302 and after.url == release.url


def test_a_release_already_public_is_refused(admin_client, press_room, journalists):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale)
    response = admin_client.post(
        reverse("advance_notices:send"), {"release": release.pk, "journalists": [journalists[0].pk]}
    )
    assert response.status_code == 200
    assert "déjà public" in response.content.decode()
    assert not AdvanceNotice.objects.exists() and not mail.outbox


def test_a_link_revoked_before_sending_withholds_the_notice(
    admin_client, embargoed, journalists, django_capture_on_commit_callbacks
):
    release, _lift = embargoed
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin_client.post(reverse("advance_notices:send"), {"release": release.pk, "journalists": [journalists[1].pk]})
    notice = AdvanceNotice.objects.get()
    notice.preview_link.revoked_at = timezone.now()
    notice.preview_link.save()
    for callback in callbacks:
        callback()
    notice.refresh_from_db()
    assert notice.state == "withheld" and not mail.outbox
