import pytest

from tests.browser.conftest import serious_violations
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_from_the_header_on_a_phone(mobile_page, home):
    lupus = HomePageFactory.build(
        title="Journée mondiale du lupus", slug="lupus", locale=home["fr"].locale, standfirst="Le lupus en chiffres."
    )
    home["fr"].add_child(instance=lupus)

    mobile_page.goto("/fr/")
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    search_box = mobile_page.get_by_role("searchbox", name="Rechercher dans l'espace presse")
    search_box.fill("lupus")
    search_box.press("Enter")
    mobile_page.wait_for_url("**/fr/recherche/?q=lupus")

    assert mobile_page.locator("ol.search-results a").first.inner_text() == "Journée mondiale du lupus"
    assert mobile_page.locator(".search-result__excerpt mark").first.inner_text() == "lupus"
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(mobile_page) == []
