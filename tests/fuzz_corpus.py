"""A seeded corpus of hostile GET requests over every public URL pattern of the site, in both languages.

Shared by ``tests/demo/test_fuzz.py`` (Django's test client) and ``scripts/fuzz.py`` (``make fuzz``, against
the production stack over HTTP), so it imports nothing of Django. The site's own addresses are read
from its sitemaps (``discover``), then each request takes one URL pattern and fills it with real
values or hostile ones: huge and negative numbers, unicode, NUL, broken percent-escapes, long strings,
SQL and full-text search syntax, path traversal, HTML. Every request target is plain ASCII, percent-
encoded as a client would send it, so that any HTTP client can send it unchanged.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LANGUAGES = ("fr", "en")

NUMBERS = [
    "0",
    "1",
    "2",
    "-1",
    "-0",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1" + "0" * 40,
    "1e9",
    "0x10",
    "1.5",
    "NaN",
    "١٢",
    "２",
    " 3",
    "3_000",
]
WORDS = [
    "",
    " ",
    "\x00",
    "lupus\x00",
    "é",
    "\u202e\ufeff\u0301",
    "🦠",
    "\ud7ff\uffff",
    "a" * 300,
    "x" * 5000,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1--",
    "1; DROP TABLE wagtailcore_page",
    '"',
    'a"b',
    "'",
    "*",
    "lupus*",
    "NEAR(",
    "NEAR(a b)",
    "AND",
    "OR NOT",
    "(",
    ")",
    "{title}:x",
    "lupus:* & !sepsis | (a <-> b)",
    "%",
    "%s",
    "\\",
    "../../etc/passwd",
    "..\\..\\windows",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "\r\nSet-Cookie: x=y",
    "null",
    "[]",
    "-",
    "_",
]
# Already percent-encoded, as a hostile client sends them: broken UTF-8, NUL, encoded dots and slashes.
ESCAPES = ["%ff", "%ff%fe", "%00", "%c0%af", "%2e%2e", "%2e%2e%2f", "%2f", "%e2%80%ae", "%25", "%", "%zz", "%u0041"]

PAGE_PARAMETERS = ["page", "topic", "network", "year", "q", "type", "p", "format", "locale", "utm_source"]
API_PARAMETERS = [
    "offset",
    "limit",
    "search",
    "search_operator",
    "locale",
    "topic",
    "network",
    "type",
    "fields",
    "order",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "id",
    "slug",
    "title",
    "has_children",
    "html_path",
    "show_in_menus",
    "release_date",
]


@dataclass
class Site:
    """The site's addresses, by kind, as its sitemaps list them."""

    pages: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    items: list = field(default_factory=list)
    releases: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    slugs: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.pages and self.releases)


def sitemap_locations(xml):
    return [element.text.strip() for element in ElementTree.fromstring(xml).iter(f"{SITEMAP_NAMESPACE}loc")]


def discover(get):
    """Read the sitemap index and each of its files through ``get(path) -> bytes``."""
    site, paths = Site(), {}
    for section in sitemap_locations(get("/sitemap.xml")):
        section_path = urlsplit(section)
        name = re.sub(r"^/sitemap-|\.xml$", "", section_path.path)
        locations = sitemap_locations(get(section_path.path + (f"?{section_path.query}" if section_path.query else "")))
        paths.setdefault(name, []).extend(urlsplit(location).path for location in locations)
    site.releases = paths.get("releases", [])
    site.topics = paths.get("topics", [])
    site.pages = paths.get("pages", []) + site.releases + site.topics
    for path in paths.get("pages", []):
        depth = path.strip("/").count("/")
        (site.sections if depth == 1 else site.items if depth >= 2 else []).append(path)
    site.slugs = sorted({path.rstrip("/").rsplit("/", 1)[-1] for path in site.items + site.releases + site.topics})
    return site


