from django.core.cache import caches

from wagtail.models import Page, Site

import pytest

from tests.factories import HomePageFactory, LocaleFactory, PressRoomPageFactory, publish_translation


@pytest.fixture(autouse=True)
def empty_caches():
    """Cached listings are keyed on the content generation, not on the test database: none outlives its test."""
    for backend in caches.all():
        backend.clear()


@pytest.fixture
def locales(db):
    return {"fr": LocaleFactory(language_code="fr"), "en": LocaleFactory(language_code="en")}


@pytest.fixture
def root_page(locales):
    # Flushes between browser tests remove the root page Wagtail's migrations create.
    return Page.get_first_root_node() or Page.add_root(title="Root", locale=locales["fr"])


@pytest.fixture
def home(root_page, locales):
    """The French home page as the default site's root, with its published English translation."""
    fr_home = HomePageFactory(parent=root_page, locale=locales["fr"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": fr_home, "site_name": "F-CRIN"},
    )
    Page.objects.filter(depth=2).exclude(pk=fr_home.pk).filter(content_type__model="page").delete()
    en_home = publish_translation(
        fr_home, "en", title="F-CRIN press office", slug="home", standfirst="Releases, contacts and networks."
    )
    return {"fr": fr_home, "en": en_home}


@pytest.fixture
def press_room(home):
    """The French press room under the French home, with its published English translation."""
    fr_room = PressRoomPageFactory(parent=home["fr"], locale=home["fr"].locale)
    en_room = publish_translation(
        fr_room, "en", title="Press releases", slug="press-releases", introduction="Releases from F-CRIN."
    )
    return {"fr": fr_room, "en": en_room}


@pytest.fixture
def network_index(home):
    """The networks directory under each home page: /fr/reseaux/ and /en/networks/."""
    from tests.factories import NetworkIndexPageFactory

    fr_index = NetworkIndexPageFactory(parent=home["fr"], locale=home["fr"].locale)
    en_index = publish_translation(fr_index, "en", title="Networks", slug="networks")
    return {"fr": fr_index, "en": en_index}


@pytest.fixture
def awareness_calendar(home):
    """The French awareness-day calendar under the home page, with its published English translation."""
    from tests.factories import AwarenessCalendarPageFactory

    fr_calendar = AwarenessCalendarPageFactory(parent=home["fr"], locale=home["fr"].locale)
    en_calendar = publish_translation(fr_calendar, "en", title="Awareness days", slug="awareness-days")
    return {"fr": fr_calendar, "en": en_calendar}


class QueryLog(list):
    """The SQL of one request; printed one statement a line when a budget assertion fails."""

    def __init__(self, response, statements):
        super().__init__(statements)
        self.response = response

    def __str__(self):
        return f"{len(self)} queries:\n" + "\n".join(f"  {sql}" for sql in self)

    __repr__ = __str__


@pytest.fixture
def page_queries(client):
    """``measure(url)``: the queries of an anonymous GET rendered without the page cache, in the steady state.

    Caches are emptied, then two requests warm what the site keeps between requests (the site root
    paths, the routing of the top pages; the first request of a site also creates its settings rows),
    as on any server that has served a page; the third request is measured.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure(url):
        for cache in caches.all():
            cache.clear()
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        return QueryLog(response, [query["sql"] for query in context.captured_queries])

    return measure
