"""RSS 2.0 and Atom feeds of the releases a press room hands them (all it publishes, or one topic's or
network's), and the Atom feed of the clippings a coverage page hands them."""

import datetime
import uuid
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext, override

CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/"


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 whose items may carry their full text as HTML (``content:encoded``) besides the description."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_MODULE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(Atom1Feed):
    """Atom whose entries may carry their full text as HTML (``content``) besides the summary."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


FORMATS = {"rss": RssFeed, "atom": AtomFeed}


def release_guid(release):
    """A URN that survives slug changes and moves, distinct for each language of a release."""
    return f"urn:uuid:{uuid.uuid5(release.translation_key, release.locale.language_code)}"


class PressReleaseFeed(Feed):
    """Built per request for one press room; ``subject`` is the topic or network page it is about, if any.

    ``releases`` are the room's published releases, newest first, as its ``releases()`` gives them.
    """

    item_guid_is_permalink = False

    def __init__(self, press_room, feed_format, releases, subject=None):
        super().__init__()
        self.press_room = press_room
        self.feed_type = FORMATS[feed_format]
        self.subject = subject
        self.language = press_room.locale.language_code
        self.releases = releases

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

    # Absolute links are kept as they are by Django's feeds, which would otherwise put the request's host.
    def link(self):
        return self.press_room.get_full_url(self.request)

    def feed_url(self):
        return urljoin(self.link(), self.request.path)

    def description(self):
        return self.press_room.introduction or gettext("Press releases, newest first.")

    def subtitle(self):
        return self.description()  # Atom's name for RSS's description

    def author_name(self):
        return getattr(settings, "WAGTAIL_SITE_NAME", None)

    def items(self):
        length = getattr(settings, "NEWS_FEED_LENGTH", 30)
        return self.releases.select_related("locale").defer_streamfields()[:length]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_extra_kwargs(self, item):
        """The standfirst then the lay summary under its heading, as HTML: only for releases that have one."""
        if not item.lay_summary:
            return {}
        content = format_html(
            "{}<h2>{}</h2>{}",
            linebreaks_filter(item.standfirst),
            gettext("In brief for patients"),
            linebreaks_filter(item.lay_summary),
        )
        return {"content": str(content)}

    def item_link(self, item):
        return item.get_full_url(self.request)

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


class ClippingFeed(Feed):
    """The Atom feed of a coverage page: the newest clippings it hands over, each linking to its article."""

    feed_type = Atom1Feed

    def __init__(self, page, clippings):
        super().__init__()
        self.page = page
        self.clippings = clippings
        self.language = page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
        return f"{self.page.title} – {site_name}" if site_name else self.page.title

    def link(self):
        return self.page.get_url(self.request)

    def subtitle(self):
        return self.page.introduction or gettext("Articles about F-CRIN and its networks, newest first.")

    def items(self):
        return self.clippings[: getattr(settings, "NEWS_FEED_LENGTH", 30)]

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.excerpt or None

    def item_link(self, item):
        return item.url

    def item_author_name(self, item):
        return item.outlet

    def item_guid(self, item):
        # Stable for one article of one outlet, whatever the page's language.
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, item.url)}"

    def item_pubdate(self, item):
        paris = ZoneInfo(getattr(settings, "NEWS_TIME_ZONE", "Europe/Paris"))
        return datetime.datetime.combine(item.published_on, datetime.time(), tzinfo=paris)
