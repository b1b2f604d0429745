"""Query budgets of the public pages: small, and independent of how much content the site holds."""

from io import StringIO

from django.core.management import call_command

import pytest
import wagtail_factories

from news.models import PressReleasePage

# Issue 8: at most 12 queries for every public page type without the page cache.
PAGE_BUDGET = 12


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_page_fits_the_budget(page_queries, home, language):
    queries = page_queries(home[language].get_url())

    # Latest releases, the next awareness day and the press room link each run their own `.public()`.
    assert len(queries) <= PAGE_BUDGET, queries


def test_home_page_queries_do_not_grow_with_its_sections(page_queries, home):
    wagtail_factories.PageFactory(parent=home["fr"], title="Première rubrique", show_in_menus=True)
    few = page_queries("/fr/")
    for number in range(2, 12):
        wagtail_factories.PageFactory(parent=home["fr"], title=f"Rubrique {number}", show_in_menus=True)
    many = page_queries("/fr/")

    assert "Rubrique 11" in many.response.content.decode()
    assert len(many) == len(few), many


def test_press_room_queries_do_not_grow_with_the_archive(page_queries, press_room):
    call_command("generate_releases", 3, stdout=StringIO())
    few = page_queries(press_room["fr"].get_url())
    call_command("generate_releases", 30, stdout=StringIO())
    many = page_queries(press_room["fr"].get_url())

    assert len(many) == len(few), many


@pytest.mark.parametrize("language", ["fr", "en"])
def test_press_room_fits_the_budget(page_queries, press_room, language):
    call_command("generate_releases", 5, stdout=StringIO())

    queries = page_queries(press_room[language].get_url())

    # Filter choices (topics, networks, years) cost three queries and `.public()` is run twice.
    assert len(queries) <= PAGE_BUDGET, queries


@pytest.mark.parametrize("language", ["fr", "en"])
def test_press_release_fits_the_budget(page_queries, press_room, language):
    call_command("generate_releases", 5, stdout=StringIO())
    release = PressReleasePage.objects.filter(locale__language_code=language).last()

    queries = page_queries(release.get_url())

    # PressReleasePage.get_context runs a query per related list (contacts, boilerplates and their
    # press-office defaults, topics, networks, attachments) and the hero image separately.
    assert len(queries) <= PAGE_BUDGET, queries
