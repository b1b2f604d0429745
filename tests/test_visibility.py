"""The visibility rule's forms give one answer: ``released(pages)`` in SQL, for listings, and
``is_released(page)``, the per-page question page serving asks on every request, whether it reads
the answer along with the page (``with_release_state``) or asks it in a query of its own.

Each case is a release and its translation in one combination of states; every page of every case
is asked both ways, and the answers that matter most are spelt out as well.
"""

import itertools

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import TranslationSource

import pytest

from news import visibility
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

STATES = ["live", "draft", "expired", "private"]
# How the pair came to be: translated by wagtail-localize from French or from English, or copied
# from the French page without wagtail-localize (its source is then the site's default language).
ORIGINS = ["localize_from_fr", "localize_from_en", "copied_from_fr"]


def _set_state(page, state):
    if state == "draft":
        Page.objects.filter(pk=page.pk).update(live=False)
    elif state == "expired":
        Page.objects.filter(pk=page.pk).update(live=False, expired=True)
    elif state == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def _pair(press_room, origin, number):
    """(source, translation) of one release, both live."""
    source_language = "en" if origin == "localize_from_en" else "fr"
    target_language = "fr" if source_language == "en" else "en"
    source = PressReleasePageFactory(
        parent=press_room[source_language], locale=press_room[source_language].locale, slug=f"cas-{number}"
    )
    target_locale = press_room[target_language].locale
    if origin == "copied_from_fr":
        translation = source.copy_for_translation(target_locale)
    else:
        translation_source, _created = TranslationSource.get_or_create_from_instance(source)
        translation, _created = translation_source.create_or_update_translation(target_locale, fallback=True)
    translation.save_revision().publish()
    return source, translation


def _released_in_sql(page):
    return visibility.released(Page.objects.filter(pk=page.pk)).exists()


def _answer(page):
    return visibility.is_released(Page.objects.get(pk=page.pk).specific)


def _routing_answer(page):
    """The answer page serving reads along with the page it routes to."""
    return visibility.is_released(visibility.with_release_state(Page.objects.filter(pk=page.pk)).get())


def test_both_forms_agree_on_every_combination(press_room):
    cases = []
    combinations = itertools.product(ORIGINS, STATES, STATES)
    for number, (origin, source_state, translation_state) in enumerate(combinations):
        source, translation = _pair(press_room, origin, number)
        _set_state(source, source_state)
        _set_state(translation, translation_state)
        cases.append((origin, source_state, translation_state, source, translation))

    disagreements = [
        (origin, source_state, translation_state, page.locale.language_code)
        for origin, source_state, translation_state, source, translation in cases
        for page in (source, translation)
        if not _answer(page) == _routing_answer(page) == _released_in_sql(page)
    ]
    assert disagreements == []

    # The answers the embargo rests on, whatever the origin: a translation waits for its source; a
    # page's own password is Wagtail's to ask for, not a reason to hide it.
    for origin, source_state, translation_state, source, translation in cases:
        assert _answer(source) is (source_state in ("live", "private")), (origin, source_state)
        expected = source_state == "live" and translation_state in ("live", "private")
        assert _answer(translation) is expected, (origin, source_state, translation_state)


def test_a_translation_under_a_private_section_waits_for_nothing_else(press_room):
    """A restriction on the source's ancestor withholds the translation, as one on the source does."""
    source, translation = _pair(press_room, "localize_from_fr", 0)
    PageViewRestriction.objects.create(
        page=press_room["fr"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert _answer(source) is True
    assert _answer(translation) is False
    assert _released_in_sql(translation) is False


def test_serving_asks_one_query(press_room, django_assert_max_num_queries):
    source, translation = _pair(press_room, "localize_from_fr", 0)
    page = Page.objects.get(pk=translation.pk)
    with django_assert_max_num_queries(1):
        assert visibility.is_released(page)
