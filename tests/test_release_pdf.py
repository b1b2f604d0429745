"""The release as PDF (``<release>/pdf/``), read back with pypdf: its words in its language, links
printed with their addresses, fonts embedded, nothing before its release, one rendering per publication."""

import datetime
import io

from django.core.cache import cache
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from pypdf import PdfReader

from news.distribution import pdf
from tests.factories import (
    BoilerplateFactory,
    LocaleFactory,
    PressContactFactory,
    PressReleasePageFactory,
    publish_translation,
)

pytestmark = pytest.mark.django_db


def pdf_url(release):
    return release.url + release.reverse_subpage("pdf")


def read_pdf(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def words(reader):
    """The PDF's text with its line breaks as spaces, as a reader would copy it."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def release(press_room):
    room = press_room["fr"]
    hero = wagtail_factories.ImageFactory(
        title="Bandeau du lupus", file__filename="bandeau.png", file__width=1200, file__height=500
    )
    figure = wagtail_factories.ImageFactory(
        title="Schéma", file__filename="schema.png", file__width=640, file__height=480
    )
    protocol = get_document_model().objects.create(
        title="Protocole national", file=ContentFile(b"%PDF-1.4 pnds", name="pnds-lupus.pdf")
    )
    release = PressReleasePageFactory(
        parent=room,
        locale=room.locale,
        title="Journée mondiale du lupus",
        slug="journee-mondiale-du-lupus",
        release_date=datetime.date(2026, 5, 10),
        dateline="Paris",
        standfirst="Trois millions de personnes vivent avec une maladie auto-immune en France.",
        hero_image=hero,
        hero_caption="Le 10 mai, Journée mondiale du lupus",
        hero_credit="F-CRIN",
        body=[
            {"type": "heading", "value": {"text": "Les chiffres clés", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    '<p>Les protocoles sont sur le <a href="https://www.has-sante.fr/">site de la HAS</a> '
                    f'et dans notre <a linktype="page" id="{room.pk}">salle de presse</a>.</p>'
                ),
            },
            {"type": "key_figures", "value": {"heading": "", "figures": [{"value": "80 %", "label": "de femmes"}]}},
            {
                "type": "quote",
                "value": {"words": "Chaque patient compte.", "speaker": "Pr Dupont", "role": "Coordinateur"},
            },
            {"type": "image", "value": {"image": figure.pk, "alt_text": "", "caption": "Un schéma", "credit": "CHU"}},
            {"type": "document", "value": {"document": protocol.pk, "label": "Le PNDS"}},
        ],
    )
    contact = PressContactFactory(
        locale=room.locale, given_name="Hélène", family_name="Dupré", role="Attachée de presse"
    )
    release.contact_links.create(contact=contact)
    about = BoilerplateFactory(
        locale=room.locale, title="À propos de F-CRIN", body="<p>F-CRIN fédère des réseaux de recherche.</p>"
    )
    release.boilerplate_links.create(boilerplate=about)
    release.save_revision().publish()
    release.refresh_from_db()
    return release


@pytest.fixture
def english(release):
    contact = release.contact_links.get().contact
    translated_contact = contact.copy_for_translation(LocaleFactory(language_code="en"))
    translated_contact.role = "Press officer"
    translated_contact.save()
    about = release.boilerplate_links.get().boilerplate.copy_for_translation(translated_contact.locale)
    about.title, about.body = "About F-CRIN", "<p>F-CRIN brings research networks together.</p>"
    about.save()
    return publish_translation(
        release,
        "en",
        title="World Lupus Day",
        slug="world-lupus-day",
        standfirst="Three million people live with an autoimmune disease in France.",
    )


def test_french_release_as_pdf(client, release):
    response = client.get(pdf_url(release))
    text = words(read_pdf(response))

    assert response["Content-Disposition"] == 'inline; filename="communique-journee-mondiale-du-lupus.pdf"'
    for expected in (
        "Communiqué de presse",
        "Journée mondiale du lupus",
        "Paris, 10 mai 2026",
        "Trois millions de personnes vivent avec une maladie auto-immune en France.",
        "Les chiffres clés",
        "80 % de femmes",
        "« Chaque patient compte. »",
        "Pr Dupont, Coordinateur",
        "Un schéma Crédit : CHU",
        "Le 10 mai, Journée mondiale du lupus Crédit : F-CRIN",
        "Contacts presse Hélène Dupré Attachée de presse, F-CRIN",
        "Téléphone : +33 5 61 00 00 00",
        "À propos de F-CRIN F-CRIN fédère des réseaux de recherche.",
        "Ce communiqué en ligne : http://localhost/fr/communiques/journee-mondiale-du-lupus/",
    ):
        assert expected in text
    assert f"Page 1 / {len(read_pdf(response).pages)}" in text
    assert "Press release" not in text
    # Links are printed with their addresses, the site's own made absolute; a line may break inside one.
    unbroken = text.replace(" ", "")
    assert "sitedelaHAS(https://www.has-sante.fr/)" in unbroken
    assert "salledepresse(http://localhost/fr/communiques/)" in unbroken
    assert f"LePNDS(http://localhost{release.body[5].value['document'].url})" in unbroken


def test_english_release_as_pdf_is_in_english(client, english):
    response = client.get(pdf_url(english))
    text = words(read_pdf(response))

    assert response["Content-Disposition"] == 'inline; filename="press-release-world-lupus-day.pdf"'
    for expected in (
        "Press release",
        "World Lupus Day",
        "Paris, 10 May 2026",
        "Three million people live with an autoimmune disease in France.",
        "“Chaque patient compte.”",
        "Press contacts Hélène Dupré Press officer, F-CRIN",
        "About F-CRIN F-CRIN brings research networks together.",
        "This release online: http://localhost/en/press-releases/world-lupus-day/",
    ):
        assert expected in text
    for french in ("Communiqué de presse", "Contacts presse", "À propos", "Trois millions"):
        assert french not in text


def test_fonts_are_embedded(client, release):
    reader = read_pdf(client.get(pdf_url(release)))
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    descriptors = [
        (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        for font in fonts
    ]

    assert len(descriptors) >= 3  # regular, bold, italic
    assert all("/FontFile2" in descriptor or "/FontFile3" in descriptor for descriptor in descriptors)


def test_no_pdf_before_the_release_nor_of_a_draft(client, press_room):
    room = press_room["fr"]
    draft = PressReleasePageFactory(parent=room, locale=room.locale, title="Brouillon", slug="brouillon", live=False)
    embargoed = PressReleasePageFactory(parent=room, locale=room.locale, title="Zéphyr", slug="zephyr", live=False)
    english = publish_translation(embargoed, "en", title="Zephyr", slug="zephyr")
    embargoed.go_live_at = datetime.datetime(2099, 6, 2, 6, 0, tzinfo=datetime.UTC)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()

    assert not embargoed.live and english.live
    assert client.get(pdf_url(draft)).status_code == 404
    assert client.get(pdf_url(embargoed)).status_code == 404
    # The English translation is live, but its French source is under embargo.
    assert client.get(pdf_url(english)).status_code == 404


def test_second_request_renders_nothing(client, release, django_assert_max_num_queries):
    url = pdf_url(release)
    assert cache.get(pdf.cache_key(release)) is None
    first = client.get(url)
    assert cache.get(pdf.cache_key(release)) == first.content

    # Site, routing, locale, the visibility rule and view restrictions: no contact, boilerplate,
    # image nor rendition is read.
    with django_assert_max_num_queries(7) as queries:
        second = client.get(url)
    assert second.content == first.content
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "news_presscontact" not in read and "wagtailimages_rendition" not in read


def test_new_publication_makes_a_new_pdf(client, release):
    url = pdf_url(release)
    before = client.get(url).content
    old_key = pdf.cache_key(release)

    release.standfirst = "Un chapeau corrigé après publication."
    release.save_revision().publish()
    release.refresh_from_db()
    after = client.get(url)

    assert pdf.cache_key(release) != old_key
    assert after.content != before
    assert "Un chapeau corrigé après publication." in words(read_pdf(after))


def test_release_page_links_its_pdf(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")
    link = soup.select_one("a.press-kit__pdf")

    assert link.get_text() == "Le communiqué en PDF"
    assert link["type"] == "application/pdf"
    assert client.get(link["href"])["Content-Type"] == "application/pdf"
