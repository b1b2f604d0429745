"""The demo site as a visitor meets it: every link a reader can follow answers, in the right language."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")


def internal_links(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["a", "link"], href=True):
        parts = urlsplit(tag["href"])
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if not parts.path.startswith(SKIPPED_PREFIXES):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def test_every_link_of_the_demo_site_answers(client, page_queries, demo_content):
    queue, seen, broken = ["/fr/", "/en/"], set(), []
    # One address of each kind of page (by its template) in each language, for the query budget.
    kinds = {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        language = url.split("/")[1]
        if not response.redirect_chain and response.templates:
            kinds.setdefault((language, response.templates[0].name), url)
        if language in ("fr", "en"):
            assert re.search(rf'<html[^>]* lang="{language}"', html), f"{url} is not marked as {language}"
        queue.extend(link for link in internal_links(html) if link not in seen)

    assert not broken, broken
    # The crawl reached the press room, releases and their translations, not only the home pages.
    assert len(seen) > 40

    # Issue 8: every public page type of the demo makes at most 12 queries without the page cache.
    over_budget = {
        url: len(queries) for url in kinds.values() if len(queries := page_queries(url, fragments=True)) > 12
    }
    assert not over_budget, over_budget
