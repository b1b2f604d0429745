"""The partners' read-only API: public pages only, filters, fields, and no file listings."""

import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from news.models import PressReleaseNetwork, PressReleaseTopic
from tests.factories import HomePageFactory, PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db


def listing(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])


def release(press_room, title, slug, **fields):
    return PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title=title, slug=slug, **fields
    )


@pytest.fixture
def releases(press_room):
    lupus = release(press_room, "Journée mondiale du lupus", "lupus", standfirst="Le lupus touche surtout des femmes.")
    en_lupus = publish_translation(lupus, "en", title="World Lupus Day", slug="world-lupus-day")
    release(press_room, "Communiqué en brouillon", "brouillon", live=False)
    embargoed = release(press_room, "Communiqué sous embargo", "embargo", live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=1)
    embargoed.save_revision().publish()
    publish_translation(embargoed, "en", title="Release under embargo", slug="embargo", go_live_at=None)
    private_room = HomePageFactory(
        parent=press_room["fr"].get_parent(), locale=press_room["fr"].locale, slug="prive", title="Privé"
    )
    PageViewRestriction.objects.create(page=private_room, restriction_type="password", password="secret")
    return {"fr": lupus, "en": en_lupus}


def test_lists_live_public_pages_of_the_served_types(client, releases):
    data = listing(client)

    assert titles(data) == [
        "Espace presse de F-CRIN",
        "F-CRIN press office",
        "Journée mondiale du lupus",
        "World Lupus Day",
    ]
    assert data["meta"]["total_count"] == 4


def test_locale_filter(client, releases):
    assert titles(listing(client, locale="en")) == ["F-CRIN press office", "World Lupus Day"]
    assert titles(listing(client, locale="fr")) == ["Espace presse de F-CRIN", "Journée mondiale du lupus"]
    assert client.get("/api/v2/pages/", {"locale": "de"}).status_code == 404


def test_no_draft_private_or_embargoed_item_anywhere(client, releases, press_room):
    from wagtail.models import Page

    hidden = Page.objects.exclude(pk__in=[item["id"] for item in listing(client, limit=20)["items"]]).filter(
        depth__gt=1
    )
    for page in hidden:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
    everything = b"".join(
        client.get("/api/v2/pages/", params).content
        for params in [
            {},
            {"type": "news.PressReleasePage"},
            {"search": "embargo"},
            {"descendant_of": press_room["fr"].pk},
        ]
    )
    for secret in [b"embargo", b"brouillon", b"Priv"]:
        assert secret not in everything


def test_release_fields_for_partners(client, releases):
    topic = TopicFactory(name="Lupus", slug="lupus", locale=releases["fr"].locale)
    en_topic = topic.copy_for_translation(releases["en"].locale)
    en_topic.name = "Lupus (EN)"
    en_topic.save()
    PressReleaseTopic.objects.create(page=releases["fr"], topic=topic)
    PressReleaseTopic.objects.create(page=releases["en"], topic=topic)

    response = client.get(f"/api/v2/pages/{releases['en'].pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "news.PressReleasePage"
    assert data["meta"]["locale"] == "en"
    assert data["standfirst"] == "Le lupus touche surtout des femmes."
    assert data["release_date"] == "2026-05-10"
    assert data["topics"] == [{"name": "Lupus (EN)", "slug": "lupus"}]
    assert data["hero_image"] is None


def test_topic_and_network_filters(client, releases, press_room):
    topic = TopicFactory(name="Lupus", slug="lupus", locale=releases["fr"].locale)
    PressReleaseTopic.objects.create(page=releases["fr"], topic=topic)
    network = HomePageFactory(
        parent=press_room["fr"].get_parent(), locale=topic.locale, slug="cri-imidiate", title="CRI-IMIDIATE"
    )
    PressReleaseNetwork.objects.create(page=releases["en"], network=network)
    other = release(press_room, "Autre communiqué", "autre")

    assert titles(listing(client, topic="lupus")) == ["Journée mondiale du lupus"]
    assert titles(listing(client, topic="sepsis")) == []
    assert titles(listing(client, network=network.pk)) == ["World Lupus Day"]
    assert titles(listing(client, network="cri-imidiate", locale="en")) == ["World Lupus Day"]
    assert titles(listing(client, network="9" * 40)) == []
    assert other.title in titles(listing(client, type="news.PressReleasePage"))


def test_search_without_a_locale_finds_each_page_in_its_own_language(client, press_room):
    # On PostgreSQL the French stemmer makes "scleros" of "sclerosis", the English one "sclerosi": a
    # search stemmed in the reader's language alone would miss the English page.
    source = release(press_room, "Sclérodermie : un essai", "sclerodermie", standfirst="Un essai sur la sclérodermie.")
    publish_translation(
        source,
        "en",
        title="Systemic sclerosis: a trial",
        slug="systemic-sclerosis",
        standfirst="A trial in scleroderma.",
    )

    assert titles(listing(client, search="sclerosis")) == ["Systemic sclerosis: a trial"]
    assert titles(listing(client, search="sclerosis", locale="en")) == ["Systemic sclerosis: a trial"]
    assert titles(listing(client, search="sclérodermie")) == ["Sclérodermie : un essai"]
    assert titles(listing(client, search="essai", locale="fr")) == ["Sclérodermie : un essai"]


@pytest.mark.parametrize("path", ["/api/v2/documents/", "/api/v2/images/", "/api/v2/documents/1/", "/api/v2/images/1/"])
def test_no_documents_or_images_listing(client, home, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"type": "home.NoSuchPage"},
        {"topic": "<script>"},
        {"network": "²"},
        {"fields": "*,secret"},
        {"search": "a & | !"},
    ],
)
def test_bad_parameters_never_give_a_server_error(client, releases, params):
    response = client.get("/api/v2/pages/", params)

    assert response.status_code in {200, 400, 404}
    assert b"<script>" not in response.content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"offset": "9223372036854775808"}, "offset cannot be higher than 1000000000"),
        ({"offset": "9223372036854775807"}, "offset cannot be higher than 1000000000"),
        ({"offset": " 9_223_372_036_854_775_808"}, "offset cannot be higher than 1000000000"),
        ({"offset": "1000000001"}, "offset cannot be higher than 1000000000"),
        ({"offset": "-1"}, "offset must be a positive integer"),
        ({"offset": "1e9"}, "offset must be a positive integer"),
        ({"limit": "9223372036854775808"}, "limit cannot be higher than 20"),
        ({"limit": "1" + "0" * 400}, "limit cannot be higher than 20"),
        ({"search": "lupus", "search_operator": "xor"}, "search_operator must be 'and' or 'or'"),
    ],
)
def test_out_of_range_numbers_are_a_clear_400(client, releases, params, message):
    response = client.get("/api/v2/pages/", params)

    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_the_largest_offset_is_an_empty_page(client, releases):
    assert listing(client, offset=1_000_000_000)["items"] == []


