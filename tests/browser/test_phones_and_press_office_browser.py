"""Every public page type of the demo content, in both languages: no sideways scrolling on 320 and
375 px phones, no axe-core violation of any impact at 1280 and 375 px, and the press office block's
links where a journalist on deadline looks first."""

import datetime
from io import StringIO

from django.core.management import call_command

from wagtail.models import Collection, Locale, Page, Site

import pytest

from news.models import EmbargoPreviewLink, PressReleasePage
from scripts.screenshots import DEFAULT_PATHS
from tests.browser.conftest import all_violations

pytestmark = pytest.mark.django_db(transaction=True)

RELEASES = {
    "fr": "/fr/communiques/journee-mondiale-du-lupus-cri-imidiate/",
    "en": "/en/press-releases/world-lupus-day-cri-imidiate/",
}


@pytest.fixture
def demo_site(live_server):
    """The demo content, loaded as `make run` loads it on a fresh install."""
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    Locale.objects.exclude(language_code="fr").delete()
    french = Locale.objects.get_or_create(language_code="fr")[0]
    root = Page.get_first_root_node() or Page.add_root(title="Root", locale=french)
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=french))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    # Flushes between browser tests remove the root collection Wagtail's migrations create.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    call_command("load_initial_data", stdout=StringIO())
    return live_server


def bottom(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"] + box["height"]


def test_press_office_links_are_where_a_journalist_looks_first(browser, demo_site):
    for width, height, screens in [(1280, 800, 1), (375, 812, 2)]:
        context = browser.new_context(base_url=demo_site.url, viewport={"width": width, "height": height})
        page = context.new_page()
        for language, path in RELEASES.items():
            page.goto(path)
            for selector in (".press-office__kit", ".press-office__pdf", ".press-office .contact-card__vcard"):
                assert bottom(page, selector) <= screens * height, (language, width, selector)
        for path in ("/fr/", "/en/", "/fr/communiques/", "/en/press-releases/"):
            page.goto(path)
            assert page.locator(".press-office a[type='text/vcard']").first.is_visible(), (path, width)
            if width == 375:
                assert page.locator(".site-header").bounding_box()["height"] <= 0.2 * height, path
            if width == 375 and path.endswith(("/communiques/", "/press-releases/")):
                # The first release shows on the press room's first phone screen.
                assert bottom(page, ".release-card__title") <= height, (path, width)
        context.close()


def test_no_page_type_scrolls_sideways_or_fails_axe(browser, demo_site):
    release = PressReleasePage.objects.get(url_path__endswith="/journee-mondiale-du-lupus-cri-imidiate/")
    embargoed = PressReleasePage.objects.filter(go_live_at__gt=datetime.datetime.now(datetime.UTC)).first()
    preview = EmbargoPreviewLink.objects.create(release=embargoed or release, label="Agence")
    paths = [*DEFAULT_PATHS, preview.get_url("fr"), preview.get_url("en")]
    problems = []
    for width in (1280, 375, 320):
        context = browser.new_context(base_url=demo_site.url, viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in paths:
            page.goto(path)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if width < 1280 and scroll_width > width:
                problems.append((path, width, f"{scroll_width} px wide"))
            if width != 320:
                problems += [(path, width, violation) for violation in all_violations(page)]
        context.close()
    assert problems == []
