"""Every cell of the role matrix (``home.role_matrix``), asked through the admin as that role.

Each answer is what the user meets: the editor opens (edit), the page really is moved, unpublished or
deleted after the confirmation form is posted, and only if the admin offered the action (its button
in the explorer's listing, the page header's "more" menu and the editor's action menu); a file or a
snippet really is deleted, by its own view and by the bulk action; a report, the press releases
listing, wagtail-localize's Translate and Sync open, with their menu item. Where two channels
disagree the answer is "inconsistent", which no cell expects. Administrators may do everything.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

import pytest
from bs4 import BeautifulSoup

from home.role_matrix import CELLS, PAGES, parse_matrix
from home.roles import PUBLISHERS, TRANSLATORS, WRITERS
from networks.models import NetworkIndexPage
from news.models import (
    AwarenessCalendarPage,
    ExpertIndexPage,
    PressReleaseAttachment,
    PressReleasePage,
    PressRoomPage,
    Subscriber,
)
from tests.factories import (
    AwarenessCalendarPageFactory,
    AwarenessDayPageFactory,
    BoilerplateFactory,
    CareProtocolFactory,
    ClippingFactory,
    CoveragePageFactory,
    ExpertIndexPageFactory,
    ExpertPageFactory,
    MediaItemFactory,
    MediaLibraryPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
    PressContactFactory,
    PressReleasePageFactory,
    PressRoomPageFactory,
    TopicFactory,
)

# A translator without the embargo clearance (the matrix's "translator" rows are theirs).
GROUPS = {"writer": [WRITERS], "publisher": [PUBLISHERS], "translator": [TRANSLATORS]}
GROUPS["correspondent"] = ["Correspondants NET-A"]
PAGE_CELLS = list(parse_matrix(PAGES))
OTHER_CELLS = [cell for cell in CELLS if cell not in PAGE_CELLS]
EMBARGOED_TITLE = "Annonce sous embargo"
SECTION_FACTORIES = {
    PressRoomPage: PressRoomPageFactory,
    NetworkIndexPage: NetworkIndexPageFactory,
    AwarenessCalendarPage: AwarenessCalendarPageFactory,
    ExpertIndexPage: ExpertIndexPageFactory,
}


def make_user(role):
    user = get_user_model().objects.create_user(role, f"{role}@fcrin.example", "password")
    user.groups.set(Group.objects.filter(name__in=GROUPS[role]))
    return user


def consistent(*answers):
    return answers[0] if len(set(answers)) == 1 else "inconsistent"


@pytest.fixture
def pages(home, press_room, network_index, awareness_calendar, locales):
    network = NetworkPageFactory(parent=network_index["fr"], locale=locales["fr"], title="NET-A", acronym="NET-A")
    network.save_revision().publish()
    release = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"], title="Lancement de CRISALIS")
    release.save_revision().publish()
    day = AwarenessDayPageFactory(parent=awareness_calendar["fr"], locale=locales["fr"])
    day.save_revision().publish()
    experts = ExpertIndexPageFactory(parent=home["fr"], locale=locales["fr"])
    expert = ExpertPageFactory(parent=experts, locale=locales["fr"])
    expert.save_revision().publish()
    coverage = CoveragePageFactory(parent=home["fr"], locale=locales["fr"])
    media_library = MediaLibraryPageFactory(parent=home["fr"], locale=locales["fr"])
    return {
        "media_library": media_library,
        "expert_index": experts,
        "expert": expert,
        "coverage": coverage,
        "home": home["fr"],
        "press_room": press_room["fr"],
        "release": release,
        "network_index": network_index["fr"],
        "network_page": network,
        "calendar": awareness_calendar["fr"],
        "awareness_day": day,
    }


def offered(client, page):
    """Which of move, unpublish and delete the admin offers on ``page``, by the links it shows: in
    the explorer's listing of its parent, the page's header "more" menu (explorer and editor) and the
    editor's action menu. ``None`` for an action where the places disagree."""
    urls = {
        "move": reverse("wagtailadmin_pages:move", args=[page.pk]),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
    }
    places = [
        client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk])),
        client.get(reverse("wagtailadmin_explore", args=[page.pk])),
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    ]
    found = {action: [] for action in urls}
    for response in places:
        if response.status_code != 200:
            continue
        links = {
            element.get("href") or element.get("data-w-action-url-value") or ""
            for element in BeautifulSoup(response.content, "html.parser").select("[href], [data-w-action-url-value]")
        }
        for action, url in urls.items():
            found[action].append(any(link.split("?")[0] == url for link in links))
    return {action: consistent(*answers) if answers else False for action, answers in found.items()}


