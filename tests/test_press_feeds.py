"""RSS and Atom feeds parsed by feedparser: per language, per topic and network, embargoed releases absent."""

import datetime

from wagtail.models import Page

import feedparser
import pytest
from bs4 import BeautifulSoup

from news.distribution.feeds import release_guid
from tests.factories import PressReleasePageFactory, TopicFactory, publish_translation

pytestmark = pytest.mark.django_db


def feed_url(room, feed_format="rss", topic=None, network=None):
    if topic is not None:
        return room.url + room.reverse_subpage("press_topic_feed", args=[topic, feed_format])
    if network is not None:
        return room.url + room.reverse_subpage("press_network_feed", args=[network, feed_format])
    return room.url + room.reverse_subpage("press_feed", args=[feed_format])


def parse(client, url, content_type="application/rss+xml; charset=utf-8"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def releases(press_room):
    """Two bilingual releases, a French-only one, and three that must stay out of every feed."""
    fr_room = press_room["fr"]
    fr, en = {}, {}
    for name, date in (("lupus", datetime.date(2026, 5, 10)), ("vaccins", datetime.date(2026, 4, 24))):
        fr[name] = PressReleasePageFactory(
            parent=fr_room, locale=fr_room.locale, title=f"Communiqué {name}", slug=name, release_date=date
        )
        fr[name].standfirst = f"Chapô français {name}."
        fr[name].save_revision().publish()
        en[name] = publish_translation(
            fr[name], "en", title=f"Release {name}", slug=f"{name}-en", standfirst=f"English standfirst {name}."
        )
    fr["seul"] = PressReleasePageFactory(
        parent=fr_room,
        locale=fr_room.locale,
        title="Communiqué seul",
        slug="seul",
        release_date=datetime.date(2026, 3, 1),
    )
    PressReleasePageFactory(parent=fr_room, locale=fr_room.locale, title="Communiqué brouillon", live=False)
    embargoed = PressReleasePageFactory(
        parent=fr_room, locale=fr_room.locale, title="Communiqué embargo", slug="embargo"
    )
    publish_translation(embargoed, "en", title="Embargoed release", slug="embargoed")
    embargoed.unpublish()
    return {"fr": fr, "en": en}


@pytest.mark.parametrize(
    ("feed_format", "content_type"),
    [("rss", "application/rss+xml; charset=utf-8"), ("atom", "application/atom+xml; charset=utf-8")],
)
def test_each_language_has_its_own_feed_of_published_releases(client, press_room, releases, feed_format, content_type):
    french = parse(client, feed_url(press_room["fr"], feed_format), content_type)
    english = parse(client, feed_url(press_room["en"], feed_format), content_type)

    assert [entry.title for entry in french.entries] == ["Communiqué lupus", "Communiqué vaccins", "Communiqué seul"]
    assert [entry.title for entry in english.entries] == ["Release lupus", "Release vaccins"]
    assert french.feed.language == "fr" and english.feed.language == "en"
    assert english.feed.title == "Press releases – F-CRIN"
    assert english.feed.subtitle == "Releases from F-CRIN."
    lupus = english.entries[0]
    assert lupus.summary == "English standfirst lupus."
    assert lupus.link == "http://localhost/en/press-releases/lupus-en/"
    assert lupus.id == release_guid(releases["en"]["lupus"])
    assert lupus.published_parsed[:4] == (2026, 5, 9, 22)  # midnight in Paris, summer time


def test_rss_guids_are_stable_and_not_permalinks(client, press_room, releases):
    release = releases["fr"]["lupus"]
    before = parse(client, feed_url(press_room["fr"])).entries[0]
    release.slug = "journee-du-lupus"
    release.save_revision().publish()

    after = parse(client, feed_url(press_room["fr"])).entries[0]

    assert before.id == after.id and before.id.startswith("urn:uuid:")
    assert before.guidislink is False
    assert after.link.endswith("/journee-du-lupus/")
    english_id = parse(client, feed_url(press_room["en"])).entries[0].id
    assert english_id != before.id


def test_pubdate_is_the_release_date_in_paris_or_the_embargo_lift_that_day(client, press_room, releases):
    lifted = releases["fr"]["vaccins"]
    lifted.first_published_at = datetime.datetime(2026, 4, 24, 8, 0, tzinfo=datetime.UTC)
    lifted.save()

    entries = parse(client, feed_url(press_room["fr"])).entries

    # Midnight in Paris on 1 March 2026 is 23:00 UTC the day before.
    assert entries[-1].published_parsed[:4] == (2026, 2, 28, 23)
    assert entries[1].published_parsed[:5] == (2026, 4, 24, 8, 0)


def test_topic_feed_in_each_language(client, press_room, releases):
    fr_topic = TopicFactory(locale=press_room["fr"].locale, name="Lupus", slug="lupus")
    TopicFactory(
        locale=press_room["en"].locale, name="Lupus (EN)", slug="lupus-en", translation_key=fr_topic.translation_key
    )
    # Translations keep pointing at the source's topic until wagtail-localize maps them: both must work.
    for release in (releases["fr"]["lupus"], releases["fr"]["seul"], releases["en"]["lupus"]):
        release.topic_links.create(topic=fr_topic)
        release.save_revision().publish()

    french = parse(client, feed_url(press_room["fr"], topic="lupus"))
    english = parse(client, feed_url(press_room["en"], "atom", topic="lupus-en"), "application/atom+xml; charset=utf-8")
    # The French slug still works from the English press room, for readers who switch language.
    from_source_slug = parse(client, feed_url(press_room["en"], topic="lupus"))

    assert [entry.title for entry in french.entries] == ["Communiqué lupus", "Communiqué seul"]
    assert [entry.title for entry in english.entries] == ["Release lupus"]
    assert [entry.title for entry in from_source_slug.entries] == ["Release lupus"]
    assert english.feed.title == "Press releases – F-CRIN: Lupus (EN)"
    assert client.get(feed_url(press_room["fr"], topic="inconnu")).status_code == 404


def test_network_feed_by_id_or_slug_with_any_page_type(client, press_room, releases):
    network = press_room["fr"].get_parent().add_child(instance=Page(title="Réseau CRI-IMIDIATE", slug="cri-imidiate"))
    release = releases["fr"]["vaccins"]
    release.network_links.create(network=network)
    release.save_revision().publish()

    by_id = parse(client, feed_url(press_room["fr"], network=str(network.pk)))
    by_slug = parse(client, feed_url(press_room["fr"], network="cri-imidiate"))

    assert [entry.title for entry in by_id.entries] == ["Communiqué vaccins"]
    assert [entry.title for entry in by_slug.entries] == ["Communiqué vaccins"]
    assert by_id.feed.title.endswith("Réseau CRI-IMIDIATE")
    network.unpublish()
    assert client.get(feed_url(press_room["fr"], network="cri-imidiate")).status_code == 404
    assert client.get(feed_url(press_room["fr"], network="999999")).status_code == 404


def test_unknown_feed_format_is_not_found(client, press_room):
    assert client.get(press_room["fr"].url + "feed/json/").status_code == 404


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_and_press_room_advertise_their_feeds(client, home, press_room, releases, language):
    for page in (home[language], press_room[language]):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        rss = soup.select_one('head link[rel="alternate"][type="application/rss+xml"]')
        atom = soup.select_one('head link[rel="alternate"][type="application/atom+xml"]')

        assert rss["href"] == feed_url(press_room[language], "rss")
        assert atom["href"] == feed_url(press_room[language], "atom")
        assert rss["title"] == f"{press_room[language].title} (RSS)"
        entries = parse(client, rss["href"]).entries
        assert {entry.link.split("/")[3] for entry in entries} == {language}


def test_feed_queries_do_not_grow_with_the_number_of_releases(client, press_room, django_assert_max_num_queries):
    room = press_room["fr"]
    PressReleasePageFactory(parent=room, locale=room.locale)
    with django_assert_max_num_queries(12) as one:
        parse(client, feed_url(room))
    for _n in range(19):
        PressReleasePageFactory(parent=room, locale=room.locale)

    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(parse(client, feed_url(room)).entries) == 20


def test_cdn_purge_of_the_press_room_covers_its_feeds(press_room):
    assert press_room["fr"].get_cached_paths() == ["/", "/feed/rss/", "/feed/atom/", "/contacts/vcard/"]
