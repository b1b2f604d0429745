"""sitemap.xml, robots.txt and security.txt as crawlers and security researchers read them."""

import datetime
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from fcrin_site.sitemaps import MultilingualSitemap
from networks.importer import import_networks, parse
from networks.models import NetworkPage
from news.models import PressReleaseTopic, Topic
from tests.factories import HomePageFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def add_page(parent, title, slug, live=True):
    page = HomePageFactory.build(title=title, slug=slug, locale=parent.locale, live=live)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def read_index(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [sitemap.find("sm:loc", NS).text for sitemap in root.findall("sm:sitemap", NS)]


def read_section(client, location):
    response = client.get(urlsplit(location).path + ("?" + urlsplit(location).query if "?" in location else ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    # The limits of the sitemap protocol for one file.
    assert len(response.content) <= 50 * 1024 * 1024
    urls = ET.fromstring(response.content).findall("sm:url", NS)
    assert len(urls) <= 50_000
    return urls


def read_sitemap(client):
    """Every URL of every section the index lists, each with its lastmod and hreflang alternates."""
    entries = {}
    for section in read_index(client):
        for url in read_section(client, section):
            location = url.find("sm:loc", NS).text
            assert location not in entries, f"{location} is listed twice"
            entries[location] = {
                "lastmod": url.find("sm:lastmod", NS).text,
                "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
            }
    return entries


@pytest.fixture
def site_pages(home):
    home["fr"].save_revision().publish()
    releases = add_page(home["fr"], "Communiqués", "communiques")
    publish_translation(releases, "en", title="Press releases", slug="press-releases")
    lupus = add_page(releases, "Journée mondiale du lupus", "lupus")
    publish_translation(lupus, "en", title="World Lupus Day", slug="world-lupus-day")
    add_page(releases, "Seulement en français", "seulement-fr")
    add_page(releases, "Brouillon", "brouillon", live=False)
    private = add_page(home["fr"], "Espace réservé", "reserve")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    add_page(private, "Sous l'espace réservé", "dessous")
    embargoed = add_page(releases, "Sous embargo", "sous-embargo", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=1)
    embargoed.save_revision().publish()
    publish_translation(embargoed, "en", title="Under embargo", slug="under-embargo", go_live_at=None)
    return home


def test_every_live_public_page_of_both_locales_once(client, site_pages):
    entries = read_sitemap(client)

    assert set(entries) == {
        "http://localhost/fr/",
        "http://localhost/en/",
        "http://localhost/fr/communiques/",
        "http://localhost/en/press-releases/",
        "http://localhost/fr/communiques/lupus/",
        "http://localhost/en/press-releases/world-lupus-day/",
        "http://localhost/fr/communiques/seulement-fr/",
    }
    for entry in entries.values():
        assert datetime.datetime.fromisoformat(entry["lastmod"]).tzinfo is not None


def test_translations_are_linked_both_ways(client, site_pages):
    entries = read_sitemap(client)

    pair = {
        "fr": "http://localhost/fr/communiques/lupus/",
        "en": "http://localhost/en/press-releases/world-lupus-day/",
    }
    for location in pair.values():
        assert entries[location]["alternates"] == {**pair, "x-default": pair["fr"]}
    assert entries["http://localhost/en/"]["alternates"]["fr"] == "http://localhost/fr/"
    assert entries["http://localhost/fr/communiques/seulement-fr/"]["alternates"] == {}


def test_no_draft_private_or_embargoed_url(client, site_pages):
    content = " ".join(read_sitemap(client))

    for secret in ["brouillon", "reserve", "dessous", "embargo"]:
        assert secret not in content


def test_the_index_lists_sections_cut_at_the_limit_that_cover_every_page_once(client, site_pages, monkeypatch):
    everything = read_sitemap(client)
    monkeypatch.setattr(MultilingualSitemap, "limit", 2)

    sections = read_index(client)

    # Seven pages two by two, and the releases' and topics' sections (the site has neither).
    assert len(sections) == 4 + 1 + 1
    assert all(len(read_section(client, section)) <= 2 for section in sections)
    assert read_sitemap(client) == everything


def test_the_index_costs_the_same_few_queries_whatever_the_number_of_pages(client, site_pages):
    def index_queries():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            client.get("/sitemap.xml")
        return len(queries)

    few = index_queries()
    for number in range(5):
        add_page(site_pages["fr"], f"Page {number}", f"page-{number}")

    assert index_queries() == few <= 10


def network(acronym, topics):
    return {
        "acronym": acronym,
        "kind": "investigation",
        "name_fr": f"Réseau {acronym}",
        "name_en": f"{acronym} network",
        "summary_fr": f"Le réseau {acronym}.",
        "summary_en": f"The {acronym} network.",
        "topics": [
            {"slug_fr": slug_fr, "name_fr": slug_fr, "slug_en": slug_en, "name_en": slug_en}
            for slug_fr, slug_en in topics
        ],
    }


def load_networks(*records):
    import_networks(parse(json.dumps(records)))


@pytest.fixture
def topic_pages(site_pages, network_index):
    network_index["fr"].save_revision().publish()
    load_networks(network("ALPHA", [("lupus-systemique", "systemic-lupus")]), network("BRAVO", [("asthme", "asthma")]))
    for page in NetworkPage.objects.filter(acronym="BRAVO"):
        page.unpublish()
    Topic.objects.create(locale=network_index["fr"].locale, name="Sans réseau", slug="sans-reseau")
    return network_index


def test_the_directory_topic_pages_of_both_languages_are_linked_to_each_other(client, topic_pages):
    entries = read_sitemap(client)

    pair = {
        "fr": "http://localhost/fr/reseaux/themes/lupus-systemique/",
        "en": "http://localhost/en/networks/topics/systemic-lupus/",
    }
    topics = {
        location: entry for location, entry in entries.items() if "/themes/" in location or "/topics/" in location
    }
    # A topic whose only network is unpublished, or that no network has, gets no link from the directory.
    assert set(topics) == set(pair.values())
    for location in pair.values():
        assert topics[location]["alternates"] == {**pair, "x-default": pair["fr"]}
        assert datetime.datetime.fromisoformat(topics[location]["lastmod"]).tzinfo is not None
        assert client.get(urlsplit(location).path).status_code == 200


def test_a_topic_page_is_as_recent_as_the_latest_release_it_lists(client, topic_pages):
    lupus = Topic.objects.get(slug="lupus-systemique")
    releases = Page.objects.get(slug="communiques")
    release = PressReleasePageFactory(parent=releases, locale=lupus.locale, live=False)
    PressReleaseTopic.objects.create(page=release, topic=lupus)
    release.save_revision().publish()
    release.refresh_from_db()

    entries = read_sitemap(client)

    lastmod = datetime.datetime.fromisoformat(
        entries["http://localhost/fr/reseaux/themes/lupus-systemique/"]["lastmod"]
    )
    assert lastmod == release.last_published_at


def test_topic_pages_cost_the_same_few_queries_whatever_the_number_of_topics(client, topic_pages):
    def queries(path):
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200
        return len(context)

    few = {path: queries(path) for path in ["/sitemap.xml", "/sitemap-topics.xml"]}
    load_networks(*(network(f"NET{n}", [(f"maladie-{n}", f"disease-{n}"), ("asthme", "asthma")]) for n in range(5)))

    assert len(read_section(client, "/sitemap-topics.xml")) == 2 + 2 * 6
    assert {path: queries(path) for path in few} == few
    assert few["/sitemap-topics.xml"] <= 10


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert {"Disallow: /fr/recherche/", "Disallow: /en/search/"} <= set(lines)
    assert not any(line.startswith("Disallow: /documents") for line in lines)
    assert "Sitemap: http://localhost/sitemap.xml" in lines


def test_security_txt_follows_rfc_9116(client, settings):
    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == settings.SECURITY_TXT_CONTACT
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    assert timezone.now() + datetime.timedelta(days=30) < expires < timezone.now() + datetime.timedelta(days=366)
    assert fields["Preferred-Languages"] == "fr, en"
    assert fields["Canonical"] == "http://localhost/.well-known/security.txt"


def test_security_txt_is_absent_without_a_contact(client, settings):
    settings.SECURITY_TXT_CONTACT = ""

    assert client.get("/.well-known/security.txt").status_code == 404
