"""Press contacts as vCards a journalist adds to an address book in one click.

vCard 3.0 (RFC 2426) rather than 4.0: it is the version every address book imports (Outlook for
Windows and older iOS/Android contact apps still reject or mangle 4.0), and its text escaping is
the one RFC 6350 kept. Values are escaped (backslash, comma, semicolon, newline), control
characters dropped, and lines folded at 75 octets without splitting a UTF-8 character, so no field
can break out of its line and inject a property.
"""

import unicodedata

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from ..slugs import ascii_slug

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
    """One contact as a vCard, its name (for a desk), organisation and role in the contact's own language."""
    language = contact.locale.language_code
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        # The same person in every language: address books merge the French and English cards.
        f"UID:urn:uuid:{contact.translation_key}",
        f"FN:{escape(contact.full_name)}",
    ]
    if contact.is_organisation:
        # KIND (RFC 6350) says the card is an organisation, and Apple's address books read the same
        # from X-ABShowAs; N stays, empty, because vCard 3.0 requires it: no person's name to parse.
        lines += ["KIND:org", "X-ABSHOWAS:COMPANY", "N:;;;;"]
    else:
        lines.append(f"N:{escape(contact.family_name)};{escape(contact.given_name)};;;")
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
    return f"{ascii_slug(contact.full_name) or 'contact'}.vcf"


def vcard_response(contacts, name):
    response = HttpResponse("".join(vcard(contact) for contact in contacts), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response
