"""The campaign radar: the awareness days of the coming weeks and, per language, their release's state."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, Revision

from ..awareness import calendar
from ..awareness.links import AwarenessDayRelease
from ..awareness.pages import AwarenessDayPage
from ..releases.press_room import PressRoomPage
from .permissions import without_releases_out_of_reach

RADAR_DAYS = 60

NONE, DRAFT, SCHEDULED, LIVE = "none", "draft", "scheduled", "live"
STATE_LABELS = {
    NONE: _("No release"),
    DRAFT: _("Draft"),
    SCHEDULED: _("Scheduled"),
    LIVE: _("Live"),
}


@dataclass
class ReleaseState:
    language: str
    state: str
    page: object = None
    action_url: str = ""
    action_label: str = ""

    @property
    def label(self):
        return STATE_LABELS[self.state]


def _state(page):
    if page.live:
        return LIVE
    return SCHEDULED if page.is_scheduled else DRAFT


def _release_pages(day_keys, user):
    """Every language's copy of the releases linked to the days that ``user`` may open, by day translation key."""
    links = AwarenessDayRelease.objects.filter(page__translation_key__in=day_keys).values_list(
        "page__translation_key", "release__translation_key"
    )
    release_keys_by_day = {}
    for day_key, release_key in links:
        release_keys_by_day.setdefault(day_key, set()).add(release_key)
    all_keys = set().union(*release_keys_by_day.values()) if release_keys_by_day else set()
    scheduled = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        approved_go_live_at__isnull=False,
    )
    pages = Page.objects.filter(translation_key__in=all_keys).annotate(is_scheduled=Exists(scheduled)).order_by("pk")
    return release_keys_by_day, list(without_releases_out_of_reach(pages, user))


def _press_rooms():
    return {room.locale_id: room for room in PressRoomPage.objects.all()}


def _add_url(room):
    try:
        return reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", room.pk])
    except NoReverseMatch:
        return ""


def _translate_url(page):
    try:
        return reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    except NoReverseMatch:
        return ""


def release_states(day_key, locales, release_keys_by_day, pages, rooms, user):
    keys = release_keys_by_day.get(day_key, set())
    found = [page for page in pages if page.translation_key in keys]
    states = []
    rank = {LIVE: 0, SCHEDULED: 1, DRAFT: 2}
    for locale in locales:
        in_language = sorted((p for p in found if p.locale_id == locale.pk), key=lambda p: rank[_state(p)])
        if in_language:
            page = in_language[0]
            states.append(
                ReleaseState(
                    locale.language_code,
                    _state(page),
                    page,
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    _("Open"),
                )
            )
            continue
        state = ReleaseState(locale.language_code, NONE)
        room = rooms.get(locale.pk)
        if found:
            state.action_url, state.action_label = _translate_url(found[0]), _("Translate")
        elif room is not None and room.permissions_for_user(user).can_add_subpage():
            state.action_url, state.action_label = _add_url(room), _("Write")
        states.append(state)
    return states


def radar(user, today=None):
    """The days of the next ``RADAR_DAYS`` days in the site's default language, with release states."""
    today = today or timezone.localdate()
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    days = AwarenessDayPage.objects.live().filter(locale__language_code=default_language).prefetch_related("dates")
    items = calendar.upcoming(days, today, today + datetime.timedelta(days=RADAR_DAYS - 1))
    languages = [code for code, _name in get_content_languages().items()]
    locales = sorted(
        Locale.objects.filter(language_code__in=languages), key=lambda loc: languages.index(loc.language_code)
    )
    release_keys_by_day, pages = _release_pages({item.page.translation_key for item in items}, user)
    rooms = _press_rooms()
    for item in items:
        item.days_left = (item.occurrence.start - today).days
        item.releases = release_states(item.page.translation_key, locales, release_keys_by_day, pages, rooms, user)
    return {"items": items, "locales": locales, "radar_days": RADAR_DAYS}


class CampaignRadarPanel(Component):
    name = "campaign_radar"
    template_name = "news/admin/campaign_radar.html"
    order = 110

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(radar(parent_context["request"].user))
        return context
