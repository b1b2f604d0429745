import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("", "/fr/"), ("fr-FR,fr;q=0.9", "/fr/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE,de;q=0.9", "/fr/")],
)
def test_root_redirects_by_accept_language(client, home, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang", "title"), [("/fr/", "fr", "Espace presse de F-CRIN"), ("/en/", "en", "F-CRIN press office")]
)
def test_home_page_in_each_language(client, home, path, lang, title):
    response = client.get(path)

    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    assert " ".join(html.h1.get_text().split()) == title


def test_home_pages_link_each_other_with_hreflang(client, home):
    for path, other in [("/fr/", "/en/"), ("/en/", "/fr/")]:
        links = {
            link["hreflang"]: link["href"]
            for link in soup(client.get(path)).find_all("link", rel="alternate", hreflang=True)
        }
        assert links == {
            "fr": "http://localhost/fr/",
            "en": "http://localhost/en/",
            "x-default": "http://localhost/fr/",
        }, path
        assert links[other.strip("/")].endswith(other)


def test_language_switcher_goes_to_the_translation(client, home):
    switcher = soup(client.get("/fr/")).select_one("header .language-selector")

    assert switcher.select_one("[aria-current]").get_text(" ", strip=True).startswith("FR")
    assert switcher.select_one('a[data-language="en"]')["href"] == "/en/"


def test_language_switcher_falls_back_to_the_nearest_translated_ancestor(client, home):
    from tests.factories import HomePageFactory

    # A French-only page: there is no English version to link to, so the switcher offers the English home.
    untranslated = HomePageFactory.build(title="Seulement en français", slug="seulement-fr", locale=home["fr"].locale)
    home["fr"].add_child(instance=untranslated)
    untranslated.save_revision().publish()

    response = client.get("/fr/seulement-fr/")

    assert response.status_code == 200
    html = soup(response)
    assert html.select_one('header a[data-language="en"]')["href"] == "/en/"
    assert {link["hreflang"] for link in html.find_all("link", rel="alternate", hreflang=True)} == {"fr", "x-default"}
    assert client.get("/en/").status_code == 200


def test_french_is_the_default_for_ui_strings(client, home):
    assert "Aller au contenu principal" in soup(client.get("/fr/")).select_one(".skip-link").get_text()
    assert "Skip to main content" in soup(client.get("/en/")).select_one(".skip-link").get_text()


@pytest.mark.parametrize(("language", "expected"), [("fr", "10 mai 2026"), ("en", "10 May 2026")])
def test_dates_read_naturally_in_each_language(language, expected):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        rendered = Template("{{ day|date }}").render(Context({"day": datetime.date(2026, 5, 10)}))

    assert rendered == expected


def _language_links(client, url):
    html = soup(client.get(url))
    switcher = {link["data-language"]: link["href"] for link in html.select("header .language-selector a")}
    hreflangs = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    return switcher, hreflangs


def test_a_releases_language_links_follow_its_translation_as_it_is_published(client, press_room):
    from tests.factories import PressReleasePageFactory, publish_translation

    release = PressReleasePageFactory(parent=press_room["fr"], locale=press_room["fr"].locale, slug="lupus")
    english = publish_translation(release, "en", title="World Lupus Day", slug="world-lupus-day")

    switcher, hreflangs = _language_links(client, release.url)
    assert switcher == {"en": "/en/press-releases/world-lupus-day/"}
    assert hreflangs == {
        "fr": "http://localhost/fr/communiques/lupus/",
        "x-default": "http://localhost/fr/communiques/lupus/",
        "en": "http://localhost/en/press-releases/world-lupus-day/",
    }

    english.unpublish()
    # The nearest English page is the English press room, which is no translation of the release.
    switcher, hreflangs = _language_links(client, release.url)
    assert switcher == {"en": "/en/press-releases/"}
    assert set(hreflangs) == {"fr", "x-default"}

    press_room["en"].unpublish()
    assert _language_links(client, release.url)[0] == {"en": "/en/"}

    press_room["en"].save_revision().publish()
    english.save_revision().publish()
    assert _language_links(client, release.url)[0] == {"en": "/en/press-releases/world-lupus-day/"}
    assert _language_links(client, english.url)[0] == {"fr": "/fr/communiques/lupus/"}
