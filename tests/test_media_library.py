"""The media library (issue 22): photos and videos with caption, credit, licence and alternative text in
both languages, the galleries of releases and networks, the downloads in web and print sizes, the media
library page and its filters, and the press kit's gallery photos."""

import datetime
import io
import zipfile

from django.urls import reverse
from django.utils import timezone

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from PIL import Image

from networks.models import NetworkGalleryItem
from news.media.galleries import GALLERY_SIZE
from news.models import MediaItem, MediaLibraryPage, ReleaseGalleryItem
from tests.factories import (
    MediaItemFactory,
    NetworkPageFactory,
    PressReleasePageFactory,
    publish_translation,
    translate_media_item,
)

pytestmark = pytest.mark.django_db

WARM_BUDGET = 12
COLD_BUDGET = 20


@pytest.fixture
def library(home):
    page = MediaLibraryPage(title="Photothèque", slug="phototheque", introduction="Photos libres pour la presse.")
    page.show_in_menus = True
    home["fr"].add_child(instance=page)
    page.save_revision().publish()
    return {"fr": page, "en": publish_translation(page, "en", title="Media library", slug="media-library")}


@pytest.fixture
def photo(locales):
    item = MediaItemFactory(
        locale=locales["fr"],
        caption="Lupus : une patiente traitée par CAR-T",
        alt_text="Une patiente sourit à son médecin.",
        credit="Illustration F-CRIN",
    )
    english = translate_media_item(
        item,
        "en",
        caption="Lupus: a patient treated with CAR-T",
        alt_text="A patient smiles at her doctor.",
        credit="Illustration F-CRIN",
    )
    return {"fr": item, "en": english}


@pytest.fixture
def release(press_room, photo):
    """A public release with the photo in its gallery, and its English translation (which links the French photo)."""
    release = PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title="Lupus et CAR-T", slug="lupus-car-t"
    )
    ReleaseGalleryItem.objects.create(page=release, item=photo["fr"])
    return {"fr": release, "en": publish_translation(release, "en", title="Lupus and CAR-T", slug="lupus-car-t-en")}


@pytest.fixture
def network(network_index, locales):
    network = NetworkPageFactory(parent=network_index["fr"], locale=locales["fr"], title="FCRIN4MS", slug="fcrin4ms")
    return {"fr": network, "en": publish_translation(network, "en", slug="fcrin4ms-en")}


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def download_links(soup):
    return [link["href"] for link in soup.select("main .media-card__downloads a")]


@pytest.mark.parametrize(
    ("language", "caption", "alt", "licence"),
    [
        ("fr", "Lupus : une patiente traitée par CAR-T", "Une patiente sourit à son médecin.", "Usage presse"),
        ("en", "Lupus: a patient treated with CAR-T", "A patient smiles at her doctor.", "Press use"),
    ],
)
def test_release_gallery_shows_each_photo_in_the_release_language(client, release, language, caption, alt, licence):
    soup = soup_of(client.get(release[language].url))
    gallery = soup.select_one("main .gallery")
    assert gallery is not None
    assert caption in gallery.get_text()
    assert "Illustration F-CRIN" in gallery.get_text()
    assert licence in gallery.select_one(".media-card__licence").get_text()
    assert gallery.select_one("img")["alt"] == alt
    links = download_links(soup)
    assert [link.rsplit("/", 2)[-2] for link in links] == ["web", "print"]
    assert all(link.startswith(f"/{language}/media/") for link in links)


def test_network_gallery(client, network, photo):
    # The English page's link points at the French photo, as wagtail-localize copies it.
    for language in ("fr", "en"):
        NetworkGalleryItem.objects.create(page=network[language], item=photo["fr"])
    for language in ("fr", "en"):
        gallery = soup_of(client.get(network[language].url)).select_one("main .gallery")
        assert photo[language].caption in gallery.get_text()


def test_pages_without_gallery_have_no_gallery_section(client, press_room):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale)
    assert soup_of(client.get(release.url)).select_one("main .gallery") is None


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "lupus-une-patiente-traitee-par-car-t-credit-illustration-f-crin"),
        ("en", "lupus-a-patient-treated-with-car-t-credit-illustration-f-crin"),
    ],
)
def test_downloads_are_named_in_the_page_language_with_the_credit(client, release, photo, language, name):
    web = client.get(f"/{language}/media/{photo['fr'].pk}/web/")
    assert web.status_code == 200
    assert web["Content-Type"] == "image/jpeg"
    assert web["Content-Disposition"] == f'attachment; filename="{name}-web.jpg"'
    picture = Image.open(io.BytesIO(b"".join(web.streaming_content)))
    assert picture.format == "JPEG"
    assert picture.width <= 1600

    original = client.get(f"/{language}/media/{photo['en'].pk}/print/")
    assert original.status_code == 200
    assert original["Content-Disposition"] == f'attachment; filename="{name}-print.jpg"'
    assert Image.open(io.BytesIO(b"".join(original.streaming_content))).size == (2400, 1600)


