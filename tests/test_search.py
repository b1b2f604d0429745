"""The public search page: language, visibility, filters, excerpts, promotions and hostile input."""

import datetime

from django.db import connection
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests.factories import HomePageFactory, publish_translation

pytestmark = pytest.mark.django_db

SEARCH_URL = {"fr": "/fr/recherche/", "en": "/en/search/"}


def add_page(parent, title, slug, standfirst="", live=True, model=Page):
    """A page under ``parent``, in its locale. Plain ``Page`` stands for a type outside the search filter."""
    if model is Page:
        page = Page(title=title, slug=slug, locale=parent.locale, live=live, search_description=standfirst)
    else:
        page = HomePageFactory.build(title=title, slug=slug, locale=parent.locale, standfirst=standfirst, live=live)
    parent.add_child(instance=page)
    return page


def search(client, language, **params):
    response = client.get(SEARCH_URL[language], params)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [
        link.get_text(strip=True)
        for link in html.select(".search-results:not(.search-promotions *) .search-result__title a")
    ]


def organic_titles(html):
    return [link.get_text(strip=True) for link in html.select("ol.search-results .search-result__title a")]


def test_search_urls_are_translated(client, home):
    assert client.get("/fr/recherche/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/fr/search/").status_code == 404


def test_results_come_from_the_active_locale_only(client, home):
    lupus = add_page(home["fr"], "Journée mondiale du lupus", "lupus", model=HomePageFactory)
    publish_translation(lupus, "en", title="World Lupus Day", slug="lupus")

    _, french = search(client, "fr", q="lupus")
    _, english = search(client, "en", q="lupus")

    assert organic_titles(french) == ["Journée mondiale du lupus"]
    assert organic_titles(english) == ["World Lupus Day"]
    assert english.select_one("ol.search-results a")["href"] == "/en/lupus/"


def test_drafts_private_and_embargoed_pages_are_never_found(client, home):
    add_page(home["fr"], "Zanzibar en ligne", "en-ligne")
    add_page(home["fr"], "Zanzibar brouillon", "brouillon", live=False)
    private = add_page(home["fr"], "Zanzibar réservé", "reserve")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    add_page(private, "Zanzibar sous une page réservée", "dessous")
    # An embargoed release: the French source is not live yet, its English translation already is.
    embargoed = add_page(home["fr"], "Zanzibar sous embargo", "embargo", live=False, model=HomePageFactory)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=2)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()
    assert not embargoed.live
    translation = publish_translation(embargoed, "en", title="Zanzibar under embargo", slug="embargo", go_live_at=None)
    assert translation.live

    _, french = search(client, "fr", q="zanzibar")
    _, english = search(client, "en", q="zanzibar")

    assert organic_titles(french) == ["Zanzibar en ligne"]
    assert organic_titles(english) == []
    assert "embargo" not in english.select_one("main").decode().replace("q=zanzibar", "")


def test_a_page_written_in_english_first_is_found_while_its_french_translation_is_a_draft(client, home):
    from wagtail_localize.models import TranslationSource

    english = add_page(home["en"], "Zanzibar, written in English", "english-first", model=HomePageFactory)
    TranslationSource.get_or_create_from_instance(english)
    french = english.copy_for_translation(home["fr"].locale)
    assert not french.live

    _, html = search(client, "en", q="zanzibar")

    assert organic_titles(html) == ["Zanzibar, written in English"]


