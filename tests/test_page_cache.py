"""The full-page cache: hits cost no query, any publication shows at once, private responses are never shared."""

from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

import pytest
import wagtail_factories

from fcrin_site.pagecache import GENERATION_KEY, bump_generation
from tests.factories import TopicFactory, publish_translation


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_FRAGMENTS = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "secret-password")


def section(parent, title, *, publish=True):
    """A child page listed on the home page (it shows pages in menus)."""
    page = wagtail_factories.PageFactory(parent=parent, title=title, show_in_menus=True, live=False)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), response["X-Cache"]


def test_second_anonymous_request_is_a_hit_without_any_query(client, home, django_assert_num_queries):
    first = client.get("/fr/")
    with django_assert_num_queries(0):
        second = client.get("/fr/")

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_each_language_and_query_string_is_its_own_entry(client, home):
    fr, _ = html(client, "/fr/")
    en, en_outcome = html(client, "/en/")
    _, query_outcome = html(client, "/fr/?page=2")

    assert (en_outcome, query_outcome) == ("MISS", "MISS")
    assert "F-CRIN press office" in en and "F-CRIN press office" not in fr


def test_publishing_and_unpublishing_shows_on_the_next_request_in_both_languages(client, home):
    html(client, "/fr/"), html(client, "/en/")

    fr_section = section(home["fr"], "Communiqués de presse")
    fr, fr_outcome = html(client, "/fr/")
    en, en_outcome = html(client, "/en/")
    assert "Communiqués de presse" in fr
    assert (fr_outcome, en_outcome) == ("MISS", "MISS")

    publish_translation(fr_section, "en", title="Press releases", slug="press-releases")
    assert "Press releases" in html(client, "/en/")[0]

    fr_section.unpublish()
    assert "Communiqués de presse" not in html(client, "/fr/")[0]


def test_editing_and_republishing_a_page_refreshes_it(client, home):
    html(client, "/fr/")
    home["fr"].standfirst = "Un nouveau chapeau pour la page d’accueil."
    home["fr"].save_revision().publish()

    assert "Un nouveau chapeau pour la page d’accueil." in html(client, "/fr/")[0]


def test_a_draft_does_not_empty_the_cache(client, home):
    html(client, "/fr/")
    home["fr"].standfirst = "Brouillon pas encore relu."
    home["fr"].save_revision()

    content, outcome = html(client, "/fr/")
    assert outcome == "HIT"
    assert "Brouillon" not in content


def test_lifting_an_embargo_with_publish_scheduled_shows_the_page_at_once(client, home):
    embargoed = section(home["fr"], "Communiqué sous embargo", publish=False)
    embargoed.go_live_at = timezone.now() + timedelta(hours=1)
    revision = embargoed.save_revision()
    revision.publish()
    assert "Communiqué sous embargo" not in html(client, "/fr/")[0]
    assert html(client, "/fr/")[1] == "HIT"

    # The embargo time passes: move it into the past rather than wait for it.
    revision.refresh_from_db()
    lifted_at = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = lifted_at.isoformat()
    revision.approved_go_live_at = lifted_at
    revision.save()
    call_command("publish_scheduled")

    content, outcome = html(client, "/fr/")
    assert outcome == "MISS"
    assert "Communiqué sous embargo" in content


def test_moving_or_deleting_a_page_refreshes_its_listing(client, home):
    gone = section(home["fr"], "Page bientôt supprimée")
    assert "Page bientôt supprimée" in html(client, "/fr/")[0]

    gone.delete()

    assert "Page bientôt supprimée" not in html(client, "/fr/")[0]


def test_saving_a_snippet_refreshes_every_page(client, home, locales):
    html(client, "/fr/"), html(client, "/en/")

    TopicFactory(locale=locales["fr"], name="Lupus")

    assert (html(client, "/fr/")[1], html(client, "/en/")[1]) == ("MISS", "MISS")


def test_purging_renditions_refreshes_every_page_but_making_them_does_not(client, home):
    image = wagtail_factories.ImageFactory()
    html(client, "/fr/")
    image.get_rendition("fill-1200x630")  # made while some page renders
    assert html(client, "/fr/")[1] == "HIT"

    image.renditions.all().delete()  # as `wagtail_update_image_renditions --purge-only` does

    assert html(client, "/fr/")[1] == "MISS"


def test_making_a_page_private_stops_serving_it_from_the_cache(client, home):
    page = section(home["fr"], "Page bientôt privée")
    url = page.get_url()
    assert "Page bientôt privée" in html(client, url)[0]

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(url)
    assert response.status_code == 302
    assert response["X-Cache"] == "BYPASS"


def test_a_logged_in_editor_neither_gets_nor_fills_the_cache(client, home, editor):
    anonymous_first, _ = html(client, "/fr/")

    client.force_login(editor)
    _, editor_first = html(client, "/fr/")
    _, editor_second = html(client, "/fr/")
    assert editor_first == editor_second == "BYPASS"

    client.logout()
    client.cookies.clear()
    content, outcome = html(client, "/fr/")
    assert outcome == "HIT"
    assert content == anonymous_first