@pytest.mark.parametrize(
    "path", ["{pk}/huge/", "-1/web/", "999999/web/", "99999999999999999999999/print/", "abc/web/", "{pk}/web/extra/"]
)
def test_bad_download_addresses_are_not_found(client, release, photo, path):
    assert client.get("/fr/media/" + path.format(pk=photo["fr"].pk)).status_code == 404


def test_photos_of_releases_not_yet_public_cannot_be_downloaded(client, press_room, locales, library):
    embargoed = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"], slug="sous-embargo")
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=3)
    embargoed.live = False
    embargoed.save()
    draft_only = MediaItemFactory(locale=locales["fr"], caption="Photo sous embargo")
    ReleaseGalleryItem.objects.create(page=embargoed, item=draft_only)
    unused = MediaItemFactory(locale=locales["fr"], caption="Photo d'aucune page")

    for item in (draft_only, unused):
        for size in ("web", "print"):
            assert client.get(f"/fr/media/{item.pk}/{size}/").status_code == 404
    assert "Photo sous embargo" not in soup_of(client.get(library["fr"].url)).get_text()

    embargoed.go_live_at = None
    embargoed.save_revision().publish()
    assert client.get(f"/fr/media/{draft_only.pk}/web/").status_code == 200
    embargoed.refresh_from_db()
    embargoed.unpublish()
    assert client.get(f"/fr/media/{draft_only.pk}/web/").status_code == 404


def known_player(url, title="Lecteur vidéo"):
    """The player Wagtail's embeds would have fetched from the provider for ``url``."""
    return Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html=f'<iframe src="https://www.youtube-nocookie.com/embed/{get_embed_hash(url)[:11]}" title="{title}"></iframe>',
        provider_name="YouTube",
    )


def test_a_video_is_played_and_linked_not_downloaded(client, release, locales):
    known_player("https://www.youtube.com/watch?v=abcdefghijk", title="Entretien vidéo")
    video = MediaItem.objects.create(
        locale=locales["fr"],
        kind="video",
        video_url="https://www.youtube.com/watch?v=abcdefghijk",
        caption="Entretien vidéo",
        credit="F-CRIN",
    )
    ReleaseGalleryItem.objects.create(page=release["fr"], item=video, sort_order=5)
    soup = soup_of(client.get(release["fr"].url))
    assert "https://www.youtube.com/watch?v=abcdefghijk" in [link["href"] for link in soup.select("main a")]
    assert soup.select_one("main .gallery .media-card__player iframe")["title"] == "Entretien vidéo"
    assert client.get(f"/fr/media/{video.pk}/web/").status_code == 404


@pytest.fixture
def catalogue(release, network, photo, locales):
    """The release's photo, a second photo only in the network's gallery, and a video in the release's."""
    network_photo = MediaItemFactory(locale=locales["fr"], caption="Le réseau en réunion")
    translate_media_item(network_photo, "en", caption="The network in a meeting")
    NetworkGalleryItem.objects.create(page=network["fr"], item=network_photo)
    video = MediaItem.objects.create(
        locale=locales["fr"], kind="video", video_url="https://vimeo.com/1", caption="Vidéo du lupus", credit="F-CRIN"
    )
    translate_media_item(video, "en", caption="Lupus video")
    ReleaseGalleryItem.objects.create(page=release["fr"], item=video, sort_order=2)
    return {"release": release, "network": network}


def captions(response):
    return [item.get_text(" ", strip=True) for item in soup_of(response).select("main .media-card figcaption")]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr", "", ["Vidéo du lupus", "Le réseau en réunion", "Lupus : une patiente"]),
        ("fr", "?release=lupus-car-t", ["Vidéo du lupus", "Lupus : une patiente"]),
        ("fr", "?network=fcrin4ms", ["Le réseau en réunion"]),
        ("fr", "?kind=video", ["Vidéo du lupus"]),
        ("fr", "?kind=photo&release=lupus-car-t", ["Lupus : une patiente"]),
        ("en", "", ["Lupus video", "The network in a meeting", "Lupus: a patient"]),
        ("en", "?release=lupus-car-t-en", ["Lupus video", "Lupus: a patient"]),
        ("en", "?network=fcrin4ms-en&kind=photo", ["The network in a meeting"]),
    ],
)
def test_library_lists_public_media_filtered_by_release_network_and_kind(
    client, library, catalogue, language, query, expected
):
    found = captions(client.get(library[language].url + query))
    assert len(found) == len(expected), found
    assert all(text.startswith(start) for text, start in zip(found, expected, strict=True)), found


@pytest.mark.parametrize(
    "query",
    [
        "?release=inconnu",
        "?network=%00",
        "?kind=audio",
        "?page=abc",
        "?page=9999",
        "?release=lupus-car-t-en",  # the English release's slug on the French page
        "?kind[]=photo&release=" + "x" * 5000,
    ],
)
def test_bad_filter_values_are_ignored_never_an_error(client, library, catalogue, query):
    assert len(captions(client.get(library["fr"].url + query))) == 3


