"""The demo's experts directory, lay summaries and QR codes, in both languages, as `make run` loads them."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from news.models import ExpertPage, PressReleasePage
from news.releases.readability import long_sentences

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "title"), [("fr", "Trouver un expert"), ("en", "Find an expert")])
def test_the_home_page_leads_to_the_experts_directory(client, demo_content, language, title):
    home = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    link = home.find("a", string=title)

    directory = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    cards = directory.select(".expert-card")
    assert len(cards) >= 6
    assert len(directory.select(".expert-card__photo")) >= 6


def test_every_expert_is_in_both_languages_with_a_credited_drawn_portrait(demo_content):
    english_locale = Locale.objects.get(language_code="en")
    french = ExpertPage.objects.filter(locale__language_code="fr", live=True)
    assert french.count() >= 6
    for expert in french:
        english = expert.get_translation_or_none(english_locale)
        assert english is not None and english.live and english.job_title != expert.job_title
        if expert.photo_id:
            assert expert.photo_credit == english.photo_credit == "Illustration F-CRIN"
    assert french.exclude(photo=None).count() >= 6


@pytest.mark.parametrize(
    "url",
    ["/fr/communiques/journee-mondiale-du-lupus-cri-imidiate/", "/en/press-releases/world-lupus-day-cri-imidiate/"],
)
def test_the_lupus_release_has_a_lay_summary_and_qr_codes(client, demo_content, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    assert soup.select_one(".lay-summary__text").get_text(strip=True)
    assert soup.select(".contact-qr svg")


def test_demo_lay_summaries_follow_their_own_readability_hint(demo_content):
    summaries = PressReleasePage.objects.exclude(lay_summary="").values_list("locale__language_code", "lay_summary")
    assert {"fr", "en"} <= {language for language, _text in summaries}
    assert len(summaries) >= 4
    for _language, text in summaries:
        assert long_sentences(text) == []
