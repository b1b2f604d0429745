"""The demo's media library (issue 22): twelve drawn, credited photos in both languages, in the galleries
of releases and networks, listed by the media library page that the home pages link to."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from news.models import MediaItem

pytestmark = pytest.mark.django_db

PAGES = {"fr": "/fr/phototheque/", "en": "/en/media-library/"}


def test_twelve_credited_photos_in_both_languages(demo_content):
    french = MediaItem.objects.filter(locale__language_code="fr", kind="photo")
    assert french.count() >= 12
    for item in french:
        english = item.get_translation(MediaItem.objects.filter(locale__language_code="en").first().locale)
        assert item.credit and item.alt_text and english.alt_text
        assert english.caption != item.caption and english.image_id == item.image_id


@pytest.mark.parametrize("language", ["fr", "en"])
def test_library_is_linked_from_the_home_page_and_lists_the_public_photos(client, demo_content, language):
    home = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    assert PAGES[language] in [link["href"] for link in home.select("main a")]
    page = BeautifulSoup(client.get(PAGES[language]).content, "html.parser")
    cards = page.select("main .media-card")
    # One photo is only in the gallery of the release under embargo.
    assert len(cards) == MediaItem.objects.public().filter(locale__language_code=language).count() == 11
    link = cards[0].select_one(".media-card__downloads a")["href"]
    response = client.get(link)
    assert response.status_code == 200
    assert "credit-illustration-f-crin-web.jpg" in response["Content-Disposition"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).width == 1600


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("/fr/communiques/journee-mondiale-du-lupus-cri-imidiate/", 3),
        ("/en/press-releases/world-lupus-day-cri-imidiate/", 3),
        ("/fr/reseaux/crisalis/", 1),
        ("/en/networks/fcrin4ms/", 1),
    ],
)
def test_releases_and_networks_show_their_gallery(client, demo_content, path, count):
    page = BeautifulSoup(client.get(path).content, "html.parser")
    assert len(page.select("main .gallery .media-card")) == count
