"""Yearly date rules of awareness days, computed with dateutil.

A :class:`Rule` is a plain value: pages build one from their fields, the demo loader from the
``kind:…`` grammar of the shared data. Day and month numbers are 1-based, weekdays run from
0 (Monday) to 6 (Sunday) as in :mod:`datetime` and :mod:`dateutil`, ``nth`` is 1 to 4 or -1
for "last".
"""

import calendar
import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from dateutil import rrule
from dateutil.relativedelta import relativedelta

from . import words
from .words import RuleKind

LAST = -1
ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
GRAMMAR_WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
# Any non-leap year: a yearly rule must hold in every year, so 29 February is checked separately.
COMMON_YEAR = 2027


REQUIRED_FIELDS = {
    RuleKind.FIXED: ["month", "day"],
    RuleKind.NTH_WEEKDAY: ["month", "weekday", "nth"],
    RuleKind.LAST_DAY: ["month"],
    RuleKind.FIXED_RANGE: ["month", "day", "end_month", "end_day"],
    RuleKind.TO_BE_CONFIRMED: [],
}


@dataclass(frozen=True, order=True)
class Occurrence:
    """One yearly instance of a day; ``end`` is inclusive and equals ``start`` for a single day."""

    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def __contains__(self, day):
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Rule:
    kind: str
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    # Only for "to be confirmed" days: (start, end) pairs entered by editors, one per year.
    dates: tuple = ()

    @classmethod
    def parse(cls, text, dates=()):
        """A rule from the grammar of ``awareness_days.json`` (``fixed:05-10``, ``nth_weekday:5:1:TUE``…)."""
        kind, _sep, args = text.partition(":")
        parts = args.replace("-", ":").split(":") if args else []
        try:
            if kind == "fixed":
                month, day = map(int, parts)
                return cls(RuleKind.FIXED, month=month, day=day)
            if kind == "nth_weekday":
                return cls(
                    RuleKind.NTH_WEEKDAY,
                    month=int(parts[0]),
                    nth=int(parts[1]),
                    weekday=GRAMMAR_WEEKDAYS.index(parts[2]),
                )
            if kind == "last_weekday":
                return cls(
                    RuleKind.NTH_WEEKDAY, month=int(parts[0]), nth=LAST, weekday=GRAMMAR_WEEKDAYS.index(parts[1])
                )
            if kind == "last_day":
                return cls(RuleKind.LAST_DAY, month=int(parts[0]))
            if kind == "fixed_range":
                month, day, end_month, end_day = map(int, parts)
                return cls(RuleKind.FIXED_RANGE, month=month, day=day, end_month=end_month, end_day=end_day)
            if kind == "variable":
                return cls(RuleKind.TO_BE_CONFIRMED, dates=tuple(dates))
        except (ValueError, IndexError) as error:
            raise ValueError(f"Malformed awareness day rule: {text!r}") from error
        raise ValueError(f"Unknown awareness day rule: {text!r}")

    # Validation

    def errors(self):
        """Messages for the editor, by field name; empty when the rule gives a date every year."""
        errors = {}
        for name in REQUIRED_FIELDS.get(self.kind, []):
            if getattr(self, name) is None:
                errors[name] = gettext("Required for this kind of date rule.")
        if self.kind not in REQUIRED_FIELDS:
            errors["kind"] = gettext("Unknown kind of date rule.")
        if errors:
            return errors
        for name in ("month", "end_month"):
            value = getattr(self, name)
            if value is not None and not 1 <= value <= 12:
                errors[name] = gettext("Choose a month between 1 and 12.")
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            errors["weekday"] = gettext("Choose a day of the week.")
        if errors:
            return errors
        if self.kind in (RuleKind.FIXED, RuleKind.FIXED_RANGE):
            self._check_day_of_month(errors, "day", self.month, self.day)
        if self.kind == RuleKind.FIXED_RANGE:
            self._check_day_of_month(errors, "end_day", self.end_month, self.end_day)
            if not errors and (self.month, self.day) == (self.end_month, self.end_day):
                errors["end_day"] = gettext(
                    "The span ends on the day it starts. For a single day, choose “Same date every year”."
                )
        if self.kind == RuleKind.NTH_WEEKDAY and self.nth not in (1, 2, 3, 4, LAST):
            errors["nth"] = self._nth_message()
        return errors

    def validate(self):
        errors = self.errors()
        if errors:
            raise ValidationError(errors)

    def is_valid(self):
        return not self.errors()

    def _check_day_of_month(self, errors, field, month, day):
        if month == 2 and day == 29:
            errors[field] = gettext(
                "29 February only exists in leap years. For a day on the last day of February every year, "
                "choose “Last day of a month”."
            )
        elif not 1 <= day <= calendar.monthrange(COMMON_YEAR, month)[1]:
            errors[field] = gettext("%(date)s does not exist: check the day and the month.") % {
                "date": words.day_and_month(day, month)
            }

    def _nth_message(self):
        if self.nth is not None and self.nth >= 5:
            this_year = datetime.date.today().year
            year = next(
                y
                for y in range(this_year, this_year + 8)
                if sum(1 for week in calendar.monthcalendar(y, self.month) if week[self.weekday]) < self.nth
            )
            return gettext(
                "Some years have no fifth %(weekday)s in %(month)s (%(year)s for one). If the day is the "
                "last %(weekday)s of the month, choose “last”."
            ) % {"weekday": words.WEEKDAY_NAMES[self.weekday], "month": words.MONTH_NAMES[self.month], "year": year}
        return gettext("Choose first, second, third, fourth or last.")

    # Dates

    @property
    def is_computable(self):
        return self.kind != RuleKind.TO_BE_CONFIRMED

    def _rrule(self, dtstart):
        options = {"freq": rrule.YEARLY, "dtstart": dtstart, "bymonth": self.month}
        if self.kind in (RuleKind.FIXED, RuleKind.FIXED_RANGE):
            options["bymonthday"] = self.day
        elif self.kind == RuleKind.LAST_DAY:
            options["bymonthday"] = -1
        else:
            options["byweekday"] = rrule.weekdays[self.weekday](self.nth)
        return rrule.rrule(**options)

    def _end_of(self, start):
        if self.kind != RuleKind.FIXED_RANGE:
            return start
        end = start + relativedelta(month=self.end_month, day=self.end_day)
        # A span such as 28 December – 3 January ends in the next year.
        return end if end >= start else end + relativedelta(years=1, month=self.end_month, day=self.end_day)

    @property
    def max_days(self):
        if self.kind == RuleKind.FIXED_RANGE:
            starts = [datetime.date(year, self.month, self.day) for year in (COMMON_YEAR, COMMON_YEAR + 1)]
            return max((self._end_of(start) - start).days + 1 for start in starts)
        if self.kind == RuleKind.TO_BE_CONFIRMED:
            return max(((end - start).days + 1 for start, end in self.dates), default=1)
        return 1

    def occurrences(self, start, end):
        """The occurrences that overlap the days from ``start`` to ``end`` (both included), in date order."""
        if not self.is_valid():
            return []
        if not self.is_computable:
            found = {Occurrence(s, e or s) for s, e in self.dates if s <= end and (e or s) >= start}
            return sorted(found)
        # Begin early enough to catch a span that started before ``start`` and is still running.
        first = start - datetime.timedelta(days=self.max_days)
        rule = self._rrule(datetime.datetime(first.year, 1, 1))
        starts = rule.between(
            datetime.datetime.combine(first, datetime.time()), datetime.datetime.combine(end, datetime.time()), inc=True
        )
        occurrences = [Occurrence(s.date(), self._end_of(s.date())) for s in starts]
        return [o for o in occurrences if o.end >= start]

    def next_occurrences(self, after=None, count=3):
        """The next ``count`` occurrences that have not ended by ``after`` (today by default)."""
        after = after or datetime.date.today()
        if not self.is_computable:
            return self.occurrences(after, datetime.date.max)[:count]
        return self.occurrences(after, after + relativedelta(years=count + 1))[:count]

    def next_occurrence(self, after=None):
        found = self.next_occurrences(after, count=1)
        return found[0] if found else None

    # iCalendar

    def recurrence(self):
        """The iCalendar RRULE parts of the rule's start date, or ``None`` when it has no rule."""
        if not self.is_valid() or not self.is_computable:
            return None
        parts = {"FREQ": "YEARLY", "BYMONTH": str(self.month)}
        if self.kind in (RuleKind.FIXED, RuleKind.FIXED_RANGE):
            parts["BYMONTHDAY"] = str(self.day)
        elif self.kind == RuleKind.LAST_DAY:
            parts["BYMONTHDAY"] = "-1"
        else:
            parts["BYDAY"] = f"{self.nth}{ICAL_WEEKDAYS[self.weekday]}"
        return parts

    def rrule_string(self):
        parts = self.recurrence()
        return ";".join(f"{key}={value}" for key, value in parts.items()) if parts else None

    def describe(self):
        return words.describe(self)
