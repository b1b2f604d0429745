"""The public channels of a release, read as visitors, feed readers, crawlers and partners read them.

Each probe makes its requests and says whether the release was ``shown`` or ``hidden``, in each
language (or as a whole), or what else it saw; ``probes(release)`` lists every channel of a release
made by tests/process_editor.py.
"""

import io
import json
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import icalendar
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.processes import get

# Parsers, cached by the body: most answers are the same bytes, read once.


@lru_cache(maxsize=2048)
def _html(body):
    soup = BeautifulSoup(body, "html.parser")
    main = soup.find("main") or soup
    return {
        "links": {urlsplit(a["href"]).path for a in main.find_all("a", href=True)},
        "h1": [h1.get_text(" ", strip=True) for h1 in soup.find_all("h1")],
        "text": main.get_text(" ", strip=True),
    }


def html(answer):
    return _html(answer.body)


@lru_cache(maxsize=1024)
def _feed(body):
    parsed = feedparser.parse(body)
    return {
        "links": {urlsplit(entry.link).path for entry in parsed.entries},
        "titles": [entry.title for entry in parsed.entries],
        "ok": not parsed.bozo,
    }


def feed(answer):
    return _feed(answer.body)


@lru_cache(maxsize=256)
def _calendar(body):
    parsed = icalendar.Calendar.from_ical(body)
    return [
        " ".join(str(event.get(name, "")) for name in ("summary", "description", "url"))
        for event in parsed.walk("VEVENT")
    ]


def calendar_events(answer):
    return _calendar(answer.body)


@lru_cache(maxsize=512)
def _sitemap(body):
    """The paths (and queries) of the ``<loc>`` and hreflang alternates of a sitemap or sitemap index."""
    found = set()
    for element in ElementTree.fromstring(body).iter():
        location = element.text if element.tag.endswith("}loc") else element.get("href")
        if location:
            parts = urlsplit(location.strip())
            found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def sitemap_locations(answer):
    return _sitemap(answer.body)


def api_items(answer):
    return [
        {"title": item["title"], "path": urlsplit(item["meta"]["html_url"]).path}
        for item in json.loads(answer.body)["items"]
    ]


