"""Find an expert: the directory and the expert pages in both languages, their filters (bad values
ignored, never a 500), the releases quoting an expert, the press office as contact, the sitemap, and
query budgets that do not grow from 1 to 1,000 experts."""

import json
import xml.etree.ElementTree as ET

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from news.models import ExpertIndexPage, ExpertLanguage, ExpertNetwork, ExpertPage, ExpertTopic, PressReleasePage
from tests.factories import (
    NetworkPageFactory,
    PressReleasePageFactory,
    TopicFactory,
    publish_translation,
)

pytestmark = pytest.mark.django_db

WARM_BUDGET = 12
COLD_BUDGET = 20


@pytest.fixture
def directory(home, network_index, press_room):
    fr = ExpertIndexPage(title="Trouver un expert", slug="experts", locale=home["fr"].locale, intro="Nos experts.")
    home["fr"].add_child(instance=fr)
    fr.save_revision().publish()
    en = publish_translation(fr, "en", title="Find an expert", slug="experts", intro="Our experts.")
    return {"fr": fr, "en": en}


def make_expert(index, name, slug, topics=(), networks=(), languages=("fr",), photo=False, **fields):
    expert = ExpertPage(
        title=name,
        slug=slug,
        locale=index.locale,
        job_title=fields.pop("job_title", "Rhumatologue"),
        affiliation=fields.pop("affiliation", "CHU de Toulouse"),
        bio=fields.pop("bio", "Spécialiste du lupus."),
        photo=wagtail_factories.ImageFactory(title=f"Portrait {name}") if photo else None,
        photo_credit="Illustration F-CRIN" if photo else "",
        **fields,
    )
    expert.topic_links = [ExpertTopic(topic=topic) for topic in topics]
    expert.network_links = [ExpertNetwork(network=network) for network in networks]
    expert.language_links = [ExpertLanguage(language=code) for code in languages]
    index.add_child(instance=expert)
    expert.save_revision().publish()
    return expert


@pytest.fixture
def world(directory, network_index, press_room):
    fr_locale = directory["fr"].locale
    lupus = TopicFactory(locale=fr_locale, name="Lupus", slug="lupus")
    lupus_en = lupus.copy_for_translation(directory["en"].locale)
    lupus_en.name, lupus_en.slug = "Lupus (EN)", "lupus-en"
    lupus_en.save()
    asthma = TopicFactory(locale=fr_locale, name="Asthme", slug="asthme")
    imidiate = NetworkPageFactory(
        parent=network_index["fr"], locale=fr_locale, title="CRI-IMIDIATE", slug="cri-imidiate"
    )
    imidiate.save_revision().publish()
    imidiate_en = publish_translation(imidiate, "en", slug="cri-imidiate-en")
    ada = make_expert(
        directory["fr"],
        "Dr Ada Martin",
        "ada-martin",
        topics=[lupus],
        networks=[imidiate],
        languages=["fr", "de"],
        photo=True,
        media_trained=True,
        email="ada@example.org",
        show_email=True,
    )
    ada_en = publish_translation(ada, "en", job_title="Rheumatologist", bio="Lupus specialist.")
    bea = make_expert(
        directory["fr"], "Pr Bea Roux", "bea-roux", topics=[asthma], languages=["fr"], email="bea@example.org"
    )
    publish_translation(bea, "en", job_title="Respiratory physician", bio="Asthma specialist.")
    return {"ada": ada, "ada_en": ada_en, "bea": bea, "lupus": lupus, "network": imidiate, "network_en": imidiate_en}


