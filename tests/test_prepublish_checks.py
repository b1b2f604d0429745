"""Pre-publish checks: the admin's Publish button stops an incomplete release, keeps the draft and says why."""

from django.contrib.messages import get_messages
from django.test import override_settings

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from news.models import PressOfficeDefaultContact, PressOfficeSettings, PressReleasePage
from tests.factories import (
    BoilerplateFactory,
    PressContactFactory,
    PressReleasePageFactory,
    TopicFactory,
    publish_translation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def parts(press_room):
    locale = press_room["fr"].locale
    return {
        "topic": TopicFactory(locale=locale, name="Lupus"),
        "contact": PressContactFactory(locale=locale),
        "about": BoilerplateFactory(locale=locale, key="about-fcrin", title="À propos de F-CRIN"),
    }


@pytest.fixture
def draft(press_room):
    return PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title="Journée du lupus", slug="lupus", live=False
    )


def _data(release, parts, **changes):
    """The edit form as an editor submits it, complete unless ``changes`` say otherwise."""
    fields = {
        "title": "Journée mondiale du lupus",
        "slug": release.slug,
        "standfirst": "Les réseaux se mobilisent le 10 mai.",
        "release_date": "2026-05-10",
        "dateline": "Paris",
        "hero_image": "",
        "hero_alt_text": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": [("paragraph", rich_text("<p>Le texte que l’éditrice a tapé.</p>"))],
        "topics": [parts["topic"]],
        "contacts": [parts["contact"]],
        "boilerplates": [parts["about"]],
        "french_first": True,
    }
    fields.update(changes)
    data = {
        **{name: fields[name] for name in ["title", "slug", "standfirst", "release_date", "dateline"]},
        **{name: fields[name] for name in ["hero_image", "hero_alt_text", "hero_caption", "hero_credit"]},
        "body": streamfield(fields["body"]),
        "topic_links": inline_formset([{"topic": topic.pk} for topic in fields["topics"]]),
        "network_links": inline_formset([]),
        "contact_links": inline_formset([{"contact": contact.pk} for contact in fields["contacts"]]),
        "boilerplate_links": inline_formset([{"boilerplate": about.pk} for about in fields["boilerplates"]]),
        "attachments": inline_formset([]),
        "gallery_links": inline_formset([]),
        "correction_notice": rich_text(""),
        "correction_date": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data = nested_form_data(data)
    if fields["french_first"]:
        data["french_first"] = "on"
    data["action-publish"] = "action-publish"
    return data


def _publish(client, release, data):
    response = client.post(f"/admin/pages/{release.pk}/edit/", data)
    messages = [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]
    client.cookies.pop("messages", None)  # Read here, as the edit view would show them.
    return response, messages


def _assert_blocked(response, messages, release, expected):
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{release.pk}/edit/"
    errors = [text for level, text in messages if level == "error"]
    assert errors[0] == "« Journée mondiale du lupus » n’a pas été publié. " + (
        "Vos modifications sont enregistrées comme brouillon ; pour publier, corrigez :"
    )
    assert expected in errors[1:]
    draft = PressReleasePage.objects.get(pk=release.pk).get_latest_revision().as_object()
    assert draft.title == "Journée mondiale du lupus"
    assert draft.body[0].render_as_block().count("Le texte que l’éditrice a tapé.") == 1
    return draft


def test_a_complete_release_is_published(admin_client, draft, parts):
    response, messages = _publish(admin_client, draft, _data(draft, parts))

    assert response.status_code == 302
    assert [level for level, _text in messages] == ["success"]
    assert PressReleasePage.objects.get(pk=draft.pk).live


def test_no_standfirst_blocks_publishing(admin_client, draft, parts):
    response, messages = _publish(admin_client, draft, _data(draft, parts, standfirst=""))

    saved = _assert_blocked(response, messages, draft, "Onglet Contenu, Chapeau : rédigez le paragraphe d’ouverture.")
    assert saved.standfirst == ""
    assert not PressReleasePage.objects.get(pk=draft.pk).live


def test_no_topic_blocks_publishing_changes_to_a_live_release(admin_client, press_room, parts):
    release = PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title="Titre en ligne", slug="en-ligne"
    )

    response, messages = _publish(admin_client, release, _data(release, parts, topics=[]))

    saved = _assert_blocked(
        response, messages, release, "Onglet Contenu, Thématiques : choisissez au moins une thématique."
    )
    assert saved.standfirst == "Les réseaux se mobilisent le 10 mai."
    live = PressReleasePage.objects.get(pk=release.pk)
    assert live.title == "Titre en ligne"
    assert live.has_unpublished_changes


def test_no_press_contact_blocks_publishing_unless_the_press_office_has_defaults(
    admin_client, draft, parts, press_room
):
    response, messages = _publish(admin_client, draft, _data(draft, parts, contacts=[]))

    _assert_blocked(
        response,
        messages,
        draft,
        "Onglet Contenu, Contacts presse : ajoutez un contact presse "
        "(ou indiquez les contacts par défaut dans Paramètres › Service de presse).",
    )

    office = PressOfficeSettings.for_site(press_room["fr"].get_site())
    PressOfficeDefaultContact.objects.create(setting=office, contact=parts["contact"])
    response, messages = _publish(admin_client, draft, _data(draft, parts, contacts=[]))
    assert [level for level, _text in messages] == ["success"]


