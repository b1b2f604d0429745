"""A release's press kit: one ZIP with the text, the attachments, the original images and the contacts.

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
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext, override

from wagtail.models import CollectionViewRestriction

from . import vcards

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


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "blockquote"}

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(" ".join(data.split("\n")))


def html_to_text(html):
    """Rich text as plain text; link targets are dropped, their words kept."""
    extractor = _TextExtractor()
    extractor.feed(str(html))
    text = "\n".join(" ".join(line.split()) for line in "".join(extractor.parts).split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _heading(text, underline):
    return f"{text}\n{underline * len(text)}"


def _file_name(title, stored_name):
    """Named after its title, as storage may have added a random suffix to the uploaded name."""
    extension = os.path.splitext(stored_name)[1].lower()
    return f"{slugify(title) or slugify(os.path.splitext(os.path.basename(stored_name))[0])}{extension}"


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
        self.images = []  # (file name, image, caption, credit)
        self.documents = []  # (file name, document, label)
        self._image_names, self._document_names = set(), set()
        self._document_ids = set()

    def _add_image(self, image, caption, credit):
        name = _unique(_file_name(image.title, image.file.name), self._image_names)
        self.images.append((name, image, caption, credit))
        return f"images/{name}"

    def _add_document(self, document, label):
        if document.pk in self._document_ids:
            return next(f"documents/{name}" for name, known, _label in self.documents if known.pk == document.pk)
        self._document_ids.add(document.pk)
        name = _unique(_file_name(document.title, document.file.name), self._document_names)
        self.documents.append((name, document, label or document.title))
        return f"documents/{name}"

    def _block_text(self, block):
        value, kind = block.value, block.block_type
        if kind == "paragraph":
            return html_to_text(value.source)
        if kind == "heading":
            return _heading(value["text"], "-" if value["level"] == "h2" else "~")
        if kind == "key_figures":
            lines = [_heading(value["heading"], "-")] if value["heading"] else []
            return "\n".join([*lines, *(f"- {figure['value']} — {figure['label']}" for figure in value["figures"])])
        if kind == "quote":
            speaker = ", ".join(part for part in (value["speaker"], value["role"]) if part)
            words = gettext("“%(words)s”") % {"words": value["words"]}
            return f"{words}\n— {speaker}"
        if kind == "image" and value["image"]:
            path = self._add_image(value["image"], value["caption"], value["credit"])
            caption = value["caption"] or value["image"].title
            return gettext("[Image: %(caption)s — %(path)s]") % {"caption": caption, "path": path}
        if kind == "document" and value["document"] and self._downloadable(value["document"]):
            path = self._add_document(value["document"], value["label"])
            label = value["label"] or value["document"].title
            return gettext("[Document: %(label)s — %(path)s]") % {"label": label, "path": path}
        if kind == "embed" and value["embed"]:
            return "\n".join(part for part in (value["caption"], value["embed"].url) if part)
        if kind == "callout":
            return f"{_heading(value['heading'], '-')}\n{html_to_text(value['text'].source)}"
        return ""

    @staticmethod
    def _downloadable(document):
        # A document in a private collection stays private, press kit or not.
        return not CollectionViewRestriction.objects.filter(
            collection__in=document.collection.get_ancestors(inclusive=True)
        ).exists()

    def members(self):
        release = self.release
        with override(release.locale.language_code):
            context = release.get_context(self.request)
            contacts, boilerplates = list(context["contacts"]), list(context["boilerplates"])
            if release.hero_image:
                self._add_image(release.hero_image, release.hero_caption, release.hero_credit)
            body = [text for text in (self._block_text(block) for block in release.body) if text]
            for attachment in release.attachments.select_related("document__collection"):
                if self._downloadable(attachment.document):
                    self._add_document(attachment.document, attachment.text)
            text = self._release_text(body, contacts, boilerplates)
            credits = self._credits()
            taken = set()
            cards = [
                Member(
                    f"{self.folder}/contacts/{_unique(vcards.filename(contact), taken)}", vcards.vcard(contact).encode()
                )
                for contact in contacts
            ]
        return [
            Member(f"{self.folder}/{self.folder}.txt", text.encode()),
            *(
                Member(f"{self.folder}/documents/{name}", file=document.file)
                for name, document, _label in self.documents
            ),
            *(
                Member(f"{self.folder}/images/{name}", file=image.file)
                for name, image, _caption, _credit in self.images
            ),
            *([Member(f"{self.folder}/images/CREDITS.txt", credits.encode())] if self.images else []),
            *cards,
        ]

    def _release_text(self, body, contacts, boilerplates):
        release = self.release
        date = date_format(release.release_date, "DATE_FORMAT")
        sections = [
            gettext("Press release"),
            _heading(release.title, "="),
            f"{release.dateline}, {date}" if release.dateline else date,
        ]
        if release.correction_notice:
            heading = gettext("Correction")
            if release.correction_date:
                heading = f"{heading} – {date_format(release.correction_date, 'DATE_FORMAT')}"
            sections.append(f"{heading}\n{html_to_text(release.correction_notice)}")
        sections += [release.standfirst, *body]
        if self.documents:
            lines = [f"- {label} — documents/{name}" for name, _document, label in self.documents]
            sections.append("\n".join([_heading(gettext("Downloads"), "-"), *lines]))
        if contacts:
            sections.append("\n\n".join([_heading(gettext("Press contacts"), "-"), *map(self._contact_text, contacts)]))
        sections += [f"{_heading(b.title, '-')}\n{html_to_text(b.body)}" for b in boilerplates]
        sections.append(release.get_full_url(self.request) or "")
        return "\n\n".join(section.strip() for section in sections if section.strip()) + "\n"

    @staticmethod
    def _contact_text(contact):
        lines = [contact.full_name, ", ".join(part for part in (contact.role, contact.organisation) if part)]
        lines.append(contact.email)
        if contact.phone:
            lines.append(gettext("Phone: %(number)s") % {"number": contact.phone})
        if contact.mobile:
            lines.append(gettext("Mobile: %(number)s") % {"number": contact.mobile})
        return "\n".join(line for line in lines if line)

    def _credits(self):
        entries = []
        for name, image, caption, credit in self.images:
            lines = [name, caption or image.title]
            lines.append(gettext("Credit: %(credit)s") % {"credit": credit} if credit else gettext("No credit given"))
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
