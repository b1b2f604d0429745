"""Press coverage (issue 22): clippings, the coverage page and its filters, the Coverage blocks, the Atom feed."""

import datetime

from django.core.exceptions import ValidationError

from wagtail.users.models import UserProfile

import feedparser
import pytest
from bs4 import BeautifulSoup

from news.models import Clipping, ClippingNetwork, ClippingRelease, ClippingTopic, CoveragePage
from tests.factories import (
    ClippingFactory,
    NetworkPageFactory,
    PressReleasePageFactory,
    TopicFactory,
    publish_translation,
)

pytestmark = pytest.mark.django_db

WARM_BUDGET = 12
COLD_BUDGET = 20


@pytest.fixture
def coverage(home):
    page = CoveragePage(title="Revue de presse", slug="revue-de-presse", introduction="Ils parlent de nous.")
    page.show_in_menus = True
    home["fr"].add_child(instance=page)
    page.save_revision().publish()
    return {"fr": page, "en": publish_translation(page, "en", title="Press coverage", slug="press-coverage")}


@pytest.fixture
def subjects(press_room, network_index):
    """A release, a network and a topic in French, each with its English translation."""
    fr_locale = press_room["fr"].locale
    release = PressReleasePageFactory(parent=press_room["fr"], locale=fr_locale, title="Essai LUPUS-1")
    network = NetworkPageFactory(parent=network_index["fr"], locale=fr_locale, title="CRISALIS", slug="crisalis")
    topic = TopicFactory(locale=fr_locale, name="Asthme sévère", slug="asthme-severe")
    return {
        "release": {"fr": release, "en": publish_translation(release, "en", title="LUPUS-1 trial", slug="lupus-1")},
        "network": {"fr": network, "en": publish_translation(network, "en", slug="crisalis-en")},
        "topic": {"fr": topic, "en": _translate_topic(topic)},
    }


def _translate_topic(topic):
    english = topic.copy_for_translation(publish_translation.__globals__["LocaleFactory"](language_code="en"))
    english.name, english.slug = "Severe asthma", "severe-asthma"
    english.save()
    return english


def clipping(release=None, network=None, topic=None, **fields):
    item = ClippingFactory(**fields)
    if release:
        ClippingRelease.objects.create(clipping=item, release=release)
    if network:
        ClippingNetwork.objects.create(clipping=item, network=network)
    if topic:
        ClippingTopic.objects.create(clipping=item, topic=topic)
    return item