def test_images_without_alternative_text_block_publishing(admin_client, draft, parts):
    hero = wagtail_factories.ImageFactory(title="Chercheuse", description="")
    figure = wagtail_factories.ImageFactory(title="Microscope", description="")
    described = wagtail_factories.ImageFactory(title="Affiche", description="Affiche de la journée")
    body = [
        ("paragraph", rich_text("<p>Le texte que l’éditrice a tapé.</p>")),
        ("image", {"image": described.pk, "alt_text": "", "caption": "", "credit": ""}),
        ("image", {"image": figure.pk, "alt_text": "", "caption": "Au labo", "credit": ""}),
    ]

    response, messages = _publish(admin_client, draft, _data(draft, parts, hero_image=hero.pk, body=body))

    saved = _assert_blocked(
        response,
        messages,
        draft,
        "Onglet Contenu, Image principale : rédigez le texte alternatif de l’image « Chercheuse ».",
    )
    errors = [text for level, text in messages if level == "error"]
    assert "Onglet Contenu, Corps, bloc 3 (image « Microscope ») : rédigez son texte alternatif." in errors
    assert not any("Affiche" in error for error in errors)
    assert saved.hero_image == hero
    assert saved.body[2].value["caption"] == "Au labo"

    body[2] = ("image", {"image": figure.pk, "alt_text": "Un microscope", "caption": "Au labo", "credit": ""})
    data = _data(draft, parts, hero_image=hero.pk, hero_alt_text="Une chercheuse", body=body)
    response, messages = _publish(admin_client, draft, data)
    assert [level for level, _text in messages] == ["success"]


def test_the_required_boilerplate_comes_from_the_settings(admin_client, draft, parts, press_room):
    other = BoilerplateFactory(locale=press_room["fr"].locale, key="about-cri-imidiate", title="À propos")

    response, messages = _publish(admin_client, draft, _data(draft, parts, boilerplates=[other]))

    _assert_blocked(
        response,
        messages,
        draft,
        "Onglet Contenu, Paragraphes « À propos » : ajoutez le paragraphe « À propos de F-CRIN ».",
    )
    with override_settings(NEWS_REQUIRED_BOILERPLATES=["about-cri-imidiate"]):
        response, messages = _publish(admin_client, draft, _data(draft, parts, boilerplates=[other]))
    assert [level for level, _text in messages] == ["success"]


def test_checks_speak_the_editors_language(admin_client, admin_user, draft, parts):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()

    response, messages = _publish(admin_client, draft, _data(draft, parts, standfirst=""))

    assert "Content tab, Standfirst: write the opening paragraph." in [text for _level, text in messages]


def test_no_english_translation_warns_unless_french_first(admin_client, draft, parts):
    response, messages = _publish(admin_client, draft, _data(draft, parts, french_first=False))

    assert PressReleasePage.objects.get(pk=draft.pk).live
    warnings = [text for level, text in messages if level == "warning"]
    assert warnings == [
        "Aucune traduction (Anglais) n’est prête pour la levée de l’embargo : traduisez-la et publiez-la "
        "(elle reste cachée tant que le communiqué n’est pas en ligne), ou cochez « Français d’abord » "
        "dans l’onglet Paramètres."
    ]
    response, messages = _publish(admin_client, draft, _data(draft, parts, french_first=True))
    assert [level for level, _text in messages] == ["success"]


def test_a_published_english_translation_is_ready(admin_client, draft, parts):
    draft.save_revision().publish()
    publish_translation(draft, "en", title="World Lupus Day", slug="lupus-day")

    response, messages = _publish(admin_client, draft, _data(draft, parts, french_first=False))

    assert [level for level, _text in messages] == ["success"]


def test_publishing_in_code_is_not_checked(draft):
    draft.standfirst = ""
    draft.save_revision().publish()

    assert PressReleasePage.objects.get(pk=draft.pk).live


def test_a_release_created_incomplete_is_kept_as_a_draft(admin_client, press_room, parts):
    room = press_room["fr"]
    data = _data(PressReleasePage(slug="nouveau"), parts, topics=[])

    response = admin_client.post(f"/admin/pages/add/news/pressreleasepage/{room.pk}/", data)

    release = PressReleasePage.objects.get(slug="nouveau")
    assert response["Location"] == f"/admin/pages/{release.pk}/edit/"
    assert not release.live
    assert release.get_latest_revision().as_object().standfirst == "Les réseaux se mobilisent le 10 mai."


def test_the_editor_comes_back_to_the_form_with_the_errors_and_what_they_typed(admin_client, draft, parts):
    data = _data(draft, parts, topics=[])

    response = admin_client.post(f"/admin/pages/{draft.pk}/edit/", data, follow=True)

    html = BeautifulSoup(response.content, "html.parser")
    shown = [message.get_text(" ", strip=True) for message in html.select(".messages li")]
    assert any("Onglet Contenu, Thématiques : choisissez au moins une thématique." in text for text in shown)
    assert html.select_one("input[name=title]")["value"] == "Journée mondiale du lupus"
    assert html.select_one("textarea[name=standfirst]").get_text().strip() == "Les réseaux se mobilisent le 10 mai."
