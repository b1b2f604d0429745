"""A release's press kit: one ZIP with the release as PDF, the attachments, the original images and the contacts.

The archive is written by ``zipfile`` into a sink that the response drains after every chunk, so it
streams: the first bytes leave at once, memory stays at one 64 KiB chunk whatever the size of the
attachments, and nothing is written to disk (works the same with files on S3). ``zipfile`` sees a
stream it cannot seek and writes each member's sizes after its data (data descriptors), which every
unzip tool reads. The database is read before streaming starts; only files are read while streaming.
"""

import io
import os
import zipfile
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import Truncator
from django.utils.translation import gettext, override

from wagtail.models import CollectionViewRestriction

from ..media.galleries import gallery
from ..slugs import ascii_slug
from . import pdf, vcards

CHUNK_SIZE = 64 * 1024
# Already compressed: deflating them again costs time and saves nothing.
STORED_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "pdf", "zip", "docx", "xlsx", "pptx", "odt", "ods", "odp"}


@dataclass
class Member:
    name: str
    content: bytes | None = None
    file: object = None  # a FieldFile, read while streaming

    def chunks(self):
        if self.content is not None:
            yield self.content
            return
        with self.file.open("rb") as source:
            while chunk := source.read(CHUNK_SIZE):
                yield chunk


class _Sink(io.RawIOBase):
    """A write-only, unseekable file whose bytes the response takes away as they come."""

    def __init__(self):
        self._chunks = []

    def writable(self):
        return True

    def write(self, data):
        self._chunks.append(bytes(data))
        return len(data)

    def drain(self):
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def stream_zip(members, date_time):
    sink = _Sink()
    with zipfile.ZipFile(sink, "w") as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=date_time)
            extension = member.name.rsplit(".", 1)[-1].lower()
            info.compress_type = zipfile.ZIP_STORED if extension in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as target:
                for chunk in member.chunks():
                    target.write(chunk)
                    if data := sink.drain():
                        yield data
            yield sink.drain()
    yield sink.drain()


def _heading(text, underline):
    return f"{text}\n{underline * len(text)}"


def _file_name(words, stored_name):
    """Named in the release's language, from its caption or link text: the file's own title and
    stored name are in whatever language it was uploaded in (and storage may have suffixed the name)."""
    stem, extension = os.path.splitext(stored_name)
    name = ascii_slug(Truncator(words).words(8, truncate="")) or ascii_slug(os.path.basename(stem))
    return f"{name}{extension.lower()}"


def _unique(name, taken):
    stem, dot, extension = name.rpartition(".")
    stem, extension = (stem, f".{extension}") if dot else (name, "")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{extension}"
    taken.add(candidate)
    return candidate


class PressKit:
    """Everything in one release's kit, gathered from the database in the release's language."""

    def __init__(self, release, request):
        self.release = release
        self.request = request
        self.folder = release.slug
        self.images = []  # (file name, image, caption, credit, licence)
        self.documents = []  # (file name, document)
        self._image_names, self._document_names = set(), set()
        self._document_ids = set()

    def _add_image(self, image, name, caption, credit):
        name = _unique(_file_name(name, image.file.name), self._image_names)
        self.images.append((name, image, caption, credit, ""))

    def _add_document(self, document, label):
        if document.pk in self._document_ids:
            return
        self._document_ids.add(document.pk)
        name = _unique(_file_name(label or document.title, document.file.name), self._document_names)
        self.documents.append((name, document))

    def _add_block_files(self, block):
        value, kind = block.value, block.block_type
        if kind == "image" and value["image"]:
            name = value["caption"] or f"{self.release.slug}-{len(self.images) + 1}"
            self._add_image(value["image"], name, value["caption"], value["credit"])
        elif kind == "document" and value["document"] and self._downloadable(value["document"]):
            self._add_document(value["document"], value["label"])

    def _add_gallery(self):
        """The gallery's photos in their original size, named, as the media library's downloads are,
        with their caption and credit."""
        for item in gallery(self.release):
            if item.is_photo and item.image_id:
                name = _unique(item.file_name("original", item.original_extension()), self._image_names)
                self.images.append((name, item.image, item.caption, item.credit, item.get_licence_display()))

    @staticmethod
    def _downloadable(document):
        # A document in a private collection stays private, press kit or not.
        return not CollectionViewRestriction.objects.filter(
            collection__in=document.collection.get_ancestors(inclusive=True)
        ).exists()

    def members(self):
        release = self.release
        with override(release.locale.language_code):
            contacts = list(release.get_context(self.request)["contacts"])
            if release.hero_image:
                self._add_image(release.hero_image, release.slug, release.hero_caption, release.hero_credit)
            for block in release.body:
                self._add_block_files(block)
            self._add_gallery()
            for attachment in release.attachments.select_related("document__collection"):
                if self._downloadable(attachment.document):
                    self._add_document(attachment.document, attachment.text)
            credits = self._credits()
            taken = set()
            cards = [
                Member(
                    f"{self.folder}/contacts/{_unique(vcards.filename(contact), taken)}", vcards.vcard(contact).encode()
                )
                for contact in contacts
            ]
        return [
            Member(f"{self.folder}/{pdf.filename(release)}", pdf.release_pdf(release, self.request)),
            *(Member(f"{self.folder}/documents/{name}", file=document.file) for name, document in self.documents),
            *(
                Member(f"{self.folder}/images/{name}", file=image.file)
                for name, image, _caption, _credit, _licence in self.images
            ),
            *([Member(f"{self.folder}/images/CREDITS.txt", credits.encode())] if self.images else []),
            *cards,
        ]

    def _credits(self):
        entries = []
        for name, image, caption, credit, licence in self.images:
            lines = [name, caption or image.title]
            lines.append(gettext("Credit: %(credit)s") % {"credit": credit} if credit else gettext("No credit given"))
            if licence:
                lines.append(gettext("Licence: %(licence)s") % {"licence": licence})
            if image.description:
                lines.append(image.description)
            entries.append("\n".join(lines))
        return "\n\n".join([_heading(gettext("Image credits"), "="), *entries]) + "\n"


def press_kit_response(release, request):
    members = PressKit(release, request).members()
    paris = ZoneInfo(getattr(settings, "NEWS_TIME_ZONE", "Europe/Paris"))
    stamp = timezone.localtime(release.last_published_at or timezone.now(), paris).timetuple()[:6]
    response = StreamingHttpResponse(stream_zip(members, stamp), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{release.slug}.zip")
    return response
