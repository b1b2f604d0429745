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
