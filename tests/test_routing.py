"""Pages are routed through the cached home pages and sections, and never from a stale copy."""

from django.db.models.functions import Length
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from news.models import PressReleasePage
from news.models.routing import CompiledLookup
from tests.factories import PressReleasePageFactory

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


def in_menu(*pages):
    for page in pages:
        page.show_in_menus = True
        page.save_revision().publish()


def menu(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [link.get_text(strip=True) for link in html.select(".main-nav a")]


def test_the_menu_lists_the_public_sections_of_the_pages_language(client, press_room, network_index, home):
    in_menu(press_room["fr"], press_room["en"])
    hidden = Page(title="Coulisses", slug="coulisses", locale=home["fr"].locale, show_in_menus=True)
    home["fr"].add_child(instance=hidden)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    # The directory is in no menu: factories leave show_in_menus off.

    assert menu(client, "/fr/communiques/") == ["Accueil", press_room["fr"].title]
    assert menu(client, "/en/press-releases/") == ["Home", "Press releases"]
    # A view that is no page (search) shows the menu of the active language.
    assert menu(client, "/en/search/?q=lupus") == ["Home", "Press releases"]


def test_a_section_published_in_the_menu_shows_on_the_next_request(client, press_room, home):
    in_menu(press_room["fr"])
    assert menu(client, "/fr/") == ["Accueil", press_room["fr"].title]

    agenda = Page(title="Agenda", slug="agenda", locale=home["fr"].locale, show_in_menus=True, live=False)
    home["fr"].add_child(instance=agenda)
    agenda.save_revision().publish()

    assert menu(client, "/fr/") == ["Accueil", press_room["fr"].title, "Agenda"]


def test_a_release_served_once_follows_a_privacy_rule_set_since(client, press_room):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, slug="sous-cle")
    assert client.get(release.url).status_code == 200

    PageViewRestriction.objects.create(page=press_room["fr"], restriction_type=PageViewRestriction.LOGIN)

    assert client.get(release.url).status_code == 302


def test_an_alias_of_a_private_release_stays_private(client, press_room, home):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, slug="privee")
    PageViewRestriction.objects.create(page=release, restriction_type=PageViewRestriction.LOGIN)
    section = Page(title="Miroir", slug="miroir", locale=home["fr"].locale)
    home["fr"].add_child(instance=section)
    alias = release.create_alias(parent=section, update_slug="privee-miroir")
    assert client.get("/fr/communiques/").status_code == 200  # the memory of restricted pages is filled

    assert client.get(alias.url).status_code == 302


def test_made_up_hosts_and_ports_share_their_routing_entries(client, press_room):
    from news.models import memory

    for host, port in (("127.0.0.1", "80"), ("testserver", "80"), ("localhost", "80")):
        assert client.get("/fr/communiques/", headers={"host": host}, SERVER_PORT=port).status_code == 200
    for port in ("8001", "8002", "1"):
        assert client.get("/fr/communiques/", headers={"host": "localhost"}, SERVER_PORT=port).status_code == 200

    # The site is localhost:80. Other hosts get the default site, other ports the site of the host
    # name, whatever they are: a flood of made-up Host headers cannot fill a worker's memory.
    routing = sorted(name for name in memory._kept[1] if name.startswith("fcrin_site.routing:"))
    assert routing == ["fcrin_site.routing:default", "fcrin_site.routing:localhost", "fcrin_site.routing:localhost:80"]


def test_each_request_is_routed_through_its_own_copy_of_the_top_pages(rf, press_room):
    from fcrin_site.routing import site_routes

    served = []
    for _ in range(2):
        request = rf.get("/fr/communiques/", headers={"host": "localhost"})
        request.LANGUAGE_CODE = "fr"
        routes = site_routes(request)
        with translation.override("fr"):
            served.append(routes.route(request, "communiques/")[0])

    kept = next(section for section in routes.sections.values() if section.pk == press_room["fr"].pk)
    assert served[0].pk == served[1].pk == kept.pk
    assert served[0] is not served[1] and all(page is not kept for page in served)
    assert served[0]._cached_parent_obj is not served[1]._cached_parent_obj


class TestCompiledLookup:
    @pytest.fixture
    def release(self, press_room):
        release = PressReleasePageFactory(
            parent=press_room["fr"],
            locale=press_room["fr"].locale,
            slug="cellules-car-t",
            hero_image=wagtail_factories.ImageFactory(title="Laboratoire"),
            body=[{"type": "paragraph", "value": "<p>Un essai</p>"}],
        )
        release.save_revision().publish()
        return release

    def test_it_finds_what_the_queryset_finds_in_one_query(self, release, django_assert_num_queries):
        room = release.get_parent().specific
        children = room.child_queryset().child_of(room).annotate(slug_length=Length("slug")).order_by()
        lookup = CompiledLookup(children, "slug")

        with django_assert_num_queries(1):
            found = lookup.first("cellules-car-t")
            related = (found.locale.language_code, found.hero_image.title)
        expected = children.get(slug="cellules-car-t")

        fields = [field.attname for field in PressReleasePage._meta.concrete_fields]
        assert {name: getattr(found, name) for name in fields} == {name: getattr(expected, name) for name in fields}
        assert related == ("fr", "Laboratoire")
        assert found.slug_length == len("cellules-car-t")
        assert not found._state.adding and found._state.db == expected._state.db

    def test_it_runs_again_with_each_value(self, release, press_room):
        other = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, slug="lupus")
        lookup = CompiledLookup(PressReleasePage.objects.child_of(press_room["fr"]), "slug")

        assert lookup.first("lupus").pk == other.pk
        assert lookup.first("cellules-car-t").pk == release.pk
        assert lookup.first("absent") is None
        assert lookup.first("x' OR '1'='1") is None
        assert lookup.first("%") is None

    @pytest.mark.parametrize(
        ("queryset", "field"),
        [
            (lambda: PressReleasePage.objects.prefetch_related("topic_links"), "slug"),
            (lambda: Page.objects.specific(), "slug"),
            (lambda: Page.objects.values("pk"), "slug"),
            (lambda: Page.objects.all(), "translation_key"),
        ],
    )
    def test_it_refuses_what_it_would_silently_get_wrong(self, press_room, queryset, field):
        with pytest.raises(ValueError, match="CompiledLookup"):
            CompiledLookup(queryset(), field)
