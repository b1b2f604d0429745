import datetime
import io
import xml.etree.ElementTree as ET
import zipfile
import zoneinfo
from urllib.parse import parse_qsl, urlsplit

from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from home.demo.press import RELEASES, next_rare_disease_day_embargo
from news.models import Boilerplate, ExpertPage, MediaItem, PressContact, PressReleasePage, PressRoomPage, Topic

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
EMBARGOED_SLUG = "journee-maladies-rares-orphandev"


def whole_sitemap(client):
    """Every section file the sitemap index lists, one after the other."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    return "".join(
        client.get(urlsplit(location).path, dict(parse_qsl(urlsplit(location).query))).content.decode()
        for location in locations
    )


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def listed_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {" ".join(a.get_text().split()) for a in soup.select(".release-card__title a")}


@pytest.mark.django_db
def test_journalist_finds_every_demo_release_in_both_languages(client, demo_content):
    rooms = {room.locale.language_code: room for room in PressRoomPage.objects.all()}
    assert (rooms["fr"].title, rooms["fr"].slug, rooms["en"].title, rooms["en"].slug) == (
        "Communiqués de presse",
        "communiques",
        "Press releases",
        "press-releases",
    )
    assert rooms["fr"].show_in_menus and rooms["en"].show_in_menus

    sources = PressReleasePage.objects.filter(locale__language_code="fr").order_by("release_date")
    assert sources.count() >= 5
    embargoed = sources.get(slug=EMBARGOED_SLUG)
    embargoed_en = embargoed.get_translation(rooms["en"].locale)
    live_sources = [release for release in sources if release.pk != embargoed.pk]

    listings = {language: client.get(room.url) for language, room in rooms.items()}
    assert all(response.status_code == 200 for response in listings.values())
    for release in live_sources:
        english = release.get_translation(rooms["en"].locale)
        # A real wagtail-localize translation with English text, live beside its source.
        assert Translation.objects.filter(source__object_id=release.translation_key).exists()
        assert english.live and english.title != release.title
        assert release.title in listed_titles(listings["fr"])
        assert english.title in listed_titles(listings["en"])
        assert client.get(english.url).status_code == 200

    assert embargoed.go_live_at > datetime.datetime(2027, 1, 1, tzinfo=PARIS)
    assert embargoed_en.go_live_at == embargoed.go_live_at
    assert not embargoed.live and not embargoed_en.live
    sitemap = whole_sitemap(client)
    assert all(release.full_url in sitemap for release in live_sources)
    for page in (embargoed, embargoed_en):
        language = page.locale.language_code
        assert client.get(page.url).status_code == 404
        assert page.title not in listed_titles(listings[language])
        with translation.override(language):
            search = client.get(reverse("search"), {"q": "OrphanDev"})
            # The same search finds a live release, so the embargoed one is missing for a reason.
            found = text(client.get(reverse("search"), {"q": "StrokeLink"}))
        assert sources.get(slug="journee-mondiale-avc-strokelink").get_translation(page.locale).title in found
        elsewhere = [client.get(page.get_parent().get_parent().url), search]
        assert all(response.status_code == 200 for response in elsewhere)
        for response in elsewhere:
            assert page.title not in text(response) and page.slug not in response.content.decode()
        assert page.slug not in sitemap


@pytest.mark.django_db
def test_release_pages_show_figures_quote_contacts_and_correction_in_each_language(client, demo_content):
    lupus = PressReleasePage.objects.get(locale__language_code="fr", slug="journee-mondiale-du-lupus-cri-imidiate")
    english = lupus.get_translations().get()

    fr_page, en_page = text(client.get(lupus.url)), text(client.get(english.url))
    for figure in ("3 millions", "jusqu'à 10 %", "80 %", "plus de 80", "jusqu'à 70 %", "54"):
        assert figure in fr_page
    for figure in ("3 million", "up to 10%", "80%", "80+", "up to 70%", "54"):
        assert figure in en_page
    assert "Prof. Bruno Fautrel" in en_page and "Co-coordinator of the CRI-IMIDIATE network" in en_page
    assert "CAR-T" in en_page and "PNDS" in en_page
    # Linked snippets are shown in the page's language.
    assert "Systemic lupus" in en_page and "Lupus systémique" not in en_page
    # In the order the release lists them, the network's own boilerplate first.
    assert 0 < en_page.index("About CRI-IMIDIATE") < en_page.index("About F-CRIN")
    assert "Press relations agency" in en_page and "servicepresse@votredircom.fr" in en_page
    assert english.hero_image_id == lupus.hero_image_id and english.hero_credit == "F-CRIN"
    assert english.hero_caption == "10 May, World Lupus Day."

    # The English press kit: the release as PDF, the banner named in English with its credit, the agency's vCard.
    kit = client.get(english.url + "kit/")
    assert kit.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(kit.streaming_content))) as archive:
        names = archive.namelist()
        pages = PdfReader(io.BytesIO(archive.read(f"{english.slug}/press-release-{english.slug}.pdf"))).pages
        release_text = " ".join(" ".join(page.extract_text() for page in pages).split())
        credits = archive.read(next(n for n in names if n.endswith("images/CREDITS.txt"))).decode()
        card = archive.read(next(n for n in names if n.endswith(".vcf"))).decode()
    assert english.title in release_text and "Prof. Bruno Fautrel" in release_text
    assert "About CRI-IMIDIATE" in release_text and "À propos" not in release_text
    assert f"{english.slug}/images/{english.slug}.png" in names
    assert "Credit: F-CRIN" in credits and "10 May, World Lupus Day." in credits
    assert "servicepresse@votredircom.fr" in card and "Press relations agency" in card

    # A release whose editor chose no contact nor boilerplate falls back on the press office's.
    sepsis = PressReleasePage.objects.get(locale__language_code="fr", slug="journee-mondiale-sepsis-crics-triggersep")
    english = sepsis.get_translations().get()
    assert not sepsis.contact_links.exists() and not sepsis.boilerplate_links.exists()

    fr_page, en_page = text(client.get(sepsis.url)), text(client.get(english.url))
    assert "Rectificatif – 11 septembre 2026" in fr_page
    assert "Pr Stephan Ehrmann (CHU de Tours) a été ajouté" in fr_page
    assert "Correction – 11 September 2026" in en_page or "Correction – September 11, 2026" in en_page
    assert "named only one of the network's two coordinators" in en_page
    assert "About F-CRIN" in en_page and "Press relations agency" in en_page


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id", "live", "go_live_at")),
        "revisions": Revision.objects.count(),
        "strings": StringTranslation.objects.count(),
        "snippets": (
            Topic.objects.count(),
            PressContact.objects.count(),
            Boilerplate.objects.count(),
            MediaItem.objects.count(),
        ),
        "images": get_image_model().objects.count(),
    }


@pytest.mark.django_db
def test_second_load_creates_nothing_and_the_embargo_lifts_in_both_languages(client, monkeypatch, demo_content):
    first = snapshot()
    call_command("load_initial_data")
    assert snapshot() == first
    # The releases' three images, one drawn portrait per expert of the directory who has one, and the
    # media library's photos.
    portraits = ExpertPage.objects.filter(locale__language_code="fr", photo__isnull=False).count()
    assert portraits == 6
    photos = MediaItem.objects.filter(locale__language_code="fr", kind="photo").count()
    assert photos >= 12
    assert get_image_model().objects.count() == 3 + portraits + photos
    assert PressContact.objects.filter(email="servicepresse@votredircom.fr").count() == 2

    embargoed = PressReleasePage.objects.filter(slug=EMBARGOED_SLUG).get()
    pages = [embargoed, embargoed.get_translations().get()]
    # Both languages were scheduled by publishing: once the go-live time has passed, the
    # scheduler publishes them together.
    after_lift = embargoed.go_live_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after_lift)
    call_command("publish_scheduled")
    monkeypatch.undo()

    for page in pages:
        page.refresh_from_db()
        assert page.live
        assert client.get(page.url).status_code == 200
        room = PressRoomPage.objects.get(locale=page.locale)
        assert page.title in listed_titles(client.get(room.url))


@pytest.mark.parametrize(
    ("now", "release_date", "embargo"),
    [
        # A normal year: 28 February 2027, embargo three days before, 09:00 Paris (UTC+1).
        ("2026-11-25T10:00:00+00:00", datetime.date(2027, 2, 25), "2027-02-25T08:00:00+00:00"),
        # Too close to the 2027 day: the next one is 29 February 2028, a leap year.
        ("2027-02-10T10:00:00+00:00", datetime.date(2028, 2, 26), "2028-02-26T08:00:00+00:00"),
    ],
)
def test_embargo_of_the_rare_disease_day_release_is_always_ahead(now, release_date, embargo):
    date, go_live_at = next_rare_disease_day_embargo(datetime.datetime.fromisoformat(now))
    assert date == release_date
    assert go_live_at == datetime.datetime.fromisoformat(embargo)


def has_model(app_label, model_name):
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True


@pytest.mark.django_db
@pytest.mark.skipif(not apps.is_installed("networks"), reason="the networks app is not installed")
def test_releases_link_the_network_page_of_their_acronym(client, demo_content):
    network_model = apps.get_model("networks", "NetworkPage")
    linked = 0
    for data in RELEASES:
        release = PressReleasePage.objects.get(locale__language_code="fr", slug=data["fr"]["slug"])
        network = network_model.objects.filter(locale=release.locale, acronym__iexact=data["network"]).first()
        assert [link.network_id for link in release.network_links.all()] == ([network.pk] if network else [])
        english = release.get_translations().get()
        if network is not None and english.live:
            english_network = network.get_translation(english.locale)
            assert english_network.url in client.get(english.url).content.decode()
            linked += 1
    if not linked:
        pytest.skip("the demo has none of these networks")


@pytest.mark.django_db
@pytest.mark.skipif(not has_model("news", "AwarenessDayPage"), reason="awareness days are not installed")
def test_awareness_days_list_their_demo_release_in_both_languages(demo_content):
    day_model = apps.get_model("news", "AwarenessDayPage")
    days = 0
    for data in RELEASES:
        day = day_model.objects.filter(locale__language_code="fr", **data["awareness_day"]).first()
        if day is None:
            continue
        days += 1
        release = PressReleasePage.objects.get(locale__language_code="fr", slug=data["fr"]["slug"])
        for localized_day in (day, day.get_translations().get()):
            keys = {link.release.translation_key for link in localized_day.release_links.select_related("release")}
            assert release.translation_key in keys, localized_day.title
    if not days:
        pytest.skip("the demo has none of these awareness days")