def names(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [card.get_text(strip=True) for card in soup.select(".expert-card__name")]


@pytest.mark.parametrize(
    ("language", "url"),
    [("fr", "/fr/experts/"), ("en", "/en/experts/")],
)
def test_the_directory_lists_public_experts_in_each_language(client, world, language, url):
    draft = make_expert(ExpertIndexPage.objects.get(locale__language_code="fr"), "Dr Brouillon", "brouillon")
    draft.unpublish()

    assert names(client.get(url)) == ["Dr Ada Martin", "Pr Bea Roux"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?topic=lupus", ["Dr Ada Martin"]),
        ("?topic=asthme", ["Pr Bea Roux"]),
        ("?network=cri-imidiate", ["Dr Ada Martin"]),
        ("?language=de", ["Dr Ada Martin"]),
        ("?language=fr&topic=asthme", ["Pr Bea Roux"]),
        # Bad values are ignored: the whole directory, never an error.
        ("?topic=inconnu", ["Dr Ada Martin", "Pr Bea Roux"]),
        ("?language=xx%00", ["Dr Ada Martin", "Pr Bea Roux"]),
        ("?network=99999999999999999999999", ["Dr Ada Martin", "Pr Bea Roux"]),
        ("?page=abc", ["Dr Ada Martin", "Pr Bea Roux"]),
        ("?page=999", ["Dr Ada Martin", "Pr Bea Roux"]),
        ("?topic=%F0%9F%92%A5&network[]=1", ["Dr Ada Martin", "Pr Bea Roux"]),
    ],
)
def test_french_filters(client, world, query, expected):
    assert names(client.get("/fr/experts/" + query)) == expected


def test_english_filters_use_english_slugs(client, world):
    assert names(client.get("/en/experts/?topic=lupus-en")) == ["Dr Ada Martin"]
    assert names(client.get("/en/experts/?network=cri-imidiate-en")) == ["Dr Ada Martin"]
    assert names(client.get("/en/experts/?topic=lupus")) == ["Dr Ada Martin", "Pr Bea Roux"]  # French slug: ignored


def test_filter_choices_are_in_the_directorys_language(client, world):
    soup = BeautifulSoup(client.get("/en/experts/?language=de").content, "html.parser")

    # Topics without an English version are not offered, as in the press room's filters.
    assert [o.get_text() for o in soup.select("#filter-topic option")] == ["All topics", "Lupus (EN)"]
    assert [o["value"] for o in soup.select("#filter-network option")] == ["", "cri-imidiate-en"]
    assert [o.get_text() for o in soup.select("#filter-language option")] == ["All languages", "French", "German"]
    assert soup.select_one("#filter-language option[selected]")["value"] == "de"
    french = BeautifulSoup(client.get("/fr/experts/").content, "html.parser")
    assert [o.get_text() for o in french.select("#filter-language option")] == [
        "Toutes les langues",
        "Français",
        "Allemand",
    ]