def page_answers(client, page, destination):
    """``{action: allowed}``, in an order where each action leaves the page for the next one."""
    page = page.specific
    shown = offered(client, page)
    result = {"edit": client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200}
    assert page.live
    moved_from = page.get_parent()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    result["move"] = consistent(Page.objects.get(pk=page.pk).get_parent().pk == destination.pk, shown["move"])
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    result["unpublish"] = consistent(not Page.objects.get(pk=page.pk).live, shown["unpublish"])
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    result["delete"] = consistent(not Page.objects.filter(pk=page.pk).exists(), shown["delete"])
    assert moved_from.pk != destination.pk
    return result


def destination_for(page):
    """Another parent in the page's language that its type allows: a second section of its parent's
    type (those of a writer and a publisher, as sections are given when they are created). Sections
    and home pages go under the English home page, which the page types refuse: only the matrix's
    answer is asked of them."""
    parent = page.get_parent().specific
    if parent.depth <= 2:
        return Page.objects.get(depth=2, locale__language_code="en")
    factory = SECTION_FACTORIES[type(parent)]
    return factory(parent=parent.get_parent(), locale=parent.locale, title="Seconde section", slug="seconde-section")


@pytest.mark.parametrize(("role", "kind"), PAGE_CELLS)
def test_page_cells(client, pages, role, kind):
    client.force_login(make_user(role))

    assert page_answers(client, pages[kind], destination_for(pages[kind])) == CELLS[(role, kind)]


@pytest.mark.parametrize("kind", ["release", "network_page", "awareness_day", "expert"])
def test_administrators_may_do_everything_to_pages(admin_client, pages, kind):
    page = pages[kind]
    assert page_answers(admin_client, page, destination_for(page)) == dict.fromkeys(CELLS[("writer", kind)], True)


# Files, snippets and the rest of the admin.


def new_image(title):
    return Image.objects.create(title=title, file=get_test_image_file())


def new_document(title):
    return Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4 demo", name="dossier.pdf"))


def used_by_a_published_release(press_room, locales, image=None, document=None):
    release = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"], hero_image=image)
    if document is not None:
        PressReleaseAttachment.objects.create(page=release, document=document)
    release.save_revision().publish()


def file_answers(client, kind, press_room, locales):
    """Upload: the upload form opens. Delete: offered on the edit page, then one file by its view,
    another by the bulk action; and the multiple upload form's delete button, which posts without
    confirmation."""
    is_image = kind.startswith("image")
    make = new_image if is_image else new_document
    model = Image if is_image else Document
    files = [make(f"{kind} {number}") for number in range(3)]
    if kind.endswith("_in_use"):
        for obj in files:
            used_by_a_published_release(press_room, locales, **{"image" if is_image else "document": obj})
    if is_image:
        upload = reverse("wagtailimages:add")
        single = reverse("wagtailimages:delete", args=[files[0].pk])
        from_upload_form = reverse("wagtailimages:delete_multiple", args=[files[1].pk])
        bulk = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])
    else:
        upload = reverse("wagtaildocs:add")
        single = reverse("wagtaildocs:delete", args=[files[0].pk])
        from_upload_form = reverse("wagtaildocs:delete_multiple", args=[files[1].pk])
        bulk = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"])
    edit = reverse("wagtailimages:edit" if is_image else "wagtaildocs:edit", args=[files[0].pk])
    edit_page = client.get(edit)
    # The edit page's menu offers Delete (for those who may open it at all).
    offered = single in edit_page.content.decode() if edit_page.status_code == 200 else False
    confirmation = client.get(single).status_code == 200
    client.post(single)
    client.post(from_upload_form)
    client.post(f"{bulk}?id={files[2].pk}")
    deleted = [not model.objects.filter(pk=obj.pk).exists() for obj in files]
    return {"upload": client.get(upload).status_code == 200, "delete": consistent(offered, confirmation, *deleted)}


SNIPPETS = {
    "topic": ("news", "topic", TopicFactory),
    "press_contact": ("news", "presscontact", PressContactFactory),
    "boilerplate": ("news", "boilerplate", BoilerplateFactory),
    "care_protocol": ("networks", "careprotocol", CareProtocolFactory),
    # Clippings are not translated: the locale the matrix hands every snippet factory is not theirs.
    "clipping": ("news", "clipping", lambda locale: ClippingFactory()),
    "media_item": ("news", "mediaitem", MediaItemFactory),
}


def snippet_answers(client, kind, locales):
    app_label, model_name, factory = SNIPPETS[kind]
    snippets = [factory(locale=locales["fr"]) for _number in range(2)]
    namespace = f"wagtailsnippets_{app_label}_{model_name}"
    result = {
        "add": client.get(reverse(f"{namespace}:add")).status_code == 200,
        "edit": client.get(reverse(f"{namespace}:edit", args=[snippets[0].pk])).status_code == 200,
    }
    client.post(reverse(f"{namespace}:delete", args=[snippets[0].pk]))
    bulk = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
    client.post(f"{bulk}?id={snippets[1].pk}")
    model = type(snippets[0])
    result["delete"] = consistent(*(not model.objects.filter(pk=snippet.pk).exists() for snippet in snippets))
    return result


