"""Scheduling fields that say which time zone their dates are in."""

from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import PublishingPanel


def _zone_name():
    # The admin activates each user's time zone (else TIME_ZONE) before rendering a form.
    return timezone.get_current_timezone_name()


def _zone_city():
    return _zone_name().rsplit("/", 1)[-1].replace("_", " ")


zone_name = lazy(_zone_name, str)
zone_city = lazy(_zone_city, str)


def in_local_time(text):
    """``text`` followed by the time zone the admin shows dates in, e.g. "Paris time (Europe/Paris)"."""
    return format_lazy(
        "{text} {zone}", text=text, zone=format_lazy(_("In {city} time ({zone})."), city=zone_city(), zone=zone_name())
    )


class ZonedPublishingPanel(PublishingPanel):
    """Wagtail's "Schedule publishing" fields, with help texts naming their time zone."""

    help_texts = {
        "go_live_at": _("The release goes live, and its embargo lifts, at this date and time."),
        "expire_at": _("The release is unpublished at this date and time."),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            if child.field_name in self.help_texts:
                child.help_text = in_local_time(self.help_texts[child.field_name])
