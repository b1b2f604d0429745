import pytest

from tests.browser.conftest import serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("path", "lang"), [("/fr/", "fr"), ("/en/", "en")])
def test_home_page_is_accessible(page, home, path, lang):
    page.goto(path)

    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == home[lang].title
    assert serious_violations(page) == []


def test_language_switch_goes_to_the_english_home_and_back(page, home):
    page.goto("/fr/")

    page.locator("header .language-selector a[data-language='en']").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".skip-link").inner_text() == "Skip to main content"

    page.locator("header .language-selector a[data-language='fr']").click()
    page.wait_for_url("**/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_skip_link_moves_focus_to_the_content(page, home):
    page.goto("/en/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_fits_a_phone_screen(mobile_page, home):
    mobile_page.goto("/fr/")

    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(mobile_page) == []
