"""A journalist on a live release downloads the press contact's vCard and the press kit."""

import datetime
import io
import zipfile
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest
import vobject
from pypdf import PdfReader

from news.models import EmbargoPreviewLink
from tests.browser.conftest import serious_violations
from tests.factories import PressContactFactory, PressReleasePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def release(press_room):
    room = press_room["fr"]
    release = PressReleasePageFactory(
        parent=room,
        locale=room.locale,
        title="Journée mondiale du lupus",
        slug="journee-mondiale-du-lupus",
        standfirst="Les réseaux de recherche clinique se mobilisent.",
        body=[{"type": "paragraph", "value": "<p>Trois millions de personnes concernées en France.</p>"}],
    )
    contact = PressContactFactory(
        locale=room.locale, given_name="Hélène", family_name="Dupré", organisation="Agence, Presse; Santé"
    )
    release.contact_links.create(contact=contact)
    # Flushes between browser tests remove the root collection Wagtail's migrations create.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = get_document_model().objects.create(
        title="Dossier de presse", file=ContentFile(b"%PDF-1.4 dossier", name="dossier.pdf"), collection=collection
    )
    release.attachments.create(document=document)
    release.save_revision().publish()
    return release


def test_journalist_downloads_the_vcard_and_the_press_kit(page, release):
    page.goto(release.url)
    assert page.locator("h1").inner_text() == "Journée mondiale du lupus"

    # The press office block, at the top of the release, offers the vCard the contacts at its foot repeat.
    vcard_link = page.locator(".press-office").get_by_role("link", name="Ajouter Hélène Dupré à vos contacts (vCard)")
    with page.expect_download() as vcard_download:
        vcard_link.click()
    assert vcard_download.value.suggested_filename == "helene-dupre.vcf"
    card = vobject.readOne(Path(vcard_download.value.path()).read_text(encoding="utf-8"))
    assert (card.fn.value, card.org.value) == ("Hélène Dupré", ["Agence, Presse; Santé"])

    with page.expect_download() as kit_download:
        page.locator("a.press-kit__link").click()
    assert kit_download.value.suggested_filename == "journee-mondiale-du-lupus.zip"
    kit = zipfile.ZipFile(io.BytesIO(Path(kit_download.value.path()).read_bytes()))
    assert sorted(kit.namelist()) == [
        "journee-mondiale-du-lupus/communique-journee-mondiale-du-lupus.pdf",
        "journee-mondiale-du-lupus/contacts/helene-dupre.vcf",
        "journee-mondiale-du-lupus/documents/dossier-de-presse.pdf",
    ]
    pdf = PdfReader(io.BytesIO(kit.read("journee-mondiale-du-lupus/communique-journee-mondiale-du-lupus.pdf")))
    assert "Trois millions de personnes" in pdf.pages[0].extract_text()

    assert serious_violations(page) == []


def test_release_with_downloads_fits_a_phone_screen(mobile_page, release):
    mobile_page.goto(release.url)

    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(mobile_page) == []


def test_embargo_preview_banner_is_accessible(page, press_room):
    room = press_room["fr"]
    release = PressReleasePageFactory(
        parent=room, locale=room.locale, title="Essai Zéphyr", slug="essai-zephyr", live=False
    )
    release.go_live_at = datetime.datetime(2099, 6, 2, 6, 0, tzinfo=datetime.UTC)
    release.save_revision().publish()
    link = EmbargoPreviewLink.objects.create(release=release, label="Agence")

    page.goto(link.get_url("fr"))

    assert (
        page.locator(".embargo-banner p[lang='en']").inner_text().startswith("Under embargo until 2 June 2099, 08:00")
    )
    assert page.locator("h1").inner_text() == "Essai Zéphyr"
    assert serious_violations(page) == []
