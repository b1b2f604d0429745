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
        ("fr", ["Choisir thématique", "Choisir contact presse", "Choisir paragraphe « À propos »"]),
        ("en", ["Choose topic", "Choose press contact", "Choose “About” boilerplate"]),
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


def test_the_care_protocol_chooser_speaks_french(admin_client, network_index):
    url = reverse("wagtailadmin_pages:add", args=["networks", "networkpage", network_index["fr"].pk])
    assert "Choisir protocole national de diagnostic et de soins (PNDS)" in editor_text(admin_client, url)
