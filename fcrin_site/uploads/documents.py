"""Documents are checked by what they hold, not by their name.

Documents go to journalists, attached to releases and in press kits: a program or a web page renamed
``.pdf``, an Office file with macros, a spreadsheet that runs a command when opened or a zip bomb
would reach them from the press office's own address. ``FCRIN_DOCUMENT_TYPES`` lists, by extension,
what the content must be; nothing else is accepted.
"""

import csv
import io
import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

import puremagic

# Browsers sniff the first 512 bytes of a file, PDF readers look for their header in the first 1024:
# a file that is also a web page has its markup there.
HEAD_SIZE = 1024
MARKUP = re.compile(rb"<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|meta|\?xml)\b", re.IGNORECASE)
TEXT_TYPES = {"text/plain", "text/csv"}
OOXML_PARTS = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/presentation.xml": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
FORMULA_SIGNS = "=+-@"
NUMBER = re.compile(r"[+-]?[\d\s.,]*\d[\d\s.,]*%?")
# A C0 control character other than tab, line feed, form feed and carriage return: not text.
BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What macOS adds to the zips it makes (resource forks): neither documents nor opened by anything.
APPLE_DOUBLE = re.compile(r"__MACOSX/(.*/)?\._[^/]*")


def extension_of(name):
    return os.path.splitext(name)[1].lower().lstrip(".")


class Unpacking:
    """What may still be unpacked while one upload is checked, archives in archives included."""

    def __init__(self):
        self.size = settings.FCRIN_DOCUMENT_ARCHIVE_MAX_SIZE
        self.members = settings.FCRIN_DOCUMENT_ARCHIVE_MAX_MEMBERS

    def add_members(self, count):
        self.members -= count
        if self.members < 0:
            raise ValidationError(
                _("This archive holds more than %(max)s files, the most that is accepted."),
                code="archive_members",
                params={"max": settings.FCRIN_DOCUMENT_ARCHIVE_MAX_MEMBERS},
            )

    def add_bytes(self, count):
        self.size -= count
        if self.size < 0:
            raise ValidationError(
                _("Unpacked, this archive is larger than %(max)s, the most that is accepted."),
                code="archive_size",
                params={"max": filesizeformat(settings.FCRIN_DOCUMENT_ARCHIVE_MAX_SIZE)},
            )


def check_document(upload, name=None, unpacking=None):
    """Raise a ``ValidationError`` unless the file's content is of the type its extension says, and safe.

    ``unpacking`` is given for the members of an archive, which may not be plain archives themselves.
    """
    name = name or upload.name
    in_archive = unpacking is not None
    unpacking = unpacking or Unpacking()
    extension = extension_of(name)
    types = settings.FCRIN_DOCUMENT_TYPES
    accepted = [ext for ext in types if not (in_archive and types[ext] == "application/zip")]
    if extension not in accepted:
        raise ValidationError(
            _("Files of type “.%(extension)s” are not accepted. Accepted types: %(accepted)s."),
            code="document_type",
            params={"extension": extension, "accepted": ", ".join(f".{ext}" for ext in accepted)},
        )
    expected = types[extension]
    upload.seek(0)
    head = upload.read(HEAD_SIZE)
    upload.seek(0)
    detected = content_type(upload, head, unpacking)
    if detected in TEXT_TYPES and expected in TEXT_TYPES:
        if expected == "text/csv":
            check_csv(read_text(upload))
    elif detected != expected:
        raise ValidationError(
            _("This file is named “.%(extension)s” but its content is of another type: %(detected)s."),
            code="document_content",
            params={"extension": extension, "detected": describe(detected, head)},
        )
    upload.seek(0)


def content_type(upload, head, unpacking):
    if head.startswith(b"%PDF-"):
        if MARKUP.search(head):
            raise ValidationError(
                _(
                    "This PDF also holds web page markup at its start, which a browser could run. Export the "
                    "PDF again from its original and upload the new file."
                ),
                code="document_polyglot",
            )
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return archive_type(upload, unpacking)
    text = read_text(upload)
    if text is None:
        return None
    return "text/html" if MARKUP.search(head) else "text/plain"


