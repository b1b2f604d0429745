"""The awareness-day rule engine: dates, iCalendar rules, validation and words."""

import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from home.demo.awareness_days import DAYS
from news.awareness.rules import LAST, Occurrence, Rule
from news.awareness.words import RuleKind

YEARS = st.integers(min_value=1900, max_value=2200)
MONTHS = st.integers(min_value=1, max_value=12)
WEEKDAYS = st.integers(min_value=0, max_value=6)


def month_length(month):
    # The length every year has: 28 for February, as 29 February is refused in yearly rules.
    return calendar.monthrange(2027, month)[1]


@st.composite
def day_of_month(draw):
    month = draw(MONTHS)
    return month, draw(st.integers(min_value=1, max_value=month_length(month)))


@st.composite
def valid_rules(draw):
    kind = draw(st.sampled_from([RuleKind.FIXED, RuleKind.NTH_WEEKDAY, RuleKind.LAST_DAY, RuleKind.FIXED_RANGE]))
    if kind == RuleKind.FIXED:
        month, day = draw(day_of_month())
        return Rule(kind, month=month, day=day)
    if kind == RuleKind.NTH_WEEKDAY:
        return Rule(kind, month=draw(MONTHS), weekday=draw(WEEKDAYS), nth=draw(st.sampled_from([1, 2, 3, 4, LAST])))
    if kind == RuleKind.LAST_DAY:
        return Rule(kind, month=draw(MONTHS))
    (month, day), (end_month, end_day) = draw(day_of_month().filter(lambda md: md != (2, 29))), draw(day_of_month())
    if (month, day) == (end_month, end_day):
        end_month, end_day = (month, day + 1) if day < month_length(month) else (month % 12 + 1, 1)
    return Rule(kind, month=month, day=day, end_month=end_month, end_day=end_day)


def days_of(year, month):
    """Every day of a month, found by stepping one day at a time (no calendar arithmetic)."""
    day = datetime.date(year, month, 1)
    while day.month == month:
        yield day
        day += datetime.timedelta(days=1)


def brute_force(rule, year):
    """The occurrence starting in ``year``, computed the slow and obvious way."""
    days = list(days_of(year, rule.month))
    if rule.kind in (RuleKind.FIXED, RuleKind.FIXED_RANGE):
        start = next(d for d in days if d.day == rule.day)
    elif rule.kind == RuleKind.LAST_DAY:
        start = days[-1]
    else:
        matching = [d for d in days if d.weekday() == rule.weekday]
        start = matching[-1] if rule.nth == LAST else matching[rule.nth - 1]
    end = start
    if rule.kind == RuleKind.FIXED_RANGE:
        while (end.month, end.day) != (rule.end_month, rule.end_day):
            end += datetime.timedelta(days=1)
    return Occurrence(start, end)


def satisfies(rule, occurrence):
    start, end = occurrence.start, occurrence.end
    if start.month != rule.month:
        return False
    if rule.kind == RuleKind.FIXED:
        return start.day == rule.day and end == start
    if rule.kind == RuleKind.LAST_DAY:
        return (start + datetime.timedelta(days=1)).month != rule.month and end == start
    if rule.kind == RuleKind.NTH_WEEKDAY:
        position_ok = (
            (start + datetime.timedelta(days=7)).month != rule.month
            if rule.nth == LAST
            else (start.day - 1) // 7 + 1 == rule.nth
        )
        return start.weekday() == rule.weekday and position_ok and end == start
    return (
        start.day == rule.day
        and (end.month, end.day) == (rule.end_month, rule.end_day)
        and datetime.timedelta(0) < end - start < datetime.timedelta(days=366)
    )


def starting_in(rule, year):
    return [o for o in rule.occurrences(datetime.date(year, 1, 1), datetime.date(year, 12, 31)) if o.start.year == year]


@settings(max_examples=300, deadline=None)
@given(rule=valid_rules(), year=YEARS)
def test_each_computed_date_satisfies_its_rule_and_matches_brute_force(rule, year):
    assert rule.is_valid(), rule.errors()

    found = starting_in(rule, year)

    assert found == [brute_force(rule, year)]
    assert satisfies(rule, found[0])


@settings(max_examples=200, deadline=None)
@given(rule=valid_rules(), year=YEARS)
def test_the_icalendar_rule_gives_the_same_dates_as_the_engine(rule, year):
    expanded = rrulestr(rule.rrule_string(), dtstart=datetime.datetime(year, 1, 1))

    first_start = expanded.after(datetime.datetime(year, 1, 1), inc=True).date()

    assert first_start == starting_in(rule, year)[0].start


@settings(max_examples=100, deadline=None)
@given(rule=valid_rules(), after=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 1, 1)))
def test_next_occurrences_are_in_order_and_not_over(rule, after):
    found = rule.next_occurrences(after, count=3)

    assert len(found) == 3
    assert found == sorted(found)
    assert all(o.end >= after for o in found)
    assert found[0].start.year in (after.year - 1, after.year, after.year + 1)


