"""Make translations the way editors do: through wagtail-localize, with translated strings.

Used by the demo content and by importers (e.g. ``networks``' ``import_networks``).
"""

from collections import Counter

from modelcluster.fields import ParentalKey
from wagtail.models import DraftStateMixin, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class TranslationShapeError(Exception):
    """The translated object does not have the source's shape (a string has no translation)."""


def _keyed_strings(segments):
    seen = Counter()
    keyed = {}
    for segment in segments:
        path = segment.path
        keyed[(path, seen[path])] = segment
        seen[path] += 1
    return keyed


def _align_child_keys(source_obj, translated_obj):
    """Give translatable child objects (orderables) the translation keys of their source, by position."""
    for relation in source_obj._meta.related_objects:
        if isinstance(relation.remote_field, ParentalKey) and issubclass(relation.related_model, TranslatableMixin):
            accessor = relation.get_accessor_name()
            for source_child, child in zip(
                getattr(source_obj, accessor).all(), getattr(translated_obj, accessor).all(), strict=True
            ):
                child.translation_key = source_child.translation_key


def translate(source_obj, locale, translated_obj, publish=True):
    """Create ``locale``'s translation of ``source_obj`` from ``translated_obj``.

    ``translated_obj`` is an unsaved instance shaped like the source (same StreamField block
    ids, same related objects, child objects in the same order) whose text is in the target language. Every source string gets
    a manual ``StringTranslation``, so the result is what a translator would have produced in
    the admin, and editors can later sync it like any other translation.
    """
    source, _created = TranslationSource.update_or_create_from_instance(source_obj)
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})

    _align_child_keys(source_obj, translated_obj)
    translated = _keyed_strings(s for s in extract_segments(translated_obj) if isinstance(s, StringSegmentValue))
    seen = Counter()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"):
        key = (segment.context.path, seen[segment.context.path])
        seen[segment.context.path] += 1
        if key not in translated:
            raise TranslationShapeError(f"{source_obj!r}: no translation for {key[0]!r} ({segment.string.data!r})")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated[key].string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )

    draftable = isinstance(source_obj, DraftStateMixin)
    # Publishing ourselves rather than through wagtail-localize's on_commit hook keeps this
    # synchronous, inside or outside a transaction.
    target, _created = source.create_or_update_translation(locale, publish=not draftable)
    if draftable and publish:
        target.get_latest_revision().publish()
    return target