def test_expert_page_shows_networks_languages_photo_and_the_address_they_agreed_to_show(client, world):
    response = client.get("/en/experts/ada-martin/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Dr Ada Martin"
    assert soup.select_one(".eyebrow a")["href"] == "/en/experts/"
    assert "Rheumatologist" in soup.select_one(".standfirst").get_text()
    assert [a.get_text() for a in soup.select("#expert-networks + ul a")] == ["CRI-IMIDIATE"]
    assert soup.select_one("#expert-networks + ul a")["href"] == world["network_en"].url
    assert "French, German" in soup.select_one(".expert__languages").get_text()
    assert "Media-trained" in soup.select_one(".expert__languages").get_text()
    assert soup.select_one(".expert__photo img")["alt"] == "Portrait of Dr Ada Martin"
    assert "Illustration F-CRIN" in soup.select_one(".expert__photo figcaption").get_text()
    assert soup.select_one(".expert__contact a[href='mailto:ada@example.org']")
    person = next(
        data
        for data in (json.loads(s.string) for s in soup.find_all("script", type="application/ld+json"))
        if data.get("@type") == "Person"
    )
    assert person["name"] == "Dr Ada Martin" and person["knowsLanguage"] == ["fr", "de"]


@pytest.mark.parametrize(("language", "sentence"), [("fr", "service de presse"), ("en", "press office")])
def test_without_agreement_journalists_go_through_the_press_office(client, world, language, sentence):
    from wagtail.models import Site

    from news.models import PressOfficeDefaultContact, PressOfficeSettings
    from tests.factories import PressContactFactory

    settings = PressOfficeSettings.for_site(Site.objects.get(is_default_site=True))
    PressOfficeDefaultContact.objects.create(
        setting=settings, contact=PressContactFactory(locale=world["bea"].locale, given_name="Léa", family_name="Roux")
    )

    response = client.get(f"/{language}/experts/bea-roux/")

    html = response.content.decode()
    assert "bea@example.org" not in html  # Not agreed: never on the page.
    soup = BeautifulSoup(html, "html.parser")
    contact = soup.select_one(".expert__contact")
    assert sentence in contact.get_text()
    assert contact.select_one(".contact-card__name").get_text() == "Léa Roux"


def _quote(expert, words="Un traitement bref.", speaker=""):
    return {"type": "quote", "value": {"words": words, "expert": expert.pk, "speaker": speaker, "role": ""}}


def test_a_quote_names_an_expert_and_the_expert_page_lists_the_releases(client, world, press_room):
    room = press_room["fr"]
    release = PressReleasePageFactory(
        parent=room, locale=room.locale, title="Journée du lupus", slug="lupus", body=[_quote(world["ada"])]
    )
    release.save_revision().publish()
    english = publish_translation(release, "en", title="World Lupus Day", slug="lupus-day")
    PressReleasePageFactory(parent=room, locale=room.locale, title="Autre", slug="autre")
    embargoed = PressReleasePageFactory(
        parent=room, locale=room.locale, title="Sous embargo", slug="embargo", body=[_quote(world["ada"])], live=False
    )
    embargoed.save_revision()

    french = BeautifulSoup(client.get(release.url).content, "html.parser")
    link = french.select_one(".quote__source a.quote__expert")
    assert link.get_text() == "Dr Ada Martin" and link["href"] == "/fr/experts/ada-martin/"
    assert "Rhumatologue, CHU de Toulouse" in french.select_one(".quote__role").get_text()
    # The English release quotes the French page (wagtail-localize copies page choosers): shown in English.
    english_soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert english_soup.select_one("a.quote__expert")["href"] == "/en/experts/ada-martin/"
    assert "Rheumatologist" in english_soup.select_one(".quote__role").get_text()

    for url, title in (("/fr/experts/ada-martin/", "Journée du lupus"), ("/en/experts/ada-martin/", "World Lupus Day")):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert [a.get_text() for a in soup.select(".release-card__title a")] == [title]
    assert not BeautifulSoup(client.get("/fr/experts/bea-roux/").content, "html.parser").select(".release-card")


def test_an_unpublished_expert_leaves_only_the_typed_name(client, world, press_room):
    room = press_room["fr"]
    release = PressReleasePageFactory(
        parent=room, locale=room.locale, slug="lupus", body=[_quote(world["ada"], speaker="La rhumatologue")]
    )
    release.save_revision().publish()
    world["ada"].unpublish()

    soup = BeautifulSoup(client.get(release.url).content, "html.parser")
    assert soup.select_one(".quote__source").get_text(strip=True) == "La rhumatologue"
    assert not soup.select("a.quote__expert")


def test_a_quote_needs_an_expert_or_a_speaker():
    from django.core.exceptions import ValidationError

    from news.blocks import QuoteBlock

    block = QuoteBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"words": "Bonjour.", "expert": None, "speaker": "", "role": ""}))
    assert block.clean(block.to_python({"words": "Bonjour.", "expert": None, "speaker": "Pr X", "role": ""}))


def test_bad_addresses_are_not_found_in_the_visitors_language(client, world):
    assert client.get("/fr/experts/inconnu/").status_code == 404
    assert client.get("/en/experts/ada-martin/extra/").status_code == 404


