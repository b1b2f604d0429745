"""Press room models: created through the admin, rendered in both languages, translated with wagtail-localize."""

from django.test import override_settings
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import TranslationSource

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from news.models import (
    Boilerplate,
    PressContact,
    PressOfficeSettings,
    PressReleasePage,
    PressRoomPage,
)
from tests.factories import (
    BoilerplateFactory,
    PressContactFactory,
    PressReleasePageFactory,
    TopicFactory,
    publish_translation,
)

FULL_BODY = [
    {"type": "heading", "value": {"text": "Les chiffres clés", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Un premier paragraphe.</p>"},
    {
        "type": "key_figures",
        "value": {"heading": "", "figures": [{"value": "3 millions", "label": "de personnes concernées"}]},
    },
    {"type": "quote", "value": {"words": "Chaque patient compte.", "speaker": "Pr Dupont", "role": "Coordinateur"}},
    {"type": "callout", "value": {"heading": "À retenir", "text": "<p>Une étude nationale.</p>"}},
]


def _text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def page_tests(admin_client):
    """Wagtail's page assertions, driving pytest-django's logged-in admin client."""
    case = WagtailPageTestCase("run")
    case.client = admin_client
    return case


class TestAdminCreation:
    @pytest.fixture(autouse=True)
    def _site(self, press_room, page_tests, admin_client):
        self.press_room = press_room
        self.home = press_room["fr"].get_parent().specific
        self.case = page_tests
        self.client = admin_client

    def test_page_tree_rules(self):
        self.case.assertCanCreateAt(HomePage, PressRoomPage)
        self.case.assertCanCreateAt(PressRoomPage, PressReleasePage)
        self.case.assertCanNotCreateAt(HomePage, PressReleasePage)
        self.case.assertCanNotCreateAt(PressReleasePage, PressReleasePage)
        # One press room per language: the French home has one, so it cannot get another.
        assert not PressRoomPage.can_create_at(self.home)

    def test_press_room_created_under_a_home_without_one(self):
        self.press_room["fr"].delete()
        self.case.assertCanCreate(
            self.home, PressRoomPage, nested_form_data({"title": "Salle de presse", "slug": "salle-de-presse"})
        )

    def test_release_created_through_the_admin(self):
        topic = TopicFactory(locale=self.home.locale, name="Lupus", slug="lupus")
        contact = PressContactFactory(locale=self.home.locale)
        # The pre-publish checks ask for the site's required "About F-CRIN" boilerplate.
        about = BoilerplateFactory(locale=self.home.locale, key="about-fcrin")
        data = nested_form_data(
            {
                "title": "Journée mondiale du lupus",
                "slug": "journee-mondiale-du-lupus",
                "standfirst": "Les réseaux se mobilisent.",
                "release_date": "2026-05-10",
                "dateline": "Paris",
                "hero_alt_text": "",
                "hero_caption": "",
                "hero_credit": "",
                "body": streamfield(
                    [
                        ("heading", {"text": "Contexte", "level": "h2"}),
                        ("paragraph", rich_text("<p>Un paragraphe.</p>")),
                        ("quote", {"words": "Des mots.", "speaker": "Pr Dupont", "role": "Coordinateur"}),
                    ]
                ),
                "topic_links": inline_formset([{"topic": topic.pk}]),
                "network_links": inline_formset([]),
                "contact_links": inline_formset([{"contact": contact.pk}]),
                "boilerplate_links": inline_formset([{"boilerplate": about.pk}]),
                "attachments": inline_formset([]),
                "gallery_links": inline_formset([]),
                "correction_notice": rich_text(""),
                "correction_date": "",
            }
        )
        self.case.assertCanCreate(self.press_room["fr"], PressReleasePage, data)

        release = PressReleasePage.objects.get(slug="journee-mondiale-du-lupus")
        assert release.live
        assert [link.topic for link in release.topic_links.all()] == [topic]
        assert [block.block_type for block in release.body] == ["heading", "paragraph", "quote"]

    def test_release_form_explains_the_embargo_in_paris_time(self):
        url = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", self.press_room["fr"].pk])

        response = self.client.get(url)

        assert response.status_code == 200
        assert "Europe/Paris" in response.content.decode()

    def test_scheduling_fields_name_the_admin_time_zone(self):
        url = reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", self.press_room["fr"].pk])

        def help_texts():
            html = BeautifulSoup(self.client.get(url).content, "html.parser")
            return [
                html.select_one(f"[id$={name}-helptext]").get_text(" ", strip=True)
                for name in ["go_live_at", "expire_at"]
            ]

        assert help_texts() == [
            "D’ici là, le communiqué, ses traductions et ses pièces jointes n’apparaissent nulle part sur le site "
            "public. La date prend effet quand un membre de Publication publie le communiqué (« Programmer pour "
            "publication »). Heure de Paris (Europe/Paris).",
            "Le communiqué est dépublié à cette date et à cette heure. Heure de Paris (Europe/Paris).",
        ]
        with override_settings(TIME_ZONE="America/Martinique"):
            assert help_texts()[0].endswith("Heure de Martinique (America/Martinique).")

    def test_snippets_created_through_the_admin(self):
        locale = self.home.locale
        response = self.client.post(
            reverse("wagtailsnippets_news_presscontact:add") + "?locale=fr",
            {
                "kind": "person",
                "given_name": "Camille",
                "family_name": "Durand",
                "organisation": "Agence Presse Santé",
                "role": "Relations presse",
                "email": "camille@example.org",
                "phone": "+33 1 00 00 00 00",
                "mobile": "",
                "locale": locale.pk,
            },
        )
        assert response.status_code == 302
        assert PressContact.objects.get(family_name="Durand").full_name == "Camille Durand"

        response = self.client.post(
            reverse("wagtailsnippets_news_boilerplate:add") + "?locale=fr",
            {
                "title": "À propos de F-CRIN",
                "key": "about-fcrin",
                "body": rich_text("<p>Texte.</p>"),
                "locale": locale.pk,
            },
        )
        assert response.status_code == 302
        assert Boilerplate.objects.get(key="about-fcrin").title == "À propos de F-CRIN"

    def test_press_office_settings_edited_through_the_admin(self):
        contact = PressContactFactory(locale=self.home.locale)
        site = Site.objects.get(is_default_site=True)
        response = self.client.post(
            reverse("wagtailsettings:edit", args=["news", "pressofficesettings", site.pk]),
            nested_form_data(
                {
                    "default_contacts": inline_formset([{"contact": contact.pk}]),
                    "default_boilerplates": inline_formset([]),
                }
            ),
        )
        assert response.status_code == 302
        assert [link.contact for link in PressOfficeSettings.for_site(site).default_contacts.all()] == [contact]


@pytest.mark.django_db
def test_release_renders_in_french_and_english(client, press_room):
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        title="Journée mondiale du lupus",
        slug="lupus",
        body=FULL_BODY,
        correction_notice="<p>Le nombre de centres a été corrigé.</p>",
        correction_date="2026-05-12",
    )
    en_release = publish_translation(release, "en", title="World Lupus Day", slug="world-lupus-day")

    fr = client.get(release.url)
    en = client.get(en_release.url)

    assert fr.status_code == en.status_code == 200
    assert en_release.url.startswith("/en/")
    fr_text = _text(fr)
    assert "Journée mondiale du lupus" in fr_text
    assert "Rectificatif" in fr_text and "12 mai 2026" in fr_text
    assert "Toulouse , 10 mai 2026" in fr_text or "Toulouse, 10 mai 2026" in fr_text
    for words in ("3 millions", "Chaque patient compte.", "Pr Dupont", "À retenir"):
        assert words in fr_text
    en_text = _text(en)
    assert "World Lupus Day" in en_text
    assert "10 May 2026" in en_text and "Correction" in en_text


@pytest.mark.django_db
def test_translation_maps_topics_contacts_and_boilerplates_to_english(client, press_room):
    fr, en = press_room["fr"].locale, press_room["en"].locale
    topic = TopicFactory(locale=fr, name="Maladies auto-immunes", slug="maladies-auto-immunes")
    TopicFactory(
        locale=en, name="Autoimmune diseases", slug="autoimmune-diseases", translation_key=topic.translation_key
    )
    contact = PressContactFactory(locale=fr, role="Attachée de presse")
    PressContactFactory(
        locale=en,
        given_name=contact.given_name,
        family_name=contact.family_name,
        role="Press officer",
        translation_key=contact.translation_key,
    )
    about = BoilerplateFactory(locale=fr, title="À propos du réseau", key="about-network")
    BoilerplateFactory(locale=en, title="About the network", key="about-network", translation_key=about.translation_key)
    release = PressReleasePageFactory(parent=press_room["fr"], locale=fr, slug="auto-immunite")
    release.topic_links.create(topic=topic)
    release.contact_links.create(contact=contact)
    release.boilerplate_links.create(boilerplate=about)
    release.save_revision().publish()

    source, _created = TranslationSource.get_or_create_from_instance(release)
    en_release, _created = source.create_or_update_translation(en, publish=False, fallback=True)
    en_release.get_latest_revision().publish()

    text = _text(client.get(en_release.url))
    assert "Autoimmune diseases" in text and "Maladies auto-immunes" not in text
    assert "Press officer" in text and "Attachée de presse" not in text
    assert "About the network" in text and "À propos du réseau" not in text


@pytest.mark.django_db
def test_release_without_contacts_or_boilerplates_shows_the_press_office_defaults(client, press_room):
    fr = press_room["fr"].locale
    contact = PressContactFactory(locale=fr, family_name="Pardéfaut")
    about = BoilerplateFactory(locale=fr, title="À propos de F-CRIN")
    press_office = PressOfficeSettings.for_site(Site.objects.get(is_default_site=True))
    press_office.default_contacts.create(contact=contact)
    press_office.default_boilerplates.create(boilerplate=about)
    press_office.save()
    release = PressReleasePageFactory(parent=press_room["fr"], locale=fr)

    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    assert "Pardéfaut" in soup.select_one(".release__contacts").get_text()
    assert soup.select_one(f'a[href="mailto:{contact.email}"]')
    assert soup.select_one('a[href="tel:+33561000000"]')
    assert "À propos de F-CRIN" in soup.select_one(".release__boilerplate h2").get_text()
