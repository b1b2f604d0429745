"""The lay summary ("En bref pour les patients"): above the release's body in both languages, in the
feeds (parsed by feedparser), in the JSON-LD as ``abstract``, in the PDF, and the editor's readability hint."""

import io
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from news.models import PressReleasePage
from news.releases.readability import long_sentences, sentence_lengths
from tests.factories import PressReleasePageFactory, TopicFactory, publish_translation
from tests.test_prepublish_checks import _data, _publish

pytestmark = pytest.mark.django_db

LAY_FR = (
    "Le lupus est une maladie où les défenses du corps attaquent le corps lui-même. "
    "Des médecins testent un nouveau traitement."
)
LAY_EN = "In lupus, the body's defences attack the body itself. Doctors are testing a new treatment."


@pytest.fixture
def releases(press_room):
    room = press_room["fr"]
    fr = PressReleasePageFactory(
        parent=room,
        locale=room.locale,
        title="Journée du lupus",
        slug="lupus",
        standfirst="Le réseau se mobilise.",
        lay_summary=LAY_FR,
        body=[{"type": "paragraph", "value": "<p>Le corps du communiqué.</p>"}],
    )
    fr.save_revision().publish()
    en = publish_translation(fr, "en", title="World Lupus Day", slug="lupus-day", lay_summary=LAY_EN)
    plain = PressReleasePageFactory(parent=room, locale=room.locale, title="Sans résumé", slug="sans-resume")
    return {"fr": fr, "en": en, "plain": plain}


def _json_ld(soup):
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle")


@pytest.mark.parametrize(
    ("language", "heading", "text"),
    [("fr", "En bref pour les patients", LAY_FR), ("en", "In brief for patients", LAY_EN)],
)
def test_the_lay_summary_is_shown_above_the_body_in_each_language(client, releases, language, heading, text):
    response = client.get(releases[language].url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(".lay-summary")
    assert section.h2.get_text(strip=True) == heading
    assert section.select_one(".lay-summary__text").get_text(strip=True) == text
    # Above the body: the body comes after it in the document.
    assert section.find_next(class_="release__body") is not None
    assert _json_ld(soup)["abstract"] == text


def test_a_release_without_lay_summary_shows_no_empty_section(client, releases):
    soup = BeautifulSoup(client.get(releases["plain"].url).content, "html.parser")

    assert soup.select_one(".lay-summary") is None
    assert "abstract" not in _json_ld(soup)


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
@pytest.mark.parametrize(("language", "text"), [("fr", LAY_FR), ("en", LAY_EN)])
def test_feeds_carry_the_lay_summary_as_content(client, press_room, releases, feed_format, language, text):
    room = press_room[language]
    response = client.get(room.url + room.reverse_subpage("press_feed", args=[feed_format]))
    feed = feedparser.parse(response.content)

    assert not feed.bozo, feed.get("bozo_exception")
    entries = {entry.title: entry for entry in feed.entries}
    entry = entries[releases[language].title]
    assert entry.summary == releases[language].standfirst  # The description stays the standfirst.
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.h2.get_text() == {"fr": "En bref pour les patients", "en": "In brief for patients"}[language]
    assert content.find_all("p")[-1].get_text() == text
    if language == "fr":
        assert "content" not in entries["Sans résumé"]


def test_the_pdf_prints_the_lay_summary(client, releases):
    response = client.get(releases["en"].url + releases["en"].reverse_subpage("pdf"))

    assert response.status_code == 200
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "In brief for patients" in text
    assert "Doctors are testing a new treatment." in text


def test_sentences_are_counted_in_words():
    # French spaces before ! and ?; an ellipsis ends a sentence too.
    assert sentence_lengths("Un essai commence. Il dure deux ans ! Qui participe ? Les malades… Merci") == [
        3,
        4,
        2,
        2,
        1,
    ]
    assert sentence_lengths("L’essai porte sur l'arthrite juvénile.") == [5]
    assert sentence_lengths("") == []
    long = " ".join(["mot"] * 26) + ". Court."
    assert long_sentences(long) == [(1, 26)]


def test_the_editor_sees_the_words_of_each_sentence(admin_client, releases):
    long = "Une phrase " + " ".join(["très"] * 30) + " longue. Une courte."
    release = releases["fr"]
    release.lay_summary = long
    release.save_revision()

    response = admin_client.get(f"/admin/pages/{release.pk}/edit/")

    soup = BeautifulSoup(response.content, "html.parser")
    hint = soup.select_one("[data-readability]")
    assert hint["data-readability-input"] == "id_lay_summary"
    assert hint.select_one("[data-readability-counts]").get_text() == "33 · 2"
    warning = hint.select_one("[data-readability-warning]")
    assert not warning.has_attr("hidden")
    assert "plus de 25 mots" in warning.get_text()
    assert soup.find("script", src=lambda src: src and "news/js/readability.js" in src)


def test_a_short_lay_summary_shows_no_warning(admin_client, releases):
    response = admin_client.get(f"/admin/pages/{releases['fr'].pk}/edit/")

    hint = BeautifulSoup(response.content, "html.parser").select_one("[data-readability]")
    assert hint.select_one("[data-readability-counts]").get_text() == "14 · 6"
    assert hint.select_one("[data-readability-warning]").has_attr("hidden")


def test_publishing_a_long_sentence_warns_but_publishes(admin_client, releases, press_room):
    from tests.factories import BoilerplateFactory, PressContactFactory

    locale = press_room["fr"].locale
    parts = {
        "topic": TopicFactory(locale=locale, name="Lupus"),
        "contact": PressContactFactory(locale=locale),
        "about": BoilerplateFactory(locale=locale, key="about-fcrin", title="À propos de F-CRIN"),
    }
    release = releases["plain"]
    data = _data(release, parts)
    data["lay_summary"] = "Court. " + " ".join(["mot"] * 30) + "."

    response, messages = _publish(admin_client, release, data)

    assert response.status_code == 302
    assert (
        "warning",
        "Onglet Contenu, En bref pour les patients : la phrase 2 compte 30 mots. Les patients lisent plus "
        "facilement des phrases de 25 mots au plus : coupez-la.",
    ) in messages
    published = PressReleasePage.objects.get(pk=release.pk)
    assert published.live and published.lay_summary.startswith("Court.")
