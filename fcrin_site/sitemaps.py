from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from home.visibility import public_pages
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


class MultilingualSitemap(Sitemap):
    """Every public page of every language tree, each linked to its translations with hreflang.

    Wagtail's own sitemap only walks the site root's tree, so the English pages (under the root's
    translation) would be left out. Served as sections of at most ``limit`` URLs, listed by the
    sitemap index: one file for a whole archive takes seconds to build and megabytes to send.
    """

    limit = 1000

    def site_pages(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for path in Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True):
            in_site |= Q(path__startswith=path)
        return public_pages(self.section_pages(Page.objects.filter(in_site)), self.request)

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

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        # The pages of this file are among their own translations: each address is worked out once.
        versions = self.alternates(pages, languages)
        order = [code for code, _name in settings.LANGUAGES]
        urls, last_mods = [], set()
        for item in pages:
            item_versions = versions[item.translation_key]
            url_info = {
                "location": item_versions[languages[item.locale_id]],
                "lastmod": item.last_published_at or item.latest_revision_created_at,
            }
            if len(item_versions) > 1:
                url_info["alternates"] = [
                    {"lang_code": code, "location": item_versions[code]} for code in order if code in item_versions
                ]
                default = item_versions.get(settings.LANGUAGE_CODE)
                if default:
                    url_info["alternates"].append({"lang_code": "x-default", "location": default})
            urls.append(url_info)
            last_mods.add(url_info["lastmod"])
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class ReleaseSitemap(MultilingualSitemap):
    """The press releases: the archive, by far the largest section."""

    def section_pages(self, pages):
        return pages.type(PressReleasePage)


class PageSitemap(MultilingualSitemap):
    """Every other page: home pages, press rooms, networks, awareness days."""

    def section_pages(self, pages):
        return pages.not_type(PressReleasePage)


SITEMAPS = {"pages": PageSitemap, "releases": ReleaseSitemap}
