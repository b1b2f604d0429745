"""The awareness-day calendar on a phone, and its address copied to the clipboard, in Chromium."""

from wagtail.models import Page

import pytest

from news.models import AwarenessDayNetwork, AwarenessDayTopic
from tests.browser.conftest import serious_violations
from tests.factories import AwarenessDayPageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db(transaction=True)

# The longest field of an F-CRIN network (CRI-IMIDIATE's): filter options as long as the demo's.
LONG_TOPIC = "Maladies inflammatoires ostéo-articulaires et systémiques, auto-immunes et auto-inflammatoires"

# Everything the page itself draws: the site header is the same on every page and is not this page's.
OVERFLOWING = """width => [...document.querySelectorAll("main *")]
    .filter(element => element.getBoundingClientRect().right > width)
    .map(element => element.outerHTML.slice(0, 80))"""


@pytest.fixture
def days(awareness_calendar, home):
    calendar = awareness_calendar["fr"]
    network = home["fr"].add_child(
        instance=Page(
            title="ACT4ALS-MND (SLA et maladies du neurone moteur)", slug="act4als-mnd", locale=calendar.locale
        )
    )
    lupus = AwarenessDayPageFactory(parent=calendar, locale=calendar.locale, title="Journée mondiale du lupus")
    AwarenessDayNetwork.objects.create(page=lupus, network=network)
    AwarenessDayTopic.objects.create(
        page=lupus, topic=TopicFactory(name=LONG_TOPIC, slug="cri-imidiate", locale=calendar.locale)
    )
    publish_translation(lupus, "en", title="World Lupus Day", slug="world-lupus-day")
    return {"lupus": lupus}


@pytest.fixture
def phone(browser, live_server):
    contexts = []

    def open_page(width):
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 800})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [375, 320])
@pytest.mark.parametrize(("language", "filter_label"), [("fr", "Filtrer"), ("en", "Filter")])
def test_the_calendar_and_its_days_fit_a_phone(phone, awareness_calendar, days, width, language, filter_label):
    page = phone(width)
    page.goto(awareness_calendar[language].url)

    assert page.evaluate(OVERFLOWING, width) == []
    button = page.get_by_role("button", name=filter_label, exact=True)
    box = button.bounding_box()
    assert button.is_visible() and 0 <= box["x"] and box["x"] + box["width"] <= width
    page.locator("#filter-topic").select_option("cri-imidiate")
    button.click()
    page.wait_for_url("**topic=cri-imidiate**")
    assert page.evaluate(OVERFLOWING, width) == []

    page.locator(".awareness-item__title a").first.click()
    page.wait_for_selector(".awareness-subscribe")
    assert page.evaluate(OVERFLOWING, width) == []
    if width == 375:
        assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(
    ("language", "label", "copied"), [("fr", "Copier", "Adresse copiée."), ("en", "Copy", "Address copied.")]
)
def test_the_copy_button_puts_the_calendar_address_on_the_clipboard(
    browser, live_server, awareness_calendar, days, language, label, copied
):
    context = browser.new_context(base_url=live_server.url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(awareness_calendar[language].url)

    address = page.locator(".awareness-subscribe__address").input_value()
    page.get_by_role("button", name=label, exact=True).click()

    assert address.startswith("http") and address.endswith(awareness_calendar[language].url + "ics/")
    page.get_by_role("status").filter(has_text=copied).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert serious_violations(page) == []
    context.close()
