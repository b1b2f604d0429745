from django import template
from django.utils import timezone

from dateutil.relativedelta import relativedelta

from .. import visibility
from ..awareness.calendar import FilterOption, calendar_title, subscription, upcoming
from ..awareness.pages import AwarenessCalendarPage, AwarenessDayPage

register = template.Library()


@register.inclusion_tag("news/includes/awareness_days_for.html", takes_context=True)
def awareness_days_for(context, page, count=3):
    """The next awareness days linked to ``page`` (a network), with its calendar subscription."""
    request = context.get("request")
    today = timezone.localdate()
    days = (
        visibility.public(AwarenessDayPage.objects.all())
        .filter(locale_id=page.locale_id, network_links__network__translation_key=page.translation_key)
        .distinct()
        .prefetch_related("dates")
    )
    items = upcoming(days, today, today + relativedelta(years=1))[:count]
    calendar = None
    if items and "awareness_calendar" in context:
        # The page's context found it already (a network page, with its press room); ``or`` reads a lazy None.
        calendar = context["awareness_calendar"] or None
    elif items:
        calendar = visibility.public(AwarenessCalendarPage.objects.filter(locale_id=page.locale_id)).first()
    feed = None
    if calendar is not None and request is not None:
        name = calendar_title(calendar, network=FilterOption(page.slug, page.title, page.translation_key))
        feed = subscription(calendar, request, name, "network_feed", [page.slug])
    return {"items": items, "feed": feed, "network": page}
