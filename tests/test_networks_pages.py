import json
from xml.etree import ElementTree

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from networks.importer import import_networks, parse
from networks.models import CareProtocol, NetworkCareProtocol, NetworkPage
from news.editorial.translation import translate
from news.models import Topic

pytestmark = pytest.mark.django_db

LUPUS = {
    "slug_fr": "lupus-systemique",
    "name_fr": "Lupus systémique",
    "slug_en": "systemic-lupus",
    "name_en": "Systemic lupus",
}


def record(acronym, kind="investigation", topics=(LUPUS,), coordinators=1, centres=12):
    return {
        "acronym": acronym,
        "kind": kind,
        "name_fr": f"Réseau français numéro {acronym}",
        "name_en": f"French network number {acronym}",
        "summary_fr": f"Le réseau {acronym} fédère des équipes hospitalières françaises.",
        "summary_en": f"The {acronym} network brings French hospital teams together.",
        "topics": list(topics),
        "coordinators": [
            {
                "name": f"Pr Personne {n}",
                "title_fr": "Coordonnatrice du réseau",
                "title_en": "Network coordinator",
                "institution_fr": "Hôpital universitaire de Lyon",
                "institution_en": "Lyon University Hospital",
            }
            for n in range(coordinators)
        ],
        "centres": centres,
        "year_labelled": 2022,
        "website": f"https://{acronym.lower()}.example.org",
    }


def topic(n):
    return {
        "slug_fr": f"maladie-{n}",
        "name_fr": f"Maladie numéro {n}",
        "slug_en": f"disease-{n}",
        "name_en": f"Disease number {n}",
    }


def load(*records):
    return import_networks(parse(json.dumps(list(records))))


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def groups(html):
    return {
        section.h2.get_text(" ", strip=True): [a.get_text(strip=True) for a in section.select(".network-card__title a")]
        for section in html.select("section.network-group")
    }


def alternates(html):
    return {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}


def add_protocol(fr_page, en_locale, title_fr, title_en, disease_fr):
    """A care protocol in both languages, linked to the network in both languages."""
    protocol = CareProtocol.objects.create(
        locale=fr_page.locale, title=title_fr, disease=disease_fr, directed_by="Pr Zahir Amoura", publication_year=2017
    )
    translate(protocol, en_locale, CareProtocol(locale=en_locale, title=title_en, directed_by="Pr Zahir Amoura"))
    fr_page.care_protocol_links.add(NetworkCareProtocol(protocol=protocol))
    fr_page.save_revision().publish()
    translate(fr_page, en_locale, fr_page.get_translation(en_locale))
    return protocol


@pytest.fixture
def directory(network_index):
    load(
        record("ALPHA"),
        record("BRAVO", topics=[topic(1)]),
        record("CHARLIE", topics=[LUPUS, topic(1)]),
        record("DELTA", kind="expertise", topics=[]),
        record("ECHO", kind="expertise", topics=[]),
        record("FOXTROT", kind="platform", topics=[]),
    )
    return network_index


def test_directory_groups_and_counts_in_french(client, directory):
    html = soup(client.get("/fr/reseaux/"))

    assert groups(html) == {
        "Réseaux d'investigation clinique (3)": ["ALPHA", "BRAVO", "CHARLIE"],
        "Réseaux d'expertise et de méthodologie (2)": ["DELTA", "ECHO"],
        "Plateforme (1)": ["FOXTROT"],
    }
    assert html.select_one(".network-figures").get_text(" ", strip=True).startswith("6 structures")


def test_directory_groups_and_counts_in_english(client, directory):
    html = soup(client.get("/en/networks/"))

    assert groups(html) == {
        "Clinical investigation networks (3)": ["ALPHA", "BRAVO", "CHARLIE"],
        "Expertise and methodology networks (2)": ["DELTA", "ECHO"],
        "Platform (1)": ["FOXTROT"],
    }
    text = html.main.get_text(" ", strip=True)
    assert "French network number ALPHA" in text and "Réseau" not in text
    assert [a.get_text() for a in html.select(".network-card__topics a")][:1] == ["Systemic lupus"]


def test_adding_or_unpublishing_a_network_changes_the_counts(client, directory):
    load(record("GOLF", kind="expertise", topics=[]))
    assert "Expertise and methodology networks (3)" in groups(soup(client.get("/en/networks/")))

    NetworkPage.objects.get(locale__language_code="fr", acronym="ALPHA").unpublish()
    html = soup(client.get("/fr/reseaux/"))
    assert "Réseaux d'investigation clinique (2)" in groups(html)
    assert html.select_one(".network-figures").get_text(" ", strip=True).startswith("6 structures")


