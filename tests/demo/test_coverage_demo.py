"""The demo's press coverage (issue 22): fictional clippings in both languages, reachable from the home pages."""

from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from news.models import Clipping

pytestmark = pytest.mark.django_db

PAGES = {"fr": "/fr/revue-de-presse/", "en": "/en/press-coverage/"}


def test_demo_clippings_are_fictional_examples_in_both_languages(demo_content):
    clippings = list(Clipping.objects.all())
    assert len(clippings) >= 10
    assert {clipping.language for clipping in clippings} == {"fr", "en"}
    for clipping in clippings:
        assert any(mark in clipping.outlet for mark in ("fictif", "fictive", "fictional", "exemple", "Exemple"))
        assert urlsplit(clipping.url).hostname.rsplit(".", 2)[-2] == "example", clipping.url


@pytest.mark.parametrize("language", ["fr", "en"])
def test_demo_coverage_page_is_linked_from_the_home_page_and_lists_the_clippings(client, demo_content, language):
    home = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    assert PAGES[language] in [link["href"] for link in home.select("main a")]
    page = BeautifulSoup(client.get(PAGES[language]).content, "html.parser")
    assert len(page.select("main .clipping")) == Clipping.objects.count()
    assert len(page.select("#filter-year option")) == 3  # all, 2026, 2025
    feed = feedparser.parse(client.get(PAGES[language] + "feed/").content)
    assert not feed.bozo
    assert len(feed.entries) == Clipping.objects.count()


@pytest.mark.parametrize(
    ("release", "network"),
    [
        ("/fr/communiques/journee-mondiale-asthme-crisalis/", "/fr/reseaux/crisalis/"),
        ("/en/press-releases/world-asthma-day-crisalis/", "/en/networks/crisalis/"),
    ],
)
def test_demo_release_and_network_show_their_coverage(client, demo_content, release, network):
    for url in (release, network):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert len(soup.select(".coverage-for .clipping")) == 3, url