def test_an_editor_page_never_reaches_anonymous_readers(client, home, editor):
    client.force_login(editor)
    html(client, "/fr/")
    client.logout()
    client.cookies.clear()

    assert html(client, "/fr/")[1] == "MISS"


def test_a_session_cookie_alone_bypasses_the_cache(client, home):
    html(client, "/fr/")
    client.cookies["sessionid"] = "anything"

    assert html(client, "/fr/")[1] == "BYPASS"


@pytest.mark.urls("tests.pagecache_urls")
@pytest.mark.parametrize(
    "url",
    ["/t/cookie/", "/t/csrf/", "/t/opt-out/", "/t/private/", "/t/vary/"],
    ids=["set-cookie", "csrf-token", "no_page_cache", "cache-control-private", "vary-user-agent"],
)
def test_responses_that_belong_to_one_visitor_are_never_stored(client, url, db):
    client.get(url)

    assert client.get(url)["X-Cache"] == "BYPASS"


@pytest.mark.urls("tests.pagecache_urls")
def test_a_csrf_token_is_not_stored_even_when_the_visitor_already_has_the_cookie(client, db):
    client.cookies["csrftoken"] = "a" * 32
    first = client.get("/t/csrf/")

    assert client.get("/t/csrf/")["X-Cache"] == first["X-Cache"] == "BYPASS"


@pytest.mark.urls("tests.pagecache_urls")
def test_excluded_path_prefixes_are_never_cached(client, settings, db):
    settings.PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/t/embargo/"]
    client.get("/t/plain/"), client.get("/t/embargo/plain/")

    assert client.get("/t/plain/")["X-Cache"] == "HIT"
    assert client.get("/t/embargo/plain/")["X-Cache"] == "BYPASS"


def test_non_200_responses_and_posts_are_not_stored(client, home):
    client.get("/fr/missing-page/")
    assert client.get("/fr/missing-page/")["X-Cache"] == "BYPASS"
    assert client.post("/fr/")["X-Cache"] == "BYPASS"


def test_losing_the_generation_counter_never_brings_back_an_old_page(client, home):
    html(client, "/fr/")
    cache.delete("pagecache:generation")
    bump_generation()

    assert html(client, "/fr/")[1] == "MISS"


class RecordingBackend(BaseBackend):
    purged = []

    def purge_batch(self, urls):
        self.purged.extend(urls)

    def purge(self, url):
        self.purged.append(url)


def test_publishing_purges_the_page_and_its_listings_from_the_cdn_in_both_languages_once_committed(
    client, home, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}
    fr_section = wagtail_factories.PageFactory(parent=home["fr"], title="Réseaux", slug="reseaux", live=False)
    fr_section.save_revision().publish()
    publish_translation(fr_section, "en", title="Networks", slug="networks")
    RecordingBackend.purged = []

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=fr_section.pk).save_revision().publish()
        # Until the commit, a CDN that refetched the page would get the old one again.
        assert RecordingBackend.purged == []

    assert set(RecordingBackend.purged) >= {
        "http://localhost/fr/reseaux/",
        "http://localhost/en/networks/",
        "http://localhost/fr/",
        "http://localhost/en/",
    }


def test_another_processs_publication_shows_on_the_next_request(client, home):
    """Another worker, server or ``publish_scheduled`` shares only the cache with this one: a new
    generation there makes every page here stale (tests/test_processes.py does it with real processes)."""
    html(client, "/fr/")
    cache.set(GENERATION_KEY, "another-process")

    assert html(client, "/fr/")[1] == "MISS"
    assert html(client, "/fr/")[1] == "HIT"


def test_a_hit_is_one_round_trip_to_the_shared_cache_and_no_query(client, home, monkeypatch, django_assert_num_queries):
    client.get("/fr/")  # the site's first request also creates its settings rows, a change
    first = client.get("/fr/")
    round_trips = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, **kwargs: round_trips.append(keys) or get_many(keys, **kwargs))
    monkeypatch.setattr("fcrin_site.pagecache.current_generation", lambda cache: pytest.fail("a second round trip"))
    with django_assert_num_queries(0):
        second = client.get("/fr/")

    assert (second["X-Cache"], second.content) == ("HIT", first.content)
    assert len(round_trips) == 1


def test_the_page_cache_refuses_to_start_in_one_processs_memory(settings):
    from django.core.exceptions import ImproperlyConfigured

    from fcrin_site.pagecache import PageCacheMiddleware

    settings.PAGE_CACHE_ALLOW_LOCAL_MEMORY = False
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        PageCacheMiddleware(lambda request: None)


def test_a_page_cached_from_before_the_commit_is_not_served_after_it(client, home, django_capture_on_commit_callbacks):
    """Until a publication is committed, other processes still read the old page and may cache it."""
    page = section(home["fr"], "Avant", publish=True)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Après"
        page.save_revision().publish()
        # What another process, reading the old row, stores under the new generation.
        Page.objects.filter(pk=page.pk).update(title="Avant")
        assert "Avant" in html(client, page.url)[0]
        Page.objects.filter(pk=page.pk).update(title="Après")

    content, outcome = html(client, page.url)
    assert outcome == "MISS"
    assert "Après" in content
