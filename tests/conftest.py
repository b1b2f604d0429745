from pathlib import Path

from django.apps import apps
from django.core.cache import caches

from wagtail.models import Page, Site

import pytest

from home.models import HomePage
from tests.factories import (
    AwarenessCalendarPageFactory,
    HomePageFactory,
    LocaleFactory,
    NetworkIndexPageFactory,
    PressRoomPageFactory,
    publish_translation,
)

TESTS = Path(__file__).resolve().parent


def pytest_itemcollected(item):
    """Under pytest-xdist (``make test`` runs ``--dist loadgroup``), a module's tests go to one worker,
    so that its module fixtures are built once; the demo package's tests share one load of the demo.

    Marked as each test is collected, before any ``pytest_collection_modifyitems``: pytest-xdist reads
    the groups in its own."""
    parts = item.path.relative_to(TESTS).parts
    item.add_marker(pytest.mark.xdist_group("demo" if parts[0] == "demo" else "/".join(parts)))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    """Stops the run when a worker's tests lost their group: the suite would still run, but each
    module's tests would be spread over the workers, each building the module's fixtures again, and the
    tests that follow one story through a module (tests/test_processes.py, tests/test_alerts_smtp.py)
    would fail for want of the steps run on the other worker."""
    if node.config.getoption("dist") != "loadgroup":
        return
    lost = [nodeid for nodeid in ids if "@" not in nodeid.rpartition("]")[2]]
    if lost:
        pytest.exit(
            f"pytest-xdist's --dist loadgroup does not see the test groups ({lost[0]} has none): this "
            "pytest and pytest-xdist do not work together; install the versions of requirements-dev.txt.",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


# The sections under the home page, by the fixture that gives them: model, factory, English translation.
SECTIONS = {
    "press_room": (
        "news.PressRoomPage",
        PressRoomPageFactory,
        {"title": "Press releases", "slug": "press-releases", "introduction": "Releases from F-CRIN."},
    ),
    "network_index": ("networks.NetworkIndexPage", NetworkIndexPageFactory, {"title": "Networks", "slug": "networks"}),
    "awareness_calendar": (
        "news.AwarenessCalendarPage",
        AwarenessCalendarPageFactory,
        {"title": "Awareness days", "slug": "awareness-days"},
    ),
}


def build_home(root):
    """The French home page as the default site's root, with its published English translation."""
    fr_home = HomePageFactory(parent=root, locale=LocaleFactory(language_code="fr"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": fr_home, "site_name": "F-CRIN"},
    )
    Page.objects.filter(depth=2).exclude(pk=fr_home.pk).filter(content_type__model="page").delete()
    en_home = publish_translation(
        fr_home, "en", title="F-CRIN press office", slug="home", standfirst="Releases, contacts and networks."
    )
    return {"fr": fr_home, "en": en_home}


def build_section(name, home):
    _, factory, english = SECTIONS[name]
    fr_page = factory(parent=home["fr"], locale=home["fr"].locale)
    return {"fr": fr_page, "en": publish_translation(fr_page, "en", **english)}


def find_home():
    fr_home = HomePage.objects.filter(depth=2, locale__language_code="fr").first()
    en_home = fr_home and fr_home.get_translations().filter(locale__language_code="en").specific().first()
    return {"fr": fr_home, "en": en_home} if en_home else None


def find_section(name, home):
    model = apps.get_model(SECTIONS[name][0])
    pages = {code: model.objects.child_of(page).first() for code, page in home.items()}
    return pages if all(pages.values()) else None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database after migrations, with the bilingual tree built once for the whole session.

    Each test runs in a transaction rolled back at its end, so it finds the tree as built here and the
    fixtures below read it rather than build it again. Transactional tests (the browser tests) flush the
    database after them: the fixtures rebuild what is missing.
    """
    with django_db_blocker.unblock():
        # A database kept by --reuse-db already holds it.
        home = find_home() or build_home(Page.get_first_root_node())
        for name in SECTIONS:
            if find_section(name, home) is None:
                build_section(name, home)


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
def home(root_page, locales, request):
    """The French home page as the default site's root, with its published English translation.

    Below it are only the sections the test asks for, as if each were built for it: the others are
    deleted, in the test's transaction.
    """
    unwanted = [name for name in SECTIONS if name not in request.fixturenames]
    home = find_home()
    if home is None:
        return build_home(root_page)
    pages = [page.pk for name in unwanted for page in (find_section(name, home) or {}).values()]
    if pages:
        Page.objects.filter(pk__in=pages).delete()
        home = find_home()
    return home


@pytest.fixture
def press_room(home):
    """The French press room under the French home, with its published English translation."""
    return find_section("press_room", home) or build_section("press_room", home)


@pytest.fixture
def network_index(home):
    """The networks directory under each home page: /fr/reseaux/ and /en/networks/."""
    return find_section("network_index", home) or build_section("network_index", home)


@pytest.fixture
def awareness_calendar(home):
    """The French awareness-day calendar under the home page, with its published English translation."""
    return find_section("awareness_calendar", home) or build_section("awareness_calendar", home)


class QueryLog(list):
    """The SQL of one request; printed one statement a line when a budget assertion fails."""

    def __init__(self, response, statements):
        super().__init__(statements)
        self.response = response

    def __str__(self):
        return f"{len(self)} queries:\n" + "\n".join(f"  {sql}" for sql in self)

    __repr__ = __str__


@pytest.fixture
def page_queries(client, settings):
    """``measure(url, fragments=False)``: the queries of an anonymous GET rendered without the page cache,
    in the steady state.

    Caches are emptied, then two requests warm what Wagtail caches between requests (the site root
    paths, image renditions; the first request of a site also creates its settings rows), as on any
    server that has served a page; the third request is measured. With ``fragments``, the fragment
    cache is on and warm too: the state of the query budgets ("page cache off, other caches warm");
    without, every query the page's content needs is counted, to show it does not grow.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure(url, fragments=False):
        settings.PAGE_CACHE_FRAGMENTS = fragments
        for cache in caches.all():
            cache.clear()
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        settings.PAGE_CACHE_FRAGMENTS = False
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        return QueryLog(response, [query["sql"] for query in context.captured_queries])

    return measure