def test_home_page_figures_come_from_the_directory(client, directory):
    figures = [li.get_text(" ", strip=True) for li in soup(client.get("/en/")).select(".network-figures-list li")]

    assert figures == ["3 clinical investigation networks", "2 expertise and methodology networks", "1 platform"]


def test_directory_filters_by_topic(client, directory):
    html = soup(client.get("/en/networks/?topic=disease-1"))

    assert groups(html) == {"Clinical investigation networks (2)": ["BRAVO", "CHARLIE"]}
    assert html.select_one("#network-topic option[selected]").get_text() == "Disease number 1"
    # Slugs are per language: the French slug means nothing under /en/.
    assert len(groups(soup(client.get("/en/networks/?topic=maladie-1")))) == 3


@pytest.mark.parametrize("value", ["unknown", "", "%00", "x" * 500, "../lupus"])
def test_directory_ignores_an_unknown_topic(client, directory, value):
    html = soup(client.get("/fr/reseaux/", {"topic": value}))

    assert sum(len(names) for names in groups(html).values()) == 6
    assert html.select_one("#network-topic option[selected]") is None


def test_network_page_in_english_has_no_french(client, directory):
    fr = NetworkPage.objects.get(locale__language_code="fr", acronym="CHARLIE")
    add_protocol(
        fr, directory["en"].locale, "PNDS Lupus systémique", "PNDS Systemic lupus", fr.topic_links.first().topic
    )

    html = soup(client.get("/en/networks/charlie/"))

    assert html.html["lang"] == "en"
    text = html.get_text(" ", strip=True)
    assert "Network coordinator" in text and "Lyon University Hospital" in text and "Systemic lupus" in text
    assert "PNDS Systemic lupus" in text and "Key facts" in text
    french = [
        "Réseau",
        "réseau",
        "Coordonnatrice",
        "Hôpital",
        "Lupus systémique",
        "Maladie numéro",
        "Points clés",
        "Domaine",
    ]
    assert [word for word in french if word in text] == []


def test_every_network_page_has_a_reciprocal_hreflang_pair(client, directory):
    for page in NetworkPage.objects.filter(locale__language_code="fr"):
        fr_url = f"http://localhost{page.url}"
        links = alternates(soup(client.get(page.url)))
        assert links["fr"] == fr_url and links["x-default"] == fr_url
        en_links = alternates(soup(client.get(links["en"].removeprefix("http://localhost"))))
        assert en_links["fr"] == fr_url and en_links["en"] == links["en"]
        assert links["en"].startswith("http://localhost/en/networks/")


def test_network_page_metadata(client, directory):
    html = soup(client.get("/fr/reseaux/alpha/"))

    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@type"] == "ResearchOrganization"
    assert (data["name"], data["alternateName"]) == ("Réseau français numéro ALPHA", "ALPHA")
    assert data["url"] == "http://localhost/fr/reseaux/alpha/"
    assert data["sameAs"] == ["https://alpha.example.org"]
    assert data["parentOrganization"]["name"] == "F-CRIN"
    assert [(member["honorificPrefix"], member["name"]) for member in data["member"]] == [("Pr", "Personne 0")]
    og = {meta["property"]: meta["content"] for meta in html.find_all("meta", property=True)}
    assert og["og:url"] == data["url"]
    assert og["og:title"] == "ALPHA – Réseau français numéro ALPHA"
    assert og["og:locale"] == "fr" and og["og:locale:alternate"] == "en"


def test_json_ld_cannot_close_its_script_element(client, network_index):
    evil = record("EVIL")
    evil["summary_fr"] = "</script><script>alert(1)</script>"
    load(evil)

    response = client.get("/fr/reseaux/evil/")

    assert b"</script><script>alert(1)" not in response.content
    data = json.loads(BeautifulSoup(response.content, "html.parser").find("script", type="application/ld+json").string)
    assert data["description"] == evil["summary_fr"]


