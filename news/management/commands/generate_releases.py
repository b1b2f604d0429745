"""Fill a press room with N realistic releases in every language, fast enough for 10,000.

For benchmarks and load tests, not for production content: pages are written with bulk inserts
(no revisions, no search index entries, no wagtail-localize sync records), in the shape Wagtail's
``copy_for_translation`` + publish gives them: one live page per locale sharing a translation key,
under each locale's press room, linked to topics, contacts, networks and an image in that locale.
"""

import datetime
import io
import random
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.signals import page_published

from news.releases.contacts import PressContact
from news.releases.pages import PressReleaseContact, PressReleaseNetwork, PressReleasePage, PressReleaseTopic
from news.releases.press_room import PressRoomPage
from news.releases.topics import Topic

BATCH = 500


def tree_step(position):
    """The last step of the tree path of a page's ``position``-th child (1 for the first), as
    Wagtail's materialised paths write it: ``Page.steplen`` digits of ``Page.alphabet``."""
    digits = ""
    while position:
        position, digit = divmod(position, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


TOPICS = [
    ("Maladies rares", "Rare diseases"),
    ("Cardiologie", "Cardiology"),
    ("Vaccinologie", "Vaccinology"),
    ("Pédiatrie", "Paediatrics"),
    ("Asthme sévère", "Severe asthma"),
    ("Sclérose en plaques", "Multiple sclerosis"),
    ("Lupus", "Lupus"),
    ("Sepsis", "Sepsis"),
]
TITLES = [
    ("{topic} : lancement d’un essai clinique national", "{topic}: a national clinical trial begins"),
    ("{topic} : premiers résultats d’une étude multicentrique", "{topic}: first results of a multicentre study"),
    ("{network} recrute des patients pour une nouvelle étude", "{network} is recruiting patients for a new study"),
    (
        "{topic} : {centres} centres investigateurs rejoignent l’étude",
        "{topic}: {centres} investigator centres join the study",
    ),
    ("Bilan annuel de la recherche clinique – {topic}", "Annual review of clinical research – {topic}"),
    ("{network} publie ses recommandations – {topic}", "{network} publishes its recommendations – {topic}"),
]
STANDFIRSTS = (
    "{network} annonce une étude menée dans {centres} centres auprès de {patients} patients. "
    "Ses résultats sont attendus d’ici deux ans.",
    "{network} announces a study run in {centres} centres with {patients} patients. "
    "Results are expected within two years.",
)
PARAGRAPHS = (
    [
        "L’étude compare deux stratégies de prise en charge et mesure leur effet sur la qualité de vie.",
        "Les centres participants suivront chaque patient pendant dix-huit mois.",
        "Le protocole a reçu l’avis favorable d’un comité de protection des personnes.",
    ],
    [
        "The study compares two care strategies and measures their effect on quality of life.",
        "The participating centres will follow each patient for eighteen months.",
        "The protocol was approved by a research ethics committee.",
    ],
)
CITIES = ["Toulouse", "Paris", "Lyon", "Bordeaux", "Lille", "Marseille", "Nantes", "Strasbourg", "Brest", "Tours"]


class Command(BaseCommand):
    help = "Create N live press releases in every language of a press room, with topics, contacts and images."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Number of releases (each in every language).")
        parser.add_argument("--press-room", type=int, help="Id of the press room (default: the first one).")
        parser.add_argument("--seed", type=int, default=8, help="Random seed, for repeatable archives.")
        parser.add_argument("--years", type=int, default=10, help="Spread release dates over this many years.")

    def handle(self, count, press_room=None, seed=8, years=10, **options):
        rooms = PressRoomPage.objects.filter(pk=press_room) if press_room else PressRoomPage.objects.order_by("pk")
        source_room = rooms.first()
        if source_room is None:
            raise CommandError("No press room: create one first (for example with load_initial_data).")
        rooms = {room.locale_id: room for room in source_room.get_translations(inclusive=True).order_by("pk")}
        locales = {locale.pk: locale.language_code for locale in Locale.objects.filter(pk__in=rooms)}
        self.random = random.Random(seed)
        started = timezone.now()
        with transaction.atomic():
            topics = self.topics(locales)
            contacts = self.contacts(locales)
            networks = self.networks(locales)
            images = self.images()
            self.create(count, rooms, locales, topics, contacts, networks, images, years)
        for room in rooms.values():
            # One signal per press room, not per release, lets caches and CDNs refresh the listings.
            page_published.send(sender=PressRoomPage, instance=room, revision=room.live_revision)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(f"Created {count} releases in {len(rooms)} languages in {seconds:.1f} s.")

    def topics(self, locales):
        """Per locale: a list of topics, index-aligned across locales (same translation key)."""
        by_key = {}
        for topic in Topic.objects.filter(locale_id__in=locales):
            by_key.setdefault(topic.translation_key, {})[topic.locale_id] = topic
        aligned = [topics for topics in by_key.values() if len(topics) == len(locales)]
        if not aligned:
            for names in TOPICS:
                key = uuid.uuid4()
                aligned.append(
                    {
                        pk: Topic.objects.create(
                            locale_id=pk, translation_key=key, name=self.pick(names, code), slug=slugify(names[0])
                        )
                        for pk, code in locales.items()
                    }
                )
        return aligned

    def contacts(self, locales):
        by_key = {}
        for contact in PressContact.objects.filter(locale_id__in=locales):
            by_key.setdefault(contact.translation_key, {})[contact.locale_id] = contact
        aligned = [contacts for contacts in by_key.values() if len(contacts) == len(locales)]
        if not aligned:
            for given_name, family_name in [("Camille", "Durand"), ("Louis", "Bernard")]:
                key = uuid.uuid4()
                aligned.append(
                    {
                        pk: PressContact.objects.create(
                            locale_id=pk,
                            translation_key=key,
                            given_name=given_name,
                            family_name=family_name,
                            organisation="F-CRIN",
                            role=self.pick(("Chargé·e des relations presse", "Press officer"), code),
                            email=f"{given_name.lower()}.{family_name.lower()}@example.org",
                        )
                        for pk, code in locales.items()
                    }
                )
        return aligned

    def networks(self, locales):
        """Live pages of the site's network types, aligned across locales; empty when the site has none."""
        page_types = getattr(settings, "NEWS_NETWORK_PAGE_TYPES", [])
        if not page_types:
            return []
        content_types = [ContentType.objects.get_by_natural_key(*label.lower().split(".")) for label in page_types]
        by_key = {}
        for page in Page.objects.live().filter(content_type__in=content_types, locale_id__in=locales):
            by_key.setdefault(page.translation_key, {})[page.locale_id] = page
        return [pages for pages in by_key.values() if len(pages) == len(locales)]

    def images(self):
        from PIL import Image as PILImage

        Image = get_image_model()
        images = list(Image.objects.filter(title__startswith="Generated release image")[:8])
        for number in range(len(images), 8):
            buffer = io.BytesIO()
            colour = (40 + 25 * number, 90, 160 - 10 * number)
            PILImage.new("RGB", (1200, 675), colour).save(buffer, "JPEG", quality=70)
            image = Image(title=f"Generated release image {number + 1}")
            image.file = ImageFile(buffer, name=f"generated-release-{number + 1}.jpg")
            image.save()
            images.append(image)
        return images

    @staticmethod
    def pick(pair, language_code):
        return pair[1] if language_code.startswith("en") else pair[0]

    def create(self, count, rooms, locales, topics, contacts, networks, images, years):
        content_type = ContentType.objects.get_for_model(PressReleasePage)
        today = timezone.localdate()
        dates = sorted(today - datetime.timedelta(days=self.random.randrange(365 * years)) for _ in range(count))
        next_step = {pk: room.numchild for pk, room in rooms.items()}
        for start in range(0, count, BATCH):
            pages, links = [], []
            for number in range(start, min(start + BATCH, count)):
                key = uuid.uuid4()
                facts = {
                    "topic": self.random.randrange(len(topics)),
                    "network": self.random.randrange(len(networks)) if networks else None,
                    "template": self.random.randrange(len(TITLES)),
                    "centres": self.random.randrange(5, 60),
                    "patients": self.random.randrange(100, 3000, 10),
                    "city": self.random.choice(CITIES),
                    "image": self.random.choice(images),
                    "contact": self.random.randrange(len(contacts)),
                }
                for locale_id, code in locales.items():
                    next_step[locale_id] += 1
                    page = self.release(rooms[locale_id], code, key, number, dates[number], facts, topics, networks)
                    page.path = rooms[locale_id].path + tree_step(next_step[locale_id])
                    page.content_type = content_type
                    pages.append(page)
                    links.append((page, locale_id, facts))
            # The wagtailcore_page rows first (bulk_create returns their ids), then the releases' own rows.
            bases = [
                Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}) for page in pages
            ]
            Page.objects.bulk_create(bases)
            for page, base in zip(pages, bases, strict=True):
                page.page_ptr_id = page.id = base.pk
            insert_local_rows(PressReleasePage, pages)
            self.link(links, topics, contacts, networks)
        for room in rooms.values():
            Page.objects.filter(pk=room.pk).update(numchild=F("numchild") + count)

    def release(self, room, code, key, number, date, facts, topics, networks):
        network = networks[facts["network"]][room.locale_id].title if networks else "F-CRIN"
        words = {
            "topic": topics[facts["topic"]][room.locale_id].name,
            "network": network,
            "centres": facts["centres"],
            "patients": facts["patients"],
        }
        title = self.pick(TITLES[facts["template"]], code).format(**words)
        slug = f"{slugify(title)[:60].strip('-')}-{number + 1}"
        published_at = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9, 30)))
        paragraphs = self.pick(PARAGRAPHS, code)
        return PressReleasePage(
            title=title,
            draft_title=title,
            slug=slug,
            url_path=f"{room.url_path}{slug}/",
            depth=room.depth + 1,
            numchild=0,
            locale_id=room.locale_id,
            translation_key=key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published_at,
            last_published_at=published_at,
            search_description="",
            standfirst=self.pick(STANDFIRSTS, code).format(**words),
            release_date=date,
            dateline=facts["city"],
            hero_image=facts["image"],
            hero_alt_text=self.pick(("Illustration de l’étude", "Illustration of the study"), code),
            body=[{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())} for text in paragraphs],
        )

    def link(self, links, topics, contacts, networks):
        topic_rows, contact_rows, network_rows = [], [], []
        for page, locale_id, facts in links:
            topic_rows.append(PressReleaseTopic(page_id=page.pk, topic=topics[facts["topic"]][locale_id], sort_order=0))
            contact_rows.append(
                PressReleaseContact(page_id=page.pk, contact=contacts[facts["contact"]][locale_id], sort_order=0)
            )
            if networks:
                network_rows.append(
                    PressReleaseNetwork(page_id=page.pk, network=networks[facts["network"]][locale_id], sort_order=0)
                )
        PressReleaseTopic.objects.bulk_create(topic_rows)
        PressReleaseContact.objects.bulk_create(contact_rows)
        PressReleaseNetwork.objects.bulk_create(network_rows)


def insert_local_rows(model, objects):
    """INSERT only ``model``'s own table for multi-table-inherited objects whose parent rows exist.

    Django's bulk_create refuses multi-table inheritance; one executemany per batch is what it would do.
    """
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    rows = [[field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