def test_rare_disease_day_is_29_february_in_leap_years_only():
    rare_disease_day = Rule.parse("last_day:02")

    for year in range(1900, 2201):
        (occurrence,) = starting_in(rare_disease_day, year)
        assert occurrence.start == datetime.date(year, 2, 29 if calendar.isleap(year) else 28), year

    assert rare_disease_day.rrule_string() == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("fixed:05-10", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=10"),
        ("nth_weekday:5:1:TUE", "FREQ=YEARLY;BYMONTH=5;BYDAY=1TU"),
        ("nth_weekday:3:2:THU", "FREQ=YEARLY;BYMONTH=3;BYDAY=2TH"),
        ("last_weekday:9:SUN", "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU"),
        ("last_day:02", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
        ("fixed_range:04-24:04-30", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=24"),
        ("variable", None),
    ],
)
def test_rrule_strings(text, rrule):
    assert Rule.parse(text).rrule_string() == rrule


def test_every_rule_of_the_demo_days_is_understood():
    rules = [Rule.parse(rule) for _fr, _en, rule, *_rest in DAYS]

    assert all(rule.is_valid() for rule in rules)
    assert {rule.kind for rule in rules} == set(RuleKind)


def test_known_dates():
    assert Rule.parse("nth_weekday:5:1:TUE").next_occurrence(datetime.date(2027, 1, 1)).start == datetime.date(
        2027, 5, 4
    )
    assert Rule.parse("nth_weekday:3:2:THU").next_occurrence(datetime.date(2028, 1, 1)).start == datetime.date(
        2028, 3, 9
    )
    assert Rule.parse("last_weekday:9:SUN").next_occurrence(datetime.date(2027, 1, 1)).start == datetime.date(
        2027, 9, 26
    )


def test_a_span_is_still_next_while_it_runs_and_may_cross_the_new_year():
    week = Rule.parse("fixed_range:04-24:04-30")
    assert week.next_occurrence(datetime.date(2027, 4, 27)) == Occurrence(
        datetime.date(2027, 4, 24), datetime.date(2027, 4, 30)
    )
    assert week.next_occurrence(datetime.date(2027, 5, 1)).start == datetime.date(2028, 4, 24)

    new_year = Rule.parse("fixed_range:12-28:01-03")
    assert new_year.is_valid()
    assert new_year.occurrences(datetime.date(2027, 1, 2), datetime.date(2027, 1, 2)) == [
        Occurrence(datetime.date(2026, 12, 28), datetime.date(2027, 1, 3))
    ]


def test_to_be_confirmed_days_use_the_dates_entered_for_each_year():
    rule = Rule.parse(
        "variable",
        dates=[(datetime.date(2027, 3, 15), datetime.date(2027, 3, 21)), (datetime.date(2028, 3, 13), None)],
    )

    assert rule.is_valid()
    assert rule.rrule_string() is None
    assert rule.next_occurrences(datetime.date(2027, 3, 20)) == [
        Occurrence(datetime.date(2027, 3, 15), datetime.date(2027, 3, 21)),
        Occurrence(datetime.date(2028, 3, 13), datetime.date(2028, 3, 13)),
    ]
    assert Rule(RuleKind.TO_BE_CONFIRMED).next_occurrences(datetime.date(2027, 1, 1)) == []


@pytest.mark.parametrize(
    ("rule", "field", "words"),
    [
        (Rule(RuleKind.FIXED, month=2, day=31), "day", "31 February does not exist"),
        (Rule(RuleKind.FIXED, month=4, day=31), "day", "31 April does not exist"),
        (Rule(RuleKind.FIXED, month=2, day=29), "day", "only exists in leap years"),
        (Rule(RuleKind.FIXED_RANGE, month=2, day=20, end_month=2, end_day=30), "end_day", "30 February does not exist"),
        (Rule(RuleKind.NTH_WEEKDAY, month=5, weekday=0, nth=5), "nth", "choose “last”"),
        (Rule(RuleKind.FIXED, month=13, day=1), "month", "between 1 and 12"),
        (Rule(RuleKind.FIXED, month=5), "day", "Required"),
        (Rule(RuleKind.NTH_WEEKDAY, month=5, nth=1), "weekday", "Required"),
        (Rule(RuleKind.FIXED_RANGE, month=5, day=1, end_month=5, end_day=1), "end_day", "ends on the day it starts"),
    ],
)
def test_impossible_rules_are_refused_with_a_message_on_the_field(rule, field, words):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        rule.validate()

    assert words in " ".join(refused.value.message_dict[field])
    assert rule.occurrences(datetime.date(2027, 1, 1), datetime.date(2030, 1, 1)) == []


@settings(max_examples=50, deadline=None)
@given(month=MONTHS, weekday=WEEKDAYS)
def test_a_fifth_weekday_is_always_refused_because_some_year_lacks_it(month, weekday):
    rule = Rule(RuleKind.NTH_WEEKDAY, month=month, weekday=weekday, nth=5)

    with translation.override("en"):
        message = rule.errors()["nth"]

    (example_year,) = map(int, re.findall(r"\d{4}", message))
    assert len([d for d in days_of(example_year, month) if d.weekday() == weekday]) < 5
    assert "choose “last”" in message


@pytest.mark.parametrize(
    ("text", "french", "english"),
    [
        ("nth_weekday:5:1:TUE", "le premier mardi de mai", "the first Tuesday of May"),
        ("last_weekday:9:SUN", "le dernier dimanche de septembre", "the last Sunday of September"),
        ("nth_weekday:10:2:THU", "le deuxième jeudi d’octobre", "the second Thursday of October"),
        ("last_day:02", "le dernier jour de février", "the last day of February"),
        ("fixed:05-10", "le 10 mai", "10 May"),
        ("fixed:05-01", "le 1er mai", "1 May"),
        ("fixed_range:04-24:04-30", "du 24 au 30 avril", "from 24 to 30 April"),
        ("fixed_range:12-28:01-03", "du 28 décembre au 3 janvier", "from 28 December to 3 January"),
        ("variable", "dates à confirmer chaque année", "dates to be confirmed each year"),
    ],
)
def test_rules_in_words_in_the_active_language(text, french, english):
    rule = Rule.parse(text)

    with translation.override("fr"):
        assert rule.describe() == french
    with translation.override("en"):
        assert rule.describe() == english
