"""Dot segments and repeated slashes are redirected to the normal path, ahead of the page cache."""

from django.core.cache import cache

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/fr/communiques/./././", "/fr/communiques/"),
        ("/fr//communiques/", "/fr/communiques/"),
        ("/fr/communiques//", "/fr/communiques/"),
        ("/en/press-releases/../", "/en/"),
        ("/en/press-releases/..", "/en/"),
        ("/fr/communiques/.", "/fr/communiques/"),
        ("/fr/./communiques", "/fr/communiques"),
        ("/en/../../../etc/passwd", "/etc/passwd"),
        ("/fr/../..", "/"),
        ("/fr/./recherche/?q=lupus&page=2", "/fr/recherche/?q=lupus&page=2"),
        ("/en//search/?q=caf%C3%A9", "/en/search/?q=caf%C3%A9"),
        ("/fr/./réseaux/", "/fr/r%C3%A9seaux/"),
    ],
)
def test_paths_with_dot_segments_or_repeated_slashes_are_redirected(client, press_room, path, location):
    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"] == location


def test_a_leading_double_slash_never_leads_to_another_host(client, press_room):
    # The test client would read "//evil.example/" as a host: the server hands it over as a path.
    response = client.get("/", PATH_INFO="//evil.example//fr/")

    assert response.status_code == 301
    assert response["Location"] == "/evil.example/fr/"


@pytest.mark.parametrize("path", ["/fr/communiques/", "/en/press-releases/", "/fr/", "/robots.txt", "/fr/a.b/"])
def test_normal_paths_are_served(client, press_room, path):
    assert client.get(path).status_code in {200, 404}


def test_a_form_sent_to_a_path_with_dot_segments_is_not_redirected(client, press_room):
    assert client.post("/fr/./communiques/").status_code != 301


def test_the_page_cache_keeps_one_entry_per_page(client, press_room, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()

    first = client.get("/fr/communiques/")
    variants = [client.get(path) for path in ["/fr/communiques/./", "/fr//communiques/", "/fr/x/../communiques/"]]
    followed = client.get("/fr/communiques/./", follow=True)

    assert first["X-Cache"] == "MISS"
    assert [response.status_code for response in variants] == [301, 301, 301]
    assert followed.redirect_chain == [("/fr/communiques/", 301)]
    assert followed["X-Cache"] == "HIT"