def test_an_untranslated_photo_is_listed_in_its_own_language(client, library, catalogue, locales):
    french_only = MediaItemFactory(locale=locales["fr"], caption="Photo sans traduction")
    ReleaseGalleryItem.objects.create(page=catalogue["release"]["fr"], item=french_only)
    found = captions(client.get(library["en"].url))
    assert len(found) == 4
    assert found[0].startswith("Photo sans traduction")


def test_library_is_on_the_home_page_in_both_languages(client, library):
    for language in ("fr", "en"):
        soup = soup_of(client.get(f"/{language}/"))
        assert library[language].url in [link["href"] for link in soup.select("main a")]


def test_press_kit_holds_the_gallery_photos_with_their_credits(client, release, catalogue):
    response = client.get(release["en"].url + release["en"].reverse_subpage("press_kit"))
    assert response.status_code == 200
    kit = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    folder = release["en"].slug
    name = f"{folder}/images/lupus-a-patient-treated-with-car-t-credit-illustration-f-crin-original.jpg"
    assert name in kit.namelist()
    assert Image.open(io.BytesIO(kit.read(name))).size == (2400, 1600)
    credits = kit.read(f"{folder}/images/CREDITS.txt").decode()
    assert "Lupus: a patient treated with CAR-T" in credits
    assert "Credit: Illustration F-CRIN" in credits
    assert "Licence: Press use" in credits
    # The video has no file to give.
    assert not any("video" in member for member in kit.namelist())


def _add_items(count, release, network, locales, start=0):
    image = wagtail_factories.ImageFactory(title="Photo partagée")
    items = MediaItem.objects.bulk_create(
        MediaItem(
            locale=locales["fr"],
            image=image,
            caption=f"Photo {n}",
            alt_text=f"Photo numéro {n}",
            credit="F-CRIN",
        )
        for n in range(start, start + count)
    )
    ReleaseGalleryItem.objects.bulk_create(
        ReleaseGalleryItem(page=release, item=item, sort_order=start + n) for n, item in enumerate(items)
    )
    NetworkGalleryItem.objects.bulk_create(
        NetworkGalleryItem(page=network, item=item, sort_order=start + n) for n, item in enumerate(items)
    )


def test_query_budgets_stay_flat_from_one_to_a_thousand_items(
    client, page_queries, library, release, network, locales, django_assert_max_num_queries
):
    urls = [
        library["fr"].url,
        library["fr"].url + "?release=lupus-car-t&kind=photo",
        library["fr"].url + "?network=fcrin4ms",
        release["fr"].url,
        network["fr"].url,
    ]
    _add_items(1, release["fr"], network["fr"], locales)
    few = {url: page_queries(url) for url in urls}
    _add_items(999, release["fr"], network["fr"], locales, start=1)
    for url in urls:
        cold = page_queries(url)
        assert len(cold) <= COLD_BUDGET, cold
        assert len(cold) <= len(few[url]), (url, cold, few[url])
        assert len(page_queries(url, fragments=True)) <= WARM_BUDGET, url
        with django_assert_max_num_queries(len(few[url])):
            assert client.get(url).status_code == 200
    assert len(soup_of(client.get(urls[0])).select("main .media-card")) == MediaLibraryPage.items_per_page
    assert len(soup_of(client.get(urls[3])).select("main .media-card")) == GALLERY_SIZE


def test_a_photo_needs_its_image_and_alternative_text_in_the_admin(admin_client, locales):
    url = reverse("wagtailsnippets_news_mediaitem:add")
    form = {"kind": "photo", "licence": "press", "caption": "Une photo", "credit": "F-CRIN", "locale": "fr"}
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert not MediaItem.objects.exists()
    assert "Choisissez l’image de la photo." in response.content.decode()

    image = wagtail_factories.ImageFactory()
    response = admin_client.post(url, {**form, "image": image.pk, "alt_text": "Une salle de réunion."})
    assert response.status_code == 302
    assert MediaItem.objects.get().image == image


def test_a_video_needs_the_address_of_a_player(admin_client, locales):
    url = reverse("wagtailsnippets_news_mediaitem:add")
    form = {"kind": "video", "licence": "press", "caption": "Une vidéo", "credit": "F-CRIN", "locale": "fr"}
    assert "Donnez l’adresse de la vidéo." in admin_client.post(url, form).content.decode()
    refused = admin_client.post(url, {**form, "video_url": "https://www.example.org/ma-video"}).content.decode()
    assert "Aucun lecteur" in refused
    assert not MediaItem.objects.exists()
    known_player("https://vimeo.com/1")
    assert admin_client.post(url, {**form, "video_url": "https://vimeo.com/1"}).status_code == 302


def test_release_and_network_editors_offer_the_gallery(admin_client, release, network):
    for page in (release["fr"], network["fr"]):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert "gallery_links-TOTAL_FORMS" in response.content.decode()