REPORTS = [
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    "news_translation_status",
    "news_translation_status_results",
]


ALERT_VIEWSETS = ["alert_subscribers", "alert_send_log", "accredited_journalists", "advance_notices"]


def menu_names(client):
    """The admin sidebar's menu, as the JSON it is drawn from."""
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return soup.select_one("#wagtail-sidebar-props").string


def admin_answers(client, kind, press_room, locales):
    if kind == "reports":
        opened = [client.get(reverse(name)).status_code == 200 for name in REPORTS]
        in_menu = '"name": "reports"' in menu_names(client)
        return {"open": consistent(in_menu, *opened)}
    if kind == "releases_listing":
        listing = reverse("press_releases:index")
        return {"open": consistent(client.get(listing).status_code == 200, f'"{listing}"' in menu_names(client))}
    if kind == "alerts":
        Subscriber.objects.create(email="reader@example.org", languages="fr")
        listings = [reverse(f"{name}:index") for name in ALERT_VIEWSETS]
        answers = [client.get(url) for url in listings]
        assert all(b"reader@example.org" not in answer.content for answer in answers if answer.status_code != 200)
        return {
            "open": consistent(*(answer.status_code == 200 for answer in answers), listings[0] in menu_names(client))
        }
    if kind == "page_chooser":
        release = PressReleasePageFactory(
            parent=press_room["fr"], locale=locales["fr"], title=EMBARGOED_TITLE, live=False
        )
        release.go_live_at = timezone.now() + datetime.timedelta(days=3)
        release.save_revision().publish()
        listed = [
            EMBARGOED_TITLE in client.get(url).content.decode()
            for url in [
                reverse("wagtailadmin_choose_page_child", args=[press_room["fr"].pk]),
                reverse("wagtailadmin_choose_page_search") + "?q=embargo",
            ]
        ]
        return {"open": consistent(*listed)}
    release = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"])
    release.save_revision().publish()
    TranslationCreator(user=None, target_locales=[locales["en"]]).create_translations(release)
    source = TranslationSource.objects.get_for_instance(release)
    return {
        "translate": client.get(reverse("wagtail_localize:submit_page_translation", args=[release.pk])).status_code
        == 200,
        "sync": client.get(reverse("wagtail_localize:update_translations", args=[source.pk])).status_code == 200,
    }


FILE_KINDS = {"image", "image_in_use", "document", "document_in_use"}


def answers_for(client, kind, press_room, locales):
    if kind in FILE_KINDS:
        return file_answers(client, kind, press_room, locales)
    if kind in SNIPPETS:
        return snippet_answers(client, kind, locales)
    return admin_answers(client, kind, press_room, locales)


@pytest.mark.parametrize(("role", "kind"), OTHER_CELLS)
def test_other_cells(client, press_room, network_index, locales, role, kind):
    NetworkPageFactory(parent=network_index["fr"], locale=locales["fr"], title="NET-A", acronym="NET-A")
    client.force_login(make_user(role))

    assert answers_for(client, kind, press_room, locales) == CELLS[(role, kind)]


@pytest.mark.parametrize("kind", sorted({kind for _role, kind in OTHER_CELLS}))
def test_administrators_may_do_everything_else(admin_client, press_room, locales, kind):
    expected = dict.fromkeys(CELLS[("publisher", kind)], True)

    assert answers_for(admin_client, kind, press_room, locales) == expected


def test_a_writer_may_still_change_a_file_in_use(client, press_room, locales):
    """The matrix takes deletion away, not the rest of Wagtail's collection permissions."""
    image = new_image("Affiche")
    used_by_a_published_release(press_room, locales, image=image)
    client.force_login(make_user("writer"))

    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    assert Group.objects.get(name=WRITERS).collection_permissions.filter(permission__codename="change_image").exists()
    assert PressReleasePage.objects.filter(hero_image=image).exists()


@pytest.mark.parametrize(("role", "sees_releases"), [("writer", True), ("correspondent", False)])
def test_a_correspondent_meets_no_release_in_the_explorer(
    client, press_room, network_index, locales, role, sees_releases
):
    NetworkPageFactory(parent=network_index["fr"], locale=locales["fr"], title="NET-A", acronym="NET-A")
    release = PressReleasePageFactory(parent=press_room["fr"], locale=locales["fr"], title="Lancement de CRISALIS")
    release.save_revision().publish()
    client.force_login(make_user(role))
    urls = [
        reverse("wagtailadmin_explore", args=[press_room["fr"].pk]),
        reverse("wagtailadmin_explore", args=[press_room["fr"].get_parent().pk]) + "?q=CRISALIS&search_all=1",
        reverse("wagtailadmin_pages:search") + "?q=CRISALIS",
    ]

    assert ["Lancement de CRISALIS" in client.get(url).content.decode() for url in urls] == [sees_releases] * 3