def read_text(upload):
    """The file's text, in UTF-8 or else in Windows-1252 (what French Excel writes), or None when it is not text."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if BINARY.search(text) else text
    return None


def check_csv(text):
    # The separator is not declared: French spreadsheets write ";", others "," or tabs. A cell is
    # looked for under each, so that none is missed.
    for delimiter in ",;\t":
        try:
            for row_number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
                for column, cell in enumerate(row, start=1):
                    value = cell.lstrip(" \t\r\n")
                    if value and value[0] in FORMULA_SIGNS and not NUMBER.fullmatch(value):
                        raise ValidationError(
                            _(
                                "Row %(row)s, column %(column)s starts with “%(sign)s”: spreadsheet software "
                                "would run it as a formula. Remove the sign or put an apostrophe before it, then "
                                "upload the file again."
                            ),
                            code="csv_formula",
                            params={"row": row_number, "column": column, "sign": value[0]},
                        )
        except csv.Error as error:
            raise ValidationError(_("This CSV file cannot be read: %(error)s."), params={"error": error}) from error


def archive_type(upload, unpacking):
    """What a zip holds: a Word, Excel or PowerPoint file, an OpenDocument, or a plain archive whose every
    member is itself an accepted document. Every member is decompressed, within the limits of the settings."""
    try:
        with zipfile.ZipFile(upload) as archive:
            return check_archive(archive, unpacking)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError, ValueError) as e:
        # RuntimeError: an encrypted member; NotImplementedError: a compression zipfile cannot read.
        raise ValidationError(
            _("This archive is damaged, encrypted or compressed in a way that cannot be read."),
            code="archive_unreadable",
        ) from e
    finally:
        upload.seek(0)


def check_archive(archive, unpacking):
    members = archive.infolist()
    unpacking.add_members(len(members))
    for member in members:
        parts = member.filename.replace("\\", "/").split("/")
        if member.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise ValidationError(
                _("This archive would write “%(name)s” outside the folder it is unpacked in."),
                code="archive_path",
                params={"name": member.filename},
            )
        with archive.open(member) as content:
            while chunk := content.read(1024 * 1024):
                unpacking.add_bytes(len(chunk))
    names = {member.filename for member in members}
    if any(name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/")) for name in names):
        raise ValidationError(
            _(
                "This document holds macros. Save it without macros (as .docx, .xlsx, .pptx or OpenDocument) and upload it again."
            ),
            code="document_macros",
        )
    if "mimetype" in names:
        return archive.read("mimetype").decode("ascii", "replace").strip()
    if "[Content_Types].xml" in names:
        return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)
    for member in members:
        if not member.is_dir() and not APPLE_DOUBLE.fullmatch(member.filename):
            with archive.open(member) as content:
                try:
                    check_document(content, name=member.filename, unpacking=unpacking)
                except ValidationError as error:
                    raise ValidationError(
                        _("In this archive, “%(name)s”: %(error)s"),
                        code=error.code,
                        params={"name": member.filename, "error": " ".join(error.messages)},
                    ) from error
    return "application/zip"


def describe(detected, head):
    """Names a type for the editor: the extension the site would give it, else what ``puremagic`` finds."""
    extensions = [ext for ext, kind in settings.FCRIN_DOCUMENT_TYPES.items() if kind == detected]
    if extensions:
        return f"{extensions[0].upper()} (.{extensions[0]})"
    if detected == "text/html":
        return _("web page or SVG markup")
    try:
        found = puremagic.magic_string(head)
    except puremagic.PureError:
        found = []
    # Its first guesses are often rare formats sharing a signature; one with a MIME type is the common one.
    named = [match for match in found if match.mime_type] or found
    if named:
        return f"{named[0].name} ({named[0].extension})" if named[0].extension else named[0].name
    return _("an unknown type")


class DocumentForm(BaseDocumentForm):
    """``WAGTAILDOCS_DOCUMENT_FORM_BASE``: Wagtail's document form, which checks a new file's content."""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            check_document(upload)
        return upload

    def add_error(self, field, error):
        # Wagtail's Document.clean() checks the extension of the document's file even when this form
        # refused the upload and the document has none: a second, empty "File extension “” is not
        # allowed" under the field's own error (wagtail/wagtail#11802).
        if field is None and "file" in getattr(error, "error_dict", {}) and self.has_error("file"):
            others = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not others:
                return
            error = ValidationError(others)
        super().add_error(field, error)
