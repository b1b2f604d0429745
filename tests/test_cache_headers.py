"""Cache headers of every public response class: a short public max-age, validators and real 304s,
fresh content after a publication, and ``private, no-store`` for whatever belongs to one visitor."""

import datetime
import json

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.http import http_date, parse_http_date

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest
import wagtail_factories

from news.models import EmbargoPreviewLink
from tests.factories import (
    AwarenessDayPageFactory,
    NetworkPageFactory,
    PressContactFactory,
    PressReleasePageFactory,
    TopicFactory,
)
from tests.test_media_files import site_urls

pytestmark = pytest.mark.django_db

PUBLIC = {"public", "max-age=60"}
PRIVATE = {"private", "no-store"}


def directives(response):
    return {directive.strip() for directive in response.get("Cache-Control", "").split(",") if directive.strip()}


@pytest.fixture(params=[True, False], ids=["page-cache", "no-page-cache"])
def page_cache(request, settings):
    """The production stack (the page cache on) and the views' own answers (off)."""
    settings.PAGE_CACHE_ENABLED = request.param
    cache.clear()
    return request.param


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def release(site, title, **fields):
    room = site["press_room"]
    contact = fields.pop("contact", None) or PressContactFactory(locale=room.locale)
    page = PressReleasePageFactory(parent=room, locale=room.locale, title=title, live=False, **fields)
    page.topic_links.create(topic=site["topic"])
    page.network_links.create(network=site["network"])
    page.contact_links.create(contact=contact)
    return publish(page)


@pytest.fixture
def site(press_room, network_index, awareness_calendar):
    """A live French release with a topic, a network, a contact and a document, and an awareness day."""
    room = press_room["fr"]
    site = {
        "press_room": room,
        "network_index": network_index["fr"],
        "calendar": awareness_calendar["fr"],
        "topic": TopicFactory(locale=room.locale, name="Lupus", slug="lupus"),
        "network": publish(NetworkPageFactory(parent=network_index["fr"], locale=room.locale, live=False)),
        "contact": PressContactFactory(locale=room.locale),
        "document": get_document_model().objects.create(
            title="Dossier", file=ContentFile(b"%PDF-1.4 dossier", name="dossier.pdf")
        ),
        "day": publish(AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=room.locale, live=False)),
    }
    site["release"] = release(site, "Essai Zéphyr", slug="essai-zephyr", contact=site["contact"])
    site["release"].attachments.create(document=site["document"])
    publish(site["release"])
    return site


def new_release(site):
    release(site, "Essai Borée")


def republish_release(site):
    publish(site["release"], standfirst="Un chapô corrigé.")


def change_contact(site):
    site["contact"].phone = "+33 5 61 11 11 11"
    site["contact"].save()


def new_day(site):
    publish(AwarenessDayPageFactory(parent=site["calendar"], locale=site["calendar"].locale, live=False))


def rename_day(site):
    publish(site["day"], title="Journée renommée")


def republish_network(site):
    publish(site["network"], summary="Un résumé revu.")


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=list(args))


# Each public response class: its address, and a change that must show in it (None: nothing published does).
CLASSES = {
    "home": (lambda s: "/fr/", new_release),
    "press room": (lambda s: s["press_room"].url, new_release),
    "release": (lambda s: s["release"].url, republish_release),
    "network": (lambda s: s["network"].url, republish_network),
    "topic page": (lambda s: s["network_index"].url + "themes/lupus/", new_release),
    "calendar": (lambda s: s["calendar"].url, new_day),
    "awareness day": (lambda s: s["day"].url, rename_day),
    "search": (lambda s: reverse("search") + "?q=essai", new_release),
    "rss": (lambda s: route(s["press_room"], "press_feed", "rss"), new_release),
    "atom": (lambda s: route(s["press_room"], "press_feed", "atom"), new_release),
    "topic feed": (lambda s: route(s["press_room"], "press_topic_feed", "lupus", "rss"), new_release),
    "network feed": (lambda s: route(s["press_room"], "press_network_feed", s["network"].slug, "atom"), new_release),
    "calendar ics": (lambda s: s["calendar"].url + "ics/", new_day),
    "day ics": (lambda s: s["day"].url + "ics/", rename_day),
    "office vcard": (lambda s: route(s["press_room"], "press_office_vcard"), new_release),
    "contact vcard": (lambda s: route(s["press_room"], "press_contact_vcard", s["contact"].pk), change_contact),
    "press kit": (lambda s: s["release"].url + "kit/", republish_release),
    "sitemap": (lambda s: "/sitemap-releases.xml", new_release),
    "api listing": (lambda s: "/api/v2/pages/?type=news.PressReleasePage", new_release),
    "api detail": (lambda s: f"/api/v2/pages/{s['release'].pk}/", republish_release),
    "document": (lambda s: s["document"].url, None),
}


