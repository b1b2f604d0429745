"""Press contacts as vCards: parsed by vobject, in the page's language, only for contacts shown on a live page."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Site

import pytest
import vobject
from bs4 import BeautifulSoup

from news.models import PressOfficeSettings
from tests.factories import PressContactFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db


def vcard_url(room, contact=None):
    if contact is None:
        return room.url + room.reverse_subpage("press_office_vcard")
    return room.url + room.reverse_subpage("press_contact_vcard", args=[contact.pk])


def parse_all(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    text = response.content.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(vobject.readComponents(text, validate=True))


def parse_one(response):
    cards = parse_all(response)
    assert len(cards) == 1
    return cards[0]


def release_with(room, *contacts, **fields):
    release = PressReleasePageFactory(parent=room, locale=room.locale, **fields)
    for contact in contacts:
        release.contact_links.create(contact=contact)
    release.save_revision().publish() if release.live else release.save()
    return release


def add_default_contact(contact):
    press_office = PressOfficeSettings.for_site(Site.objects.get(is_default_site=True))
    press_office.default_contacts.create(contact=contact)
    press_office.save()


def english_translation(contact, **fields):
    return PressContactFactory(
        locale__language_code="en",
        given_name=contact.given_name,
        family_name=contact.family_name,
        email=contact.email,
        translation_key=contact.translation_key,
        **fields,
    )


def test_contact_on_a_live_release_downloads_as_a_vcard(client, press_room):
    room = press_room["fr"]
    contact = PressContactFactory(
        locale=room.locale,
        given_name="Hélène",
        family_name="Dupré",
        organisation="Agence Presse Santé",
        role="Attachée de presse",
        email="helene@example.org",
        phone="+33 1 44 00 00 00",
        mobile="+33 6 12 34 56 78",
    )
    release_with(room, contact)

    response = client.get(vcard_url(room, contact))
    card = parse_one(response)

    assert response["Content-Disposition"] == 'attachment; filename="helene-dupre.vcf"'
    assert card.version.value == "3.0"
    assert card.fn.value == "Hélène Dupré"
    assert (card.n.value.family, card.n.value.given) == ("Dupré", "Hélène")
    assert card.org.value == ["Agence Presse Santé"]
    assert card.org.params["LANGUAGE"] == ["fr"]
    assert card.title.value == "Attachée de presse"
    assert card.email.value == "helene@example.org"
    phones = {tel.value: set(tel.params["TYPE"]) for tel in card.contents["tel"]}
    assert phones == {"+33 1 44 00 00 00": {"WORK", "VOICE"}, "+33 6 12 34 56 78": {"CELL", "VOICE"}}
    assert card.uid.value == f"urn:uuid:{contact.translation_key}"


def test_english_press_room_gives_the_english_role_else_the_source(client, press_room):
    fr_room, en_room = press_room["fr"], press_room["en"]
    translated = PressContactFactory(locale=fr_room.locale, role="Attachée de presse", organisation="Ministère")
    english_translation(translated, role="Press officer", organisation="Ministry")
    untranslated = PressContactFactory(locale=fr_room.locale, role="Directrice de la communication")
    release_with(fr_room, translated, untranslated)

    english = parse_one(client.get(vcard_url(en_room, translated)))
    fallback = parse_one(client.get(vcard_url(en_room, untranslated)))
    french = parse_one(client.get(vcard_url(fr_room, translated)))

    assert (english.title.value, english.org.value, english.title.params["LANGUAGE"]) == (
        "Press officer",
        ["Ministry"],
        ["en"],
    )
    assert fallback.title.value == "Directrice de la communication"
    assert french.title.value == "Attachée de presse"
    assert english.uid.value == french.uid.value


def test_commas_semicolons_backslashes_accents_and_newlines_round_trip_without_injection(client, press_room):
    room = press_room["fr"]
    contact = PressContactFactory(
        locale=room.locale,
        given_name="Zoé, dite «Zo»; \\o/",
        family_name="N'Guyen-Çelik\r\nEMAIL:attacker@example.com",
        organisation="Réseau A; Réseau B, et C\nX-INJECTED:1",
        role="Chargée\nde communication\rEND:VCARD",
        email="zoe@example.org",
        phone="+33 5 61\n00 00 00",
        mobile="",
    )
    release_with(room, contact)

    card = parse_one(client.get(vcard_url(room, contact)))

    assert card.fn.value == "Zoé, dite «Zo»; \\o/ N'Guyen-Çelik\nEMAIL:attacker@example.com"
    assert card.n.value.given == "Zoé, dite «Zo»; \\o/"
    assert card.n.value.family == "N'Guyen-Çelik\nEMAIL:attacker@example.com"
    assert card.org.value == ["Réseau A; Réseau B, et C\nX-INJECTED:1"]
    assert card.title.value == "Chargée\nde communication\nEND:VCARD"
    assert [email.value for email in card.contents["email"]] == ["zoe@example.org"]
    assert [tel.value for tel in card.contents["tel"]] == ["+33 5 61 00 00 00"]
    assert set(card.contents) == {"version", "uid", "fn", "n", "org", "title", "email", "tel"}


def test_long_values_are_folded_at_75_octets_without_splitting_characters(client, press_room):
    room = press_room["fr"]
    organisation = "Équipe régionale d'épidémiologie clinique — " * 3  # within the field's 160 characters
    contact = PressContactFactory(locale=room.locale, organisation=organisation.strip())
    release_with(room, contact)

    response = client.get(vcard_url(room, contact))
    physical_lines = response.content.split(b"\r\n")

    assert max(len(line) for line in physical_lines) <= 75
    assert any(line.startswith(b" ") for line in physical_lines)
    for line in physical_lines:
        line.decode("utf-8")  # no multi-octet character cut in two
    assert parse_one(response).org.value == [organisation.strip()]


def test_contacts_shown_on_no_live_page_are_not_downloadable(client, press_room):
    fr_room, en_room = press_room["fr"], press_room["en"]
    nowhere = PressContactFactory(locale=fr_room.locale)
    on_draft = PressContactFactory(locale=fr_room.locale)
    release_with(fr_room, on_draft, live=False)
    # A live English translation whose French source is unpublished is still under embargo.
    on_embargoed_translation = PressContactFactory(locale=fr_room.locale)
    source = release_with(fr_room, on_embargoed_translation)
    publish_translation(source, "en", slug="embargoed")
    source.unpublish()

    for contact in (nowhere, on_draft, on_embargoed_translation):
        assert client.get(vcard_url(fr_room, contact)).status_code == 404
        assert client.get(vcard_url(en_room, contact)).status_code == 404
    assert client.get(fr_room.url + "contacts/999999/vcard/").status_code == 404
    assert client.get(vcard_url(fr_room)).status_code == 404


def test_press_office_default_contacts_are_downloadable(client, press_room):
    room = press_room["fr"]
    contact = PressContactFactory(locale=room.locale, given_name="Paul", family_name="Défaut")
    add_default_contact(contact)

    card = parse_one(client.get(vcard_url(room, contact)))

    assert card.fn.value == "Paul Défaut"


def test_all_press_office_contacts_in_one_file(client, press_room):
    fr_room, en_room = press_room["fr"], press_room["en"]
    default = PressContactFactory(locale=fr_room.locale, given_name="Ada", family_name="Zola", role="Porte-parole")
    english_translation(default, role="Spokesperson")
    add_default_contact(default)
    on_release = PressContactFactory(locale=fr_room.locale, given_name="Bea", family_name="Abel")
    twice = PressContactFactory(locale=fr_room.locale, given_name="Cid", family_name="Martin")
    release_with(fr_room, on_release, twice)
    release_with(fr_room, twice)
    hidden = PressContactFactory(locale=fr_room.locale, given_name="Dan", family_name="Brouillon")
    release_with(fr_room, hidden, live=False)

    french = client.get(vcard_url(fr_room))
    english = parse_all(client.get(vcard_url(en_room)))

    assert french["Content-Disposition"] == 'attachment; filename="contacts-presse.vcf"'
    assert [card.fn.value for card in parse_all(french)] == ["Ada Zola", "Bea Abel", "Cid Martin"]
    assert [card.fn.value for card in english] == ["Ada Zola", "Bea Abel", "Cid Martin"]
    assert english[0].title.value == "Spokesperson"


def test_contact_card_links_the_vcard_mail_and_phone(client, press_room):
    room = press_room["en"]
    contact = PressContactFactory(
        locale=press_room["fr"].locale, given_name="Léa", family_name="Roux", phone="+33 (0)5 61 00 00 00"
    )
    release_with(press_room["fr"], contact)
    request = RequestFactory().get(room.url)
    template = Template('{% include "news/includes/contact_card.html" %}')

    # As the English press room renders it: LocaleMiddleware activates the language of /en/.
    with translation.override("en"):
        html = template.render(Context({"contact": contact, "page": room, "request": request}))
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("a[type='text/vcard']")

    assert link["download"] == "lea-roux.vcf"
    assert link.get_text(strip=True) == "Add Léa Roux to your contacts (vCard)"
    assert parse_one(client.get(link["href"])).fn.value == "Léa Roux"
    assert soup.select_one(f"a[href='mailto:{contact.email}']")
    assert soup.select_one("a[href='tel:+330561000000']")


def test_release_page_links_every_press_office_contact_in_one_file(client, press_room):
    room = press_room["en"]
    contact = PressContactFactory(locale=press_room["fr"].locale)
    source = release_with(press_room["fr"], contact)
    english = publish_translation(source, "en", slug="english-release")

    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    link = soup.select_one(".press-office-vcard a[type='text/vcard']")

    assert link["href"] == vcard_url(room)
    assert link["download"] == "press-contacts.vcf"
    assert [card.fn.value for card in parse_all(client.get(link["href"]))] == [contact.full_name]


def test_a_desk_is_an_organisation_card_named_in_the_page_language(client, press_room):
    fr_room, en_room = press_room["fr"], press_room["en"]
    desk = PressContactFactory(
        locale=fr_room.locale,
        kind="organisation",
        given_name="",
        family_name="",
        organisation="Service presse de l'agence",
        role="Agence de relations presse",
    )
    english_translation(desk, kind="organisation", organisation="Agency press office", role="Press relations agency")
    release_with(fr_room, desk)

    response = client.get(vcard_url(en_room, desk))
    english = parse_one(response)
    french = parse_one(client.get(vcard_url(fr_room, desk)))

    assert response["Content-Disposition"] == 'attachment; filename="agency-press-office.vcf"'
    assert english.kind.value == "org" and english.contents["x-abshowas"][0].value == "COMPANY"
    assert (english.n.value.family, english.n.value.given) == ("", "")
    assert english.fn.value == "Agency press office"
    assert (english.org.value, english.org.params["LANGUAGE"]) == (["Agency press office"], ["en"])
    assert english.title.value == "Press relations agency"
    assert (french.fn.value, french.org.value) == ("Service presse de l'agence", ["Service presse de l'agence"])
    assert english.uid.value == french.uid.value


def test_a_person_keeps_a_person_card(client, press_room):
    room = press_room["fr"]
    person = PressContactFactory(locale=room.locale, given_name="Ada", family_name="Zola")
    release_with(room, person)

    card = parse_one(client.get(vcard_url(room, person)))

    assert "kind" not in card.contents and "x-abshowas" not in card.contents
    assert (card.n.value.family, card.n.value.given) == ("Zola", "Ada")
