"""No admin view names a release under embargo to someone who may not open it.

A release whose French page is not live carries a canary word in its French and English titles and
slugs; a translator without the "Traduction sous embargo" clearance and a network correspondent ask
every admin view that lists, names or acts on pages, and the word must be in none of the answers
(HTML or the admin API's JSON). Publishers see it, so the test is known to look in the right places.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

import pytest

from home.roles import EMBARGO_TRANSLATORS, PUBLISHERS, TRANSLATORS
from news.models import PressReleaseTopic
from tests.factories import NetworkPageFactory, PressReleasePageFactory, TopicFactory

CANARY = "zorbulax"
# What the searches ask for: the canary itself would be echoed in the search box.
SEARCH = "quenouille"

ROLE_GROUPS = {
    "translator": [TRANSLATORS],
    "correspondent": ["Correspondants NET-A"],
    "cleared_translator": [TRANSLATORS, EMBARGO_TRANSLATORS],
    "publisher": [PUBLISHERS],
}


@pytest.fixture
def embargoed(press_room, network_index, locales):
    """The embargoed release in French and English, with a topic and an image that other views list."""
    topic = TopicFactory(locale=locales["fr"])
    image = Image.objects.create(title="Affiche", file=get_test_image_file())
    release_fr = PressReleasePageFactory(
        parent=press_room["fr"],
        locale=locales["fr"],
        title=f"Annonce {CANARY} {SEARCH} sous embargo",
        slug=f"annonce-{CANARY}",
        hero_image=image,
        live=False,
    )
    PressReleaseTopic.objects.create(page=release_fr, topic=topic)
    release_fr.go_live_at = timezone.now() + datetime.timedelta(days=3)
    release_fr.save_revision().publish()
    TranslationCreator(user=None, target_locales=[locales["en"]]).create_translations(release_fr)
    release_en = release_fr.get_translation(locales["en"])
    release_en.title = f"Announcement {CANARY} {SEARCH} under embargo"
    release_en.slug = f"announcement-{CANARY}"
    release_en.save_revision(log_action=True)
    NetworkPageFactory(parent=network_index["fr"], locale=locales["fr"], title="NET-A", acronym="NET-A")
    release_fr.refresh_from_db()
    assert not release_fr.live
    return {"fr": release_fr, "en": release_en, "topic": topic, "image": image, "press_room": press_room}


def admin_urls(embargoed):
    fr, en, room = embargoed["fr"], embargoed["en"], embargoed["press_room"]
    translation = Translation.objects.get(source__object_id=fr.translation_key, target_locale=en.locale)
    both = f"id={fr.pk}&id={en.pk}"
    api = reverse("wagtailadmin_api:pages:listing")
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:search") + f"?q={SEARCH}",
        reverse("wagtailadmin_pages:search_results") + f"?q={SEARCH}",
        reverse("wagtailadmin_pages:type_use", args=["news", "pressreleasepage"]),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_search") + f"?q={SEARCH}",
        reverse("press_releases:index") + f"?q={SEARCH}",
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("news_translation_status"),
        reverse("wagtail_localize:translations_report"),
        reverse("wagtail_localize:translations_report") + f"?source_title={SEARCH}",
        reverse("wagtail_localize:translations_report_results") + f"?source_title={SEARCH}",
        reverse("wagtail_localize:download_pofile", args=[translation.pk]),
        reverse("wagtailsnippets_news_topic:usage", args=[embargoed["topic"].pk]),
        reverse("wagtailimages:image_usage", args=[embargoed["image"].pk]),
        api + f"?search={SEARCH}",
        api + "?type=news.PressReleasePage&fields=title,slug",
        reverse("wagtailadmin_api:pages:detail", args=[fr.pk]),
        reverse("wagtailadmin_api:pages:detail", args=[en.pk]),
    ]
    for page in [room["fr"], room["en"]]:
        urls += [
            reverse("wagtailadmin_explore", args=[page.pk]),
            reverse("wagtailadmin_explore", args=[page.pk]) + f"?q={SEARCH}&search_all=1",
            reverse("wagtailadmin_choose_page_child", args=[page.pk]),
            api + f"?child_of={page.pk}&fields=title,slug",
            api + f"?descendant_of={page.get_parent().pk}&search={SEARCH}",
        ]
    for release in [fr, en]:
        urls += [
            reverse("wagtailadmin_explore", args=[release.pk]),
            reverse("wagtailadmin_choose_page_child", args=[release.pk]),
            *(
                reverse(f"wagtailadmin_pages:{name}", args=[release.pk])
                for name in [
                    "edit",
                    "view_draft",
                    "history",
                    "revisions_index",
                    "copy",
                    "move",
                    "delete",
                    "unpublish",
                    "usage",
                    "workflow_history",
                    "set_privacy",
                ]
            ),
        ]
    urls += [
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?{both}"
        for action in ["delete", "publish", "unpublish", "move"]
    ]
    return urls


def make_user(role):
    user = get_user_model().objects.create_user(role, f"{role}@fcrin.example", "password")
    user.groups.set(Group.objects.filter(name__in=ROLE_GROUPS[role]))
    return user


def leaking(client, urls):
    """The URLs whose answer (followed through redirects) names the canary, with their status."""
    found = {}
    for url in urls:
        response = client.get(url, follow=True)
        if CANARY in response.content.decode().lower():
            found[url] = response.status_code
    return found


@pytest.mark.parametrize("role", ["translator", "correspondent"])
def test_no_admin_view_names_an_embargoed_release_to_who_may_not_open_it(client, embargoed, role):
    client.force_login(make_user(role))

    assert leaking(client, admin_urls(embargoed)) == {}


@pytest.mark.parametrize("role", ["cleared_translator", "publisher"])
def test_who_may_open_the_release_finds_it_in_the_admin(client, embargoed, role):
    client.force_login(make_user(role))
    urls = [
        reverse("wagtailadmin_pages:search") + f"?q={SEARCH}",
        reverse("wagtailadmin_explore", args=[embargoed["press_room"]["en"].pk]),
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={embargoed['press_room']['en'].pk}",
        reverse("wagtailadmin_pages:edit", args=[embargoed["en"].pk]),
    ]

    assert set(leaking(client, urls)) == set(urls)


def test_the_embargoed_release_has_every_kind_of_trace_the_test_looks_for(embargoed):
    assert Page.objects.filter(title__icontains=CANARY).count() == 2
    assert Translation.objects.filter(source__object_repr__icontains=CANARY).exists()
