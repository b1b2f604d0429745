"""An embargoed release exists nowhere public until its go-live date, in either language, whatever the order of events."""

import datetime

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import pytest
from freezegun import freeze_time

from news.models import PressReleaseAttachment, PressReleasePage
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

CANARY = "zorblequokka"
ORDERS = ["embargo_before_translation", "embargo_after_translation", "postponed_without_sync"]


def _embargoed_release(press_room):
    """A French release under embargo-to-be, with the canary word everywhere, not live."""
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        live=False,
        title=f"Annonce {CANARY}",
        slug=f"annonce-{CANARY}",
        standfirst=f"Un chapeau qui parle de {CANARY}.",
        body=[{"type": "paragraph", "value": f"<p>Le corps du texte cite {CANARY}.</p>"}],
    )
    document = get_document_model().objects.create(
        title=f"Dossier {CANARY}", file=ContentFile(b"%PDF-1.4 embargo", name=f"dossier-{CANARY}.pdf")
    )
    PressReleaseAttachment.objects.create(page=release, document=document)
    return PressReleasePage.objects.get(pk=release.pk), document


def _schedule(page, go_live_at):
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live


def _translate(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = source.create_or_update_translation(
        Locale.objects.get(language_code="en"), publish=False, fallback=True
    )
    return translation


def _publish_translation_now(translation):
    translation.go_live_at = None
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert translation.live


def _link_from_home(home, release):
    for home_page in home.values():
        home_page.refresh_from_db()
        home_page.body = f'<p>Lire <a linktype="page" id="{release.pk}">le communiqué</a>.</p>'
        home_page.save_revision().publish()


def _public_urls(home, press_room, releases):
    urls = [home["fr"].url, home["en"].url, press_room["fr"].url, press_room["en"].url]
    return urls + [release.url for release in releases]


def _assert_hidden(client, home, press_room, fr, en, document):
    for release in (fr, en):
        assert client.get(release.url).status_code == 404, release.url
    for url in _public_urls(home, press_room, []):
        response = client.get(url)
        assert response.status_code == 200
        assert CANARY not in response.content.decode(), url
    assert client.get(document.url).status_code == 404


def _assert_visible(client, home, press_room, fr, en, document):
    for url in _public_urls(home, press_room, [fr, en]):
        response = client.get(url)
        assert response.status_code == 200, url
        assert CANARY in response.content.decode(), url
    assert client.get(document.url).status_code == 200


@pytest.mark.parametrize("order", ORDERS)
def test_embargo_holds_in_both_languages_until_it_lifts(client, home, press_room, order):
    lift = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    fr, document = _embargoed_release(press_room)
    _link_from_home(home, fr)

    if order == "embargo_before_translation":
        _schedule(fr, lift)
        en = _translate(fr)
        _publish_translation_now(en)
    elif order == "embargo_after_translation":
        en = _translate(fr)
        _publish_translation_now(en)
        _schedule(fr, lift)
    else:
        # Both were scheduled together, then the French embargo was pushed back and nobody synced.
        first_lift, lift = lift, lift + datetime.timedelta(days=1)
        _schedule(fr, first_lift)
        en = _translate(fr)
        _schedule(en, first_lift)
        _schedule(fr, lift)
        with freeze_time(first_lift + datetime.timedelta(minutes=1)):
            call_command("publish_scheduled")
            en.refresh_from_db()
            assert en.live
            _assert_hidden(client, home, press_room, fr, en, document)

    en.refresh_from_db()
    assert CANARY in en.slug
    _assert_hidden(client, home, press_room, fr, en, document)

    with freeze_time(lift + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
        fr.refresh_from_db()
        en.refresh_from_db()
        assert fr.live and en.live
        _assert_visible(client, home, press_room, fr, en, document)
        assert set(PressReleasePage.objects.published()) == {fr, en}


def test_document_shared_with_a_live_page_stays_downloadable(client, home, press_room):
    fr, document = _embargoed_release(press_room)
    _schedule(fr, timezone.now() + datetime.timedelta(days=1))
    other = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale)
    PressReleaseAttachment.objects.create(page=other, document=document)

    assert client.get(document.url).status_code == 200


def test_rich_text_links_to_releases_follow_the_embargo(press_room):
    from wagtail.rich_text import expand_db_html

    live = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, slug="en-ligne")
    embargoed, _document = _embargoed_release(press_room)
    _schedule(embargoed, timezone.now() + datetime.timedelta(hours=1))

    html = expand_db_html(
        f'<a linktype="page" id="{live.pk}">public</a> <a linktype="page" id="{embargoed.pk}">secret</a>'
    )

    assert html == f'<a href="{live.url}">public</a> <a>secret</a>'
