"""Query budgets of every public page type, from a small archive to 10,000 releases per language.

Three states of each page, in both languages, found by crawling the demo site from its home pages:
- **warm**: the page cache off, every other cache warm (the page asked twice before): at most 12;
- **cold**: every cache emptied (the page shown once before, so that its images have renditions), as
  on the first request after a publication: at most 20;
- **hit**: from the page cache: no query at all (but for streamed downloads and the visitor's own pages).
The warm and cold counts are the same with 200 generated releases and with 10,000: 200 are enough for
every page of the crawl to show release cards, so both archives give pages of the same shape.
"""

from io import StringIO
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from networks.models import NetworkPage
from news.models import PressReleasePage

WARM_BUDGET = 12
COLD_BUDGET = 20
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/api/")


def links(response):
    if not response["Content-Type"].startswith("text/html"):
        return []
    soup = BeautifulSoup(response.content, "html.parser")
    found = []
    for tag in soup.find_all(["a", "link"], href=True):
        parts = urlsplit(tag["href"])
        if (
            not (parts.scheme or parts.netloc)
            and parts.path.startswith("/")
            and not parts.path.startswith(SKIPPED_PREFIXES)
        ):
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def page_kinds(client):
    """One address of each kind of public response in each language: (language, template or content type)."""
    queue, seen, kinds = ["/fr/", "/en/", "/sitemap.xml"], set(), {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        content_type = response["Content-Type"].split(";")[0]
        kind = response.templates[0].name if response.templates else content_type
        kinds.setdefault((url.split("/")[1], kind), url)
        queue.extend(link for link in links(response) if link not in seen)
    return kinds


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(context.captured_queries), response.get("X-Cache")


def empty_caches():
    for cache in caches.all():
        cache.clear()


def measure(client, settings, urls):
    """{url: (warm, cold, hit)} query counts; hit is None for responses never stored (streamed downloads)."""
    counts = {}
    for url in urls:
        settings.PAGE_CACHE_ENABLED = False
        # Once, so that the images it shows have their renditions: the first rendering ever of an image
        # writes them, whatever the caches hold.
        count_queries(client, url)
        empty_caches()
        cold, _ = count_queries(client, url)
        count_queries(client, url)
        warm, _ = count_queries(client, url)
        settings.PAGE_CACHE_ENABLED = True
        count_queries(client, url)
        hit, outcome = count_queries(client, url)
        counts[url] = (warm, cold, hit if outcome == "HIT" else None)
    settings.PAGE_CACHE_ENABLED = False
    return counts


@pytest.mark.django_db
def test_every_public_page_type_keeps_its_budget_from_a_small_archive_to_ten_thousand(client, settings, demo_content):
    settings.PAGE_CACHE_FRAGMENTS = True
    call_command("generate_releases", 200, stdout=StringIO())
    kinds = page_kinds(client)
    # The crawl reached every kind of page and download the demo has.
    assert {kind for _language, kind in kinds} >= {
        "home/home_page.html",
        "news/press_room_page.html",
        "news/press_release_page.html",
        "news/awareness_calendar_page.html",
        "news/awareness_day_page.html",
        "networks/network_index_page.html",
        "networks/network_page.html",
        "networks/topic_page.html",
        "sitemap_index.xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/zip",
        "text/calendar",
        "text/vcard",
    }, sorted(kinds)
    # A network and a release with a gallery, in each language: the crawl's first ones may have none.
    with_gallery = [
        page.url
        for model in (NetworkPage, PressReleasePage)
        for language in ("fr", "en")
        for page in model.objects.live().filter(locale__language_code=language, gallery_links__isnull=False)[:1]
    ]
    assert len(with_gallery) == 4, with_gallery
    urls = sorted(set(kinds.values()) | set(with_gallery))

    few = measure(client, settings, urls)
    call_command("generate_releases", 10_000 - 200, stdout=StringIO())
    many = measure(client, settings, urls)

    over = {
        url: counts
        for state in (few, many)
        for url, counts in state.items()
        if counts[0] > WARM_BUDGET or counts[1] > COLD_BUDGET
    }
    assert not over, f"(warm, cold, hit) over {WARM_BUDGET}/{COLD_BUDGET}: {over}"
    assert {url: counts[2] for url, counts in few.items() if counts[2]} == {}, "page-cache hits made queries"
    # Never stored, by design: streamed downloads (press kits) and the visitor's own pages (the alerts').
    not_cached = sorted(url for url, counts in few.items() if counts[2] != 0)
    for url in not_cached:
        response = client.get(url)
        assert response.streaming or "private" in response.get("Cache-Control", ""), f"{url} was not cached"
    assert len(not_cached) <= len(urls) // 5, f"pages were not served from the cache: {not_cached}"
    grown = {url: (few[url], many[url]) for url in urls if many[url] != few[url]}
    assert not grown, f"query counts changed with 10,000 releases: {grown}"
