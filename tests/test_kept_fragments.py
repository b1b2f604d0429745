"""Parts of pages rendered once per content version ({% kept_fragment %}): never stale, never another reader's."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from news.models import EmbargoPreviewLink
from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def release(press_room):
    fr = press_room["fr"].locale
    release = PressReleasePageFactory(parent=press_room["fr"], locale=fr, slug="lupus")
    release.contact_links.create(
        contact=PressContactFactory(locale=fr, given_name="Camille", phone="+33 5 61 00 00 01")
    )
    release.boilerplate_links.create(boilerplate=BoilerplateFactory(locale=fr, title="À propos de F-CRIN"))
    release.save_revision().publish()
    return release


def test_an_edited_contact_shows_on_the_next_request(client, release):
    assert "+33 5 61 00 00 01" in soup(client, release.url).select_one(".contact-card").get_text()

    contact = release.contact_links.get().contact
    contact.phone = "+33 5 61 00 00 02"
    contact.save()

    card = soup(client, release.url).select_one(".contact-card").get_text()
    assert "+33 5 61 00 00 02" in card and "+33 5 61 00 00 01" not in card


def test_an_edited_boilerplate_shows_on_the_next_request(client, release):
    assert soup(client, release.url).select_one(".release__boilerplate h2").get_text() == "À propos de F-CRIN"

    boilerplate = release.boilerplate_links.get().boilerplate
    boilerplate.title = "Qui sommes-nous ?"
    boilerplate.save()

    assert soup(client, release.url).select_one(".release__boilerplate h2").get_text() == "Qui sommes-nous ?"


def test_each_language_gets_its_own_card(client, release):
    contact = release.contact_links.get().contact
    english = publish_translation(release, "en", slug="lupus-day")
    contact.copy_for_translation(english.locale).save()

    french = soup(client, release.url).select_one(".contact-card").get_text()
    card = soup(client, english.url).select_one(".contact-card").get_text()

    assert "Téléphone" in french and "Ajouter Camille" in french
    assert "Téléphone" not in card and "Add Camille" in card


def test_an_embargo_preview_never_gets_the_public_cards_download_links(client, release, admin_user):
    contact = release.contact_links.get().contact
    assert soup(client, release.url).select_one(".contact-card__vcard") is not None
    embargoed = PressReleasePageFactory(
        parent=release.get_parent(), locale=release.locale, slug="sous-embargo", live=False
    )
    embargoed.contact_links.create(contact=contact)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=30)
    embargoed.save_revision().publish()
    link = EmbargoPreviewLink.objects.create(release=embargoed, label="AFP", created_by=admin_user)

    preview = soup(client, link.get_url("fr"))

    assert contact.email in preview.select_one(".contact-card").get_text()
    assert preview.select_one(".contact-card__vcard") is None


def test_the_menu_marks_the_page_being_read(client, press_room, home):
    for room in press_room.values():
        room.show_in_menus = True
        room.save_revision().publish()

    on_home = soup(client, "/fr/").select(".main-nav a[aria-current]")
    in_room = soup(client, "/fr/communiques/").select(".main-nav a[aria-current]")
    elsewhere = soup(client, "/fr/recherche/?q=lupus").select(".main-nav a[aria-current]")

    assert [link.get_text(strip=True) for link in on_home] == ["Accueil"]
    assert [link.get_text(strip=True) for link in in_room] == [press_room["fr"].title]
    assert elsewhere == []


def test_a_language_shown_under_the_other_languages_home_still_gets_its_own_words(client, press_room, home):
    # Without a live English home, English readers are served the French home's pages (as Wagtail does).
    home["en"].unpublish()

    assert soup(client, "/fr/communiques/").select_one(".header-search button").get_text() == "Rechercher"
    assert soup(client, "/en/communiques/").select_one(".header-search button").get_text() == "Search"


def test_a_request_keeps_nothing_once_the_content_version_has_moved(db):
    from django.core.signals import request_finished, request_started

    from fcrin_site.pagecache import bump_generation
    from news.models.memory import kept

    request_started.send(sender=None)
    try:
        assert kept("test.contacts", lambda: "read before the publication") == "read before the publication"
        bump_generation()  # another editor publishes while this request renders
        assert kept("test.card", lambda: "built from what was read before") == "built from what was read before"
    finally:
        request_finished.send(sender=None)

    assert kept("test.card", lambda: "built afresh") == "built afresh"
