"""Create or update networks, in French with their English translations, from a JSON file.

The format is documented in the README ("Importing networks"); ``networks/data/sample_networks.json``
is an example. Everything is checked before anything is written, and the writes share one
transaction: a bad file changes nothing.
"""

import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_unicode_slug
from django.db import transaction

from wagtail.models import Locale

from news.editorial.translation import TranslationShapeError, translate
from news.models import Topic
from news.slugs import ascii_slug

from .kinds import NetworkKind
from .models import Honorific, NetworkCoordinator, NetworkIndexPage, NetworkPage, NetworkTopic

SOURCE, TARGET = "fr", "en"
REQUIRED = ["kind", "name_fr", "name_en", "summary_fr", "summary_en"]
TEXT = [*REQUIRED, "title_fr", "title_en", "slug_fr", "slug_en", "centres_note_fr", "centres_note_en", "website"]
TOPIC_KEYS = ["slug_fr", "name_fr", "slug_en", "name_en"]
COORDINATOR_KEYS = ["name", "title_fr", "title_en", "institution_fr", "institution_en"]
HONORIFICS = {
    "pr": Honorific.PROFESSOR,
    "pr.": Honorific.PROFESSOR,
    "prof.": Honorific.PROFESSOR,
    "dr": Honorific.DOCTOR,
    "dr.": Honorific.DOCTOR,
}
PAGE_FIELDS = ["title", "slug", "acronym", "full_name", "kind", "summary", "centres", "centres_note", "year_labelled"]


class NetworkImportError(Exception):
    pass


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def parse(text, name="the file"):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NetworkImportError(f"{name} is not valid JSON: {error}") from error
    if not isinstance(data, list):
        raise NetworkImportError(f"{name} must hold a JSON list of networks, one object per network.")
    records = [_clean(position, record) for position, record in enumerate(data, start=1)]
    _check_duplicates(records)
    return records


def _fail(position, record, field_name, problem):
    label = record.get("acronym") or record.get("title_fr") if isinstance(record, dict) else None
    where = f"record {position}" + (f" ({label})" if label else "")
    raise NetworkImportError(f'{where}, field "{field_name}": {problem}')


def _text(position, record, key, value):
    if value is None:
        return ""
    if not isinstance(value, str):
        _fail(position, record, key, f"expected text, got {json.dumps(value)}")
    return value.strip()


def _number(position, record, key, low, high):
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        _fail(position, record, key, f"expected a whole number from {low} to {high} or null, got {json.dumps(value)}")
    return value


def _slug(position, record, key, value):
    try:
        validate_unicode_slug(value)
    except ValidationError:
        _fail(position, record, key, f"{json.dumps(value)} is not a slug (letters, digits, hyphens)")
    return value


def _items(position, record, key, keys, required):
    items = record.get(key) or []
    if not isinstance(items, list):
        _fail(position, record, key, "expected a list")
    cleaned = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            _fail(position, record, f"{key}[{number}]", "expected an object")
        values = {name: _text(position, record, f"{key}[{number}].{name}", item.get(name)) for name in keys}
        for name in required:
            if not values[name]:
                _fail(position, record, f"{key}[{number}].{name}", "missing")
        cleaned.append(values)
    return cleaned


def _clean(position, record):
    if not isinstance(record, dict):
        raise NetworkImportError(f"record {position}: expected an object, got {json.dumps(record)[:40]}")
    if "acronym" not in record:
        _fail(position, record, "acronym", "missing (use null for a structure without an official acronym)")
    clean = {name: _text(position, record, name, record.get(name)) for name in ["acronym", *TEXT]}
    for name in REQUIRED:
        if not clean[name]:
            _fail(position, record, name, "missing")
    if clean["kind"] not in NetworkKind.values:
        _fail(
            position,
            record,
            "kind",
            f"unknown kind {json.dumps(clean['kind'])}; expected one of {', '.join(NetworkKind.values)}",
        )
    for language in (SOURCE, TARGET):
        clean[f"title_{language}"] = clean[f"title_{language}"] or clean["acronym"]
        if not clean[f"title_{language}"]:
            _fail(position, record, f"title_{language}", "missing (required when there is no acronym)")
        slug = clean[f"slug_{language}"] or ascii_slug(clean[f"title_{language}"])
        clean[f"slug_{language}"] = _slug(position, record, f"slug_{language}", slug)
    if clean["website"]:
        try:
            URLValidator(schemes=["http", "https"])(clean["website"])
        except ValidationError:
            _fail(position, record, "website", f"{json.dumps(clean['website'])} is not a web address")
    clean["centres"] = _number(position, record, "centres", 0, 100_000)
    clean["year_labelled"] = _number(position, record, "year_labelled", 1900, 2100)
    clean["topics"] = _items(position, record, "topics", TOPIC_KEYS, TOPIC_KEYS)
    for number, topic in enumerate(clean["topics"], start=1):
        for language in (SOURCE, TARGET):
            _slug(position, record, f"topics[{number}].slug_{language}", topic[f"slug_{language}"])
    clean["coordinators"] = _items(position, record, "coordinators", COORDINATOR_KEYS, ["name"])
    clean["position"] = position
    return clean


def _check_duplicates(records):
    for key, label in [("acronym", "acronym"), ("slug_fr", "French slug"), ("slug_en", "English slug")]:
        seen = {}
        for record in records:
            value = record[key].casefold()
            if not value:
                continue
            if value in seen:
                raise NetworkImportError(
                    f'records {seen[value]} and {record["position"]} have the same {label} "{record[key]}": '
                    f'field "{key}" must be unique'
                )
            seen[value] = record["position"]


