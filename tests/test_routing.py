"""Pages are routed through the cached home pages and sections, and never from a stale copy."""

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_the_top_pages_are_routed_without_queries_once_cached(client, press_room, django_assert_max_num_queries):
    assert client.get("/fr/communiques/").status_code == 200
    with django_assert_max_num_queries(20) as queries:
        client.get("/fr/communiques/")
    statements = [query["sql"] for query in queries.captured_queries]
    for table in ("wagtailcore_site", "wagtailcore_locale"):
        assert not [sql for sql in statements if sql.startswith(f'SELECT "{table}".')]
    for table in ("home_homepage", "news_pressroompage"):
        assert not [sql for sql in statements if f'FROM "{table}"' in sql]


def test_a_section_created_in_code_is_found_at_once(client, press_room):
    assert client.get("/fr/communiques/").status_code == 200

    page = Page(title="Agenda", slug="agenda", locale=press_room["fr"].locale)
    press_room["fr"].get_parent().add_child(instance=page)

    assert client.get("/fr/agenda/").status_code == 200


def test_a_renamed_section_answers_at_its_new_address_only(client, press_room):
    assert client.get("/fr/communiques/").status_code == 200

    room = press_room["fr"]
    room.slug = "presse"
    room.save_revision().publish()

    assert client.get("/fr/presse/").status_code == 200
    assert client.get("/fr/communiques/").status_code == 404


def test_an_unpublished_section_is_gone_on_the_next_request(client, press_room):
    assert client.get("/en/press-releases/").status_code == 200

    press_room["en"].unpublish()

    assert client.get("/en/press-releases/").status_code == 404
    assert client.get("/fr/communiques/").status_code == 200


def test_english_falls_back_to_the_french_home_when_its_home_is_not_live(client, press_room, home):
    assert client.get("/en/").status_code == 200

    home["en"].unpublish()

    # As Wagtail does: the site's root page answers for a language whose home page is not live.
    assert client.get("/en/communiques/").status_code == 200
    assert client.get("/en/press-releases/").status_code == 404


def test_wagtail_utility_urls_are_not_taken_for_pages(client, home):
    assert client.get("/fr/_util/login/").status_code == 200
