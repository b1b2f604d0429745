from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, Site

from networks.directory import linked_topics
from networks.models import NetworkIndexPage
from news import visibility
from news.models import PressReleasePage

ENTRY_FIELDS = [
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale_id",
    "last_published_at",
    "latest_revision_created_at",
]


def site_paths(sitemap):
    """A filter on the pages of every language tree of the site: its root page and the root's translations."""
    # Site.find_for_request is Wagtail's documented lookup; a request no site claims gets the default one.
    site = Site.find_for_request(sitemap.request) or Site.objects.select_related("root_page").get(is_default_site=True)
    root = site.root_page
    in_site = Q()
    for path in Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True):
        in_site |= Q(path__startswith=path)
    return in_site


def entry(location, lastmod, versions):
    """A sitemap entry, linked with hreflang to its language versions (``{language: url}``) when it has others."""
    url_info = {"location": location, "lastmod": lastmod}
    if len(versions) > 1:
        url_info["alternates"] = [
            {"lang_code": code, "location": versions[code]} for code, _name in settings.LANGUAGES if code in versions
        ]
        default = versions.get(settings.LANGUAGE_CODE)
        if default:
            url_info["alternates"].append({"lang_code": "x-default", "location": default})
    return url_info


def set_latest_lastmod(sitemap, urls):
    """What Django's sitemap does for the Last-Modified header of a section (the view reads ``latest_lastmod``)."""
    last_mods = {url_info["lastmod"] for url_info in urls}
    if last_mods and None not in last_mods:
        sitemap.latest_lastmod = max(last_mods)


class MultilingualSitemap(Sitemap):
    """Every public page of every language tree, each linked to its translations with hreflang.

    Wagtail's own sitemap only walks the site root's tree, so the English pages (under the root's
    translation) would be left out. Served as sections of at most ``limit`` URLs, listed by the
    sitemap index: one file for a whole archive takes seconds to build and megabytes to send.
    """

    limit = 500

    @cached_property
    def in_site(self):
        return site_paths(self)

    def site_pages(self):
        return visibility.public(self.section_pages(Page.objects.filter(self.in_site)))

    def section_pages(self, pages):
        return pages

    def items(self):
        # Plain pages with the few fields an entry needs: no page type here adds URLs of its own.
        return self.site_pages().order_by("path").only(*ENTRY_FIELDS)

    def get_latest_lastmod(self):
        # Django's default renders every item to find the newest; the database answers in one query.
        return self.site_pages().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))[
            "latest"
        ]

    def alternates(self, pages, languages):
        """The URL of each language version of ``pages``, by translation key: {key: {language: url}}."""
        versions = defaultdict(dict)
        translations = (
            self.site_pages()
            .filter(translation_key__in={page.translation_key for page in pages})
            .only(*ENTRY_FIELDS)
            .order_by("path")
        )
        for page in translations:
            versions[page.translation_key][languages[page.locale_id]] = page.get_full_url(self.request)
        return versions

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        # The pages of this file are among their own translations: each address is worked out once.
        versions = self.alternates(pages, languages)
        urls = [
            entry(
                versions[item.translation_key][languages[item.locale_id]],
                item.last_published_at or item.latest_revision_created_at,
                versions[item.translation_key],
            )
            for item in pages
        ]
        set_latest_lastmod(self, urls)
        return urls


class ReleaseSitemap(MultilingualSitemap):
    """The press releases: the archive, by far the largest section."""

    def section_pages(self, pages):
        return pages.type(PressReleasePage)


class PageSitemap(MultilingualSitemap):
    """Every other page: home pages, press rooms, networks, awareness days."""

    def section_pages(self, pages):
        return pages.not_type(PressReleasePage)


class TopicSitemap(Sitemap):
    """The topic pages of the networks directory, in each language, as the directory links them.

    They are routes of the directory, not pages, so the sections above do not list them. There is one
    per disease area and language, not an archive's worth: the section is built whole, in a few queries.
    """

    limit = MultilingualSitemap.limit

    @cached_property
    def entries(self):
        in_site = site_paths(self)
        directories = visibility.public(NetworkIndexPage.objects.filter(in_site)).select_related("locale")
        directories = {directory.locale_id: directory for directory in directories}
        topics, versions = [], defaultdict(dict)
        for topic in linked_topics(directories.values()):
            directory = directories[topic.locale_id]
            language = directory.locale.language_code
            # The route's path is translated: "themes" in French.
            with translation.override(language):
                route = directory.reverse_subpage("topic", kwargs={"slug": topic.slug})
            topic.location = directory.get_full_url(self.request) + route
            # The topic page lists the networks and releases: it changes when they do.
            topic.lastmod = max(filter(None, [topic.networks_published, topic.releases_published]), default=None)
            versions[topic.translation_key][language] = topic.location
            topics.append(topic)
        return [entry(topic.location, topic.lastmod, versions[topic.translation_key]) for topic in topics]

    def items(self):
        return self.entries

    def lastmod(self, item):
        return item["lastmod"]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = list(self.paginator.page(page).object_list)
        set_latest_lastmod(self, urls)
        return urls


SITEMAPS = {"pages": PageSitemap, "releases": ReleaseSitemap, "topics": TopicSitemap}