def validators(response):
    """What a browser or a CDN sends back to revalidate the response it holds."""
    if response.has_header("ETag"):
        return {"If-None-Match": response["ETag"]}
    return {"If-Modified-Since": response["Last-Modified"]}


@pytest.mark.parametrize("name", CLASSES)
def test_public_responses_are_shared_briefly_revalidated_with_a_304_and_fresh_after_a_publication(
    client, site, page_cache, name
):
    address, change = CLASSES[name]
    url = address(site)
    first = client.get(url)
    assert first.status_code == 200, url
    assert directives(first) == PUBLIC
    assert "Set-Cookie" not in first.headers and not first.cookies
    assert first.has_header("ETag") or first.has_header("Last-Modified")

    again = client.get(url, headers=validators(first))

    assert again.status_code == 304, url
    assert directives(again) == PUBLIC
    assert not again.content
    if change is None:
        return
    change(site)
    fresh = client.get(url, headers=validators(first))
    assert fresh.status_code == 200, url
    assert validators(fresh) != validators(first)
    assert client.get(url, headers=validators(fresh)).status_code == 304


@pytest.mark.parametrize("name", ["rss", "atom", "sitemap"])
def test_feeds_and_sitemaps_answer_if_modified_since_and_never_hide_a_withdrawn_release(client, site, page_cache, name):
    url = CLASSES[name][0](site)
    first = client.get(url)
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get(url, headers=since).status_code == 304

    # Their newest item stays the same when another is withdrawn: their Last-Modified must still move.
    older = release(site, "Essai Notos", slug="essai-notos", release_date=datetime.date(2020, 1, 1))
    client.get(url)
    newer = client.get(url)
    assert b"essai-notos" in newer.content
    older.unpublish()

    after = client.get(url, headers={"If-Modified-Since": newer["Last-Modified"]})
    assert after.status_code == 200
    assert b"essai-notos" not in after.content
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(newer["Last-Modified"])


def test_robots_txt_keeps_its_hour_and_answers_304(client, page_cache, db):
    first = client.get("/robots.txt")

    assert directives(first) == {"public", "max-age=3600"}
    assert client.get("/robots.txt", headers=validators(first)).status_code == 304


def test_a_press_kit_is_streamed_with_a_validator_of_the_content_it_is_made_from(client, site, settings):
    url = site["release"].url + "kit/"
    first = client.get(url)
    assert first.streaming and first["ETag"].startswith('W/"')

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    change_contact(site)  # in the kit's vCards
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_a_rendition_is_public_briefly_with_its_files_validator(client, site):
    image = wagtail_factories.ImageFactory(file__width=400, file__height=300)
    with site_urls(SERVE_MEDIA=True):
        url = image.get_rendition("fill-200x150").url
        first = client.get(url)
        again = client.get(url, headers=validators(first))

    assert (first.status_code, directives(first), again.status_code) == (200, PUBLIC, 304)