def zip_texts(answer):
    with zipfile.ZipFile(io.BytesIO(answer.body)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pdf_texts(members):
    """The text of the release's PDF at the top of a kit (its attachments lie in documents/), as a
    reader copying it would get it."""
    for name, content in members.items():
        if name.endswith(".pdf") and name.count("/") == 1:
            reader = PdfReader(io.BytesIO(content))
            yield " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def in_rounds(port, probes, rounds, threads=3):
    """Every probe ``rounds`` times, all probes of a round at once on ``threads`` connections, so that
    the server's workers share them; {probe: [observation of each round]}."""
    observed = {probe: [] for probe in probes}
    with ThreadPoolExecutor(threads) as pool:
        for _round in range(rounds):
            for probe, observation in zip(probes, pool.map(lambda probe: probe.observe(port), probes), strict=True):
                observed[probe].append(observation)
    return observed


def _word(shown):
    return "shown" if shown else "hidden"


class Probe:
    kind = ""

    def __init__(self, name, path, key):
        self.name, self.path, self.key = name, path, key

    def observe(self, port):
        answer = get(port, self.path)
        return self.read(answer)

    def read(self, answer):
        raise NotImplementedError

    def expect(self, fr, en):
        """The right observation for a release public in French if ``fr``, in English if ``en``."""
        if self.key == "fr+en":
            return f"fr {_word(fr)},en {_word(en)}"
        return _word({"fr": fr, "en": en, "any": fr or en, "never": False}[self.key])

    def __repr__(self):
        return f"{self.name} [{self.key}] {self.path}"


class ReleasePage(Probe):
    kind = "page"

    def __init__(self, language, release):
        super().__init__("release page", release[language]["url"], language)
        self.title = release[language]["title"]

    def read(self, answer):
        if answer.status == 404:
            return "hidden"
        if answer.status == 200 and self.title in html(answer)["h1"]:
            return "shown"
        return f"status {answer.status}, h1 {html(answer)['h1'] if answer.status == 200 else ''}"


class Listing(Probe):
    """An HTML page that links to the release when it is shown: a press room, a home page, a day, search.

    An awareness day lists a release in another language when it has none in its own
    (``other_language``): it shows whichever language of the release is public, its own first.
    """

    kind = "listing"

    def __init__(self, name, path, language, release, query_in_page=False, other_language=False):
        super().__init__(name, path, language)
        self.urls = {code: release[code]["url"] for code in ("fr", "en")}
        self.token = release["token"]
        # Search pages repeat the query, the release's token: only their links say anything.
        self.query_in_page = query_in_page
        self.other_language = other_language

    def read(self, answer):
        if answer.status != 200:
            return f"status {answer.status}"
        page = html(answer)
        linked = [code for code, url in self.urls.items() if url in page["links"]]
        if linked:
            return "shown" if linked == [self.key] else f"shown in {'+'.join(linked)}"
        if not self.query_in_page and self.token in page["text"]:
            return "named without a link"
        return "hidden"

    def expect(self, fr, en):
        visible = {"fr": fr, "en": en}
        other = "en" if self.key == "fr" else "fr"
        if self.other_language and not visible[self.key] and visible[other]:
            return f"shown in {other}"
        return super().expect(fr, en)


class Feed(Probe):
    kind = "feed"

    def __init__(self, name, path, language, release):
        super().__init__(name, path, language)
        self.url, self.token = release[language]["url"], release["token"]

    def read(self, answer):
        if answer.status != 200:
            return f"status {answer.status}"
        parsed = feed(answer)
        if not parsed["ok"]:
            return "not a valid feed"
        if self.url in parsed["links"]:
            return "shown"
        if any(self.token in title for title in parsed["titles"]):
            return "named without a link"
        return "hidden"


class Calendar(Probe):
    """An iCalendar feed lists days: it must never name a release, whatever its state."""

    kind = "calendar"

    def __init__(self, path, release):
        super().__init__("iCalendar feed", path, "never")
        self.token = release["token"]

    def read(self, answer):
        if answer.status != 200:
            return f"status {answer.status}"
        return "shown" if any(self.token in event for event in calendar_events(answer)) else "hidden"


class Sitemap(Probe):
    """The sitemap index and every section it lists, as a crawler reads them."""

    kind = "sitemap"

    def __init__(self, release):
        super().__init__("sitemap", "/sitemap.xml", "fr+en")
        self.urls = {language: release[language]["url"] for language in ("fr", "en")}

    def observe(self, port):
        index = get(port, self.path)
        if index.status != 200:
            return f"index status {index.status}"
        found = set()
        for section in sitemap_locations(index):
            answer = get(port, section)
            if answer.status != 200:
                return f"{section} status {answer.status}"
            found |= sitemap_locations(answer)
        return ",".join(f"{language} {'shown' if url in found else 'hidden'}" for language, url in self.urls.items())


class Api(Probe):
    kind = "api"

    def __init__(self, name, path, release):
        super().__init__(name, path, "fr+en")
        self.release = release

    def read(self, answer):
        if answer.status != 200:
            return f"status {answer.status}"
        paths = {item["path"] for item in api_items(answer)}
        return ",".join(
            f"{language} {'shown' if self.release[language]['url'] in paths else 'hidden'}" for language in ("fr", "en")
        )


class PressKit(Probe):
    kind = "kit"

    def __init__(self, language, release):
        super().__init__("press kit", release[language]["url"] + "kit/", language)
        self.title = release[language]["title"]

    def read(self, answer):
        if answer.status == 404:
            return "hidden"
        if answer.status != 200:
            return f"status {answer.status}"
        texts = zip_texts(answer)
        return "shown" if any(self.title in text for text in pdf_texts(texts)) else "kit without its text"


class Download(Probe):
    """A file of the release, answered 200 with its content (``shown``) or 404 (``hidden``).

    ``key`` says when it may be served: ``any`` while some language of the release is public,
    ``never`` for the originals kept private under ``/media/`` (the upload itself, the document's
    file). Renditions (``rendition``) are public files under addresses nobody can guess: served once
    the release is public, and before it only reachable by who knows the address, which no channel
    gives out while the release is hidden (see the release page, listings and API above).
    """

    def __init__(self, kind, path, key, content=None):
        super().__init__(kind, path, "any" if key == "rendition" else key)
        self.kind, self.content, self.rendition = kind, content, key == "rendition"

    def read(self, answer):
        if answer.status == 404:
            return "hidden"
        if answer.status == 200 and (self.content is None or answer.body == self.content.encode()):
            return "shown"
        return f"status {answer.status}"

    def expect(self, fr, en):
        if self.rendition and not (fr or en):
            return None
        return super().expect(fr, en)


def probes(release):
    token, topic, rooms = release["token"], release["topic"], {"fr": "/fr/communiques/", "en": "/en/press-releases/"}
    homes, searches = {"fr": "/fr/", "en": "/en/"}, {"fr": "/fr/recherche/", "en": "/en/search/"}
    document = release["document"]
    found = [Sitemap(release), Download("document", document["url"], "any", document["content"])]
    found += [Download("media", path, "never") for path in release["files"]["private"]]
    found += [Download("media", path, "rendition") for path in release["files"]["renditions"]]
    found += [
        Api("API list", f"/api/v2/pages/?type=news.PressReleasePage&fields=title&topic={topic['fr']}", release),
        Api("API search", f"/api/v2/pages/?type=news.PressReleasePage&fields=title&search={token}", release),
    ]
    for language in ("fr", "en"):
        room = rooms[language]
        found += [
            ReleasePage(language, release),
            PressKit(language, release),
            Listing("press room", room, language, release),
            Listing("home page", homes[language], language, release),
            Listing("awareness day", release["day"][language], language, release, other_language=True),
            Listing("search", f"{searches[language]}?q={token}", language, release, query_in_page=True),
            Feed("RSS feed", f"{room}feed/rss/", language, release),
            Feed("Atom feed", f"{room}feed/atom/", language, release),
            Feed("topic feed", f"{room}feed/topic/{topic[language]}/rss/", language, release),
            Feed("network feed", f"{room}feed/network/{release['network']}/rss/", language, release),
            Calendar(f"{release['day'][language].rsplit('/', 2)[0]}/ics/", release),
        ]
    return found


class Traffic:
    """Readers requesting the page-cached channels, one after the other, while a change is made: a
    worker that served a page a moment before the change is the one a stale cache would answer from.
    The channels served afresh on every request (API, press kits, files) are left out: they cost the
    most and keep nothing."""

    CACHED_KINDS = {"page", "listing", "feed", "calendar", "sitemap"}

    def __init__(self, port, probes):
        self.port = port
        self.probes = [probe for probe in probes if probe.kind in self.CACHED_KINDS]
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stopping.is_set():
            for probe in self.probes:
                if self.stopping.is_set():
                    return
                try:
                    probe.observe(self.port)
                except OSError:
                    pass  # only the answers after the change are checked

    def stop(self):
        self.stopping.set()
        self.thread.join()
