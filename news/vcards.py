"""Press contacts as vCards a journalist adds to an address book in one click.

vCard 3.0 (RFC 2426) rather than 4.0: it is the version every address book imports (Outlook for
Windows and older iOS/Android contact apps still reject or mangle 4.0), and its text escaping is
the one RFC 6350 kept. Values are escaped (backslash, comma, semicolon, newline), control
characters dropped, and lines folded at 75 octets without splitting a UTF-8 character, so no field
can break out of its line and inject a property.
"""

import unicodedata

from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from .models import PressContact, PressOfficeSettings, PressReleasePage
from .models.localization import localized_targets

CONTENT_TYPE = "text/vcard; charset=utf-8"
LINE_LIMIT = 75  # octets, CRLF excluded (RFC 2426 §2.6, RFC 6350 §3.2)


def _clean(value):
    """The value on one logical line: newlines normalised to LF, other control characters dropped."""
    value = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(char for char in value if char == "\n" or unicodedata.category(char) != "Cc")


def escape(value):
    value = _clean(value)
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line):
    """``line`` cut into physical lines of at most 75 octets, continuation lines starting with a space."""
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        if size + width > LINE_LIMIT:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts)


def _phone(value):
    # A number never needs a line break or a separator of vCard's own syntax.
    return escape(" ".join(_clean(value).split()))


def vcard(contact):
    """One contact as a vCard, the organisation and role in the contact's own language."""
    language = contact.locale.language_code
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        # The same person in every language: address books merge the French and English cards.
        f"UID:urn:uuid:{contact.translation_key}",
        f"FN:{escape(contact.full_name)}",
        f"N:{escape(contact.family_name)};{escape(contact.given_name)};;;",
    ]
    if contact.organisation:
        lines.append(f"ORG;LANGUAGE={language}:{escape(contact.organisation)}")
    if contact.role:
        lines.append(f"TITLE;LANGUAGE={language}:{escape(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(' '.join(_clean(contact.email).split()))}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_phone(contact.phone)}")
    if contact.mobile:
        lines.append(f"TEL;TYPE=CELL,VOICE:{_phone(contact.mobile)}")
    lines.append("END:VCARD")
    return "".join(f"{fold(line)}\r\n" for line in lines)


def filename(contact):
    return f"{slugify(contact.full_name) or 'contact'}.vcf"


def vcard_response(contacts, name):
    response = HttpResponse("".join(vcard(contact) for contact in contacts), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response


def _default_links(request):
    return PressOfficeSettings.for_request(request).default_contacts.all()


def _named_on_a_published_release():
    """Whether a published release names the contact or one of its translations: a search that stops at
    the first such release, rather than gathering the contacts of every release of the archive."""
    published = PressReleasePage.objects.published()
    return Exists(published.filter(contact_links__contact__translation_key=OuterRef("translation_key")))


def public_contact(request, pk, locale):
    """The contact ``pk`` in ``locale`` (else as it is), if a reader can meet it on a live page.

    A reader meets a contact on a published release that names it, or among the press office's
    default contacts, which the press room and releases without their own contacts show.
    """
    contact = PressContact.objects.filter(pk=pk).values("translation_key").first()
    if contact is None:
        return None
    shown = _named_on_a_published_release() | Q(
        translation_key__in=_default_links(request).values("contact__translation_key")
    )
    candidates = PressContact.objects.filter(shown, translation_key=contact["translation_key"]).select_related("locale")
    by_pk = {candidate.pk: candidate for candidate in candidates}
    in_locale = [candidate for candidate in by_pk.values() if candidate.locale_id == locale.pk]
    return in_locale[0] if in_locale else by_pk.get(pk)


def press_office_contacts(request, locale):
    """The press office's default contacts, then everyone named on a published release, in ``locale``."""
    contacts = PressContact.objects.select_related("locale")
    defaults = list(localized_targets(contacts, _default_links(request), "contact", locale))
    named = _named_on_a_published_release()
    linked = Exists(PressReleasePage.objects.published().filter(contact_links__contact=OuterRef("pk")))
    translated = Exists(PressContact.objects.filter(translation_key=OuterRef("translation_key"), locale=locale))
    others = (
        contacts.filter(Q(locale=locale) & named | linked & ~translated)
        .exclude(translation_key__in=[contact.translation_key for contact in defaults])
        .order_by("family_name", "given_name", "pk")
    )
    return [*defaults, *others]
