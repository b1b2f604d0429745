"""The press room listing: newest first, per language, paginated, filtered from the address bar."""

import datetime

from wagtail.models import PageViewRestriction

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from news.models import PressReleasePage
from tests.factories import PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db


def _titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".release-card__title a")]


def _release(press_room, title, day, topic=None, network=None):
    release = PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title=title, release_date=day
    )
    if topic:
        release.topic_links.create(topic=topic)
    if network:
        release.network_links.create(network=network)
    release.save_revision().publish()
    return release


@pytest.fixture
def catalogue(press_room):
    fr = press_room["fr"].locale
    lupus = TopicFactory(locale=fr, name="Lupus", slug="lupus")
    asthme = TopicFactory(locale=fr, name="Asthme", slug="asthme")
    network = wagtail_factories.PageFactory(parent=press_room["fr"].get_parent(), title="CRISALIS", slug="crisalis")
    releases = {
        "old_lupus": _release(press_room, "Lupus 2025", datetime.date(2025, 5, 10), topic=lupus),
        "asthma": _release(press_room, "Asthme 2026", datetime.date(2026, 5, 5), topic=asthme, network=network),
        "new_lupus": _release(press_room, "Lupus 2026", datetime.date(2026, 5, 10), topic=lupus, network=network),
    }
    return {"lupus": lupus, "asthme": asthme, "network": network, **releases}


def test_newest_first(client, press_room, catalogue):
    assert _titles(client.get(press_room["fr"].url)) == ["Lupus 2026", "Asthme 2026", "Lupus 2025"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=lupus", ["Lupus 2026", "Lupus 2025"]),
        ("year=2025", ["Lupus 2025"]),
        ("network={network}", ["Lupus 2026", "Asthme 2026"]),
        ("topic=lupus&year=2026&network={network}", ["Lupus 2026"]),
    ],
)
def test_filters_combine(client, press_room, catalogue, query, expected):
    url = press_room["fr"].url + "?" + query.format(network=catalogue["network"].slug)

    response = client.get(url)

    assert _titles(response) == expected
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.filters")
    assert form["method"] == "get"
    for select in form.select("select"):
        assert soup.select_one(f'label[for="{select["id"]}"]')
    # The chosen values are kept, so the form shows what the list shows.
    for pair in query.format(network=catalogue["network"].slug).split("&"):
        name, value = pair.split("=")
        assert form.select_one(f'select[name="{name}"] option[value="{value}"]').has_attr("selected")


@pytest.mark.parametrize(
    "query",
    [
        "topic=inconnu",
        "topic=%3Cscript%3E",
        "network=abc",
        "network=999999",
        "network=cri-inconnu",
        "year=20x6",
        "year=1999",
        "page=abc",
        "page=-4",
    ],
)
def test_unknown_or_malformed_filters_are_ignored(client, press_room, catalogue, query):
    response = client.get(press_room["fr"].url + "?" + query)

    assert response.status_code == 200
    assert _titles(response) == ["Lupus 2026", "Asthme 2026", "Lupus 2025"]


def test_empty_result_says_so_and_offers_a_way_back(client, press_room, catalogue):
    response = client.get(press_room["fr"].url + "?topic=asthme&year=2025")

    soup = BeautifulSoup(response.content, "html.parser")
    assert _titles(response) == []
    assert "Aucun communiqué ne correspond à ces filtres." in soup.select_one(".empty-state").get_text()
    assert soup.select_one(".empty-state a")["href"] == press_room["fr"].url


def test_empty_press_room(client, press_room):
    soup = BeautifulSoup(client.get(press_room["en"].url).content, "html.parser")

    assert soup.select_one(".empty-state").get_text(strip=True) == "No press releases yet."
    assert not soup.select("form.filters")


def test_pagination_keeps_the_filters(client, press_room):
    topic = TopicFactory(locale=press_room["fr"].locale, slug="sepsis")
    for day in range(1, 13):
        _release(press_room, f"Sepsis {day:02d}", datetime.date(2026, 9, day), topic=topic)

    first = client.get(press_room["fr"].url + "?topic=sepsis")
    soup = BeautifulSoup(first.content, "html.parser")
    next_url = soup.select_one('.pagination a[rel="next"]')["href"]
    second = client.get(press_room["fr"].url + next_url)

    assert len(_titles(first)) == 10
    assert "topic=sepsis" in next_url and "page=2" in next_url
    assert _titles(second) == ["Sepsis 02", "Sepsis 01"]