def test_topic_page_in_each_language(client, directory):
    fr = NetworkPage.objects.get(locale__language_code="fr", acronym="CHARLIE")
    add_protocol(
        fr, directory["en"].locale, "PNDS Lupus systémique", "PNDS Systemic lupus", fr.topic_links.first().topic
    )

    fr_html = soup(client.get("/fr/reseaux/themes/lupus-systemique/"))
    en_html = soup(client.get("/en/networks/topics/systemic-lupus/"))

    assert fr_html.h1.get_text() == "Lupus systémique" and en_html.h1.get_text() == "Systemic lupus"
    assert [a.get_text(strip=True) for a in en_html.select(".network-card__title a")] == ["ALPHA", "CHARLIE"]
    assert [h.get_text(strip=True) for h in en_html.select(".care-protocol__title")] == ["PNDS Systemic lupus"]
    assert (
        alternates(fr_html)
        == alternates(en_html)
        == {
            "fr": "http://localhost/fr/reseaux/themes/lupus-systemique/",
            "en": "http://localhost/en/networks/topics/systemic-lupus/",
            "x-default": "http://localhost/fr/reseaux/themes/lupus-systemique/",
        }
    )
    switch = fr_html.select_one('header a[data-language="en"]')["href"]
    assert switch == "/en/networks/topics/systemic-lupus/"
    assert en_html.select_one('header a[data-language="fr"]')["href"] == "/fr/reseaux/themes/lupus-systemique/"


def test_directory_links_each_topic_to_its_page(client, directory):
    html = soup(client.get("/fr/reseaux/"))

    hrefs = {a["href"] for a in html.select(".network-card__topics a")}
    assert hrefs == {"/fr/reseaux/themes/lupus-systemique/", "/fr/reseaux/themes/maladie-1/"}
    for href in hrefs:
        assert client.get(href).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/fr/reseaux/themes/inconnu/", "/en/networks/topics/lupus-systemique/", "/en/networks/themes/systemic-lupus/"],
)
def test_unknown_topic_pages_are_not_found(client, directory, path):
    assert client.get(path).status_code == 404


def test_untranslated_topic_switches_to_the_directory(client, directory):
    from tests.factories import TopicFactory

    TopicFactory(locale=directory["fr"].locale, name="Sepsis", slug="sepsis")

    html = soup(client.get("/fr/reseaux/themes/sepsis/"))

    assert html.select_one('header a[data-language="en"]')["href"] == "/en/networks/"
    assert set(alternates(html)) == {"fr", "x-default"}


def add_releases(press_room, network_acronym, count, start=1, topic_slug="lupus-systemique"):
    import datetime

    from news.models import PressReleaseNetwork, PressReleaseTopic
    from tests.factories import PressReleasePageFactory, publish_translation

    network = NetworkPage.objects.get(locale__language_code="fr", acronym=network_acronym)
    topic = Topic.objects.get(locale__language_code="fr", slug=topic_slug)
    releases = []
    for n in range(start, start + count):
        release = PressReleasePageFactory.build(
            title=f"Communiqué numéro {n}",
            slug=f"communique-{n}",
            release_date=datetime.date(2026, 1, n),
            locale=press_room["fr"].locale,
            network_links=[PressReleaseNetwork(network=network)],
            topic_links=[PressReleaseTopic(topic=topic)],
        )
        press_room["fr"].add_child(instance=release)
        release.save_revision().publish()
        publish_translation(release, "en", title=f"Release number {n}", slug=f"release-{n}", standfirst="News.")
        releases.append(release)
    return releases


def test_network_and_topic_pages_list_their_latest_live_releases(client, directory, press_room):
    add_releases(press_room, "CHARLIE", 6)
    add_releases(press_room, "ALPHA", 1, start=20)
    draft = add_releases(press_room, "CHARLIE", 1, start=21)[0]
    draft.unpublish()  # an unpublished French source withdraws its translation too

    html = soup(client.get("/en/networks/charlie/"))
    titles = [a.get_text(strip=True) for a in html.select(".release-card__title a")]
    assert titles == [f"Release number {n}" for n in (6, 5, 4, 3, 2)]
    assert html.select_one(".release-card__title a")["href"] == "/en/press-releases/release-6/"

    feed = html.find("link", type="application/rss+xml", title=True)
    assert feed["title"] == "Press releases of CHARLIE (RSS)"
    assert html.select_one(".network-feed a")["href"] == feed["href"]
    items = [item.findtext("title") for item in ElementTree.fromstring(client.get(feed["href"]).content).iter("item")]
    assert items == [f"Release number {n}" for n in (6, 5, 4, 3, 2, 1)]

    topic_titles = [
        a.get_text(strip=True)
        for a in soup(client.get("/fr/reseaux/themes/lupus-systemique/")).select(".release-card__title a")
    ]
    assert topic_titles == [f"Communiqué numéro {n}" for n in (20, 6, 5, 4, 3)]


