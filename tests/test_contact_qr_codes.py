"""QR codes of the press contacts' vCards, on the contact cards of releases and in the release PDF: each
is rasterised to PNG and decoded by zxing-cpp back to the vCard's absolute address, which serves the vCard."""

import io
from urllib.parse import urlsplit

import pypdfium2
import pytest
import vobject
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image

from tests.factories import PressContactFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db


def decode_pdf(pdf):
    """The texts of the QR codes on every page of ``pdf``, each page rasterised to a PNG first."""
    texts = []
    document = pypdfium2.PdfDocument(pdf)
    for page in document:
        png = io.BytesIO()
        page.render(scale=4).to_pil().save(png, format="PNG")
        png.seek(0)
        texts += [result.text for result in zxingcpp.read_barcodes(Image.open(png))]
    document.close()
    return texts


def decode_svg(svg):
    """The texts of the QR codes of an inline ``<svg>`` element, drawn by WeasyPrint then rasterised."""
    from weasyprint import HTML

    return decode_pdf(HTML(string=f"<!DOCTYPE html><html><body>{svg}</body></html>").write_pdf())


def vcard(client, url):
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    return vobject.readOne(response.content.decode("utf-8"))


@pytest.fixture
def releases(press_room):
    room = press_room["fr"]
    contact = PressContactFactory(locale=room.locale, given_name="Léa", family_name="Roux")
    release = PressReleasePageFactory(parent=room, locale=room.locale, title="Journée du lupus", slug="lupus")
    release.contact_links.create(contact=contact)
    release.save_revision().publish()
    english = publish_translation(release, "en", title="World Lupus Day", slug="lupus-day")
    return {"fr": release, "en": english, "contact": contact}


@pytest.mark.parametrize(
    ("language", "path", "name"),
    [
        ("fr", "/fr/communiques/contacts/{pk}/vcard/", "QR code : ajoutez Léa Roux à vos contacts (vCard)"),
        ("en", "/en/press-releases/contacts/{pk}/vcard/", "QR code: add Léa Roux to your contacts (vCard)"),
    ],
)
def test_the_contact_card_qr_code_leads_to_the_vcard(client, releases, language, path, name):
    soup = BeautifulSoup(client.get(releases[language].url).content, "html.parser")
    svg = soup.select_one(".contact-card .contact-qr svg")

    assert svg["role"] == "img" and svg.title.get_text() == name
    [url] = decode_svg(str(svg))
    assert url == "http://localhost" + path.format(pk=releases["contact"].pk)
    # The address is the one the card's link gives, made absolute for phones and paper.
    assert urlsplit(url).path == soup.select_one(".contact-card a[type='text/vcard']")["href"]
    assert vcard(client, url).fn.value == "Léa Roux"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pdf_prints_each_contacts_qr_code(client, releases, language):
    release = releases[language]
    response = client.get(release.url + release.reverse_subpage("pdf"))

    assert response.status_code == 200
    [url] = decode_pdf(response.content)
    room = release.get_parent().specific
    assert url == room.get_full_url() + room.reverse_subpage("press_contact_vcard", args=[releases["contact"].pk])
    assert vcard(client, url).fn.value == "Léa Roux"


def test_an_embargo_preview_shows_no_qr_code(client, releases):
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template('{% include "news/includes/contact_card.html" %}')
    request = RequestFactory().get("/")
    context = {"contact": releases["contact"], "page": releases["fr"], "request": request}

    assert "<svg" in template.render(Context(context))
    assert "<svg" not in template.render(Context({**context, "embargo_preview": True}))
