"""The press kit ZIP of a live release, opened with zipfile: the release as PDF, attachments, original images,
credits, vCards, named in the release's language."""

import datetime
import io
import zipfile

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest
import vobject
import wagtail_factories
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db


def kit_url(release):
    return release.url + release.reverse_subpage("press_kit")


def open_kit(client, release):
    response = client.get(kit_url(release))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    return response, zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def document(title, name, content=b"%PDF-1.4 dossier", collection=None):
    extra = {"collection": collection} if collection else {}
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name), **extra)


@pytest.fixture
def release(press_room):
    room = press_room["fr"]
    hero = wagtail_factories.ImageFactory(
        title="Photo de une", file__filename="une.jpg", file__width=1600, file__height=900
    )
    figure = wagtail_factories.ImageFactory(
        title="Figure", file__filename="figure.png", file__width=640, file__height=480
    )
    in_body = document("Protocole national", "pnds-lupus.pdf")
    release = PressReleasePageFactory(
        parent=room,
        locale=room.locale,
        title="Journée mondiale du lupus",
        slug="journee-mondiale-du-lupus",
        release_date=datetime.date(2026, 5, 10),
        dateline="Paris",
        standfirst="Trois millions de personnes vivent avec une maladie auto-immune en France.",
        hero_image=hero,
        hero_caption="Une consultation",
        hero_credit="CHU de Toulouse",
        body=[
            {"type": "heading", "value": {"text": "Les chiffres clés", "level": "h2"}},
            {
                "type": "paragraph",
                "value": '<p>Un <a href="https://example.org">lien</a> et du <b>gras</b>.</p><ul><li>un</li><li>deux</li></ul>',
            },
            {"type": "key_figures", "value": {"heading": "", "figures": [{"value": "80 %", "label": "de femmes"}]}},
            {
                "type": "quote",
                "value": {"words": "Chaque patient compte.", "speaker": "Pr Dupont", "role": "Coordinateur"},
            },
            {"type": "image", "value": {"image": figure.pk, "alt_text": "", "caption": "Un schéma", "credit": ""}},
            {"type": "document", "value": {"document": in_body.pk, "label": "Le PNDS"}},
        ],
    )
    release.attachments.create(document=document("Dossier de presse", "dossier.pdf", b"%PDF-1.4 " + b"x" * 200_000))
    release.attachments.create(document=in_body)
    private = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    release.attachments.create(document=document("Note interne", "note-interne.pdf", collection=private))
    contact = PressContactFactory(
        locale=room.locale, given_name="Hélène", family_name="Dupré", role="Attachée de presse"
    )
    release.contact_links.create(contact=contact)
    about = BoilerplateFactory(locale=room.locale, title="À propos de F-CRIN", body="<p>F-CRIN fédère des réseaux.</p>")
    release.boilerplate_links.create(boilerplate=about)
    release.save_revision().publish()
    return release


def pdf_text(data):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_kit_holds_the_pdf_documents_images_credits_and_vcards(client, release):
    response, kit = open_kit(client, release)
    folder = "journee-mondiale-du-lupus"

    assert response["Content-Disposition"] == 'attachment; filename="journee-mondiale-du-lupus.zip"'
    assert kit.testzip() is None
    assert sorted(kit.namelist()) == sorted(
        f"{folder}/{name}"
        for name in (
            "communique-journee-mondiale-du-lupus.pdf",
            "documents/le-pnds.pdf",
            "documents/dossier-de-presse.pdf",
            "images/journee-mondiale-du-lupus.jpg",
            "images/un-schema.png",
            "images/CREDITS.txt",
            "contacts/helene-dupre.vcf",
        )
    )
    assert kit.read(f"{folder}/documents/dossier-de-presse.pdf") == b"%PDF-1.4 " + b"x" * 200_000
    assert kit.read(f"{folder}/images/journee-mondiale-du-lupus.jpg") == release.hero_image.file.open("rb").read()
    assert kit.getinfo(f"{folder}/images/journee-mondiale-du-lupus.jpg").compress_type == zipfile.ZIP_STORED
    card = vobject.readOne(kit.read(f"{folder}/contacts/helene-dupre.vcf").decode())
    assert (card.fn.value, card.title.value) == ("Hélène Dupré", "Attachée de presse")
    credits = kit.read(f"{folder}/images/CREDITS.txt").decode()
    assert "journee-mondiale-du-lupus.jpg\nUne consultation\nCrédit : CHU de Toulouse" in credits
    assert "un-schema.png\nUn schéma\nAucun crédit indiqué" in credits


def test_kit_holds_the_release_as_pdf_in_its_language(client, release):
    _response, kit = open_kit(client, release)
    data = kit.read("journee-mondiale-du-lupus/communique-journee-mondiale-du-lupus.pdf")
    text = pdf_text(data)

    assert kit.getinfo("journee-mondiale-du-lupus/communique-journee-mondiale-du-lupus.pdf").compress_type == (
        zipfile.ZIP_STORED
    )
    # The same PDF as the release's own address gives.
    assert data == client.get(release.url + release.reverse_subpage("pdf")).content
    for expected in (
        "Communiqué de presse",
        "Journée mondiale du lupus",
        "Paris, 10 mai 2026",
        "Trois millions de personnes vivent avec une maladie auto-immune en France.",
        "« Chaque patient compte. »",
        "Contacts presse Hélène Dupré Attachée de presse, F-CRIN",
        "À propos de F-CRIN F-CRIN fédère des réseaux.",
        "http://localhost/fr/communiques/journee-mondiale-du-lupus/",
    ):
        assert expected in text
    assert "lien (https://example.org)" in text
    assert not any(name.endswith(".txt") and "/images/" not in name for name in kit.namelist())


def test_english_kit_is_in_english(client, release):
    english = publish_translation(
        release,
        "en",
        title="World Lupus Day",
        slug="world-lupus-day",
        standfirst="In English.",
        hero_caption="A consultation",
    )

    response, kit = open_kit(client, english)
    names = kit.namelist()
    text = pdf_text(kit.read("world-lupus-day/press-release-world-lupus-day.pdf"))

    assert response["Content-Disposition"] == 'attachment; filename="world-lupus-day.zip"'
    assert "world-lupus-day/images/world-lupus-day.jpg" in names
    # Named from the English page, not from the French titles of the shared image and document files.
    assert not any("une" in name or "photo" in name or "journee" in name for name in names)
    assert (
        "world-lupus-day.jpg\nA consultation\nCredit: CHU de Toulouse"
        in kit.read("world-lupus-day/images/CREDITS.txt").decode()
    )
    assert "World Lupus Day Paris, 10 May 2026 In English." in text and "Press release" in text
    assert "“Chaque patient compte.”" in text


def test_kit_of_an_unpublished_release_is_not_found(client, release):
    english = publish_translation(release, "en", title="World Lupus Day", slug="world-lupus-day")
    url, english_url = kit_url(release), kit_url(english)
    release.unpublish()

    assert client.get(url).status_code == 404
    # The English translation is live, but its French source is not: still under embargo.
    assert client.get(english_url).status_code == 404


def test_release_page_links_its_kit(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")
    link = soup.select_one("a.press-kit__link")

    assert link["download"] == "journee-mondiale-du-lupus.zip"
    assert link["type"] == "application/zip"
    assert client.get(link["href"]).status_code == 200
