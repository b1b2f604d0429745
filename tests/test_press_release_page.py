"""What a journalist (and a search engine) reads on a release page."""

import json

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from news.models import PressReleaseNetwork
from tests.factories import PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def release(press_room):
    fr = press_room["fr"].locale
    image = wagtail_factories.ImageFactory(title="Centre expert", description="Une salle de consultation")
    document = get_document_model().objects.create(
        title="Protocole", file=ContentFile(b"%PDF-1.4", name="protocole.pdf")
    )
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=fr,
        title="Lupus : </script><b>agir tôt</b>",
        slug="lupus-agir-tot",
        standfirst="Les réseaux F-CRIN se mobilisent pour la journée mondiale du lupus.",
        dateline="Paris",
        hero_image=image,
        hero_caption="Une consultation",
        hero_credit="CHU de Toulouse",
        body=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Des chercheurs", "caption": "Au labo", "credit": "Inserm"},
            },
            {"type": "document", "value": {"document": document.pk, "label": "Lire le protocole"}},
        ],
    )
    release.topic_links.create(topic=TopicFactory(locale=fr, name="Lupus"))
    network = wagtail_factories.PageFactory(
        parent=press_room["fr"].get_parent(), title="CRI-IMIDIATE", slug="cri-imidiate"
    )
    release.network_links.create(network=network)
    release.attachments.create(document=document)
    release.save_revision().publish()
    return release


def test_structured_data_and_social_cards(client, release):
    soup = _soup(client.get(release.url))

    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("http") and canonical.endswith(release.url)
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == release.title
    assert data["inLanguage"] == "fr"
    assert data["url"] == canonical
    assert data["dateline"] == "Paris"
    assert data["image"][0].startswith("http")
    # The title's "</script>" is escaped inside the JSON, so it cannot end the script early.
    assert soup.select_one('script[type="application/ld+json"] ~ b') is None
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in soup.select("meta[content]")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == release.title
    assert meta["og:locale"] == "fr_FR"
    assert meta["og:url"] == canonical
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["description"].startswith("Les réseaux F-CRIN")


def test_english_translation_metadata(client, release):
    en_release = publish_translation(release, "en", title="Lupus: act early", slug="lupus-act-early")

    soup = _soup(client.get(en_release.url))

    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["inLanguage"] == "en"
    assert soup.select_one('meta[property="og:locale"]')["content"] == "en_GB"
    assert soup.select_one('link[rel="canonical"]')["href"].endswith("/en/press-releases/lupus-act-early/")


def test_figures_credits_downloads_and_related(client, release):
    soup = _soup(client.get(release.url))

    hero = soup.select_one(".release__hero")
    assert hero.img["alt"] == "Une salle de consultation"
    assert "Crédit : CHU de Toulouse" in hero.figcaption.get_text()
    figure = soup.select_one(".release__body .figure")
    assert figure.img["alt"] == "Des chercheurs"
    assert "Crédit : Inserm" in figure.figcaption.get_text()
    document_url = get_document_model().objects.get(title="Protocole").url
    assert soup.select_one(".download a")["href"] == document_url
    assert soup.select_one(".release__attachments a")["href"] == document_url
    assert soup.select_one(".release__dateline").get_text(" ", strip=True) == "Paris , 10 mai 2026"
    related = soup.select_one(".release__related")
    assert "Lupus" in related.get_text()
    assert related.select_one("a").get_text() == "CRI-IMIDIATE"


def test_a_network_cited_since_the_last_publication_is_shown(client, release, press_room):
    assert "CRI-IMIDIATE" in _soup(client.get(release.url)).select_one(".release__related").get_text()
    # Written without publishing, so the vocabularies kept under the content version do not know it.
    network = wagtail_factories.PageFactory(parent=press_room["fr"].get_parent(), title="FORCE", slug="force")
    PressReleaseNetwork.objects.create(page=release, network=network, sort_order=1)

    links = _soup(client.get(release.url)).select(".release__related a")

    assert [link.get_text() for link in links] == ["CRI-IMIDIATE", "FORCE"]


def test_a_new_focal_point_crops_the_sharing_image_anew_on_the_next_request(client, release):
    def sharing_image():
        return _soup(client.get(release.url)).select_one('meta[property="og:image"]')["content"]

    before = sharing_image()
    image = release.hero_image
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 20, 20
    image.save()

    after = sharing_image()
    assert after != before
    assert after.endswith(image.get_rendition("fill-1200x630").url)