@override_settings(
    FCRIN_SEARCH_TYPES=[("release", "Press releases", ["home.HomePage"]), ("ghost", "Ghosts", ["news.NoSuchPage"])]
)
def test_filter_by_type(client, home):
    add_page(home["fr"], "Sepsis : un communiqué", "communique", model=HomePageFactory)
    add_page(home["fr"], "Sepsis : une autre page", "autre")

    _, everything = search(client, "fr", q="sepsis")
    _, releases = search(client, "fr", q="sepsis", type="release")
    _, unknown = search(client, "fr", q="sepsis", type="<script>")

    assert sorted(organic_titles(everything)) == ["Sepsis : un communiqué", "Sepsis : une autre page"]
    assert organic_titles(releases) == ["Sepsis : un communiqué"]
    assert releases.select_one(".search-result__type").get_text(strip=True) == "Press releases"
    assert sorted(organic_titles(unknown)) == sorted(organic_titles(everything))
    # Types whose models are not installed yet are not offered.
    assert [option["value"] for option in releases.select("#search-type option")] == ["", "release"]


def test_no_match_in_one_type_offers_all_types(client, home):
    add_page(home["fr"], "Sepsis", "sepsis")
    with override_settings(FCRIN_SEARCH_TYPES=[("release", "Communiqués", ["home.HomePage"])]):
        _, html = search(client, "fr", q="sepsis", type="release")

    assert organic_titles(html) == []
    assert html.select_one(".search-empty a[href='?q=sepsis']") is not None


def test_excerpt_is_the_standfirst_with_the_words_marked_and_markup_escaped(client, home):
    add_page(
        home["fr"],
        "Lupus",
        "lupus",
        standfirst="Le lupus touche <b>surtout</b> des femmes & des jeunes.",
        model=HomePageFactory,
    )

    response, html = search(client, "fr", q="lupus femmes")

    excerpt = html.select_one(".search-result__excerpt")
    assert [mark.get_text() for mark in excerpt.find_all("mark")] == ["lupus", "femmes"]
    assert excerpt.find("b") is None
    assert "&lt;b&gt;surtout&lt;/b&gt;" in response.content.decode()


def test_pagination_keeps_the_query_and_type(client, home):
    for number in range(23):
        add_page(home["fr"], f"Asthme sévère {number}", f"asthme-{number}", model=HomePageFactory)

    with override_settings(FCRIN_SEARCH_TYPES=[("release", "Communiqués", ["home.HomePage"])]):
        _, first = search(client, "fr", q="asthme", type="release")
        _, last = search(client, "fr", q="asthme", type="release", page=3)
        _, beyond = search(client, "fr", q="asthme", type="release", page="99")
        _, garbage = search(client, "fr", q="asthme", type="release", page="<x>")

    assert len(organic_titles(first)) == 10
    assert first.select_one("a[rel=next]")["href"] == "?q=asthme&type=release&page=2"
    assert len(organic_titles(last)) == 3
    assert last.select_one("ol.search-results")["start"] == "21"
    assert organic_titles(beyond) == organic_titles(last)
    assert organic_titles(garbage) == organic_titles(first)
    assert "23" in first.select_one(".search-summary").get_text()


def test_promotions_show_the_pick_in_the_readers_language(client, home):
    kit = add_page(home["fr"], "Dossier de presse", "dossier", model=HomePageFactory)
    publish_translation(kit, "en", title="Press kit", slug="kit")
    draft = add_page(home["fr"], "Brouillon promu", "brouillon", live=False)
    query = Query.get("Lupus")
    SearchPromotion.objects.create(query=query, page=kit, sort_order=0, description="Tout sur le lupus")
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.fai2r.org/", external_link_text="FAI²R", sort_order=2
    )

    _, french = search(client, "fr", q="  LUPUS ")
    _, english = search(client, "en", q="lupus")

    promoted = [(a.get_text(strip=True), a["href"]) for a in english.select(".search-promotions a")]
    assert promoted == [("Press kit", "/en/kit/"), ("FAI²R", "https://www.fai2r.org/")]
    assert [a.get_text(strip=True) for a in french.select(".search-promotions a")] == ["Dossier de presse", "FAI²R"]


