"""Hostile uploads, as a writer of the communication team sends them through the admin: each is refused
with a message under the file field, in the editor's language, and what they typed is kept; or it is
accepted and then served only as a download the browser does not run.

Every file is made here, with Pillow, zipfile and bytes.
"""

import functools
import io
import json
import struct
import zipfile
import zlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from home.roles import WRITERS
from news.distribution.pdf import load_weasyprint

pytestmark = [
    pytest.mark.django_db,
    # Pillow warns of an image above its limit (the site's) before Wagtail's check refuses it.
    pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning"),
]

TITLE = "Dossier de presse — essai CRISALIS"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 48 + b"This program cannot be run in DOS mode"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, pixel_rows=None):
    """A black-and-white PNG of the given size; its pixel data is ``pixel_rows`` (bytes) when given."""
    if pixel_rows is None:
        compressor = zlib.compressobj(9)
        row = b"\x00" * (1 + (width + 7) // 8)
        pixel_rows = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", pixel_rows) + png_chunk(b"IEND", b"")


def picture(image_format, size=(320, 240)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2a6f97").save(buffer, image_format)
    return buffer.getvalue()


def archive(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zip_file:
        for name, content in members.items():
            zip_file.writestr(name, content)
    return buffer.getvalue()


DOCX_PARTS = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}


@functools.cache
def decompression_bomb():
    """20,000 × 20,000 pixels (400 million) in about 50 KB."""
    return png(20_000, 20_000)


@functools.cache
def zip_bomb():
    """About 200 KB that unpack to 200 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_file, zip_file.open("dossier.txt", "w") as member:
        for _ in range(200):
            member.write(b"a" * 1024 * 1024)
    return buffer.getvalue()


def truncated_jpeg():
    return picture("JPEG")[:600]


def corrupted_jpeg():
    """A JPEG whose header reads well but whose Huffman table is broken: the damage shows when decoding."""
    data = bytearray(picture("JPEG", (640, 480)))
    table = data.find(b"\xff\xc4") + 5
    data[table : table + 30] = b"\x00" * 30
    return bytes(data)


# Images: (file name, content, what the message under the file field says in French and in English).
UNREADABLE = ("ne peut pas être lu comme une image", "cannot be read as an image")
TOO_LARGE = ("trop grande pour être traitée", "too large to be processed")
# Wagtail's own checks, which come first.
TOO_MANY_PIXELS = ("trop grand nombre de pixels", "too many pixels")
WRONG_FORMAT = ("L'extension de fichier ne correspond pas", "The extension does not match the file format")
NOT_AN_IMAGE = ("Transférez une image valide", "Upload a valid image")
NOT_SUPPORTED = ("Format d'image non supporté", "Not a supported image format")
HOSTILE_IMAGES = {
    "decompression bomb": ("bombe.png", decompression_bomb, TOO_LARGE),
    "header claims 100000×100000": (
        "immense.png",
        lambda: png(100_000, 100_000, zlib.compress(b"\x00" * 64)),
        TOO_LARGE,
    ),
    "9000×9000, under Pillow's refusal": ("grande.png", lambda: png(9_000, 9_000), TOO_MANY_PIXELS),
    "truncated JPEG": ("coupee.jpg", truncated_jpeg, UNREADABLE),
    "corrupted JPEG": ("abimee.jpg", corrupted_jpeg, UNREADABLE),
    "PNG with damaged pixel data": ("abimee.png", lambda: png(64, 64, b"not zlib data at all"), UNREADABLE),
    "junk GIF": ("animation.gif", lambda: b"GIF89a" + b"\x00\xff" * 40, UNREADABLE),
    "fake WebP": ("photo.webp", lambda: b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"junk" * 8, UNREADABLE),
    "SVG renamed .png": ("logo.png", lambda: SVG, WRONG_FORMAT),
    "HTML renamed .jpg": ("photo.jpg", lambda: HTML, WRONG_FORMAT),
    "program renamed .png": ("photo.png", lambda: EXE, NOT_AN_IMAGE),
    "PNG renamed .gif": ("photo.gif", lambda: picture("PNG"), WRONG_FORMAT),
    "SVG": ("logo.svg", lambda: SVG, NOT_SUPPORTED),
}

# Documents, likewise.
NOT_ITS_TYPE = ("mais son contenu est d'un autre type", "but its content is of another type")
TYPE_REFUSED = ("ne sont pas acceptés", "are not accepted")
FORMULA = ("qu'un tableur exécuterait comme une formule", "spreadsheet software would run it as a formula")
HOSTILE_DOCUMENTS = {
    "program renamed .pdf": ("communique.pdf", EXE, NOT_ITS_TYPE),
    "HTML renamed .pdf": ("communique.pdf", HTML, NOT_ITS_TYPE),
    "SVG renamed .pdf": ("communique.pdf", SVG, NOT_ITS_TYPE),
    "PDF then HTML (polyglot)": ("communique.pdf", PDF[:9] + HTML + PDF[9:], ("code de page web", "web page markup")),
    "HTML then PDF (polyglot)": ("communique.pdf", HTML + PDF, NOT_ITS_TYPE),
    "PNG renamed .pdf": ("communique.pdf", picture("PNG"), NOT_ITS_TYPE),
    "spreadsheet renamed .pdf": (
        "communique.pdf",
        archive({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
        NOT_ITS_TYPE,
    ),
    "HTML renamed .txt": ("lisez-moi.txt", HTML, NOT_ITS_TYPE),
    "binary renamed .txt": ("lisez-moi.txt", b"\x00\x01\x02\x03binary\x00", NOT_ITS_TYPE),
    "CSV with =cmd|": ("chiffres.csv", b"centre,patients\n=cmd|' /C calc'!A0,12\n", FORMULA),
    "CSV with +": ("chiffres.csv", b"centre,patients\nLyon,+cmd|' /C calc'!A0\n", FORMULA),
    "CSV with -": ("chiffres.csv", b"centre,patients\nLyon,-2+3+cmd|' /C calc'!A0\n", FORMULA),
    "CSV with @": ("chiffres.csv", b"centre,patients\n\"@SUM(1+9)*cmd|' /C calc'!A0\",3\n", FORMULA),
    "CSV with ; and a tab": (
        "chiffres.csv",
        'centre;réseau\nLyon;\t=HYPERLINK("http://x")\n'.encode("cp1252"),
        FORMULA,
    ),
    "zip bomb": ("dossier.zip", zip_bomb, ("dépasse", "larger than")),
    "zip of 1,001 files": (
        "dossier.zip",
        lambda: archive({f"{n}.txt": "" for n in range(1001)}),
        ("plus de 1", "more than 1"),
    ),
    "zip climbing out of its folder": (
        "dossier.zip",
        lambda: archive({"../../.bashrc.txt": "x"}),
        ("hors du dossier", "outside the folder"),
    ),
    "zip holding a program": (
        "dossier.zip",
        lambda: archive({"photo.jpg": picture("JPEG"), "setup.exe": EXE}),
        TYPE_REFUSED,
    ),
    "zip holding a program renamed .pdf": ("dossier.zip", lambda: archive({"notice.pdf": EXE}), NOT_ITS_TYPE),
    "zip in a zip": ("dossier.zip", lambda: archive({"inner.zip": archive({"a.txt": "a"})}), TYPE_REFUSED),
    "damaged zip": ("dossier.zip", b"PK\x03\x04" + b"\x00" * 200, ("abîmée", "damaged")),
    "Word with macros renamed .docx": (
        "note.docx",
        lambda: archive({**DOCX_PARTS, "word/vbaProject.bin": EXE}),
        ("macros", "macros"),
    ),
    "old Word .doc": ("note.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, TYPE_REFUSED),
    "HTML": ("page.html", HTML, TYPE_REFUSED),
    "SVG": ("logo.svg", SVG, TYPE_REFUSED),
    "program": ("setup.exe", EXE, TYPE_REFUSED),
}

ACCEPTED_DOCUMENTS = {
    "PDF": ("communique.pdf", PDF, "application/pdf"),
    "Word": (
        "note.docx",
        archive(DOCX_PARTS),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "OpenDocument": ("note.odt", archive({"mimetype": "application/vnd.oasis.opendocument.text"}), None),
    "CSV with numbers": (
        "chiffres.csv",
        "centre;écart\nLyon;-3,5\nParis;+12 %\nTél.;+33 1 23 45 67 89\n".encode("cp1252"),
        None,
    ),
    "zip of a PDF and photos": (
        "dossier.zip",
        archive({"communique.pdf": PDF, "photos/lyon.jpg": picture("JPEG")}),
        None,
    ),
    "JPEG photo": ("photo.jpg", picture("JPEG"), "image/jpeg"),
}


def content(value):
    return value() if callable(value) else value


@pytest.fixture(params=["fr", "en"])
def language(request):
    return request.param


@pytest.fixture
def editor(client, home, language):
    """A member of "Rédaction", whose admin speaks ``language``."""
    user = get_user_model().objects.create_user(username="camille", password="x")
    user.groups.add(Group.objects.get(name=WRITERS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


def file_errors(response):
    """The messages shown in the file field's own box, and the title the form was given back with."""
    assert response.status_code == 200, response.status_code
    html = BeautifulSoup(response.content, "html.parser")
    wrapper = html.select_one("input[name=file]").find_parent(attrs={"data-field-wrapper": True})
    errors = [" ".join(error.get_text().split()) for error in wrapper.select(".error-message")]
    return errors, html.select_one("input[name=title]")["value"]


def multiple_upload(client, url, name, data):
    response = client.post(
        url, {"files[]": SimpleUploadedFile(name, data)}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200, response.status_code
    return json.loads(response.content)


def expected_text(expected, language):
    return expected[0] if language == "fr" else expected[1]


@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_images_are_refused_under_the_file_field(client, editor, language, case):
    name, data, expected = HOSTILE_IMAGES[case]

    response = client.post(
        reverse("wagtailimages:add"), {"title": TITLE, "file": SimpleUploadedFile(name, content(data))}
    )

    errors, title = file_errors(response)
    assert len(errors) == 1, errors
    assert expected_text(expected, language) in errors[0]
    assert title == TITLE
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_images_are_refused_by_add_images(client, editor, language, case):
    name, data, expected = HOSTILE_IMAGES[case]

    answer = multiple_upload(client, reverse("wagtailimages:add_multiple"), name, content(data))

    assert answer["success"] is False
    assert expected_text(expected, language) in answer["error_message"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Ce fichier est trop gros (6,0 Kio). La taille de fichier maximale est de 1000 octets."),
        ("en", "This file is too big (6.0 KB). Maximum filesize 1000 bytes."),
    ],
)
def test_an_image_too_large_gets_one_message(client, editor, settings, expected):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    data = picture("PNG", (1200, 900))
    data += b"\x00" * (6 * 1024 - len(data))

    response = client.post(
        reverse("wagtailimages:add"), {"title": TITLE, "file": SimpleUploadedFile("photo.png", data)}
    )

    assert file_errors(response) == ([expected], TITLE)


def test_a_sound_image_is_accepted(client, editor):
    response = client.post(
        reverse("wagtailimages:add"), {"title": TITLE, "file": SimpleUploadedFile("photo.jpg", picture("JPEG"))}
    )

    assert response.status_code == 302
    assert get_image_model().objects.get().title == TITLE


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS)
def test_hostile_documents_are_refused_under_the_file_field(client, editor, language, case):
    name, data, expected = HOSTILE_DOCUMENTS[case]

    response = client.post(
        reverse("wagtaildocs:add"), {"title": TITLE, "file": SimpleUploadedFile(name, content(data))}
    )

    errors, title = file_errors(response)
    assert len(errors) == 1, errors
    assert expected_text(expected, language) in errors[0]
    assert title == TITLE
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS)
def test_hostile_documents_are_refused_by_add_documents(client, editor, language, case):
    name, data, expected = HOSTILE_DOCUMENTS[case]

    answer = multiple_upload(client, reverse("wagtaildocs:add_multiple"), name, content(data))

    assert answer["success"] is False
    assert expected_text(expected, language) in answer["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("language", "case", "expected"),
    [
        (
            "fr",
            "program renamed .pdf",
            "Ce fichier porte l'extension « .pdf » mais son contenu est d'un autre type : Windows Executable (.exe).",
        ),
        (
            "en",
            "program renamed .pdf",
            "This file is named “.pdf” but its content is of another type: Windows Executable (.exe).",
        ),
        (
            "fr",
            "spreadsheet renamed .pdf",
            "Ce fichier porte l'extension « .pdf » mais son contenu est d'un autre type : XLSX (.xlsx).",
        ),
        (
            "en",
            "HTML renamed .txt",
            "This file is named “.txt” but its content is of another type: web page or SVG markup.",
        ),
        (
            "fr",
            "CSV with =cmd|",
            "Ligne 2, colonne 1 : la cellule commence par « = », qu'un tableur exécuterait comme une formule. Retirez ce signe ou placez une apostrophe devant, puis envoyez de nouveau le fichier.",
        ),
        (
            "en",
            "CSV with ; and a tab",
            "Row 2, column 2 starts with “=”: spreadsheet software would run it as a formula. Remove the sign or put an apostrophe before it, then upload the file again.",
        ),
        (
            "fr",
            "zip holding a program",
            "Dans cette archive, « setup.exe » : Les fichiers de type « .exe » ne sont pas acceptés. Types acceptés : .pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp, .png, .jpg, .jpeg, .csv, .txt.",
        ),
        ("en", "zip bomb", "Unpacked, this archive is larger than 100.0 MB, the most that is accepted."),
    ],
)
def test_the_message_says_what_was_found(client, editor, case, expected):
    name, data, _expected = HOSTILE_DOCUMENTS[case]

    response = client.post(
        reverse("wagtaildocs:add"), {"title": TITLE, "file": SimpleUploadedFile(name, content(data))}
    )

    assert file_errors(response) == ([expected], TITLE)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Ce fichier est trop gros (2,0 Kio). La taille de fichier maximale est de 1000 octets."),
        ("en", "This file is too big (2.0 KB). Maximum filesize 1000 bytes."),
    ],
)
def test_a_document_too_large_gets_one_message(client, editor, settings, expected):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": TITLE, "file": SimpleUploadedFile("rapport.pdf", PDF + b" " * (2048 - len(PDF)))},
    )

    assert file_errors(response) == ([expected], TITLE)


