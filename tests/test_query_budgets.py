"""Query budgets of the public pages: small, and independent of how much content the site holds."""

import pytest
import wagtail_factories

# Issue 8: every public page type renders in at most this many queries with cold caches.
PUBLIC_PAGE_BUDGET = 12


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_page_fits_the_budget(cold_queries, home, language):
    queries = cold_queries(home[language].get_url())

    assert len(queries) <= PUBLIC_PAGE_BUDGET, queries


def test_home_page_queries_do_not_grow_with_its_sections(cold_queries, home):
    wagtail_factories.PageFactory(parent=home["fr"], title="Première rubrique", show_in_menus=True)
    few = cold_queries("/fr/")
    for number in range(2, 12):
        wagtail_factories.PageFactory(parent=home["fr"], title=f"Rubrique {number}", show_in_menus=True)
    many = cold_queries("/fr/")

    assert "Rubrique 11" in many.response.content.decode()
    assert len(many) == len(few), many