def test_empty_states(client, home):
    _, blank = search(client, "fr")
    _, nothing = search(client, "en", q="xylophone")
    _, symbols = search(client, "en", q="&& || !!")

    assert blank.select_one(".search-empty") is not None
    assert blank.select_one("ol.search-results") is None
    assert "0 results" in nothing.select_one(".search-summary").get_text()
    assert nothing.select_one(".search-empty") is not None
    assert symbols.select_one(".search-empty") is not None


@pytest.mark.parametrize(
    "query",
    [
        "lupus\x00",
        "x" * 5000,
        "lupus " * 1000,
        "lupus AND (OR NOT \"unbalanced * : & | ! ' NEAR(a b)",
        "<script>alert('xss')</script>",
        '"><img src=x onerror=alert(1)>',
        "lupus:* & !sepsis | (a <-> b)",
        "\u202e\ufeff\u0301 lupus",
    ],
)
def test_hostile_queries_answer_normally(client, home, query):
    add_page(home["fr"], "Lupus", "lupus", model=HomePageFactory)

    response = client.get(SEARCH_URL["fr"], {"q": query})

    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    field = BeautifulSoup(content, "html.parser").select_one("#search-query")["value"]
    assert len(field) <= 200
    assert "\x00" not in content


def test_nul_byte_in_the_raw_query_string_is_dropped(client, home):
    add_page(home["fr"], "Lupus", "lupus", model=HomePageFactory)

    response = client.get("/fr/recherche/?q=lup%00us")

    assert response.status_code == 200
    assert organic_titles(BeautifulSoup(response.content, "html.parser")) == ["Lupus"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_results_page_query_budget(page_queries, network_index, language):
    """At most 12 queries, with 1 or 30 pages found, a promotion, a topic and a protocol."""
    from tests.factories import CareProtocolFactory, TopicFactory

    home = network_index[language].get_parent().specific
    hub = add_page(home, "Hub", "hub", model=HomePageFactory)
    topic = TopicFactory(name="Parkinson", slug="parkinson", locale=home.locale)
    CareProtocolFactory(title="PNDS Parkinson", disease=topic, locale=home.locale)
    SearchPromotion.objects.create(query=Query.get("parkinson"), page=hub, sort_order=0)
    add_page(hub, "Parkinson", "parkinson", model=HomePageFactory)
    url = SEARCH_URL[language] + "?q=parkinson"
    few = page_queries(url)
    for number in range(29):
        add_page(hub, f"Parkinson {number}", f"parkinson-{number}", standfirst="Parkinson et mouvements anormaux")
    many = page_queries(url)

    html = BeautifulSoup(many.response.content, "html.parser")
    assert len(organic_titles(html)) == 10
    assert [a.get_text(strip=True) for a in html.select(".search-vocabulary a")] == ["PNDS Parkinson", "Parkinson"]
    assert [a.get_text(strip=True) for a in html.select(".search-promotions a")] == ["Hub"]
    assert len(many) <= 12, many
    assert len(many) == len(few), many


def test_search_box_in_the_header(client, home):
    for language, action in [("fr", "/fr/recherche/"), ("en", "/en/search/")]:
        html = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        form = html.select_one("header form[role=search]")
        assert form["action"] == action
        field = form.select_one("input[name=q]")
        assert html.select_one(f"label[for={field['id']}]") is not None


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="French and English stemming needs PostgreSQL text search"
)


@postgres_only
def test_french_stemming_on_postgresql(client, home):
    add_page(
        home["fr"],
        "Lupus",
        "lupus",
        standfirst="Les maladies auto-immunes touchent surtout des femmes ; deux réseaux nationaux les étudient.",
        model=HomePageFactory,
    )

    # "réseau national" finding "réseaux nationaux" takes the French stemmer: the English one leaves both words alone.
    for query in ["lupus", "LUPUS", "maladie auto-immune", "maladies", "femme", "réseau national"]:
        _, html = search(client, "fr", q=query)
        assert organic_titles(html) == ["Lupus"], query