def _values(record, language):
    return {
        "title": record[f"title_{language}"],
        "slug": record[f"slug_{language}"],
        "acronym": record["acronym"],
        "full_name": record[f"name_{language}"],
        "kind": record["kind"],
        "summary": record[f"summary_{language}"],
        "centres": record["centres"],
        "centres_note": record[f"centres_note_{language}"],
        "year_labelled": record["year_labelled"],
        "website": record["website"],
    }


def _honorific(name):
    """A leading "Pr" or "Dr" as the title, printed in the reader's language: ("prof", "Jeanne Martin")."""
    first, _space, rest = name.partition(" ")
    honorific = HONORIFICS.get(first.casefold())
    return (honorific, rest.strip()) if honorific and rest.strip() else ("", name)


def _coordinators(record, language):
    return [
        (*_honorific(person["name"]), person[f"title_{language}"], person[f"institution_{language}"])
        for person in record["coordinators"]
    ]


def _state(page):
    """What the import controls on ``page``, in the shape of the desired state."""
    return (
        {name: getattr(page, name) for name in [*PAGE_FIELDS, "website"]},
        [(c.honorific, c.name, c.title, c.institution) for c in page.coordinators.all()],
        [link.topic.slug for link in page.topic_links.select_related("topic")],
    )


def _desired(record, language):
    return _values(record, language), _coordinators(record, language), [t[f"slug_{language}"] for t in record["topics"]]


class Importer:
    def __init__(self):
        self.source = Locale.objects.get(language_code=SOURCE)
        self.target = Locale.objects.filter(language_code=TARGET).first()
        self.index = NetworkIndexPage.objects.filter(locale=self.source).first()
        if self.index is None:
            raise NetworkImportError("There is no networks directory in French yet: create it in the admin first.")
        if self.target is None or not self.index.has_translation(self.target):
            raise NetworkImportError("The networks directory has no English translation yet: translate it first.")
        self.topics = {}

    def topic(self, data):
        if data["slug_fr"] in self.topics:
            return self.topics[data["slug_fr"]]
        topic = Topic.objects.filter(locale=self.source, slug=data["slug_fr"]).first()
        if topic is None:
            topic = Topic.objects.create(locale=self.source, name=data["name_fr"], slug=data["slug_fr"])
        if not topic.has_translation(self.target):
            if Topic.objects.filter(locale=self.target, slug=data["slug_en"]).exists():
                raise NetworkImportError(
                    f'topic "{data["slug_fr"]}": the English slug "{data["slug_en"]}" belongs to another topic'
                )
            translate(topic, self.target, Topic(locale=self.target, name=data["name_en"], slug=data["slug_en"]))
        self.topics[data["slug_fr"]] = topic
        return topic

    def find(self, record):
        pages = NetworkPage.objects.filter(locale=self.source)
        if record["acronym"]:
            return pages.filter(acronym__iexact=record["acronym"]).first()
        return pages.filter(acronym="", slug=record["slug_fr"]).first()

    def run(self, record):
        topics = [self.topic(data) for data in record["topics"]]
        page = self.find(record)
        translation = page.get_translation_or_none(self.target) if page else None
        if page is not None and translation is not None:
            if _state(page) == _desired(record, SOURCE) and _state(translation) == _desired(record, TARGET):
                return "unchanged"
        created = page is None
        if created:
            page = NetworkPage(locale=self.source)
        self.fill(page, record, SOURCE, [NetworkTopic(topic=topic) for topic in topics])
        if created:
            self.index.add_child(instance=page)
        page.save_revision().publish()
        english = NetworkPage(locale=self.target)
        if translation is not None:
            # What editors translated in the admin and the file does not hold.
            english.seo_title, english.search_description = translation.seo_title, translation.search_description
            english.body = translation.body
        self.fill(english, record, TARGET, [NetworkTopic(topic=topic) for topic in topics])
        try:
            translate(page, self.target, english)
        except TranslationShapeError as error:
            raise NetworkImportError(
                f"record {record['position']} ({page.title}): its English translation is behind the French page "
                f"in the admin; update the translation there first ({error})"
            ) from error
        return "created" if created else "updated"

    def fill(self, page, record, language, topic_links):
        for name, value in _values(record, language).items():
            setattr(page, name, value)
        # Reusing the existing rows keeps the coordinators' translation keys across updates.
        existing = list(page.coordinators.all()) if page.pk else []
        coordinators = []
        for number, (honorific, name, title, institution) in enumerate(_coordinators(record, language)):
            person = existing[number] if number < len(existing) else NetworkCoordinator(locale=page.locale)
            person.honorific, person.name, person.title, person.institution = honorific, name, title, institution
            person.sort_order = number
            coordinators.append(person)
        page.coordinators = coordinators
        # Assigned rows get no sort_order of their own, and rows without one come back in any order on
        # PostgreSQL: the next import would then see a change that is not there.
        for number, link in enumerate(topic_links):
            link.sort_order = number
        page.topic_links = topic_links


def import_networks(records):
    report = ImportReport()
    with transaction.atomic():
        importer = Importer()
        for record in records:
            label = record["acronym"] or record["title_fr"]
            try:
                outcome = importer.run(record)
            except ValidationError as error:
                raise NetworkImportError(
                    f"record {record['position']} ({label}): {'; '.join(error.messages)}"
                ) from error
            getattr(report, outcome).append(label)
    return report
