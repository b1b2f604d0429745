"""The media library: its page in both languages and twelve photos drawn here with Pillow (abstract
shapes, no real photograph), credited "Illustration F-CRIN", in the galleries of demo releases and networks.

The releases' photos are put in their galleries when the press step creates them (``release_gallery``),
so that their English translations copy them; this step adds the network pages' galleries and the page.
"""

import io
import math
import random
import uuid

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail_localize.models import TranslationSource

from PIL import Image as PILImage
from PIL import ImageDraw

from home.models import HomePage
from news.models import MediaItem, MediaLibraryPage

from .media_texts import CREDIT, LIBRARY_PAGE, NETWORK_GALLERIES, PHOTOS
from .translation import translate

PHOTO_IDS = uuid.UUID("3e9a51c4-7b2d-4f60-8c1e-92d4a6b0f357")
SIZE = (2400, 1600)


def load(demo):
    ensure_library_page(demo)
    for acronym, keys in NETWORK_GALLERIES.items():
        add_network_gallery(demo, acronym, [ensure_photo(demo, photo(key)) for key in keys])


def photo(key):
    return next(data for data in PHOTOS if data["key"] == key)


def release_gallery(demo, slug):
    """The photos for the gallery of the release whose French slug is ``slug``, made if need be."""
    return [ensure_photo(demo, data) for data in PHOTOS if data["gallery"] == ("release", slug)]


def ensure_photo(demo, data):
    """The French media item of ``data`` with its English translation, created once."""
    image = drawing(data)
    item = MediaItem.objects.filter(locale=demo.fr, image=image).first()
    if item is None:
        item = MediaItem.objects.create(locale=demo.fr, image=image, credit=CREDIT, **data["fr"])
        demo.report(item)
    if not item.has_translation(demo.en):
        translate(item, demo.en, MediaItem(locale=demo.en, image=image, credit=CREDIT, **data["en"]))
    return item


def drawing(data):
    """The photo's picture: a gradient and the motif, drawn once and stored as a Wagtail image."""
    image_model = get_image_model()
    title = f"Photothèque – {data['fr']['caption']}"
    image = image_model.objects.filter(title=title).first()
    if image is not None:
        return image
    picture = gradient(*data["colours"])
    MOTIFS[data["motif"]](ImageDraw.Draw(picture, "RGBA"), random.Random(data["key"]))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=88)
    name = f"{uuid.uuid5(PHOTO_IDS, data['key']).hex[:12]}.jpg"
    return image_model.objects.create(
        title=title, description=data["fr"]["alt_text"], file=ImageFile(buffer, name=name)
    )


def gradient(start, end):
    width, height = SIZE
    column = PILImage.new("RGB", (1, height))
    for y in range(height):
        share = y / (height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * share) for a, b in zip(start, end, strict=True)))
    return column.resize(SIZE)


def cells(draw, rng):
    for _ in range(40):
        x, y, r = rng.randrange(SIZE[0]), rng.randrange(SIZE[1]), rng.randrange(40, 220)
        colour = rng.choice([(255, 255, 255, 90), (255, 190, 210, 120), (255, 255, 255, 160)])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def network(draw, rng):
    points = [(rng.randrange(150, SIZE[0] - 150), rng.randrange(150, SIZE[1] - 150)) for _ in range(26)]
    for a in points:
        for b in sorted(points, key=lambda p: math.dist(a, p))[1:4]:
            draw.line((a, b), fill=(255, 255, 255, 120), width=6)
    for x, y in points:
        draw.ellipse((x - 28, y - 28, x + 28, y + 28), fill=(255, 255, 255, 230))


def rings(draw, rng):
    centres = [(SIZE[0] * 0.36, SIZE[1] / 2), (SIZE[0] * 0.64, SIZE[1] / 2)]
    for x, y in centres:
        for r in range(60, 620, 70):
            draw.ellipse((x - r, y - r, x + r, y + r), outline=(255, 255, 255, 200 - r // 4), width=14)


def wave(draw, rng):
    width, height = SIZE
    for line in range(9):
        phase, amplitude = rng.random() * math.tau, rng.randrange(60, 200)
        base = height * (line + 1) / 10
        points = [(x, base + amplitude * math.sin(x / 260 + phase)) for x in range(0, width + 20, 20)]
        draw.line(points, fill=(255, 255, 255, 170), width=10)


def branches(draw, rng):
    def branch(x, y, angle, length, width):
        if width < 2:
            return
        end = (x + length * math.cos(angle), y - length * math.sin(angle))
        draw.line(((x, y), end), fill=(255, 255, 255, 210), width=round(width))
        for turn in (-0.45, 0.4):
            branch(*end, angle + turn + rng.uniform(-0.15, 0.15), length * 0.72, width * 0.66)

    branch(SIZE[0] / 2, SIZE[1] - 60, math.pi / 2, 430, 44)


def pulse(draw, rng):
    width, height = SIZE
    middle, points, x = height / 2, [], 0
    while x < width:
        points.append((x, middle))
        if rng.random() < 0.35:
            points += [(x + 40, middle - 420), (x + 80, middle + 300), (x + 120, middle)]
            x += 120
        x += 110
    draw.line(points, fill=(255, 255, 255, 230), width=16, joint="curve")


def bars(draw, rng):
    width, height = SIZE
    for n in range(14):
        left = 120 + n * (width - 240) / 14
        top = height - 120 - rng.randrange(200, height - 300)
        colour = (255, 255, 255, 200) if n % 3 else (255, 170, 120, 220)
        draw.rectangle((left, top, left + 100, height - 120), fill=colour)


MOTIFS = {
    "cells": cells,
    "network": network,
    "rings": rings,
    "wave": wave,
    "branches": branches,
    "pulse": pulse,
    "bars": bars,
}


def add_network_gallery(demo, acronym, items):
    """Show ``items`` on the network's pages, in both languages, unless its gallery already has some."""
    from networks.models import NetworkPage

    network = NetworkPage.objects.filter(locale=demo.fr, acronym__iexact=acronym).first()
    if network is None or network.gallery_links.exists():
        return
    pages = [network, *NetworkPage.objects.filter(translation_key=network.translation_key, locale=demo.en)]
    for page in pages:
        # Both languages link the French items, as wagtail-localize copies them; the pages show their translations.
        for position, item in enumerate(items):
            page.gallery_links.add(page.gallery_links.model(item=item, sort_order=position))
        revision = page.save_revision()
        if page.live:
            revision.publish()
    # The French page's new revision leaves nothing to translate: the English page is not out of date.
    TranslationSource.update_or_create_from_instance(NetworkPage.objects.get(pk=network.pk))


def ensure_library_page(demo):
    fr_home = HomePage.objects.get(locale=demo.fr)
    page = MediaLibraryPage.objects.child_of(fr_home).first()
    if page is None:
        page = MediaLibraryPage(locale=demo.fr, show_in_menus=True, **LIBRARY_PAGE["fr"])
        fr_home.add_child(instance=page)
        page.save_revision().publish()
        demo.report(page)
    if not page.has_translation(demo.en):
        translate(page, demo.en, MediaLibraryPage(locale=demo.en, show_in_menus=True, **LIBRARY_PAGE["en"]))
        demo.stdout.write(f"  + translation: {LIBRARY_PAGE['en']['title']}")
    return page
