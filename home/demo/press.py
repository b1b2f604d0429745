"""The press room: contacts, boilerplates, press office defaults and releases in French and English.

Releases are linked to the network pages and awareness days that exist when they are created, so
that a second run changes nothing; ``link_awareness_days`` is also a step of its own, to run after
the awareness days are in place.
"""

import datetime
import io
import uuid
import zoneinfo

from django.apps import apps
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail_localize.models import TranslationSource

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from home.models import HomePage
from news.models import (
    Boilerplate,
    ExpertPage,
    PressContact,
    PressOfficeDefaultBoilerplate,
    PressOfficeDefaultContact,
    PressOfficeSettings,
    PressReleaseBoilerplate,
    PressReleaseContact,
    PressReleaseNetwork,
    PressReleasePage,
    PressReleaseTopic,
    PressRoomPage,
    ReleaseGalleryItem,
)

from .media import release_gallery
from .press_release_lupus import LUPUS
from .press_release_networks import NETWORK_RELEASES
from .press_texts import AGENCY_CONTACT, BOILERPLATES, PRESS_ROOM, TOPICS
from .topics import ensure_topic
from .translation import translate

RELEASES = [LUPUS, *NETWORK_RELEASES]
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
# Block ids must be the same in both languages for wagtail-localize to pair their strings.
BLOCK_IDS = uuid.UUID("6f1c3a52-8d1e-4f53-9a47-0c2b5d7e9f10")


def load(demo):
    rooms = ensure_press_rooms(demo)
    contacts = {"agency": ensure_contact(demo, AGENCY_CONTACT)}
    boilerplates = {key: ensure_boilerplate(demo, key, texts) for key, texts in BOILERPLATES.items()}
    ensure_press_office_defaults(contacts.values(), [boilerplates["about-fcrin"]])
    created = [data for data in RELEASES if ensure_release(demo, rooms["fr"], data, contacts, boilerplates)]
    # Only new releases: days added by a later step must not make a second run change anything.
    link_awareness_days(demo, created)
    return rooms


def link_awareness_days(demo, releases=RELEASES):
    """List each demo release on its awareness day, in both languages, when the calendar has it.

    Also a step of its own, to run after the awareness days step; it is idempotent.
    """
    try:
        day_model = apps.get_model("news", "AwarenessDayPage")
    except LookupError:
        return
    for data in releases:
        day = day_model.objects.filter(locale=demo.fr, **data["awareness_day"]).first()
        release = PressReleasePage.objects.filter(locale=demo.fr, slug=data["fr"]["slug"]).first()
        if day is None or release is None:
            continue
        linked = False
        for locale in (demo.fr, demo.en):
            localized_day = day.get_translation_or_none(locale)
            localized_release = release.get_translation_or_none(locale)
            if localized_day is not None and localized_release is not None:
                linked = add_release_link(localized_day, localized_release) or linked
        if linked:
            # Each language got its own link: the French day's new revision leaves nothing to translate,
            # and the dashboard must not report its English page out of date.
            TranslationSource.update_or_create_from_instance(day_model.objects.get(pk=day.pk))


def add_release_link(day, release):
    """Link ``release`` from ``day``; true if it was added."""
    # Releases someone already chose for the day (an editor, the awareness step) are left as they are.
    if day.release_links.exists():
        return False
    day.release_links.add(day.release_links.model(release=release))
    revision = day.save_revision()
    if day.live:
        revision.publish()
    return True


def ensure_press_rooms(demo):
    fr_home = HomePage.objects.get(locale=demo.fr)
    room = PressRoomPage.objects.child_of(fr_home).first()
    if room is None:
        room = PressRoomPage(locale=demo.fr, show_in_menus=True, **PRESS_ROOM["fr"])
        fr_home.add_child(instance=room)
        room.save_revision().publish()
        demo.report(room)
    if not room.has_translation(demo.en):
        translate(room, demo.en, PressRoomPage(locale=demo.en, show_in_menus=True, **PRESS_ROOM["en"]))
        demo.stdout.write(f"  + translation: {PRESS_ROOM['en']['title']}")
    return {"fr": room, "en": room.get_translation(demo.en)}


def ensure_contact(demo, data):
    contact = PressContact.objects.filter(locale=demo.fr, email=data["key"]).first()
    if contact is None:
        contact = PressContact.objects.create(locale=demo.fr, **data["fr"])
        demo.report(contact)
    if not contact.has_translation(demo.en):
        translate(contact, demo.en, PressContact(locale=demo.en, **{**data["fr"], **data["en"]}))
    return contact


def ensure_boilerplate(demo, key, texts):
    boilerplate = Boilerplate.objects.filter(locale=demo.fr, key=key).first()
    if boilerplate is None:
        boilerplate = Boilerplate.objects.create(locale=demo.fr, key=key, **texts["fr"])
        demo.report(boilerplate)
    if not boilerplate.has_translation(demo.en):
        translate(boilerplate, demo.en, Boilerplate(locale=demo.en, key=key, **texts["en"]))
    return boilerplate


def ensure_press_office_defaults(contacts, boilerplates):
    """Fill the press office defaults of the default site, unless an editor already chose some."""
    site = Site.objects.get(is_default_site=True)
    settings = PressOfficeSettings.for_site(site)
    changed = False
    if not settings.default_contacts.exists():
        settings.default_contacts = ordered(PressOfficeDefaultContact(contact=contact) for contact in contacts)
        changed = True
    if not settings.default_boilerplates.exists():
        settings.default_boilerplates = ordered(PressOfficeDefaultBoilerplate(boilerplate=b) for b in boilerplates)
        changed = True
    if changed:
        settings.save()


