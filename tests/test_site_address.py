"""One address for the whole site: FCRIN_SITE_URL, given to the Wagtail Site, in every absolute link the site prints."""

import io
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from wagtail.models import Site

import feedparser
import icalendar
import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from tests.factories import AwarenessDayPageFactory, PressReleasePageFactory

pytestmark = pytest.mark.django_db

ADDRESS = "https://presse.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def served_at(settings, home):
    settings.FCRIN_SITE_URL = ADDRESS
    out = io.StringIO()
    call_command("site_address", stdout=out)
    assert out.getvalue() == f"Site address: {ADDRESS}/\n"
    return ADDRESS


@pytest.fixture
def release(press_room):
    room = press_room["fr"]
    image = wagtail_factories.ImageFactory(title="Microscope")
    release = PressReleasePageFactory(parent=room, locale=room.locale, slug="lupus", hero_image=image)
    release.save_revision().publish()
    return release


def test_the_command_sets_the_sites_address_from_the_setting(settings, home):
    for address, root_url in [
        ("https://presse.example.org/", "https://presse.example.org"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://presse.example.org", "http://presse.example.org"),
    ]:
        settings.FCRIN_SITE_URL = address
        call_command("site_address", stdout=io.StringIO())
        assert Site.objects.get(is_default_site=True).root_url == root_url

    settings.FCRIN_SITE_URL = "https://presse.example.org:8443"
    with pytest.raises(ImproperlyConfigured):
        call_command("site_address", stdout=io.StringIO())


def test_the_admin_base_url_follows_the_site_address():
    from django.conf import settings

    assert settings.WAGTAILADMIN_BASE_URL == settings.FCRIN_SITE_URL == "http://127.0.0.1:8000"


def test_link_previews_use_the_site_address_whatever_the_host_of_the_request(client, served_at, release):
    html = BeautifulSoup(client.get(release.url, HTTP_HOST="127.0.0.1").content, "html.parser")
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in html.find_all("meta", content=True)}

    assert html.find("link", rel="canonical")["href"] == f"{ADDRESS}/fr/communiques/lupus/"
    assert meta["og:url"] == f"{ADDRESS}/fr/communiques/lupus/"
    assert meta["og:image"].startswith(f"{ADDRESS}/media/")
    alternates = [link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)]
    assert alternates and all(href.startswith(f"{ADDRESS}/") for href in alternates)


def test_the_sitemap_and_robots_use_the_site_address(client, served_at, release):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sections and all(location.startswith(f"{ADDRESS}/sitemap-") for location in sections)
    pages = ET.fromstring(client.get(urlsplit(sections[0]).path).content)
    locations = [loc.text for loc in pages.iter(f"{SITEMAP}loc")]
    assert f"{ADDRESS}/fr/" in locations and all(location.startswith(f"{ADDRESS}/") for location in locations)
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in client.get("/robots.txt").content.decode().splitlines()


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_feeds_use_the_site_address(client, served_at, release, press_room, feed_format):
    room = press_room["fr"]
    feed = feedparser.parse(client.get(f"{room.url}feed/{feed_format}/").content)

    assert feed.feed.link == f"{ADDRESS}/fr/communiques/"
    assert [entry.link for entry in feed.entries] == [f"{ADDRESS}/fr/communiques/lupus/"]
    self_links = [link.href for link in feed.feed.get("links", []) if link.rel == "self"]
    assert self_links == [f"{ADDRESS}/fr/communiques/feed/{feed_format}/"]


def test_calendars_use_the_site_address(client, served_at, awareness_calendar):
    calendar = awareness_calendar["fr"]
    day = AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, slug="journee-mondiale-du-lupus")

    page = BeautifulSoup(client.get(calendar.url).content, "html.parser")
    copied = [field["value"] for field in page.select("input[readonly]")]
    assert f"{ADDRESS}{calendar.url}ics/" in copied
    events = icalendar.Calendar.from_ical(client.get(f"{calendar.url}ics/").content).walk("VEVENT")
    assert [str(event["URL"]) for event in events] == [f"{ADDRESS}{day.url}"]