def test_pagination_links_carry_the_filters_and_nothing_else(client, press_room, settings):
    """The list is kept in the fragment cache for every reader of these filters: its links must not
    repeat what one reader added to their address."""
    settings.PAGE_CACHE_FRAGMENTS = True
    topic = TopicFactory(locale=press_room["fr"].locale, slug="sepsis")
    for day in range(1, 13):
        _release(press_room, f"Sepsis {day:02d}", datetime.date(2026, 9, day), topic=topic)

    for query in ("?topic=sepsis&utm_source=lettre&note=%3Cb%3Eici%3C%2Fb%3E", "?topic=sepsis"):
        soup = BeautifulSoup(client.get(press_room["fr"].url + query).content, "html.parser")
        assert soup.select_one('.pagination a[rel="next"]')["href"] == "?topic=sepsis&page=2", query


def test_each_language_lists_its_own_releases_and_topics(client, press_room, catalogue):
    en = press_room["en"].locale
    TopicFactory(locale=en, name="Lupus (EN)", slug="lupus-en", translation_key=catalogue["lupus"].translation_key)
    publish_translation(catalogue["new_lupus"], "en", title="Lupus 2026 in English", slug="lupus-2026")

    fr_titles = _titles(client.get(press_room["fr"].url))
    en_response = client.get(press_room["en"].url + "?topic=lupus-en")

    assert "Lupus 2026 in English" not in fr_titles
    # The English copy's topic link still points to the French topic: the English slug finds it.
    assert _titles(en_response) == ["Lupus 2026 in English"]
    options = BeautifulSoup(en_response.content, "html.parser").select('select[name="topic"] option')
    assert [option.get_text() for option in options][1:] == ["Lupus (EN)"]


def test_view_restricted_releases_are_not_published(press_room, catalogue):
    PageViewRestriction.objects.create(page=catalogue["asthma"], restriction_type="login")

    assert set(PressReleasePage.objects.published()) == {catalogue["old_lupus"], catalogue["new_lupus"]}


def test_home_shows_the_latest_published_releases(client, home, press_room, catalogue):
    soup = BeautifulSoup(client.get(home["fr"].url).content, "html.parser")

    assert [a.get_text(strip=True) for a in soup.select(".release-card__title a")] == [
        "Lupus 2026",
        "Asthme 2026",
        "Lupus 2025",
    ]
    assert soup.select_one(f'a[href="{press_room["fr"].url}"]')


@pytest.mark.parametrize("page_cache", [False, True])
def test_home_latest_releases_follow_publications_on_the_next_request(
    client, settings, home, press_room, catalogue, page_cache
):
    settings.PAGE_CACHE_ENABLED = page_cache

    def latest():
        soup = BeautifulSoup(client.get(home["fr"].url).content, "html.parser")
        return [a.get_text(strip=True) for a in soup.select(".release-card__title a")]

    assert latest() == ["Lupus 2026", "Asthme 2026", "Lupus 2025"]
    if page_cache:
        assert client.get(home["fr"].url)["X-Cache"] == "HIT"
    sepsis = _release(press_room, "Sepsis 2027", datetime.date(2027, 1, 15))
    assert latest() == ["Sepsis 2027", "Lupus 2026", "Asthme 2026"]

    sepsis.unpublish()
    catalogue["new_lupus"].unpublish()
    assert latest() == ["Asthme 2026", "Lupus 2025"]


def test_view_restricted_press_room_and_releases_ask_for_a_login(client, press_room, catalogue):
    PageViewRestriction.objects.create(page=press_room["fr"], restriction_type="login")

    for url in (press_room["fr"].url, catalogue["new_lupus"].url):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
    # Its English translation is not public while its source is private (news.visibility).
    assert client.get(press_room["en"].url).status_code == 404


def test_a_publication_shows_on_the_next_request_with_its_year_and_topic(client, press_room, catalogue):
    client.get(press_room["fr"].url)
    sepsis = TopicFactory(locale=press_room["fr"].locale, name="Sepsis", slug="sepsis")

    _release(press_room, "Sepsis 2027", datetime.date(2027, 1, 15), topic=sepsis)

    response = client.get(press_room["fr"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert _titles(response)[0] == "Sepsis 2027"
    assert "2027" in [option["value"] for option in soup.select('select[name="year"] option')]
    assert "sepsis" in [option["value"] for option in soup.select('select[name="topic"] option')]
    assert "4" in soup.select_one(".press-room__count").get_text()


def test_unpublishing_a_release_takes_it_off_the_listing_at_once(client, press_room, catalogue):
    client.get(press_room["fr"].url)

    catalogue["new_lupus"].unpublish()

    assert _titles(client.get(press_room["fr"].url)) == ["Asthme 2026", "Lupus 2025"]
