"""The awareness-day demo content: every day of the domain research, in French and English."""

from django.core.management import call_command
from django.utils import translation

import pytest

from home.demo.awareness_days import DAYS
from news.models import AwarenessCalendarPage, AwarenessDayPage
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db


def test_demo_loads_every_day_in_both_languages_with_its_rule_and_links(client, press_room):
    lupus_release = PressReleasePageFactory(
        parent=press_room["fr"], locale=press_room["fr"].locale, title="Lupus : un essai national"
    )

    call_command("load_initial_data")

    fr_days = AwarenessDayPage.objects.filter(locale__language_code="fr").live()
    en_days = AwarenessDayPage.objects.filter(locale__language_code="en").live()
    assert fr_days.count() == en_days.count() == len(DAYS)
    assert AwarenessCalendarPage.objects.live().count() == 2
    rare = en_days.get(title="Rare Disease Day")
    with translation.override("en"):
        assert (rare.kind, rare.month, rare.rule.describe()) == ("last_day", 2, "the last day of February")
    assert en_days.get(title="Schizophrenia Awareness Days").kind == "tbc"
    retina = fr_days.get(title="Journée mondiale de la rétine")
    assert (retina.kind, retina.nth, retina.weekday, retina.date_confirmed) == ("nth_weekday", -1, 6, False)
    lupus = fr_days.get(title="Journée mondiale du lupus")
    assert [link.release_id for link in lupus.release_links.all()] == [lupus_release.pk]

    page = client.get(en_days.get(title="World Lupus Day").url)
    assert "Autoimmune and autoinflammatory diseases" in page.content.decode()
    assert "Lupus : un essai national" in page.content.decode()