def test_sitemap_lists_the_directory_and_expert_pages_in_both_languages(client, world):
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in ET.fromstring(response.content).findall(".//s:loc", namespace)}
    for path in ("/fr/experts/", "/en/experts/", "/fr/experts/ada-martin/", "/en/experts/bea-roux/"):
        assert f"http://localhost{path}" in locations


@pytest.mark.parametrize(("language", "title"), [("fr", "Trouver un expert"), ("en", "Find an expert")])
def test_the_home_page_links_the_directory(client, directory, language, title):
    directory["fr"].show_in_menus = True
    directory["fr"].save_revision().publish()
    directory["en"].show_in_menus = True
    directory["en"].save_revision().publish()

    soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")

    assert soup.find("a", href=f"/{language}/experts/", string=title)


def _measure(client, url, warm):
    from django.test import override_settings

    with override_settings(PAGE_CACHE_FRAGMENTS=warm):
        for cache in caches.all():
            cache.clear()
        client.get(url)
        if not warm:
            for cache in caches.all():
                cache.clear()
        else:
            client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _add_experts(index, count, topic, network, start):
    """``count`` live experts, quickly: pages without revisions, their links in bulk."""
    experts = []
    for number in range(start, start + count):
        expert = ExpertPage(
            title=f"Expert {number:04d}",
            slug=f"expert-{number}",
            locale=index.locale,
            job_title="Médecin",
            affiliation="CHU",
            bio="Bio.",
            live=True,
        )
        index.add_child(instance=expert)
        experts.append(expert)
    ExpertTopic.objects.bulk_create([ExpertTopic(page=expert, topic=topic) for expert in experts])
    ExpertNetwork.objects.bulk_create([ExpertNetwork(page=expert, network=network) for expert in experts])
    ExpertLanguage.objects.bulk_create(
        [ExpertLanguage(page=expert, language=code) for expert in experts for code in ("fr", "en")]
    )


URLS = ["/fr/experts/", "/fr/experts/?topic=lupus&language=en", "/fr/experts/?network=cri-imidiate&page=2"]


def test_directory_query_budgets_from_one_to_a_thousand_experts(client, world):
    index = world["ada"].get_parent().specific
    _add_experts(index, 1, world["lupus"], world["network"], start=0)
    few = {url: (_measure(client, url, warm=True), _measure(client, url, warm=False)) for url in URLS}
    _add_experts(index, 999, world["lupus"], world["network"], start=1)
    many = {url: (_measure(client, url, warm=True), _measure(client, url, warm=False)) for url in URLS}

    assert len(names(client.get(URLS[0]))) == 24
    for url in URLS:
        warm, cold = many[url]
        assert warm <= WARM_BUDGET and cold <= COLD_BUDGET, (url, many[url])
    # The second page of a network's experts exists only with many: the first two compare as they are.
    assert [many[url] for url in URLS[:2]] == [few[url] for url in URLS[:2]], (few, many)


def test_expert_page_query_budget_does_not_grow_with_quoting_releases(client, world, press_room):
    room = press_room["fr"]
    url = "/fr/experts/ada-martin/"

    def add_releases(count, start):
        for number in range(start, start + count):
            release = PressReleasePageFactory(
                parent=room,
                locale=room.locale,
                slug=f"r{number}",
                body=[_quote(world["ada"])],
                hero_image=wagtail_factories.ImageFactory(title=f"Bandeau {number}"),
            )
            release.save_revision().publish()

    add_releases(1, 0)
    few = (_measure(client, url, warm=True), _measure(client, url, warm=False))
    add_releases(10, 1)
    many = (_measure(client, url, warm=True), _measure(client, url, warm=False))

    assert many[0] <= WARM_BUDGET and many[1] <= COLD_BUDGET, many
    assert many == few
    assert PressReleasePage.objects.count() >= 11
