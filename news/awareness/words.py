"""Date rules in words, in the active language ("le premier mardi de mai", "the last day of February")."""

from django.db import models
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MONTH_NAMES = MONTHS
WEEKDAY_NAMES = WEEKDAYS

# French elides "de" before a vowel ("d'avril", "d'octobre"), so "of <month>" is translated whole.
OF_MONTH = {
    1: pgettext_lazy("the … of <month>", "of January"),
    2: pgettext_lazy("the … of <month>", "of February"),
    3: pgettext_lazy("the … of <month>", "of March"),
    4: pgettext_lazy("the … of <month>", "of April"),
    5: pgettext_lazy("the … of <month>", "of May"),
    6: pgettext_lazy("the … of <month>", "of June"),
    7: pgettext_lazy("the … of <month>", "of July"),
    8: pgettext_lazy("the … of <month>", "of August"),
    9: pgettext_lazy("the … of <month>", "of September"),
    10: pgettext_lazy("the … of <month>", "of October"),
    11: pgettext_lazy("the … of <month>", "of November"),
    12: pgettext_lazy("the … of <month>", "of December"),
}

# The choices of the editor's "which one" field. "Fifth" is offered so that the validation can
# explain why no yearly rule can use it; the French forms agree with the (masculine) weekdays.
NTH_CHOICES = [
    (1, pgettext_lazy("the <ordinal> Tuesday of May", "first")),
    (2, pgettext_lazy("the <ordinal> Tuesday of May", "second")),
    (3, pgettext_lazy("the <ordinal> Tuesday of May", "third")),
    (4, pgettext_lazy("the <ordinal> Tuesday of May", "fourth")),
    (5, pgettext_lazy("the <ordinal> Tuesday of May", "fifth")),
    (-1, pgettext_lazy("the <ordinal> Tuesday of May", "last")),
]
ORDINALS = dict(NTH_CHOICES)


# With the words rather than the rules, as the rules (news.awareness.rules) are built on the words.
class RuleKind(models.TextChoices):
    FIXED = "fixed", _("Same date every year")
    NTH_WEEKDAY = "nth_weekday", _("A given weekday of a month (first, second… or last)")
    LAST_DAY = "last_day", _("Last day of a month")
    FIXED_RANGE = "fixed_range", _("Same span of days every year")
    TO_BE_CONFIRMED = "tbc", _("To be confirmed: dates entered each year")


def day_number(day):
    # French writes the first of the month as an ordinal: "1er mai".
    return pgettext("day of the month 1, as in '1 May'", "1") if day == 1 else str(day)


def day_and_month(day, month):
    return pgettext("day and month, as in '10 May'", "%(day)s %(month)s") % {
        "day": day_number(day),
        "month": MONTH_NAMES[month],
    }


def describe(rule):
    if not rule.is_valid():
        return gettext("no valid date rule yet")
    if rule.kind == RuleKind.FIXED:
        return pgettext("every year on a date, as in 'on 10 May'", "%(day)s %(month)s") % {
            "day": day_number(rule.day),
            "month": MONTH_NAMES[rule.month],
        }
    if rule.kind == RuleKind.NTH_WEEKDAY:
        return gettext("the %(ordinal)s %(weekday)s %(of_month)s") % {
            "ordinal": ORDINALS[rule.nth],
            "weekday": WEEKDAY_NAMES[rule.weekday],
            "of_month": OF_MONTH[rule.month],
        }
    if rule.kind == RuleKind.LAST_DAY:
        return gettext("the last day %(of_month)s") % {"of_month": OF_MONTH[rule.month]}
    if rule.kind == RuleKind.FIXED_RANGE:
        if rule.month == rule.end_month and rule.day < rule.end_day:
            return gettext("from %(start_day)s to %(end_day)s %(month)s") % {
                "start_day": day_number(rule.day),
                "end_day": rule.end_day,
                "month": MONTH_NAMES[rule.month],
            }
        return gettext("from %(start)s to %(end)s") % {
            "start": day_and_month(rule.day, rule.month),
            "end": day_and_month(rule.end_day, rule.end_month),
        }
    return gettext("dates to be confirmed each year")


def describe_occurrence(occurrence):
    """An occurrence's dates in words, with the year ("10 May 2027", "from 24 to 30 April 2027")."""
    start, end = occurrence.start, occurrence.end
    if start == end:
        return gettext("%(date)s %(year)s") % {"date": day_and_month(start.day, start.month), "year": start.year}
    if start.year != end.year:
        return gettext("from %(start)s %(start_year)s to %(end)s %(end_year)s") % {
            "start": day_and_month(start.day, start.month),
            "start_year": start.year,
            "end": day_and_month(end.day, end.month),
            "end_year": end.year,
        }
    if start.month == end.month:
        return gettext("from %(start_day)s to %(end_day)s %(month)s %(year)s") % {
            "start_day": day_number(start.day),
            "end_day": end.day,
            "month": MONTH_NAMES[start.month],
            "year": start.year,
        }
    return gettext("from %(start)s to %(end)s %(year)s") % {
        "start": day_and_month(start.day, start.month),
        "end": day_and_month(end.day, end.month),
        "year": start.year,
    }
