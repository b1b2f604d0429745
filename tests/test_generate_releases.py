"""generate_releases: a realistic bilingual archive, written in bulk, that Wagtail can keep editing."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

from news.models import PressReleasePage
from tests.factories import PressReleasePageFactory


def test_generates_live_releases_in_both_languages_under_each_press_room(client, press_room):
    call_command("generate_releases", 6, stdout=StringIO())

    for language, room in press_room.items():
        releases = PressReleasePage.objects.child_of(room).published()
        assert releases.count() == 6
        assert set(releases.values_list("locale__language_code", flat=True)) == {language}
    fr_keys = set(
        PressReleasePage.objects.filter(locale=press_room["fr"].locale).values_list("translation_key", flat=True)
    )
    en_keys = set(
        PressReleasePage.objects.filter(locale=press_room["en"].locale).values_list("translation_key", flat=True)
    )
    assert fr_keys == en_keys


def test_english_releases_show_english_topics_and_render(client, press_room):
    call_command("generate_releases", 2, stdout=StringIO())
    release = PressReleasePage.objects.filter(locale=press_room["en"].locale).first()

    response = client.get(release.get_url())

    assert response.status_code == 200
    assert release.topic_links.get().topic.locale == press_room["en"].locale
    assert release.hero_image is not None
    assert release.standfirst in response.content.decode()
    assert release.title in client.get(press_room["en"].get_url()).content.decode()


def test_the_page_tree_stays_consistent_for_editors(press_room):
    call_command("generate_releases", 4, stdout=StringIO())

    room = Page.objects.get(pk=press_room["fr"].pk)
    manual = PressReleasePageFactory(parent=room, locale=room.locale)

    assert Page.find_problems() == ([], [], [], [], [])
    assert Page.objects.get(pk=room.pk).get_children().count() == 5
    assert manual.get_parent().pk == press_room["fr"].pk


def test_running_twice_adds_to_the_archive_without_duplicating_topics_or_images(press_room):
    from wagtail.images import get_image_model

    from news.models import Topic

    call_command("generate_releases", 2, stdout=StringIO())
    topics, images = Topic.objects.count(), get_image_model().objects.count()
    call_command("generate_releases", 3, stdout=StringIO())

    assert PressReleasePage.objects.child_of(press_room["fr"]).count() == 5
    assert (Topic.objects.count(), get_image_model().objects.count()) == (topics, images)
