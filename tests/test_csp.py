"""Content-Security-Policy on every response, admin included, and the endpoint of violation reports."""

import json
import logging
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import Client

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from fcrin_site.csp import MAX_REPORT_BYTES, MAX_REPORTS_PER_MINUTE
from tests.factories import AwarenessDayPageFactory, NetworkPageFactory, PressReleasePageFactory
from tests.test_production import run_with_production_settings

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_strict(directives):
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert_common(directives)


def assert_common(directives):
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["report-uri"] == ["/csp-report/"]


@pytest.fixture
def release(press_room):
    page = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, slug="journee-du-lupus")
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "secret-password")
    client.force_login(user)
    return user


def test_every_public_channel_gets_the_strict_policy(client, release, press_room):
    for url, status in [
        ("/fr/", 200),
        (release.url, 200),
        (press_room["fr"].url + "feed/rss/", 200),
        ("/api/v2/pages/?type=news.PressReleasePage", 200),
        ("/fr/page-qui-n-existe-pas/", 404),
        ("/admin/login/", 200),
        ("/admin/password_reset/", 200),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        assert_strict(policy(response))


def test_the_signed_in_admin_gets_its_own_policy_with_inline_code_and_nothing_else(client, editor, release):
    for url in ["/admin/", f"/admin/pages/{release.get_parent().pk}/", f"/admin/pages/{release.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
        assert not any(source.startswith("'nonce-") for source in directives["script-src"])
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert_common(directives)
    # An editor reading the site gets the readers' policy.
    assert_strict(policy(client.get(release.url)))


def test_public_pages_hold_no_inline_script_event_handler_or_style(
    client, release, press_room, network_index, awareness_calendar
):
    french = press_room["fr"].locale
    network = NetworkPageFactory(parent=network_index["fr"], locale=french, slug="cri-imidiate")
    day = AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=french, slug="lupus")
    urls = [
        "/fr/",
        press_room["fr"].url,
        release.url,
        awareness_calendar["fr"].url,
        day.url,
        network_index["fr"].url,
        network.url,
        "/fr/recherche/?q=lupus",
    ]
    data_blocks = 0
    for url in urls:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                data_blocks += 1
            else:
                assert script.get("src") and not script.string, (url, str(script)[:200])
        for element in soup.find_all(True):
            assert not [name for name in element.attrs if name.lower().startswith("on")], (url, str(element)[:200])
            assert "style" not in element.attrs, (url, str(element)[:200])
        assert not soup.find_all("style"), url
        assert not soup.find_all(href=lambda href: href and href.lower().startswith("javascript:")), url
    assert data_blocks >= len(urls)  # JSON-LD everywhere: data, which browsers do not run


def test_the_print_button_uses_the_static_script(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")
    assert soup.find("button", attrs={"data-print": True})
    script = soup.find("script", src=lambda src: src and src.endswith("/js/print.js"))
    assert script is not None and script.has_attr("defer")
    assert "window.print()" in Path(finders.find("js/print.js")).read_text()


@pytest.mark.urls("tests.csp_urls")
def test_a_nonce_is_fresh_on_each_request_and_never_stored_by_the_page_cache(client, settings, home):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    nonces = []
    for _ in range(2):
        response = client.get("/t/nonced/")
        nonce = BeautifulSoup(response.content, "html.parser").script["nonce"]
        assert f"'nonce-{nonce}'" in policy(response)["script-src"]
        assert response["X-Cache"] == "BYPASS"
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    # A page without a nonce is stored, with a header that holds none.
    first, second = client.get("/fr/"), client.get("/fr/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]
    cache.clear()


LEGACY_REPORT = {
    "csp-report": {
        "document-uri": "https://presse.fcrin.example/fr/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "line-number": 12,
        "source-file": "https://presse.fcrin.example/fr/",
    }
}
REPORTING_API_BATCH = [
    {
        "type": "csp-violation",
        "url": "https://presse.fcrin.example/en/",
        "body": {
            "documentURL": "https://presse.fcrin.example/en/",
            "effectiveDirective": "img-src",
            "blockedURL": "https://tracker.example/pixel.gif",
        },
    },
    {"type": "deprecation", "body": {"id": "something"}},
]


@pytest.fixture
def reports(caplog):
    cache.clear()
    caplog.set_level(logging.WARNING, logger="fcrin_site.csp")
    yield caplog
    cache.clear()


def post_report(body, content_type="application/csp-report"):
    client = Client(enforce_csrf_checks=True)
    return client.post("/csp-report/", body, content_type=content_type)


def test_violation_reports_of_both_formats_are_logged(reports):
    assert post_report(json.dumps(LEGACY_REPORT)).status_code == 204
    assert post_report(json.dumps(REPORTING_API_BATCH), "application/reports+json").status_code == 204

    messages = [record.getMessage() for record in reports.records]
    assert len(messages) == 2
    assert "'script-src-elem'" in messages[0] and "'inline'" in messages[0] and "/fr/" in messages[0]
    assert "'img-src'" in messages[1] and "tracker.example" in messages[1]


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "{",
        "null",
        "[1, 2, 3]",
        '{"csp-report": "text"}',
        '[{"type": "csp-violation", "body": null}]',
        b"\xff\xfe\x00",
        "",
    ],
)
def test_junk_is_answered_204_and_not_logged(reports, body):
    assert post_report(body).status_code == 204
    assert reports.records == []


def test_oversized_reports_are_not_read(reports):
    report = {"csp-report": {**LEGACY_REPORT["csp-report"], "script-sample": "x" * MAX_REPORT_BYTES}}
    assert post_report(json.dumps(report)).status_code == 204
    assert reports.records == []


def test_reports_are_rate_limited_per_minute(reports):
    with freeze_time("2026-05-10 10:00:05"):
        for _ in range(MAX_REPORTS_PER_MINUTE + 5):
            assert post_report(json.dumps(LEGACY_REPORT)).status_code == 204
    assert len(reports.records) == MAX_REPORTS_PER_MINUTE
    with freeze_time("2026-05-10 10:01:05"):
        post_report(json.dumps(LEGACY_REPORT))
    assert len(reports.records) == MAX_REPORTS_PER_MINUTE + 1


def test_the_report_endpoint_takes_posts_only(client):
    assert client.get("/csp-report/").status_code == 405


@pytest.mark.parametrize(
    ("env", "origins"),
    [
        ({}, []),
        (
            {"MEDIA_S3_BUCKET": "fcrin-media", "MEDIA_S3_CUSTOM_DOMAIN": "media.fcrin.example"},
            ["https://media.fcrin.example"],
        ),
        (
            {"DJANGO_CSP_MEDIA_ORIGINS": "https://fcrin-media.s3.fr-par.scw.cloud"},
            ["https://fcrin-media.s3.fr-par.scw.cloud"],
        ),
    ],
)
def test_production_allows_images_from_the_media_origin(env, origins):
    code = (
        "import importlib, json; s = importlib.import_module('fcrin_site.settings.production')\n"
        "print(json.dumps([p['DIRECTIVES']['img-src'] for p in (s.CONTENT_SECURITY_POLICY, s.CONTENT_SECURITY_POLICY_ADMIN)]))"
    )
    site, admin = json.loads(run_with_production_settings(code, setup=False, **env))
    assert site == ["'self'", "data:", *origins]
    assert admin == ["'self'", "data:", "blob:", *origins]