def ordered(children):
    """Child objects numbered in order: assigned in code, they would otherwise have no sort order."""
    children = list(children)
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def stream(slug, blocks):
    """Raw StreamField data whose block and list-item ids derive from the release and position."""

    def block_id(*path):
        return str(uuid.uuid5(BLOCK_IDS, "/".join(map(str, (slug, *path)))))

    data = []
    for position, (block_type, value) in enumerate(blocks):
        if block_type == "key_figures":
            figures = [
                {"type": "item", "value": figure, "id": block_id(position, index)}
                for index, figure in enumerate(value["figures"])
            ]
            value = {**value, "figures": figures}
        if block_type == "quote" and "expert" in value:
            value = {**value, "expert": expert_page_id(value["expert"])}
        data.append({"type": block_type, "value": value, "id": block_id(position)})
    return data


def expert_page_id(slug):
    """The French page of the demo expert ``slug`` (home/demo/experts.py), named by a release's quote."""
    expert = ExpertPage.objects.filter(locale__language_code="fr", slug=slug).first()
    return expert.pk if expert else None


def release_fields(data, language, slug):
    texts = dict(data[language])
    texts["body"] = stream(slug, texts["body"])
    return {
        "release_date": data.get("release_date"),
        "dateline": data["dateline"],
        "hero_credit": "F-CRIN" if "banner" in data else "",
        "correction_date": data.get("correction_date"),
        **texts,
    }


def ensure_release(demo, room, data, contacts, boilerplates):
    """The release and its English translation; true if the release was created now."""
    slug = data["fr"]["slug"]
    release = PressReleasePage.objects.child_of(room).filter(slug=slug).first()
    created = release is None
    if created:
        release = create_release(demo, room, data, contacts, boilerplates)
    if not release.has_translation(demo.en):
        english = PressReleasePage(locale=demo.en, **release_fields(data, "en", slug))
        if release.go_live_at and release.go_live_at > timezone.now():
            # Translations never inherit the embargo by themselves: schedule the English page too.
            english = translate(release, demo.en, english, publish=False)
            english.go_live_at = release.go_live_at
            english.save_revision().publish()
        else:
            translate(release, demo.en, english)
        demo.stdout.write(f"  + translation: {data['en']['title']}")
    return created


def create_release(demo, room, data, contacts, boilerplates):
    fields = release_fields(data, "fr", data["fr"]["slug"])
    release = PressReleasePage(locale=demo.fr, **fields)
    if "banner" in data:
        release.hero_image = ensure_banner(data["banner"])
    release.topic_links = ordered(PressReleaseTopic(topic=ensure_topic(demo, *TOPICS[key])) for key in data["topics"])
    release.contact_links = ordered(PressReleaseContact(contact=contacts[key]) for key in data.get("contacts", []))
    release.boilerplate_links = ordered(
        PressReleaseBoilerplate(boilerplate=boilerplates[key]) for key in data.get("boilerplates", [])
    )
    network = network_page(demo, data.get("network"))
    if network is not None:
        release.network_links = ordered([PressReleaseNetwork(network=network)])
    release.gallery_links = ordered(ReleaseGalleryItem(item=item) for item in release_gallery(demo, data["fr"]["slug"]))
    if data.get("embargo") == "rare-disease-day":
        release.release_date, release.go_live_at = next_rare_disease_day_embargo()
        release.live = False
    room.add_child(instance=release)
    # With a go-live date in the future, publishing schedules the release: it stays off the site.
    release.save_revision().publish()
    demo.report(release)
    return release


def network_page(demo, acronym):
    if not acronym or not apps.is_installed("networks"):
        return None
    from networks.models import NetworkPage

    return NetworkPage.objects.filter(locale=demo.fr, acronym__iexact=acronym).first()


def next_rare_disease_day_embargo(now=None):
    """Release date and embargo: 09:00 Paris time, three days before a Rare Disease Day a month away or more.

    Computed rather than fixed so that a freshly loaded demo always shows a release still under
    embargo. Rare Disease Day is the last day of February.
    """
    now = now or timezone.now()
    year = now.astimezone(PARIS).year
    while True:
        last_of_february = datetime.date(year, 3, 1) - datetime.timedelta(days=1)
        embargo = datetime.datetime.combine(last_of_february - datetime.timedelta(days=3), datetime.time(9), PARIS)
        if embargo > now + datetime.timedelta(days=30):
            return embargo.date(), embargo
        year += 1


def ensure_banner(banner):
    """A demo banner drawn here (no outside picture), stored once as a Wagtail image."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=banner["title"]).first()
    if image is not None:
        return image
    picture = PILImage.new("RGB", (1200, 630), banner["colour"])
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 560, 1200, 630), fill=(255, 255, 255))
    for row, line in enumerate(banner["lines"]):
        font = ImageFont.load_default(size=84 if row == 0 else 160)
        draw.text((70, 110 + row * 150), line, fill=(255, 255, 255), font=font)
    draw.text((70, 575), "F-CRIN", fill=banner["colour"], font=ImageFont.load_default(size=40))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    name = f"{uuid.uuid5(BLOCK_IDS, banner['title']).hex[:12]}.png"
    return image_model.objects.create(title=banner["title"], file=ImageFile(buffer, name=name))
