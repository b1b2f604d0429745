import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def page_language(response):
    return BeautifulSoup(response.content, "html.parser").html["lang"]


@pytest.mark.parametrize(
    ("path", "status", "lang"),
    [
        ("/fr/page-qui-n-existe-pas/", 404, "fr"),
        ("/en/no-such-page/", 404, "en"),
        ("/fr/%00/", 400, "fr"),
        ("/en/%00/", 400, "en"),
        ("/en/?q=%00", 200, "en"),
        ("/fr/" + "a" * 3000 + "/", 400, "fr"),
        ("/en/" + "a/" * 300, 404, "en"),
        ("/fr/%ff%fe/", 404, "fr"),
        ("/en/?page=-1&topic[]=<script>&year=99999999999999", 200, "en"),
    ],
)
def test_bad_input_gets_a_clear_answer_in_the_visitors_language(client, home, path, status, lang):
    response = client.get(path)

    assert response.status_code == status
    assert page_language(response) == lang
    assert b"<script>" not in response.content


@pytest.mark.parametrize(
    ("accept_language", "lang", "heading"), [("en", "en", "Page not found"), ("fr", "fr", "Page introuvable")]
)
def test_unknown_language_prefix_ends_in_a_404_in_the_visitors_language(client, home, accept_language, lang, heading):
    response = client.get("/de/", headers={"accept-language": accept_language}, follow=True)

    assert response.status_code == 404
    assert page_language(response) == lang
    assert heading in response.content.decode()


def test_404_page_offers_a_way_home(client, home):
    html = BeautifulSoup(client.get("/en/missing/").content, "html.parser")

    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert html.select_one("main a.button")["href"] == "/en/"


def test_500_page_is_rendered_in_the_active_language():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("fr"):
        french = render_to_string("500.html")
    with translation.override("en"):
        english = render_to_string("500.html")

    assert 'lang="fr"' in french and "Un problème est survenu" in french
    assert 'lang="en"' in english and "Something went wrong" in english


def test_admin_redirects_anonymous_visitors_to_login(client, home):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def heading(response):
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


@pytest.mark.parametrize(
    ("served_before", "path", "lang", "title"),
    [
        ("/en/", "/fr/", "fr", "Requête incorrecte"),
        ("/en/", "/fr/communiques/", "fr", "Requête incorrecte"),
        ("/fr/", "/en/", "en", "Bad request"),
        ("/en/", "/", "fr", "Requête incorrecte"),
        ("/en/", "/api/v2/pages/", "fr", "Requête incorrecte"),
    ],
)
def test_a_bad_host_gets_the_400_page_in_the_urls_language(client, home, served_before, path, lang, title):
    from django.utils import translation

    client.get(served_before)
    # The worker's thread still speaks the language of the request before.
    assert translation.get_language() != lang

    response = client.get(path, headers={"host": "evil.example"})

    assert response.status_code == 400
    assert page_language(response) == lang
    assert heading(response) == title
    assert BeautifulSoup(response.content, "html.parser").select_one("main a.button")["href"] == f"/{lang}/"


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/fr/", "fr", "Formulaire expiré"), ("/en/", "en", "Form expired"), ("/en/search/", "en", "Form expired")],
)
def test_a_form_without_its_csrf_token_gets_a_styled_403_in_the_urls_language(home, path, lang, title):
    from django.test import Client
    from django.utils import translation

    client = Client(enforce_csrf_checks=True)
    client.get("/fr/" if lang == "en" else "/en/")
    assert translation.get_language() != lang

    response = client.post(path, {"q": "lupus"})

    assert response.status_code == 403
    assert page_language(response) == lang
    assert heading(response) == title
    assert BeautifulSoup(response.content, "html.parser").find("link", rel="stylesheet") is not None


def test_the_csrf_403_of_an_address_without_language_follows_the_browser(home):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    english = client.post("/admin/login/", {"username": "x"}, headers={"accept-language": "en"})
    french = client.post("/admin/login/", {"username": "x"}, headers={"accept-language": "fr"})

    assert (english.status_code, page_language(english), heading(english)) == (403, "en", "Form expired")
    assert (french.status_code, page_language(french), heading(french)) == (403, "fr", "Formulaire expiré")


@pytest.mark.parametrize(("lang", "title"), [("fr", "Accès refusé"), ("en", "Access denied")])
def test_permission_denied_gets_a_styled_403_in_the_urls_language(client, lang, title):
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory
    from django.utils import translation

    from fcrin_site.views import permission_denied

    translation.activate("en" if lang == "fr" else "fr")
    response = permission_denied(RequestFactory().get(f"/{lang}/communiques/"), PermissionDenied())

    assert response.status_code == 403
    assert page_language(response) == lang
    assert heading(response) == title