def test_a_hit_answers_304_without_a_query_and_stores_no_304(client, site, settings, django_assert_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    url = site["release"].url
    etag = client.get(url)["ETag"]

    settings.PAGE_CACHE_ENABLED = True
    not_modified = client.get(url, headers={"If-None-Match": etag})
    stored = client.get(url)
    with django_assert_num_queries(0):
        hit = client.get(url, headers={"If-None-Match": etag})

    assert (not_modified.status_code, not_modified["X-Cache"]) == (304, "BYPASS")
    assert (stored.status_code, stored["X-Cache"], stored["ETag"]) == (200, "MISS", etag)
    assert (hit.status_code, hit["X-Cache"], hit["ETag"], directives(hit)) == (304, "HIT", etag, PUBLIC)
    assert client.get(url).content == stored.content


def test_not_found_is_never_kept_not_even_a_release_under_embargo(client, site, page_cache):
    room = site["press_room"]
    embargoed = PressReleasePageFactory(parent=room, locale=room.locale, title="Sous embargo", live=False)
    embargoed.go_live_at = datetime.datetime(2099, 6, 2, 6, 0, tzinfo=datetime.UTC)
    embargoed.save_revision().publish()
    embargoed = Page.objects.get(pk=embargoed.pk)

    for url in ("/fr/nulle-part/", embargoed.url, route(room, "press_contact_vcard", 999999), "/api/v2/pages/999999/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert directives(response) == {"no-store"}, url
        assert not response.has_header("ETag"), url


def test_an_embargo_preview_link_is_private_and_never_stored(client, site, admin_user, page_cache):
    room = site["press_room"]
    embargoed = PressReleasePageFactory(parent=room, locale=room.locale, title="Essai Zéphyr II", live=False)
    embargoed.go_live_at = datetime.datetime(2099, 6, 2, 6, 0, tzinfo=datetime.UTC)
    embargoed.save_revision().publish()
    link = EmbargoPreviewLink.objects.create(release=embargoed, label="Le Monde", created_by=admin_user)
    url = reverse("news:embargo_preview", args=[link.token])

    responses = [client.get(url), client.get(url)]
    assert [r.status_code for r in responses] == [200, 200]
    assert "Essai Zéphyr II" in responses[1].content.decode()
    assert all(directives(r) == PRIVATE for r in responses)
    assert not any(r.has_header("ETag") for r in responses)
    assert {r["X-Cache"] for r in responses} == {"BYPASS"}

    link.revoked_at = link.created_at
    link.save()
    assert directives(client.get(url)) == PRIVATE


@pytest.mark.parametrize("name", ["release", "rss", "contact vcard", "api detail", "document"])
def test_a_logged_in_editor_gets_private_no_store_answers(client, site, page_cache, django_user_model, name):
    url = CLASSES[name][0](site)
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.com", "password"))

    editor = client.get(url)
    assert editor.status_code == 200
    assert directives(editor) == PRIVATE

    client.logout()
    client.cookies.clear()
    assert directives(client.get(url)) == PUBLIC


def test_the_admin_is_never_kept(admin_client, site):
    response = admin_client.get("/admin/")

    assert PRIVATE <= directives(response)
    assert "public" not in directives(response)


@pytest.mark.urls("tests.pagecache_urls")
@pytest.mark.parametrize("url", ["/t/cookie/", "/t/csrf/", "/t/opt-out/"], ids=["set-cookie", "csrf-token", "opt-out"])
def test_answers_that_belong_to_one_visitor_are_private(client, url, db):
    response = client.get(url)

    assert directives(response) == PRIVATE
    assert not response.has_header("ETag")


@pytest.mark.urls("tests.pagecache_urls")
def test_a_stored_page_carries_no_cookie_and_keeps_its_headers(client, settings, db):
    settings.PAGE_CACHE_ENABLED = True
    stored = client.get("/t/plain/")
    hit = client.get("/t/plain/")

    assert (stored["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert not hit.cookies and "Set-Cookie" not in hit.headers
    assert (directives(hit), hit["ETag"]) == (PUBLIC, stored["ETag"])


def test_hashed_static_files_are_immutable_and_others_short_lived(settings, tmp_path, rf):
    from whitenoise.middleware import WhiteNoiseMiddleware

    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body {}")
    (tmp_path / "css" / "site.0123456789ab.css").write_text("body {}")
    manifest = {"paths": {"css/site.css": "css/site.0123456789ab.css"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    whitenoise = WhiteNoiseMiddleware(lambda request: pytest.fail("not a static file"))

    hashed = whitenoise(rf.get("/static/css/site.0123456789ab.css"))
    plain = whitenoise(rf.get("/static/css/site.css"))
    revalidated = whitenoise(rf.get("/static/css/site.css", headers={"If-Modified-Since": http_date()}))

    assert hashed["Cache-Control"] == "max-age=315360000, public, immutable"
    assert plain["Cache-Control"] == "max-age=60, public"
    assert revalidated.status_code == 304


@pytest.mark.parametrize("cached", [False, True], ids=["page cache off", "page cache hit"])
def test_a_conditional_head_gets_the_304_its_get_would(client, site, settings, cached):
    settings.PAGE_CACHE_ENABLED = cached
    url = site["release"].url
    first = client.get(url)

    head = client.head(url, headers=validators(first))
    stale = client.head(url, headers={"If-None-Match": '"not-this-one"'})

    assert head.status_code == 304
    assert directives(head) == PUBLIC
    assert stale.status_code == 200
