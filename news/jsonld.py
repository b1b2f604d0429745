"""Structured data (schema.org JSON-LD) for pages' ``<script type="application/ld+json">`` elements."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# The escapes of Django's json_script filter: no text in the data can close the script element.
SCRIPT_ESCAPES = {ord("&"): "\\u0026", ord("<"): "\\u003C", ord(">"): "\\u003E"}


def script_json(data):
    """``data`` as JSON that is safe inside a script element (dates and times as ISO 8601)."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES))