# Search syntax of FTS5 (SQLite) and tsquery (PostgreSQL), and what breaks string literals.
SEARCH_SYNTAX = ['"', 'a"b', '"unbalanced', '"""', "*", "lupus*", "NEAR(", "NEAR(a b)", "AND", "OR NOT", "(", ")"]
SEARCH_SYNTAX += ["lupus AND (", " ", "^lupus", "title:lupus", "{title}:x", "-", "+", "'", "\\", "%", "%s", "a\x00b"]


@pytest.mark.parametrize("locale", [None, "fr", "en"])
def test_search_syntax_is_never_a_server_error(client, releases, locale):
    answers = {}
    for search in SEARCH_SYNTAX:
        # A savepoint each: on PostgreSQL a failed query would abort the test's transaction.
        with transaction.atomic():
            response = client.get("/api/v2/pages/", {"search": search} | ({"locale": locale} if locale else {}))
        answers[search] = (response.status_code, response.json()["meta"]["total_count"])

    assert {search: status for search, (status, _count) in answers.items() if status != 200} == {}
    assert answers["a\x00b"] == answers['"'] == answers[" "] == (200, 0)


@pytest.mark.parametrize("search", ['"lupus"', 'lupus"', '"lupus'])
def test_a_quote_around_a_word_still_finds_it(client, releases, search):
    assert titles(listing(client, search=search, locale="fr")) == ["Journée mondiale du lupus"]


def test_network_and_awareness_day_fields_and_filters(client, network_index, awareness_calendar):
    from networks.models import NetworkTopic
    from news.models import AwarenessDayNetwork, AwarenessDayTopic
    from tests.factories import AwarenessDayPageFactory, NetworkPageFactory

    fr = network_index["fr"].locale
    lupus = TopicFactory(name="Lupus", slug="lupus", locale=fr)
    network = NetworkPageFactory(
        parent=network_index["fr"], locale=fr, title="CRI-IMIDIATE", slug="cri-imidiate", centres=54
    )
    NetworkTopic.objects.create(page=network, topic=lupus)
    day = AwarenessDayPageFactory(
        parent=awareness_calendar["fr"], locale=fr, title="Journée mondiale du lupus", slug="lupus"
    )
    AwarenessDayTopic.objects.create(page=day, topic=lupus)
    AwarenessDayNetwork.objects.create(page=day, network=network)
    AwarenessDayPageFactory(
        parent=awareness_calendar["fr"], locale=fr, title="Journée mondiale de l'asthme", slug="asthme"
    )

    network_data = client.get(f"/api/v2/pages/{network.pk}/").json()
    day_data = client.get(f"/api/v2/pages/{day.pk}/").json()

    assert network_data["acronym"] == "CRI-IMIDIATE"
    assert network_data["centres"] == 54
    assert network_data["topics"] == [{"name": "Lupus", "slug": "lupus"}]
    assert day_data["topics"] == [{"name": "Lupus", "slug": "lupus"}]
    assert day_data["networks"][0]["title"] == "CRI-IMIDIATE"
    occurrence = datetime.date.fromisoformat(day_data["next_occurrences"][0]["start"])
    assert (occurrence.month, occurrence.day) == (5, 10)
    assert titles(listing(client, topic="lupus")) == ["CRI-IMIDIATE", "Journée mondiale du lupus"]
    assert titles(listing(client, network=network.pk, type="news.AwarenessDayPage")) == ["Journée mondiale du lupus"]
    # Directories and calendars are navigation, not content partners reuse.
    assert network_index["fr"].pk not in {item["id"] for item in listing(client, limit=20)["items"]}
