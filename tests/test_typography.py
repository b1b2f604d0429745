"""Hyphenated acronyms are kept on one line, in plain text and in rich text, never inside a tag."""

import pytest
from bs4 import BeautifulSoup

from news.templatetags.typography import keep_acronyms
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db


def test_short_acronyms_are_kept_whole_and_text_is_escaped():
    html = keep_acronyms("F-CRIN & CAR-T <b>, CRICS-TRIGGERSEP, Île-de-France, auto-immunes")

    assert html == (
        '<span class="nowrap">F-CRIN</span> &amp; <span class="nowrap">CAR-T</span> &lt;b&gt;, '
        "CRICS-TRIGGERSEP, Île-de-France, auto-immunes"
    )


def test_release_keeps_acronyms_in_its_title_standfirst_and_body_but_not_in_links(client, press_room):
    release = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=press_room["fr"].locale,
        title="CRI-IMIDIATE et les cellules CAR-T",
        standfirst="Un réseau labellisé par F-CRIN.",
        body=[{"type": "paragraph", "value": '<p>Voir <a href="https://example.org/?q=F-CRIN">F-CRIN</a>.</p>'}],
    )

    soup = BeautifulSoup(client.get(release.url).content, "html.parser")

    assert [span.get_text() for span in soup.h1.select(".nowrap")] == ["CRI-IMIDIATE", "CAR-T"]
    assert soup.select_one(".release__standfirst .nowrap").get_text() == "F-CRIN"
    link = soup.select_one(".release__body a")
    assert link["href"] == "https://example.org/?q=F-CRIN"
    assert str(link.span) == '<span class="nowrap">F-CRIN</span>'