# Issues 4 and 8 ask for at most 12 queries a page, however many releases, coordinators and topics.
PAGE_BUDGET = 12


def context_queries(client, path):
    """Queries made by the page's own context, without Wagtail's routing and the site's header."""
    from django.test import RequestFactory
    from django.utils import translation

    from networks.directory import directory_context, network_context, topic_context

    client.get(path)  # warm the site-root cache as a real request would
    request = RequestFactory().get(path)
    page = NetworkPage.objects.get(locale__language_code="en", slug="net")
    index = page.get_parent().specific
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        if path.endswith("/net/"):
            network_context(page, request)
        elif "/topics/" in path:
            topic_context(index, Topic.objects.get(slug="disease-1"), request)
        else:
            request.GET = request.GET.copy()
            directory_context(index, request)
    return len(queries)


PATHS = ["/en/networks/", "/en/networks/?topic=disease-1", "/en/networks/net/", "/en/networks/topics/disease-1/"]


def test_pages_take_a_fixed_number_of_queries(client, page_queries, network_index, press_room):
    """Each page type of the directory, measured with one network, topic and release, then with twenty
    of each: the data is built once for all of them (loading networks takes most of the test's time)."""
    load(record("NET", topics=[topic(1)], coordinators=1), record("OTHER", topics=[topic(1)]))
    add_releases(press_room, "NET", 1, topic_slug="maladie-1")
    small = {path: (len(page_queries(path)), context_queries(client, path)) for path in PATHS}

    topics = [topic(n) for n in range(1, 21)]
    load(record("NET", topics=topics, coordinators=20), *[record(f"MORE{n}", topics=topics[:3]) for n in range(4)])
    fr = NetworkPage.objects.get(locale__language_code="fr", acronym="NET")
    for n in range(3):
        add_protocol(fr, network_index["en"].locale, f"PNDS {n}", f"Care protocol {n}", fr.topic_links.first().topic)
    add_releases(press_room, "NET", 19, start=2, topic_slug="maladie-1")

    for path in PATHS:
        assert len(page_queries(path, fragments=True)) <= PAGE_BUDGET, path
        assert len(page_queries(path)) == small[path][0], path
        assert context_queries(client, path) == small[path][1] <= 12, path


def test_restricted_networks_are_left_out(client, directory):
    from wagtail.models import PageViewRestriction

    alpha = NetworkPage.objects.get(locale__language_code="en", acronym="ALPHA")
    PageViewRestriction.objects.create(page=alpha, restriction_type=PageViewRestriction.LOGIN)
    html = soup(client.get("/en/networks/"))
    assert "ALPHA" not in str(groups(html))
    assert "BRAVO" in str(groups(html))

    PageViewRestriction.objects.create(page=directory["fr"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/fr/reseaux/").status_code == 302
    # The English networks are translations of pages under the private French directory: not public either.
    assert soup(client.get("/en/")).select(".network-figures-list li") == []
    assert soup(client.get("/fr/")).select(".network-figures-list li") == []


def test_network_and_topic_pages_list_upcoming_awareness_days(client, directory, awareness_calendar):
    from news.models import AwarenessDayNetwork, AwarenessDayTopic
    from tests.factories import AwarenessDayPageFactory

    calendar = awareness_calendar["fr"]
    network = NetworkPage.objects.get(locale__language_code="fr", acronym="CHARLIE")
    lupus = Topic.objects.get(locale__language_code="fr", slug="lupus-systemique")
    day = AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title="Journée mondiale du lupus")
    AwarenessDayNetwork.objects.create(page=day, network=network)
    AwarenessDayTopic.objects.create(page=day, topic=lupus)
    AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title="Journée sans lien")

    for path in ("/fr/reseaux/charlie/", "/fr/reseaux/themes/lupus-systemique/"):
        items = soup(client.get(path)).select(".awareness-upcoming li")
        assert [li.a.get_text() for li in items] == ["Journée mondiale du lupus"], path
        assert items[0].time["datetime"].endswith("-05-10")
    assert soup(client.get("/fr/reseaux/alpha/")).select(".awareness-upcoming li") == []
