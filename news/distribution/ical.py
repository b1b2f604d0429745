"""Awareness days as iCalendar subscriptions, written with the ``icalendar`` library."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext

import icalendar

CONTENT_TYPE = "text/calendar; charset=utf-8"
# Feeds start a year back so that subscribers also see the last occurrence of each day.
YEARS_BACK = 1


def uid(day, host, occurrence=None):
    """A UID that survives edits, moves and renames: the day's translation key, language and date."""
    suffix = f"-{occurrence.start:%Y%m%d}" if occurrence else ""
    return f"awareness-{day.translation_key}-{day.locale.language_code}{suffix}@{host}"


def _event(day, request, start, end, host, occurrence=None):
    event = icalendar.Event()
    event.add("uid", uid(day, host, occurrence))
    stamp = day.last_published_at or day.latest_revision_created_at or timezone.now()
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("summary", day.title)
    event.add("dtstart", start)
    event.add("dtend", end + datetime.timedelta(days=1))
    url = day.get_full_url(request)
    rule = day.rule
    every_year = gettext("Every year: %(rule)s.") % {"rule": rule.describe()} if rule.is_computable else ""
    description = [day.summary, every_year, url]
    event.add("description", "\n\n".join(part for part in description if part))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED" if day.date_confirmed else "TENTATIVE")
    return event


def events(day, request, host, today):
    rule = day.rule
    if rule.is_computable:
        first = rule.next_occurrence(datetime.date(today.year - YEARS_BACK, 1, 1))
        if first is None:
            return []
        event = _event(day, request, first.start, first.end, host)
        event.add("rrule", icalendar.vRecur.from_ical(rule.rrule_string()))
        return [event]
    return [
        _event(day, request, occurrence.start, occurrence.end, host, occurrence)
        for occurrence in rule.occurrences(datetime.date(today.year - YEARS_BACK, 1, 1), datetime.date.max)
    ]


def build(name, description, days, request, language):
    with translation.override(language):
        cal = icalendar.Calendar()
        cal.add("prodid", "-//F-CRIN press office//Awareness days//" + language.upper())
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", name)
        if description:
            cal.add("x-wr-caldesc", icalendar.vText(description))
        # A hint for the apps that show all-day events in a time zone of their choice.
        cal.add("x-wr-timezone", getattr(settings, "NEWS_TIME_ZONE", settings.TIME_ZONE))
        cal.add("x-published-ttl", "P1D")
        host = request.get_host().split(":")[0]
        today = timezone.localdate()
        for day in days:
            for event in events(day, request, host, today):
                cal.add_component(event)
        return cal.to_ical()


def response(name, description, request, days, filename=None):
    """The calendar ``name`` of ``days``; with a ``filename``, a file to download rather than a feed."""
    # Served under its language's prefix: the active language is the page's.
    body = build(name, description, days, request, translation.get_language())
    result = HttpResponse(body, content_type=CONTENT_TYPE)
    if filename:
        result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
