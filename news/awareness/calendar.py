"""What the calendar and day pages show: upcoming occurrences, filters, localised links, metadata."""

import datetime
import json
from dataclasses import dataclass
from itertools import groupby

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils import timezone, translation
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from wagtail.models import Page

from dateutil.relativedelta import relativedelta

from . import words
from .rules import RuleKind

CALENDAR_MONTHS = 12


@dataclass
class Upcoming:
    occurrence: object
    page: object

    @property
    def when(self):
        return words.describe_occurrence(self.occurrence)


@dataclass
class FilterOption:
    value: str
    label: str
    translation_key: object


def is_public():
    """Wagtail's ``public()`` as a subquery: no restriction on the page or an ancestor, without a query of its own."""
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return ~Exists(restricted)


def upcoming(days, start, end):
    """Each occurrence of ``days`` between ``start`` and ``end``, in date order."""
    found = [Upcoming(occurrence, day) for day in days for occurrence in day.rule.occurrences(start, end)]
    return sorted(found, key=lambda item: (item.occurrence.start, item.page.title))


def next_day(days, today=None):
    """The first upcoming occurrence of any of ``days``, or ``None``."""
    today = today or timezone.localdate()
    found = upcoming(days, today, today + relativedelta(years=1))
    return found[0] if found else None


def pick_translations(objects, locale_id):
    """One object per translation key: the one in the locale if there is one, else the first seen."""
    chosen = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == locale_id and current.locale_id != locale_id):
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def localize(objects, locale_id):
    """The translation in the locale of each object (a page or a translatable snippet), by the original's pk.

    Links are copied as they are when a page is translated, so an English day may point to a
    French topic: readers of the English page get the English topic when it exists.
    """
    objects = {obj.pk: obj for obj in objects}
    missing = {obj.translation_key for obj in objects.values() if obj.locale_id != locale_id}
    found = {}
    if missing:
        model = type(next(iter(objects.values())))
        queryset = model.objects.filter(translation_key__in=missing, locale_id=locale_id)
        if issubclass(model, Page):
            queryset = queryset.live()
        found = {obj.translation_key: obj for obj in queryset}
    return {pk: found.get(obj.translation_key, obj) for pk, obj in objects.items()}


def _options(localized):
    options = {}
    for obj in sorted(localized, key=lambda obj: str(obj).lower()):
        label = obj.title if isinstance(obj, Page) else obj.name
        options.setdefault(obj.slug, FilterOption(obj.slug, label, obj.translation_key))
    return options


def filters(calendar_page, days):
    """Topic and network choices from the days' links, in the calendar's language, by slug."""
    topics = localize([link.topic for day in days for link in day.topic_links.all()], calendar_page.locale_id)
    networks = localize(
        [link.network for day in days for link in day.network_links.all() if link.network.live], calendar_page.locale_id
    )
    for day in days:
        day.localized_topics = [topics[link.topic_id] for link in day.topic_links.all()]
        day.localized_networks = [
            networks[link.network_id] for link in day.network_links.all() if link.network_id in networks
        ]
    return _options(topics.values()), _options(networks.values())


def select(days, topic=None, network=None):
    def keep(day):
        return (topic is None or topic.translation_key in {t.translation_key for t in day.localized_topics}) and (
            network is None or network.translation_key in {n.translation_key for n in day.localized_networks}
        )

    return [day for day in days if keep(day)]


def calendar_context(calendar_page, request, days):
    today = timezone.localdate()
    end = today + relativedelta(months=CALENDAR_MONTHS) - datetime.timedelta(days=1)
    topic_options, network_options = filters(calendar_page, days)
    # Unknown or malformed filter values are ignored rather than refused: links get old.
    topic = topic_options.get(request.GET.get("topic", ""))
    network = network_options.get(request.GET.get("network", ""))
    items = upcoming(select(days, topic, network), today, end)
    months = [
        (datetime.date(year, month, 1), list(group))
        for (year, month), group in groupby(
            items, key=lambda item: (max(item.occurrence.start, today).year, max(item.occurrence.start, today).month)
        )
    ]
    feed_url = calendar_page.url + calendar_page.reverse_subpage("feed")
    if network:
        feed_url = calendar_page.url + calendar_page.reverse_subpage("network_feed", args=[network.value])
    elif topic:
        feed_url = calendar_page.url + calendar_page.reverse_subpage("topic_feed", args=[topic.value])
    return {
        "months": months,
        "topic_options": topic_options.values(),
        "network_options": network_options.values(),
        "selected_topic": topic,
        "selected_network": network,
        "is_filtered": bool(topic or network),
        "period_end": end,
        "feed": feed_links(request, feed_url),
    }


def feed_links(request, url):
    absolute = request.build_absolute_uri(url)
    return {"url": url, "absolute_url": absolute, "webcal_url": "webcal://" + absolute.split("://", 1)[1]}


def linked_pages(day):
    """The day's networks and published releases, in the day's language where translated: one query."""
    from ..models import AwarenessDayNetwork, PressReleasePage

    network_keys = Page.objects.filter(awareness_day_links__page=day).values("translation_key")
    release_keys = Page.objects.filter(awareness_day_release_links__page=day).values("translation_key")
    releases = PressReleasePage.objects.published().filter(translation_key__in=release_keys)
    is_network = AwarenessDayNetwork.objects.filter(page=day, network__translation_key=OuterRef("translation_key"))
    pages = (
        Page.objects.live()
        .filter(is_public(), Q(translation_key__in=network_keys) | Q(pk__in=releases.values("pk")))
        .annotate(is_network=Exists(is_network))
        .select_related("locale")
        .order_by("title")
    )
    chosen = pick_translations(pages, day.locale_id)
    return [p for p in chosen if p.is_network], [p for p in chosen if not p.is_network]


def day_context(day, request):
    from ..models import Topic

    today = timezone.localdate()
    if day.kind == RuleKind.TO_BE_CONFIRMED:
        # The rule is read several times while rendering; its dates are fetched once.
        prefetch_related_objects([day], "dates")
    occurrences = day.next_occurrences(3, today)
    themes = list(day.themes.all())
    year = occurrences[0].start.year if occurrences else None
    topic_keys = Topic.objects.filter(awareness_day_links__page=day).values("translation_key")
    topics = pick_translations(Topic.objects.filter(translation_key__in=topic_keys), day.locale_id)
    networks, releases = linked_pages(day)
    return {
        "rule_in_words": day.rule.describe(),
        "occurrences": [Upcoming(occurrence, day) for occurrence in occurrences],
        "theme": next((theme.theme for theme in themes if theme.year == year), ""),
        "themes": themes,
        "topics": sorted(topics, key=lambda topic: topic.name.lower()),
        "networks": networks,
        "releases": releases,
        "kit_images": list(day.kit_images_with_renditions()),
        "kit_documents": list(day.kit_documents.select_related("document")),
        "json_ld": event_json_ld(day, request, occurrences[0] if occurrences else None),
        "feed": feed_links(request, day.url + day.reverse_subpage("feed")),
    }


def event_json_ld(day, request, occurrence):
    if occurrence is None:
        return ""
    url = day.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": day.title,
        "startDate": occurrence.start,
        "endDate": occurrence.end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": url},
        "url": url,
        "inLanguage": translation.get_language(),
    }
    if day.summary:
        data["description"] = day.summary
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes))
