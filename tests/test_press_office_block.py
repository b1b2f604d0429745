"""The press office block: on the home page, the press room and at the top of every release, in both
languages, every link leads to a download or feed that answers."""

import datetime

from wagtail.models import Site

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from news.models import EmbargoPreviewLink, PressOfficeSettings
from tests.factories import PressContactFactory, PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db


def block_of(response):
    assert response.status_code == 200
    block = BeautifulSoup(response.content, "html.parser").select_one("section.press-office")
    assert block is not None, "no press office block"
    return block


def hrefs(block):
    return [link["href"] for link in block.select("a[href]")]


@pytest.fixture
def office_contact(home):
    contact = PressContactFactory(locale=home["fr"].locale, given_name="Inès", family_name="Laval")
    press_office = PressOfficeSettings.for_site(Site.objects.get(is_default_site=True))
    press_office.default_contacts.create(contact=contact)
    press_office.save()
    return contact


@pytest.fixture
def release(press_room, network_index, awareness_calendar):
    fr = press_room["fr"].locale
    network = wagtail_factories.PageFactory(parent=network_index["fr"], title="CRI-IMIDIATE", slug="cri-imidiate")
    release = PressReleasePageFactory(parent=press_room["fr"], locale=fr, slug="journee-du-lupus")
    release.topic_links.create(topic=TopicFactory(locale=fr, name="Lupus", slug="lupus"))
    release.network_links.create(network=network)
    release.contact_links.create(
        contact=PressContactFactory(locale=fr, given_name="Hélène", family_name="Dupré", email="h.dupre@example.org")
    )
    release.save_revision().publish()
    return release


def test_release_block_leads_to_contact_downloads_and_feeds(client, release, awareness_calendar):
    block = block_of(client.get(release.url))
    links = hrefs(block)

    assert "mailto:h.dupre@example.org" in links
    assert "tel:+33561000000" in links
    room = "/fr/communiques/"
    contact = release.contact_links.get().contact
    for path in [
        f"{release.url}kit/",
        f"{release.url}pdf/",
        f"{room}contacts/{contact.pk}/vcard/",
        f"{room}contacts/vcard/",
        f"{room}feed/rss/",
        f"{room}feed/atom/",
        f"{room}feed/topic/lupus/rss/",
        f"{room}feed/topic/lupus/atom/",
        f"{room}feed/network/{release.network_links.get().network_id}/rss/",
    ]:
        assert path in links
        assert client.get(path).status_code == 200, path
    webcal = next(link for link in links if link.startswith("webcal://"))
    assert client.get(webcal.split("localhost", 1)[1]).status_code == 200
    assert f"{awareness_calendar['fr'].url}#subscribe" in links
    assert "Lupus" in block.get_text()


def test_release_block_speaks_the_release_language(client, release):
    en = publish_translation(release, "en", title="World Lupus Day", slug="world-lupus-day")

    block = block_of(client.get(en.url))

    assert block.h2.get_text() == "For journalists"
    assert f"{en.url}kit/" in hrefs(block)
    assert "/en/press-releases/contacts/vcard/" in hrefs(block)
    assert block_of(client.get(release.url)).h2.get_text() == "Pour les journalistes"


def test_release_block_sits_between_standfirst_and_body(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    lead = soup.select_one(".release__header .release__lead")
    assert [child.name for child in lead.find_all(recursive=False)] == ["p", "section"]
    assert "release__standfirst" in lead.p["class"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_and_press_room_name_the_press_office_contact(client, home, press_room, office_contact, language):
    for page in (home[language], press_room[language]):
        block = block_of(client.get(page.url))
        links = hrefs(block)

        assert "Inès Laval" in block.get_text()
        assert f"mailto:{office_contact.email}" in links
        room = press_room[language].url
        assert f"{room}contacts/vcard/" in links
        assert f"{room}contacts/{office_contact.pk}/vcard/" in links
        assert f"{room}feed/rss/" in links
        assert not block.select(".press-office__kit")


def test_embargo_preview_block_offers_no_download(client, press_room):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, live=False)
    release.go_live_at = datetime.datetime(2099, 6, 2, 6, 0, tzinfo=datetime.UTC)
    release.save_revision().publish()
    link = EmbargoPreviewLink.objects.create(release=release, label="Agence")

    block = block_of(client.get(link.get_url("fr")))

    assert not [href for href in hrefs(block) if "/kit/" in href or "/pdf/" in href or "vcard" in href]
