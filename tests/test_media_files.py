"""Under /media/ only image renditions are public, and their names tell nothing of the upload's.

The site's URLs are built at start-up: each test here builds them as `make run` (DEBUG) or `make serve`
(SERVE_MEDIA) does, then builds them back as the other tests expect.
"""

import importlib
import os
import re
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import clear_url_caches

from wagtail.documents import get_document_model

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

import fcrin_site.urls
from news.models import AwarenessDayKitImage
from tests.factories import AwarenessDayPageFactory

pytestmark = pytest.mark.django_db


@contextmanager
def site_urls(**overrides):
    def build():
        importlib.reload(fcrin_site.urls)
        clear_url_caches()

    with override_settings(**overrides):
        build()
        try:
            yield
        finally:
            build()


@pytest.fixture(params=["DEBUG", "SERVE_MEDIA"])
def serving_media(request):
    with site_urls(**{request.param: True}):
        yield request.param


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(
        title="Communiqué sous embargo",
        file__filename="essai-vaccin-resultats.png",
        file__format="PNG",
        file__width=400,
        file__height=300,
    )


@pytest.fixture
def document():
    return get_document_model().objects.create(
        title="Résultats de l'essai", file=ContentFile(b"%PDF-1.4 embargo", name="essai-vaccin-resultats.pdf")
    )


def body(response):
    return b"".join(response.streaming_content)


def test_original_images_and_documents_on_disk_are_not_served(client, serving_media, image, document):
    for upload in (image.file, document.file):
        assert os.path.exists(upload.path)

        assert client.get(f"/media/{upload.name}").status_code == 404


def test_renditions_are_served(client, serving_media, image):
    rendition = image.get_rendition("width-100")

    response = client.get(rendition.url)

    assert rendition.url.startswith("/media/images/")
    assert response.status_code == 200
    with rendition.file.open("rb") as saved:
        assert body(response) == saved.read()


def test_renditions_are_served_as_files_that_run_nothing(client, serving_media, image):
    response = client.get(image.get_rendition("width-100").url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_renditions_named_after_their_upload_are_still_served(client, serving_media):
    name = default_storage.save("images/essai-vaccin.2e16d0ba.width-100.png", ContentFile(b"\x89PNG rendition"))

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert body(response) == b"\x89PNG rendition"


def test_a_new_rendition_is_named_by_a_random_token(image):
    name = image.get_rendition("width-100").file.name

    assert re.fullmatch(r"images/[0-9a-f]{32}\.png", name), name
    assert image.get_rendition("fill-50x50").file.name != name


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/media/images/../original_images/essai-vaccin-resultats.png", 404),
        ("/media/images/%2e%2e/original_images/essai-vaccin-resultats.png", 404),
        ("/media/images/%2e%2e%2foriginal_images%2fessai-vaccin-resultats.png", 404),
        ("/media/images/..", 404),
        ("/media/../manage.py", 404),
        ("/media/images/.hidden", 404),
        ("/media/images/", 404),
        pytest.param("/media/images/" + "a" * 300 + ".png", 404, id="300-character rendition name"),
        pytest.param("/media/" + "a" * 300, 404, id="300-character path"),
        ("/media/images/%00.png", 400),
        ("/media/images/essai%00.png", 400),
    ],
)
def test_hostile_paths_get_a_clear_answer(client, serving_media, image, path, status):
    assert client.get(path).status_code == status


@pytest.mark.parametrize(("language", "heading"), [("fr", "Page introuvable"), ("en", "Page not found")])
def test_a_missing_media_file_gets_the_sites_404_in_the_visitors_language(client, home, image, language, heading):
    with site_urls(SERVE_MEDIA=True):
        response = client.get(f"/media/{image.file.name}", headers={"accept-language": language})

    assert response.status_code == 404
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == language
    assert heading in response.content.decode()


def test_campaign_kit_download_is_a_full_size_rendition(client, serving_media, awareness_calendar, image):
    day = AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=awareness_calendar["fr"].locale)
    AwarenessDayKitImage.objects.create(page=day, locale=day.locale, image=image, credit="F-CRIN")

    html = BeautifulSoup(client.get(day.url).content, "html.parser")
    link = html.select_one(".awareness-kit__images a[download]")["href"]

    assert link.startswith("/media/images/") and "essai" not in link
    assert client.get(link).status_code == 200
