"""RSS 2.0 and Atom feeds of one press room's published releases: all of them, or one topic's or network's."""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext, override

from .models import PressReleasePage

FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def release_guid(release):
    """A URN that survives slug changes and moves, distinct for each language of a release."""
    return f"urn:uuid:{uuid.uuid5(release.translation_key, release.locale.language_code)}"


class PressReleaseFeed(Feed):
    """Built per request for one press room; ``subject`` is the topic or network page it is about, if any."""

    item_guid_is_permalink = False

    def __init__(self, press_room, feed_format, subject=None, releases=None):
        super().__init__()
        self.press_room = press_room
        self.feed_type = FORMATS[feed_format]
        self.subject = subject
        self.language = press_room.locale.language_code
        self.releases = releases if releases is not None else PressReleasePage.objects.all()

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Titles and descriptions in the feed's language whatever language the request came with.
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
        title = f"{self.press_room.title} – {site_name}" if site_name else self.press_room.title
        if self.subject is None:
            return title
        return gettext("%(feed)s: %(subject)s") % {"feed": title, "subject": self.subject}

    def link(self):
        return self.press_room.get_url(self.request)

    def description(self):
        return self.press_room.introduction or gettext("Press releases, newest first.")

    def subtitle(self):
        return self.description()  # Atom's name for RSS's description

    def author_name(self):
        return getattr(settings, "WAGTAIL_SITE_NAME", None)

    def items(self):
        length = getattr(settings, "NEWS_FEED_LENGTH", 30)
        return (
            self.releases.child_of(self.press_room)
            .published()
            .newest_first()
            .select_related("locale")
            .defer_streamfields()[:length]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return release_guid(item)

    def item_pubdate(self, item):
        """The embargo lift on the printed date, else midnight in Paris on that date."""
        paris = ZoneInfo(getattr(settings, "NEWS_TIME_ZONE", "Europe/Paris"))
        published = item.first_published_at
        if published and timezone.localtime(published, paris).date() == item.release_date:
            return published
        return datetime.datetime.combine(item.release_date, datetime.time(), tzinfo=paris)

    def item_updateddate(self, item):
        return item.last_published_at
