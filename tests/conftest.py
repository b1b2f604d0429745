from wagtail.models import Page, Site

import pytest

from tests.factories import HomePageFactory, LocaleFactory, PressRoomPageFactory, publish_translation


@pytest.fixture
def locales(db):
    return {"fr": LocaleFactory(language_code="fr"), "en": LocaleFactory(language_code="en")}


@pytest.fixture
def root_page(locales):
    # Flushes between browser tests remove the root page Wagtail's migrations create.
    return Page.get_first_root_node() or Page.add_root(title="Root", locale=locales["fr"])


@pytest.fixture
def home(root_page, locales):
    """The French home page as the default site's root, with its published English translation."""
    fr_home = HomePageFactory(parent=root_page, locale=locales["fr"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": fr_home, "site_name": "F-CRIN"},
    )
    Page.objects.filter(depth=2).exclude(pk=fr_home.pk).filter(content_type__model="page").delete()
    en_home = publish_translation(
        fr_home, "en", title="F-CRIN press office", slug="home", standfirst="Releases, contacts and networks."
    )
    return {"fr": fr_home, "en": en_home}


@pytest.fixture
def press_room(home):
    """The French press room under the French home, with its published English translation."""
    fr_room = PressRoomPageFactory(parent=home["fr"], locale=home["fr"].locale)
    en_room = publish_translation(
        fr_room, "en", title="Press releases", slug="press-releases", introduction="Releases from F-CRIN."
    )
    return {"fr": fr_room, "en": en_room}