@postgres_only
def test_english_stemming_on_postgresql(client, home):
    source = add_page(home["fr"], "Sclérodermie", "sclerodermie", model=HomePageFactory)
    publish_translation(
        source,
        "en",
        title="Systemic sclerosis",
        slug="scleroderma",
        standfirst="Networks studying rare autoimmune diseases.",
    )

    for query in ["sclerosis", "study", "studies", "disease autoimmune"]:
        _, html = search(client, "en", q=query)
        assert organic_titles(html) == ["Systemic sclerosis"], query


def test_press_releases_are_found_by_type_in_each_language(client, press_room):
    from tests.factories import PressReleasePageFactory

    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        title="Journée mondiale de l'asthme",
        slug="asthme",
        standfirst="Le réseau CRISALIS étudie l'asthme sévère.",
    )
    publish_translation(
        release, "en", title="World Asthma Day", slug="asthma", standfirst="CRISALIS studies severe asthma."
    )
    embargoed = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        title="Asthme : sous embargo",
        slug="embargo",
        live=False,
    )
    embargoed.go_live_at = timezone.now() + datetime.timedelta(hours=3)
    embargoed.save_revision().publish()
    publish_translation(embargoed, "en", title="Asthma: under embargo", slug="embargo", go_live_at=None)

    _, french = search(client, "fr", q="asthme", type="release")
    _, english = search(client, "en", q="asthma", type="release")

    assert organic_titles(french) == ["Journée mondiale de l'asthme"]
    assert french.select_one(".search-result__type").get_text(strip=True) == "Communiqués de presse"
    assert [mark.get_text() for mark in french.select(".search-result__excerpt mark")] == ["asthme"]
    assert organic_titles(english) == ["World Asthma Day"]
    assert english.select_one(".search-result__type").get_text(strip=True) == "Press releases"


def test_topics_and_care_protocols_lead_to_the_topic_page(client, network_index):
    from tests.factories import CareProtocolFactory, TopicFactory

    fr, en = network_index["fr"].locale, network_index["en"].locale
    lupus = TopicFactory(name="Lupus systémique", slug="lupus", locale=fr, description="Une maladie auto-immune.")
    en_lupus = lupus.copy_for_translation(en)
    en_lupus.name, en_lupus.slug, en_lupus.description = "Systemic lupus", "lupus-en", "An autoimmune disease."
    en_lupus.save()
    CareProtocolFactory(title="PNDS Lupus systémique", disease=lupus, locale=fr)

    _, everything = search(client, "fr", q="lupus")
    _, topics = search(client, "en", q="lupus", type="topic")
    _, protocols = search(client, "fr", q="lupus", type="protocol")

    shortcuts = {a.get_text(strip=True): a["href"] for a in everything.select(".search-vocabulary a")}
    assert shortcuts == {
        "PNDS Lupus systémique": "/fr/reseaux/themes/lupus/",
        "Lupus systémique": "/fr/reseaux/themes/lupus/",
    }
    assert [(a.get_text(strip=True), a["href"]) for a in topics.select("ol.search-results a")] == [
        ("Systemic lupus", "/en/networks/topics/lupus-en/")
    ]
    assert topics.select_one(".search-result__excerpt").get_text() == "An autoimmune disease."
    assert organic_titles(protocols) == ["PNDS Lupus systémique"]
    assert client.get("/fr/reseaux/themes/lupus/").status_code == 200


def test_unpublishing_a_source_hides_its_translation_from_the_next_search(client, home):
    source = add_page(home["fr"], "Zanzibar source", "source", model=HomePageFactory)
    source.save_revision().publish()
    publish_translation(source, "en", title="Zanzibar translation", slug="translation")
    assert organic_titles(search(client, "en", q="zanzibar")[1]) == ["Zanzibar translation"]

    Page.objects.get(pk=source.pk).unpublish()

    assert organic_titles(search(client, "en", q="zanzibar")[1]) == []
