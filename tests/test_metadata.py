"""Link previews and structured data as crawlers and social networks read them."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from tests.factories import HomePageFactory, PressReleasePageFactory, publish_translation

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = BeautifulSoup(response.content, "html.parser")
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in html.find_all("meta", content=True)}
    data = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    return html, meta, {item["@type"]: item for item in data}


@pytest.mark.parametrize(("language", "search_path"), [("fr", "/fr/recherche/"), ("en", "/en/search/")])
def test_home_page_describes_the_website_and_its_search(client, home, language, search_path):
    html, meta, data = parse(client, f"/{language}/")

    website = data["WebSite"]
    assert website["@context"] == "https://schema.org"
    assert website["url"] == f"http://localhost/{language}/"
    assert website["inLanguage"] == language
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"http://localhost{search_path}?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert "BreadcrumbList" not in data
    assert html.find("link", rel="canonical")["href"] == f"http://localhost/{language}/"
    assert meta["og:url"] == f"http://localhost/{language}/"
    assert meta["og:title"] == home[language].title
    assert meta["og:description"] == home[language].standfirst
    assert meta["og:locale"] == {"fr": "fr_FR", "en": "en_GB"}[language]
    assert meta["twitter:card"] == "summary"


def test_other_pages_carry_their_breadcrumb(client, home):
    section = HomePageFactory(parent=home["fr"], locale=home["fr"].locale, title="Rubrique", slug="rubrique")
    leaf = HomePageFactory(parent=section, locale=section.locale, title="Sous-rubrique", slug="sous-rubrique")

    _, _, data = parse(client, leaf.url)

    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Espace presse de F-CRIN", "http://localhost/fr/"),
        (2, "Rubrique", "http://localhost/fr/rubrique/"),
        (3, "Sous-rubrique", "http://localhost/fr/rubrique/sous-rubrique/"),
    ]
    assert all(c["@type"] == "ListItem" for c in crumbs)


def test_a_release_carries_its_breadcrumb(client, press_room):
    release = PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title="Lupus", slug="lupus"
    )

    crumbs = parse(client, release.url)[2]["BreadcrumbList"]["itemListElement"]

    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Espace presse de F-CRIN", "http://localhost/fr/"),
        (2, press_room["fr"].title, "http://localhost/fr/communiques/"),
        (3, "Lupus", "http://localhost/fr/communiques/lupus/"),
    ]


def test_release_preview_has_its_image_and_article_type(client, press_room):
    image = wagtail_factories.ImageFactory(title="Chercheuse au microscope", description="Une chercheuse au microscope")
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        title="Journée mondiale du lupus",
        slug="lupus",
        standfirst="Le <lupus> & ses traitements.",
        hero_image=image,
    )
    release.save_revision().publish()
    en_release = publish_translation(release, "en", title="World Lupus Day", slug="world-lupus-day")

    html, meta, data = parse(client, en_release.url)

    assert meta["og:type"] == "article"
    assert meta["og:title"] == "World Lupus Day"
    assert meta["og:description"] == "Le <lupus> & ses traitements."
    assert len(html.find_all("meta", property="og:title")) == 1
    rendition = image.get_rendition("fill-1200x630")
    assert meta["og:image"].startswith("http")
    assert meta["og:image"].endswith(rendition.url)
    assert (meta["og:image:width"], meta["og:image:height"]) == (str(rendition.width), str(rendition.height))
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["og:locale"] == "en_GB"
    assert [c["name"] for c in data["BreadcrumbList"]["itemListElement"]] == [
        "F-CRIN press office",
        "Press releases",
        "World Lupus Day",
    ]
    assert html.find("link", rel="canonical")["href"] == "http://localhost/en/press-releases/world-lupus-day/"


def test_network_page_keeps_its_organisation_next_to_the_breadcrumb(client, network_index):
    from tests.factories import NetworkPageFactory

    network = NetworkPageFactory(parent=network_index["fr"], locale=network_index["fr"].locale, title="CRISALIS")

    html, meta, data = parse(client, network.url)

    assert data["ResearchOrganization"]["name"] == network.full_name
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == "CRISALIS"
    assert len(html.find_all("meta", property="og:title")) == 1
    assert meta["og:description"] == network.summary
    assert len(html.find_all("link", rel="canonical")) == 1


def test_awareness_day_keeps_its_event_next_to_the_breadcrumb(client, awareness_calendar):
    from tests.factories import AwarenessDayPageFactory

    day = AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=awareness_calendar["fr"].locale)

    _, _, data = parse(client, day.url)

    assert data["Event"]["name"]
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == day.title


def test_json_ld_cannot_close_its_script_element(client, home):
    page = HomePageFactory(
        parent=home["fr"], locale=home["fr"].locale, title="</script><script>alert(1)</script>", slug="x"
    )

    response = client.get(page.url)

    assert b"</script><script>alert(1)" not in response.content
    _, _, data = parse(client, page.url)
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == "</script><script>alert(1)</script>"


def test_shared_previews_use_a_rendition_of_the_pages_image(rf, press_room):
    from django.template.loader import render_to_string

    image = wagtail_factories.ImageFactory(title="Microscope", description="Une chercheuse au microscope")
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, hero_image=image)

    html = BeautifulSoup(
        render_to_string("includes/metadata.html", {"page": release, "request": rf.get("/")}), "html.parser"
    )

    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in html.find_all("meta")}
    rendition = image.get_rendition("fill-1200x630")
    assert meta["og:image"] == f"http://localhost{rendition.url}"
    assert meta["og:image:alt"] == "Une chercheuse au microscope"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:type"] == "article"
