"""The embargo in one place: the go-live date on the release's Content tab, in Paris time, said in words,
scheduling the release, dating it, and refused under the field when it cannot be right."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from home.roles import PUBLISHERS, TRANSLATORS
from news.models import PressReleasePage
from tests.factories import BoilerplateFactory, PressContactFactory, PressReleasePageFactory, TopicFactory

pytestmark = pytest.mark.django_db

# A year to come, whatever the day the tests run: January is CET (UTC+1), July CEST (UTC+2).
YEAR = timezone.now().year + 2
WINTER_LIFT = f"{YEAR}-01-12 09:00"
SUMMER_LIFT = f"{YEAR}-07-12 09:00"


def make_user(username, groups, language="fr"):
    user = get_user_model().objects.create_user(username, f"{username}@fcrin.example", "password")
    user.groups.set(Group.objects.filter(name__in=groups))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def publisher(db):
    """A member of Publication, in a client of their own: ``client`` stays the anonymous public."""
    user = make_user("publieur", [PUBLISHERS])
    # The checks read the French admin's tab and panel ids: the language is the user's, not the worker's.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(press_room):
    locale = press_room["fr"].locale
    release = PressReleasePageFactory(
        parent=press_room["fr"], locale=locale, title="Journée du lupus", slug="lupus", live=False
    )
    release.topic_links.create(topic=TopicFactory(locale=locale, name="Lupus"))
    release.contact_links.create(contact=PressContactFactory(locale=locale))
    release.boilerplate_links.create(boilerplate=BoilerplateFactory(locale=locale, key="about-fcrin"))
    return release


def form_data(release, go_live_at="", release_date="", title="Journée mondiale du lupus", publish=False):
    """The edit form as the editor submits it, the release otherwise complete."""
    data = nested_form_data(
        {
            "title": title,
            "slug": release.slug,
            "standfirst": "Les réseaux se mobilisent le 10 mai.",
            "go_live_at": go_live_at,
            "release_date": release_date,
            "dateline": "Paris",
            "hero_image": "",
            "hero_alt_text": "",
            "hero_caption": "",
            "hero_credit": "",
            "body": streamfield([("paragraph", rich_text("<p>Le texte.</p>"))]),
            "topic_links": inline_formset([{"topic": link.topic_id} for link in release.topic_links.all()]),
            "network_links": inline_formset([]),
            "contact_links": inline_formset([{"contact": link.contact_id} for link in release.contact_links.all()]),
            "boilerplate_links": inline_formset(
                [{"boilerplate": link.boilerplate_id} for link in release.boilerplate_links.all()]
            ),
            "attachments": inline_formset([]),
            "gallery_links": inline_formset([]),
            "correction_notice": rich_text(""),
            "correction_date": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )
    data["french_first"] = "on"
    if publish:
        data["action-publish"] = "action-publish"
    return data


def edit_page(client, release):
    response = client.get(f"/admin/pages/{release.pk}/edit/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sentence(html):
    return [line.get_text(" ", strip=True) for line in html.select("[data-embargo-sentence] p")]


def test_the_embargo_is_on_the_content_tab_and_nowhere_else(publisher, draft):
    html = edit_page(publisher, draft)

    content, settings = html.select_one("#tab-contenu"), html.select_one("#tab-parametres")
    field = content.select_one("input[name=go_live_at]")
    assert field is not None and field["id"] == "id_go_live_at"
    assert len(html.select("input[name=go_live_at]")) == 1
    embargo = content.select_one("#panel-child-contenu-embargo-section").get_text(" ", strip=True)
    assert embargo.startswith("Embargo Levée de l’embargo")
    # Wagtail's schedule dialog is not rendered (its side-panel button leads to the panel, see the browser
    # test); expiry stays in Settings.
    assert html.select_one("#schedule-publishing-dialog") is None
    assert settings.select_one("input[name=expire_at]") is not None
    assert "onglet Paramètres" not in html.get_text()


@pytest.mark.parametrize(("typed", "utc"), [(WINTER_LIFT, (1, 12, 8)), (SUMMER_LIFT, (7, 12, 7))])
def test_the_lift_typed_in_paris_time_schedules_the_release_and_publish_scheduled_lifts_it(
    publisher, draft, client, typed, utc
):
    response = publisher.post(f"/admin/pages/{draft.pk}/edit/", form_data(draft, go_live_at=typed, publish=True))

    assert response.status_code == 302
    release = PressReleasePage.objects.get(pk=draft.pk)
    month, day, hour = utc
    lift = datetime.datetime(YEAR, month, day, hour, 0, tzinfo=datetime.UTC)
    assert release.go_live_at == lift
    assert release.scheduled_revision.approved_go_live_at == lift
    assert not release.live
    assert client.get(release.url).status_code == 404

    with freeze_time(lift - datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert not PressReleasePage.objects.get(pk=draft.pk).live
    with freeze_time(lift + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
        release.refresh_from_db()
        assert release.live
        assert client.get(release.url).status_code == 200


def test_the_sentence_in_french_and_english(client, draft, press_room):
    lift = datetime.datetime(YEAR, 1, 12, 8, 0, tzinfo=datetime.UTC)
    draft.go_live_at = lift
    draft.save_revision().publish()
    draft.refresh_from_db()

    client.force_login(make_user("publieur", [PUBLISHERS]))
    assert sentence(edit_page(client, draft)) == [
        f"Public le 12 janvier {YEAR} à 9 h 00 (heure de Paris) en français.",
        "Il n’y a pas encore de version en anglais.",
    ]

    english = draft.copy_for_translation(press_room["en"].locale)
    english.save_revision()
    assert sentence(edit_page(client, draft)) == [
        f"Public le 12 janvier {YEAR} à 9 h 00 (heure de Paris) en français.",
        "La version en anglais n’est pas programmée : publiez-la ou programmez-la pour la même heure.",
    ]

    english.go_live_at = lift
    english.save_revision().publish()
    assert sentence(edit_page(client, draft)) == [
        f"Public le 12 janvier {YEAR} à 9 h 00 (heure de Paris) en français et en anglais."
    ]
    client.force_login(make_user("publisher", [PUBLISHERS], language="en"))
    assert sentence(edit_page(client, draft)) == [
        f"Public on 12 January {YEAR} at 9:00 (Paris time) in French and in English."
    ]


def test_the_sentence_follows_the_date_being_typed(publisher, draft, press_room):
    def lines(**query):
        response = publisher.get("/admin/releases/embargo-sentence/", query)
        assert response.status_code == 200
        return response.json()["lines"]

    assert lines(page=draft.pk, go_live_at=SUMMER_LIFT) == [
        f"Public le 12 juillet {YEAR} à 9 h 00 (heure de Paris) en français.",
        "Il n’y a pas encore de version en anglais.",
    ]
    assert lines(page=draft.pk, go_live_at="") == ["Pas d’embargo : le communiqué devient public dès sa publication."]
    assert lines(page=draft.pk, go_live_at="12/13/2027") == ["Saisissez une date et une heure valides."]
    # A release being created in the English press room.
    assert lines(parent=press_room["en"].pk, go_live_at=WINTER_LIFT) == [
        f"Public le 12 janvier {YEAR} à 9 h 00 (heure de Paris) en anglais.",
        "Il n’y a pas encore de version en français.",
    ]


def test_only_who_may_edit_the_release_reads_its_sentence(client, draft):
    url = f"/admin/releases/embargo-sentence/?page={draft.pk}&go_live_at={WINTER_LIFT}"
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(make_user("traductrice", [TRANSLATORS]))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no permission"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (f"{YEAR}-01-12 00:30", datetime.date(YEAR, 1, 12)),  # 23:30 UTC the day before: Paris's date is printed
        (SUMMER_LIFT, datetime.date(YEAR, 7, 12)),
    ],
)
def test_an_empty_release_date_prints_the_day_of_the_lift(publisher, draft, client, typed, expected):
    publisher.post(f"/admin/pages/{draft.pk}/edit/", form_data(draft, go_live_at=typed, publish=True))
    release = PressReleasePage.objects.get(pk=draft.pk)
    assert release.release_date == expected

    with freeze_time(release.go_live_at + datetime.timedelta(minutes=5)):
        call_command("publish_scheduled")
        release.refresh_from_db()
        assert release.live and release.release_date == expected
        page = BeautifulSoup(client.get(release.url).content, "html.parser")
        assert page.select_one(".release__dateline time")["datetime"] == expected.isoformat()

    # The editor finds the field empty again: the date still follows the embargo.
    html = edit_page(publisher, release)
    assert html.select_one("input[name=release_date]").get("value", "") == ""


def test_a_release_date_typed_by_hand_is_kept(publisher, draft):
    publisher.post(
        f"/admin/pages/{draft.pk}/edit/",
        form_data(draft, go_live_at=WINTER_LIFT, release_date=f"{YEAR}-01-10", publish=True),
    )
    release = PressReleasePage.objects.get(pk=draft.pk)
    lift = release.go_live_at
    with freeze_time(lift + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    release.refresh_from_db()
    assert release.live and release.release_date == datetime.date(YEAR, 1, 10)
    assert edit_page(publisher, release).select_one("input[name=release_date]")["value"] == f"{YEAR}-01-10"


def test_without_an_embargo_the_release_is_dated_the_day_it_is_published(publisher, draft):
    draft.release_date = datetime.date(2020, 12, 7)  # the day the draft was begun
    draft.save()
    late = timezone.now().replace(hour=23, minute=30)  # UTC: the next day in Paris
    with freeze_time(late):
        publisher.post(f"/admin/pages/{draft.pk}/edit/", form_data(draft, publish=True))
    release = PressReleasePage.objects.get(pk=draft.pk)
    assert release.live and release.release_date == late.date() + datetime.timedelta(days=1)


@pytest.mark.parametrize("publish", [True, False])
def test_a_lift_typed_in_the_past_is_refused_under_the_field_keeping_what_was_typed(publisher, draft, publish):
    data = form_data(draft, go_live_at="2020-01-12 09:00", title="Titre tapé par l’éditrice", publish=publish)

    response = publisher.post(f"/admin/pages/{draft.pk}/edit/", data)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    content = html.select_one("#tab-contenu")
    error = content.select_one("#panel-child-contenu-child-embargo-child-go_live_at-errors")
    assert "L’embargo doit se lever dans le futur." in error.get_text()
    assert content.select_one("input[name=go_live_at]")["aria-invalid"] == "true"
    assert content.select_one("input[name=go_live_at]")["value"] == "2020-01-12 09:00"
    assert content.select_one("input[name=title]")["value"] == "Titre tapé par l’éditrice"
    release = PressReleasePage.objects.get(pk=draft.pk)
    assert release.go_live_at is None and not release.live and release.title == "Journée du lupus"


def test_a_lift_that_has_passed_on_a_released_page_is_no_error(publisher, draft):
    """Wagtail keeps the go-live of a release that went live; saving it again changes nothing."""
    past = datetime.datetime(2026, 1, 12, 8, 0, tzinfo=datetime.UTC)
    draft.go_live_at = past
    draft.save_revision().publish()

    response = publisher.post(f"/admin/pages/{draft.pk}/edit/", form_data(draft, go_live_at="2026-01-12 09:00"))

    assert response.status_code == 302
    assert PressReleasePage.objects.get(pk=draft.pk).go_live_at == past