def headlines(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [tag.get_text(strip=True) for tag in soup.select("main .clipping__headline")]


def test_coverage_page_lists_every_clipping_newest_first_in_both_languages(client, coverage, subjects):
    clipping(
        subjects["release"]["fr"],
        subjects["network"]["fr"],
        subjects["topic"]["fr"],
        headline="Un essai sur le lupus",
        published_on=datetime.date(2026, 5, 12),
    )
    clipping(
        headline="A trial in asthma",
        language="en",
        outlet="Example Health Weekly",
        published_on=datetime.date(2025, 3, 1),
    )

    french = client.get(coverage["fr"].url)
    english = client.get(coverage["en"].url)

    assert headlines(french) == headlines(english) == ["Un essai sur le lupus", "A trial in asthma"]
    soup = BeautifulSoup(english.content, "html.parser")
    first = soup.select("main .clipping")[0]
    # Links in the English page's language, the article in its own.
    assert first.select_one(".clipping__about a")["href"] == "/en/press-releases/lupus-1/"
    assert first.select_one(".clipping__about a").get_text() == "LUPUS-1 trial"
    assert [tag.get_text() for tag in first.select(".clipping__tags a")] == ["CRISALIS", "Severe asthma"]
    assert first.select_one(".clipping__headline a")["lang"] == "fr"
    assert "in French" in first.select_one(".clipping__meta").get_text()
    assert "2 articles" in english.content.decode()
    french_soup = BeautifulSoup(french.content, "html.parser")
    french_release = french_soup.select_one("main .clipping .clipping__about a")
    assert (french_release["href"], french_release.get_text()) == (subjects["release"]["fr"].url, "Essai LUPUS-1")
    assert "en anglais" in french_soup.select("main .clipping")[1].select_one(".clipping__meta").get_text()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_coverage_page_filters_by_year_network_and_topic(client, coverage, subjects, language):
    clipping(network=subjects["network"]["fr"], headline="Réseau 2026", published_on=datetime.date(2026, 1, 5))
    clipping(topic=subjects["topic"]["en"], headline="Topic 2025", published_on=datetime.date(2025, 6, 1))
    clipping(headline="Nothing 2024", published_on=datetime.date(2024, 6, 1))
    url = coverage[language].url
    network_slug = subjects["network"][language].slug
    topic_slug = subjects["topic"][language].slug

    assert headlines(client.get(url + "?year=2025")) == ["Topic 2025"]
    assert headlines(client.get(url + f"?network={network_slug}")) == ["Réseau 2026"]
    assert headlines(client.get(url + f"?topic={topic_slug}")) == ["Topic 2025"]
    assert headlines(client.get(url + f"?topic={topic_slug}&year=2024")) == []
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert [option["value"] for option in soup.select("#filter-year option")] == ["", "2026", "2025", "2024"]
    assert [option["value"] for option in soup.select("#filter-network option")] == ["", network_slug]
    assert [option["value"] for option in soup.select("#filter-topic option")] == ["", topic_slug]


@pytest.mark.parametrize(
    "query",
    [
        "?year=abcd",
        "?year=1850",
        "?year=99999999999999999999",
        "?network=inconnu",
        "?network=%00",
        "?topic=" + "x" * 5000,
        "?topic=%C3%A9%F0%9F%98%80",
        "?page=999",
        "?page=abc",
        "?page=-1",
        "?year[]=2025&network=&topic=",
    ],
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_filter_values_are_ignored_never_an_error(client, coverage, language, query):
    clipping(headline="Le seul article")
    response = client.get(coverage[language].url + query)
    assert response.status_code == 200
    assert headlines(response) == ["Le seul article"]
    feed = client.get(coverage[language].url + "feed/" + query)
    assert feed.status_code == 200


@pytest.mark.parametrize("language", ["fr", "en"])
def test_release_and_network_pages_show_their_coverage(client, coverage, subjects, language):
    clipping(subjects["release"]["fr"], headline="Sur le communiqué", published_on=datetime.date(2026, 5, 1))
    clipping(network=subjects["network"]["en"], headline="About the network", language="en")
    clipping(headline="Sans lien")

    release = BeautifulSoup(client.get(subjects["release"][language].url).content, "html.parser")
    network = BeautifulSoup(client.get(subjects["network"][language].url).content, "html.parser")

    heading = {"fr": "Revue de presse", "en": "Coverage"}[language]
    assert release.select_one(".coverage-for h2").get_text() == heading
    assert [tag.get_text(strip=True) for tag in release.select(".coverage-for .clipping__headline")] == [
        "Sur le communiqué"
    ]
    assert [tag.get_text(strip=True) for tag in network.select(".coverage-for .clipping__headline")] == [
        "About the network"
    ]


def test_pages_without_coverage_have_no_coverage_block(client, coverage, subjects):
    assert b"coverage-for" not in client.get(subjects["release"]["fr"].url).content
    assert b"coverage-for" not in client.get(subjects["network"]["en"].url).content


def test_a_release_that_is_not_public_is_not_named(client, coverage, subjects):
    clipping(subjects["release"]["fr"], headline="Avant l'heure")
    # Unpublishing the French source withholds its translation too (news.visibility).
    subjects["release"]["fr"].unpublish()
    for language in ("fr", "en"):
        response = client.get(coverage[language].url)
        assert BeautifulSoup(response.content, "html.parser").select(".clipping__about") == []
        assert headlines(response) == ["Avant l'heure"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_atom_feed_of_clippings(client, coverage, subjects, language):
    clipping(network=subjects["network"]["fr"], headline="Nouvel article", published_on=datetime.date(2026, 5, 12))
    clipping(headline="Older article", language="en", outlet="Example Weekly", published_on=datetime.date(2025, 1, 2))
    page = coverage[language]

    response = client.get(page.url + "feed/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == f"{page.title} – F-CRIN"
    assert feed.feed.language == language
    assert [entry.title for entry in feed.entries] == ["Nouvel article", "Older article"]
    assert feed.entries[1].link == Clipping.objects.get(headline="Older article").url
    assert feed.entries[1].author == "Example Weekly"
    assert feed.entries[0].published.startswith("2026-05-12")
    filtered = feedparser.parse(client.get(page.url + f"feed/?network={subjects['network'][language].slug}").content)
    assert [entry.title for entry in filtered.entries] == ["Nouvel article"]
    # Discoverable from the page.
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.find("link", type="application/atom+xml")["href"] == page.url + "feed/"


@pytest.mark.parametrize(
    "url",
    ["ftp://journal.example.org/article", "javascript:alert(1)", "https://", "pas une adresse", "mailto:a@example.org"],
)
def test_clipping_address_must_be_a_web_page(admin_client, url):
    response = admin_client.post(
        "/admin/snippets/news/clipping/add/",
        {
            "outlet": "Le Journal d'exemple",
            "headline": "Un article",
            "published_on": "2026-05-12",
            "language": "fr",
            "url": url,
            "excerpt": "",
            **{
                f"{name}-{key}": value
                for name in ("release_links", "network_links", "topic_links")
                for key, value in {
                    "TOTAL_FORMS": 0,
                    "INITIAL_FORMS": 0,
                    "MIN_NUM_FORMS": 0,
                    "MAX_NUM_FORMS": 1000,
                }.items()
            },
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["url"]
    assert errors == [
        "Saisissez l'adresse web complète de l'article, commençant par https:// ou http:// "
        "(par exemple https://www.example.org/article)."
    ] or errors == [
        "Enter the article's full web address, starting with https:// or http:// "
        "(for example https://www.example.org/article)."
    ]
    assert not Clipping.objects.exists()
    with pytest.raises(ValidationError):
        ClippingFactory(url=url)


def test_a_web_address_is_saved(admin_client):
    response = admin_client.post(
        "/admin/snippets/news/clipping/add/",
        {
            "outlet": "Le Journal d'exemple",
            "headline": "Un article",
            "published_on": "2026-05-12",
            "language": "fr",
            "url": "https://journal.example.org/article?id=3",
            "excerpt": "",
            **{
                f"{name}-{key}": value
                for name in ("release_links", "network_links", "topic_links")
                for key, value in {
                    "TOTAL_FORMS": 0,
                    "INITIAL_FORMS": 0,
                    "MIN_NUM_FORMS": 0,
                    "MAX_NUM_FORMS": 1000,
                }.items()
            },
        },
    )
    assert response.status_code == 302
    assert Clipping.objects.get().url == "https://journal.example.org/article?id=3"


def test_coverage_page_is_in_the_sitemap_and_on_the_home_page(client, coverage):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "http://localhost/fr/revue-de-presse/" in sitemap
    assert "http://localhost/en/press-coverage/" in sitemap
    for language in ("fr", "en"):
        soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        assert coverage[language].url in [link["href"] for link in soup.select("main a")]


def _add_clippings(count, subjects, start=0):
    clippings = Clipping.objects.bulk_create(
        Clipping(
            outlet=f"Média {n}",
            headline=f"Article {n}",
            published_on=datetime.date(2020 + n % 7, n % 12 + 1, 1),
            language="fr" if n % 2 else "en",
            url=f"https://media.example.org/{n}",
            excerpt="« Extrait. »",
        )
        for n in range(start, start + count)
    )
    ClippingRelease.objects.bulk_create(
        ClippingRelease(clipping=c, release=subjects["release"]["fr"]) for c in clippings
    )
    ClippingNetwork.objects.bulk_create(
        ClippingNetwork(clipping=c, network=subjects["network"]["fr"]) for c in clippings
    )
    ClippingTopic.objects.bulk_create(ClippingTopic(clipping=c, topic=subjects["topic"]["fr"]) for c in clippings)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_query_budgets_stay_flat_from_one_to_a_thousand_clippings(
    client, page_queries, coverage, subjects, django_assert_max_num_queries, language
):
    network, topic = subjects["network"][language].slug, subjects["topic"][language].slug
    urls = [
        coverage[language].url,
        coverage[language].url + f"?network={network}&topic={topic}&year=2023",
        coverage[language].url + "feed/",
        subjects["release"][language].url,
        subjects["network"][language].url,
    ]
    _add_clippings(1, subjects)
    few = {url: page_queries(url) for url in urls}
    _add_clippings(999, subjects, start=1)
    for url in urls:
        cold = page_queries(url)
        assert len(cold) <= COLD_BUDGET, cold
        assert len(cold) <= len(few[url]), (url, cold, few[url])
        assert len(page_queries(url, fragments=True)) <= WARM_BUDGET, url
        with django_assert_max_num_queries(len(few[url])):
            assert client.get(url).status_code == 200
    soup = BeautifulSoup(client.get(urls[0]).content, "html.parser")
    assert len(soup.select("main .clipping")) == 20
    assert "1000" in soup.select_one(".coverage__count").get_text().replace("\u202f", "").replace(" ", "")


@pytest.mark.parametrize(("language", "expected"), [("fr", "12 mai 2026"), ("en", "12 May 2026")])
def test_the_clippings_listing_writes_dates_as_readers_do(admin_client, admin_user, language, expected):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    ClippingFactory(headline="Un article", published_on=datetime.date(2026, 5, 12))
    cells = BeautifulSoup(admin_client.get("/admin/snippets/news/clipping/").content, "html.parser").select("td")
    texts = [" ".join(cell.get_text().split()) for cell in cells]
    assert expected in texts
    assert "2026-05-12" not in texts
