"""What the calendar and day pages show: upcoming occurrences, filters, localised links, metadata, filtered feeds."""

import datetime
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Page

from dateutil.relativedelta import relativedelta

from .. import visibility
from ..distribution import ical
from ..jsonld import script_json
from ..releases.pages import PressReleasePage
from ..releases.topics import Topic
from . import words
from .links import AwarenessDayNetwork
from .words import RuleKind

CALENDAR_MONTHS = 12
# What calendar_context and day_context give the templates.
CALENDAR_CONTEXT = [
    "months",
    "topic_options",
    "network_options",
    "selected_topic",
    "selected_network",
    "is_filtered",
    "period_end",
    "feed",
]
DAY_CONTEXT = [
    "rule_in_words",
    "occurrences",
    "theme",
    "themes",
    "topics",
    "networks",
    "releases",
    "kit_images",
    "kit_documents",
    "json_ld",
    "feed",
]


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
            queryset = visibility.public(queryset)
        found = {obj.translation_key: obj for obj in queryset}
    return {pk: found.get(obj.translation_key, obj) for pk, obj in objects.items()}


def _options(localized):
    options = {}
    for obj in sorted(localized, key=lambda obj: str(obj).lower()):
        label = obj.title if isinstance(obj, Page) else obj.name
        options.setdefault(obj.slug, FilterOption(obj.slug, label, obj.translation_key))
    return options


def topic_filter(calendar_page, days):
    """Topic choices from the days' links (``topic_links``), in the calendar's language, by slug."""
    topics = localize([link.topic for day in days for link in day.topic_links.all()], calendar_page.locale_id)
    for day in days:
        day.localized_topics = [topics[link.topic_id] for link in day.topic_links.all()]
    return _options(topics.values())


def network_filter(calendar_page, days):
    """Network choices from the days' links (``network_links``), in the calendar's language, by slug."""
    networks = localize(
        [link.network for day in days for link in day.network_links.all() if link.network.live], calendar_page.locale_id
    )
    for day in days:
        day.localized_networks = [
            networks[link.network_id] for link in day.network_links.all() if link.network_id in networks
        ]
    return _options(networks.values())


def filters(calendar_page, days):
    """Topic and network choices from the days' links, in the calendar's language, by slug."""
    return topic_filter(calendar_page, days), network_filter(calendar_page, days)


def select(days, topic=None, network=None):
    def keep(day):
        return (topic is None or topic.translation_key in {t.translation_key for t in day.localized_topics}) and (
            network is None or network.translation_key in {n.translation_key for n in day.localized_networks}
        )

    return [day for day in days if keep(day)]


@dataclass
class Subscription:
    """A feed as each calendar app takes it: its address, its ``webcal://`` twin and the "add" links."""

    url: str
    absolute_url: str
    name: str

    @property
    def webcal_url(self):
        return "webcal://" + self.absolute_url.split("://", 1)[1]

    @property
    def google_url(self):
        # Google Calendar subscribes to a webcal address given as a calendar id.
        return "https://calendar.google.com/calendar/render?" + urlencode({"cid": self.webcal_url})

    def outlook(self, host):
        return f"https://{host}/calendar/0/addfromweb?" + urlencode({"url": self.absolute_url, "name": self.name})

    @property
    def outlook_url(self):
        return self.outlook("outlook.live.com")

    @property
    def office_url(self):
        return self.outlook("outlook.office.com")


def feed_name(title):
    """The name calendar apps show: the site, what the calendar holds and its language."""
    language = translation.get_language_info(translation.get_language())["name_local"]
    return gettext("%(site)s — %(calendar)s (%(language)s)") % {
        "site": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "calendar": title,
        "language": language,
    }


def calendar_title(calendar_page, topic=None, network=None):
    if network is not None:
        return gettext("%(calendar)s, network %(network)s") % {
            "calendar": calendar_page.title,
            "network": network.label,
        }
    if topic is not None:
        return gettext("%(calendar)s, topic %(topic)s") % {"calendar": calendar_page.title, "topic": topic.label}
    return calendar_page.title


def subscription(page, request, name, route="feed", args=None):
    """The feed at ``page``'s sub-route ``route``, at the site's address rather than the request's host."""
    path = page.reverse_subpage(route, args=args)
    return Subscription(page.url + path, page.get_full_url(request) + path, feed_name(name))


def description(text, page, request):
    return "\n\n".join(part for part in (text, page.get_full_url(request)) if part)


def calendar_response(calendar_page, request, days, topic=None, network=None):
    name = feed_name(calendar_title(calendar_page, topic, network))
    text = calendar_page.introduction or gettext("The awareness days of the %(site)s press office.") % {
        "site": getattr(settings, "WAGTAIL_SITE_NAME", "")
    }
    return ical.response(name, description(text, calendar_page, request), request, days)


def filtered_response(calendar_page, request, days, topic=None, network=None):
    """The iCalendar feed of one topic's or one network's days; ``days`` carry the links it is filtered by."""
    if topic is not None:
        option = topic_filter(calendar_page, days).get(topic)
    else:
        option = network_filter(calendar_page, days).get(network)
    if option is None:
        raise Http404
    topic, network = (option, None) if topic else (None, option)
    return calendar_response(calendar_page, request, select(days, topic=topic, network=network), topic, network)


def has_dates(day):
    """Whether the day has a date to come: a day whose dates are not announced yet offers no calendar."""
    return bool(day.next_occurrences(1, timezone.localdate()))


def day_response(day, request):
    if day.kind == RuleKind.TO_BE_CONFIRMED:
        prefetch_related_objects([day], "dates")
    if not has_dates(day):
        raise Http404
    return ical.response(
        feed_name(day.title), description(day.summary, day, request), request, [day], filename=f"{day.slug}.ics"
    )


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
    name = calendar_title(calendar_page, topic, network)
    if network:
        feed = subscription(calendar_page, request, name, "network_feed", [network.value])
    elif topic:
        feed = subscription(calendar_page, request, name, "topic_feed", [topic.value])
    else:
        feed = subscription(calendar_page, request, name)
    return {
        "months": months,
        "topic_options": topic_options.values(),
        "network_options": network_options.values(),
        "selected_topic": topic,
        "selected_network": network,
        "is_filtered": bool(topic or network),
        "period_end": end,
        "feed": feed,
    }


def linked_pages(day):
    """The day's networks and published releases, in the day's language where translated: one query."""
    network_keys = Page.objects.filter(awareness_day_links__page=day).values("translation_key")
    release_keys = Page.objects.filter(awareness_day_release_links__page=day).values("translation_key")
    releases = PressReleasePage.objects.published().filter(translation_key__in=release_keys)
    is_network = AwarenessDayNetwork.objects.filter(page=day, network__translation_key=OuterRef("translation_key"))
    pages = (
        visibility.public(Page.objects.all())
        .filter(Q(translation_key__in=network_keys) | Q(pk__in=releases.values("pk")))
        .annotate(is_network=Exists(is_network))
        .select_related("locale")
        .order_by("title")
    )
    chosen = pick_translations(pages, day.locale_id)
    return [p for p in chosen if p.is_network], [p for p in chosen if not p.is_network]


def day_context(day, request):
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
        "feed": subscription(day, request, day.title) if occurrences else None,
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
    return script_json(data)