@pytest.mark.parametrize("language", ["fr"])
@pytest.mark.parametrize("case", ACCEPTED_DOCUMENTS)
def test_accepted_documents_are_served_only_as_downloads(client, editor, case):
    name, data, content_type = ACCEPTED_DOCUMENTS[case]

    response = client.post(reverse("wagtaildocs:add"), {"title": TITLE, "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302
    document = get_document_model().objects.get(title=TITLE)
    client.logout()
    served = client.get(document.url)

    assert served.status_code == 200
    assert b"".join(served.streaming_content) == data
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'; sandbox"
    if content_type:
        assert served["Content-Type"] == content_type


@pytest.mark.parametrize("case", ["corrupted JPEG", "PNG with damaged pixel data"])
def test_broken_images_stay_refused_once_a_pdf_was_made_in_the_process(client, editor, language, case):
    """WeasyPrint, imported for a release's PDF, turns on Pillow's leniency for truncated images."""
    load_weasyprint()
    name, data, expected = HOSTILE_IMAGES[case]

    response = client.post(
        reverse("wagtailimages:add"), {"title": TITLE, "file": SimpleUploadedFile(name, content(data))}
    )

    errors, title = file_errors(response)
    assert errors and expected_text(expected, language) in errors[0]
    assert not get_image_model().objects.exists()