class Corpus:
    """``Corpus(site, seed).paths(count)``: request targets, the same for the same site and seed."""

    def __init__(self, site, seed=0):
        self.site = site
        self.random = random.Random(seed)
        self.patterns = [
            (self.page_with_parameters, 8),
            (self.press_room_filters, 6),
            (self.release_route, 6),
            (self.section_route, 10),
            (self.item_route, 4),
            (self.topic_page, 3),
            (self.search, 6),
            (self.sitemap, 3),
            (self.site_file, 2),
            (self.document, 3),
            (self.api, 14),
            (self.api_item, 3),
            (self.admin_login, 2),
            (self.embargo_preview, 2),
            (self.mangled_path, 10),
        ]
        self.weights = [weight for _pattern, weight in self.patterns]

    def paths(self, count):
        return [self.random.choices(self.patterns, self.weights)[0][0]() for _ in range(count)]

    # Values

    def pick(self, values):
        return self.random.choice(values)

    def hostile(self):
        kind = self.random.random()
        if kind < 0.35:
            return quote(self.pick(NUMBERS), safe="")
        if kind < 0.85:
            return quote(self.pick(WORDS), safe="")
        return self.pick(ESCAPES)

    def value(self, real):
        """A real value half the time (so that the view goes past its first check), else a hostile one."""
        if real and self.random.random() < 0.5:
            return quote(self.pick(real), safe="")
        return self.hostile()

    def slug(self):
        return self.value(self.site.slugs)

    def segment(self):
        value = self.hostile()
        return value.replace("%2F", "/") if self.random.random() < 0.2 else value

    def query(self, names, real=(), count=None):
        count = self.random.randint(1, 3) if count is None else count
        pairs = [f"{self.pick(names)}={self.value(real)}" for _ in range(count)]
        if self.random.random() < 0.1:
            pairs.append(self.hostile() + "=" + self.hostile())
        return "?" + "&".join(pairs)

    def language(self):
        return self.pick(LANGUAGES)

    def of_language(self, paths):
        return self.pick(paths or ["/fr/"])

    # URL patterns

    def page_with_parameters(self):
        return self.of_language(self.site.pages) + self.query(PAGE_PARAMETERS, real=["1", "2", "2025", "lupus"])

    def press_room_filters(self):
        room = self.of_language(self.site.sections)
        parameters = {"topic": self.site.slugs, "network": self.site.slugs, "year": ["2024", "2025", "2026"]}
        parameters["page"] = ["1", "2", "3"]
        chosen = self.random.sample(sorted(parameters), self.random.randint(1, 4))
        return room + "?" + "&".join(f"{name}={self.value(parameters[name])}" for name in chosen)

    def release_route(self):
        release = self.of_language(self.site.releases)
        route = self.pick(["pdf/", "kit/", "", "pdf/", "kit/", "ics/", "vcard/"])
        suffix = self.query(PAGE_PARAMETERS) if self.random.random() < 0.3 else ""
        return release + route + suffix

    def section_route(self):
        section = self.of_language(self.site.sections)
        feed = self.pick(["rss", "atom", "rss", "atom", self.hostile()])
        route = self.pick(
            [
                "contacts/vcard/",
                f"contacts/{self.value(['1', '2', '3'])}/vcard/",
                f"feed/{feed}/",
                f"feed/topic/{self.slug()}/{feed}/",
                f"feed/network/{self.value(self.site.slugs + ['1', '2', '3', '10'])}/{feed}/",
                "ics/",
                f"networks/{self.slug()}/ics/",
                f"topics/{self.slug()}/ics/",
                f"themes/{self.slug()}/",
                f"topics/{self.slug()}/",
            ]
        )
        suffix = self.query(PAGE_PARAMETERS, real=self.site.slugs) if self.random.random() < 0.3 else ""
        return section + route + suffix

    def item_route(self):
        return self.of_language(self.site.items) + self.pick(["ics/", "pdf/", "kit/", f"{self.segment()}/"])

    def topic_page(self):
        topic = self.of_language(self.site.topics)
        return topic.rstrip("/").rsplit("/", 1)[0] + f"/{self.slug()}/"

    def search(self):
        path = self.pick(["/fr/recherche/", "/en/search/"])
        return path + self.query(["q", "type", "page", "q"], real=["lupus", "sepsis", "networks", "press", "1"])

    def sitemap(self):
        name = self.pick(["pages", "releases", "topics", self.hostile()])
        page = self.value(["1", "2"])
        return self.pick(["/sitemap.xml", f"/sitemap-{name}.xml", f"/sitemap-{name}.xml?p={page}"])

    def site_file(self):
        path = self.pick(["/robots.txt", "/.well-known/security.txt", "/favicon.ico", "/csp-report/"])
        return path + (self.query(PAGE_PARAMETERS) if self.random.random() < 0.3 else "")

    def document(self):
        name = self.pick(["rapport.pdf", "x", self.segment(), "../../manage.py"])
        return f"/documents/{self.value(['1', '2', '3', '4'])}/{name}"

    def api(self):
        endpoint = self.pick(["pages", "pages", "pages", "images", "documents"])
        real = ["fr", "en", "1", "10", "news.PressReleasePage", "lupus", "title", "-title", "*", "and", "or"]
        return f"/api/v2/{endpoint}/" + self.query(API_PARAMETERS, real=real + self.site.slugs)

    def api_item(self):
        endpoint = self.pick(["pages", "pages/find", "images", "documents"])
        item = self.value(["1", "3", "5", "8", "13"])
        return f"/api/v2/{endpoint}/{item}/" if endpoint != "pages/find" else f"/api/v2/pages/find/?html_path={item}"

    def admin_login(self):
        return "/admin/login/" + self.query(["next", "username"], real=["/admin/", "/fr/", "//evil.example/"])

    def embargo_preview(self):
        return f"/{self.language()}/embargo/{self.segment()}/"

    def mangled_path(self):
        path = self.pick(self.site.pages or ["/fr/"])
        segments = path.strip("/").split("/")
        index = self.random.randrange(len(segments) + 1)
        mangle = self.pick(["insert", "replace", "dots", "slashes", "escape"])
        if mangle == "insert":
            segments.insert(index, self.segment())
        elif mangle == "replace":
            segments[min(index, len(segments) - 1)] = self.segment()
        elif mangle == "dots":
            segments.insert(index, self.pick([".", "..", "%2e", "%2e%2e", "...", ". ."]))
        elif mangle == "slashes":
            segments.insert(index, "")
        else:
            segments[min(index, len(segments) - 1)] += self.pick(ESCAPES)
        return "/" + "/".join(quote(segment, safe="%/") for segment in segments) + self.pick(["/", "", "/?a=b"])
