"""No French under /en/: desks named per language, titles of people in the reader's language, ASCII addresses."""

import json

from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from networks.models import NetworkPage
from news.models import PressContact
from news.slugs import ascii_slug

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("words", "slug"),
    [
        ("Journée mondiale du cœur", "journee-mondiale-du-coeur"),
        ("Œuvre de sœur Thérèse", "oeuvre-de-soeur-therese"),
        ("Ex æquo à l'AP-HP", "ex-aequo-a-lap-hp"),
    ],
)
def test_slugs_spell_ligatures_out(words, slug):
    assert ascii_slug(words) == slug


def test_the_admin_slug_field_transliterates_ligatures(admin_client, press_room):
    url = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", press_room["fr"].pk])
    field = BeautifulSoup(admin_client.get(url).content, "html.parser").find("input", attrs={"name": "slug"})

    assert field["data-controller"] == "w-slug"
    # Django leaves a False attribute out; the slug controller's default is no Unicode.
    assert not field.has_attr("data-w-slug-allow-unicode-value")
    assert [replacement for _pattern, replacement in json.loads(field["data-w-slug-formatters-value"])] == ["oe", "Oe"]


def contact_form(**fields):
    data = {
        "kind": "person",
        "given_name": "",
        "family_name": "",
        "organisation": "",
        "role": "",
        "email": "presse@example.org",
        "phone": "",
        "mobile": "",
    }
    return {**data, **fields}


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"kind": "person", "organisation": "F-CRIN"}, ["given_name", "family_name"]),
        ({"kind": "organisation", "given_name": "Ada"}, ["organisation"]),
    ],
)
def test_a_contact_needs_a_name_or_a_desk_name(admin_client, locales, fields, errors):
    url = reverse("wagtailsnippets_news_presscontact:add") + "?locale=fr"

    response = admin_client.post(url, contact_form(**fields))

    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == sorted(errors)
    assert not PressContact.objects.exists()


def test_a_desk_is_saved_without_a_person_name(admin_client, locales):
    url = reverse("wagtailsnippets_news_presscontact:add") + "?locale=fr"

    response = admin_client.post(url, contact_form(kind="organisation", organisation="Service presse de F-CRIN"))

    assert response.status_code == 302
    desk = PressContact.objects.get()
    assert (desk.full_name, desk.affiliation, str(desk)) == ("Service presse de F-CRIN", "", "Service presse de F-CRIN")


NETWORK = {
    "acronym": "TESTNET",
    "kind": "investigation",
    "name_fr": "Réseau d'essai",
    "name_en": "Test network",
    "summary_fr": "Un réseau.",
    "summary_en": "A network.",
    "coordinators": [
        {"name": "Pr Jeanne Martin", "title_fr": "Coordinatrice", "title_en": "Coordinator"},
        {"name": "Dr. Paul Durand"},
        {"name": "Camille Petit"},
    ],
}


def test_coordinators_titles_are_printed_in_the_readers_language(network_index, tmp_path, client):
    path = tmp_path / "networks.json"
    path.write_text(json.dumps([NETWORK]), encoding="utf-8")
    call_command("import_networks", str(path), stdout=None)

    fr = NetworkPage.objects.get(locale__language_code="fr", acronym="TESTNET")
    assert [(c.honorific, c.name) for c in fr.coordinators.all()] == [
        ("prof", "Jeanne Martin"),
        ("dr", "Paul Durand"),
        ("", "Camille Petit"),
    ]
    pages = {
        language: BeautifulSoup(client.get(page.url).content, "html.parser")
        for language, page in (("fr", fr), ("en", fr.get_translation(network_index["en"].locale)))
    }
    names = {language: [b.get_text() for b in html.select("main li strong")] for language, html in pages.items()}
    assert names == {
        "fr": ["Pr Jeanne Martin", "Dr Paul Durand", "Camille Petit"],
        "en": ["Prof. Jeanne Martin", "Dr Paul Durand", "Camille Petit"],
    }
    members = next(
        json.loads(script.string)["member"]
        for script in pages["en"].select('script[type="application/ld+json"]')
        if "member" in json.loads(script.string)
    )
    assert members[0]["name"] == "Jeanne Martin" and members[0]["honorificPrefix"] == "Prof."

    # Importing the same file again finds nothing to change.
    call_command("import_networks", str(path), stdout=None)
    assert fr.coordinators.count() == 3 and not NetworkPage.objects.filter(acronym="TESTNET").exclude(live=True)
