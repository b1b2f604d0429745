"""The admin speaks each editor's language, down to Wagtail's own snippet choosers."""

import html
import re

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

pytestmark = pytest.mark.django_db


def editor_text(client, url):
    """The editor's text, including the forms that inline panels keep in ``<template>``s for "Add"."""
    markup = client.get(url).content.decode()
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Choisir une thématique", "Choisir un contact presse", "Choisir un paragraphe « À propos »"]),
        ("en", ["Choose a topic", "Choose a press contact", "Choose an “About” boilerplate"]),
    ],
)
def test_snippet_choosers_in_the_release_editor_speak_the_editors_language(
    admin_client, admin_user, press_room, language, expected
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()

    url = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", press_room["fr"].pk])
    text = editor_text(admin_client, url)
    assert [button for button in expected if button in text] == expected
    # Wagtail's French marks the gender it does not know ("Ajouter un(e) thématique"): corrected.
    if language == "fr":
        assert "un(e)" not in text and "Changer de langue" in text


def test_the_care_protocol_chooser_speaks_french(admin_client, network_index):
    url = reverse("wagtailadmin_pages:add", args=["networks", "networkpage", network_index["fr"].pk])
    assert "Choisir un protocole national de diagnostic et de soins (PNDS)" in editor_text(admin_client, url)


def test_snippet_listings_add_with_the_article_a_french_speaker_writes(admin_client, locales):
    for url_name, label in [
        ("wagtailsnippets_news_presscontact:list", "Ajouter un contact presse"),
        ("wagtailsnippets_news_topic:list", "Ajouter une thématique"),
        (
            "wagtailsnippets_networks_careprotocol:list",
            "Ajouter un protocole national de diagnostic et de soins (PNDS)",
        ),
    ]:
        text = editor_text(admin_client, reverse(url_name))
        assert label in text and "un(e)" not in text, url_name


def test_translating_a_page_ticks_the_one_missing_language_under_languages(admin_client, press_room):
    from tests.factories import PressReleasePageFactory

    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale)
    url = reverse("wagtail_localize:submit_page_translation", args=[release.pk])

    response = admin_client.get(url)
    assert response.status_code == 302 and response["Location"] == f"{url}?select_locale=en"
    page = admin_client.get(response["Location"]).content.decode()
    text = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", page)).split())
    assert "Langues" in text and "Régions" not in text
    assert re.search(r'<input[^>]*name="locales"[^>]*checked', page)


def test_the_translation_editors_words_come_from_the_projects_catalogue(admin_client, locales):
    catalogue = admin_client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert '"Publish in ": "Publier en "' in catalogue
    assert '"More actions": "Plus d\'actions"' in catalogue
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "js/admin_words.js" in dashboard
