"""Nothing of a release is public before its embargo, and at the lift it is public in French and English
on every channel at once: proved with real processes, not one test client.

The module builds its own database (a SQLite file in a temporary directory, or a database of its own
on the PostgreSQL server of ``DATABASE_URL``), loads the demo content and serves it with gunicorn and
three workers, with production settings, in two configurations: without Redis (the caches in files
under ``DJANGO_CACHE_DIR``) and with Redis. Every change is made by other processes, as on a real
deployment: an editor process (``manage.py shell`` running tests/process_editor.py, through the
public Wagtail and wagtail-localize APIs) and ``manage.py publish_scheduled``. The caches are warmed
before each change; right after it, every channel is requested 20 times over the three workers and
all 20 answers must be right: the release page, press room and home page of each language, the
press room's RSS and Atom feeds and its topic and network feeds, the awareness day that lists the
release, the sitemap, site search, the API, the press kit, the attached document and the media files
of the release's image and document.

The awareness calendar's iCalendar feeds list days, never releases: they are checked for never
naming a release, the only thing they could get wrong.

Run it alone with ``pytest -m processes``. It takes minutes, not seconds: the database is built
once, then each configuration makes 19 checks of 20 rounds of some 35 requests.
"""

import datetime
import os
import secrets
import shutil
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.channels import Traffic, in_rounds, probes
from tests.processes import Editor, Server, environment, manage

pytestmark = pytest.mark.processes

ROUNDS = 20
WARM_ROUNDS = 3
REDIS = "redis://127.0.0.1:6379/13"
# The scenarios, in the order they run; each has its own release (see SCENARIO_STATES).
SCENARIOS = [
    "unpublish",
    "delete",
    "lift",
    "translation",
    "source_unpublished",
    "translate_then_schedule",
    "schedule_then_translate",
    "postponed",
    "french_draft",
    "english_first",
    "french_unpublished",
]
# The state each scenario's release is created in before the servers start: published in French
# (``live``) and in English (``translated``), or a French draft.
SCENARIO_STATES = {
    "unpublish": {"live": True, "translated": True},
    "delete": {"live": True, "translated": True},
    "translation": {"live": True},
    "source_unpublished": {"live": True, "translated": True},
    "french_unpublished": {"live": True, "translated": True},
}


# The database, built once for the module and shared by both configurations.


@pytest.fixture(scope="module")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="fcrin-processes-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _postgres_database(url):
    """A fresh database on the server of ``url``, and the function that drops it."""
    import psycopg

    name = f"fcrin_processes_{os.getpid()}"
    parts = urlsplit(url)
    server = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))

    def drop():
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", "")), drop


@pytest.fixture(scope="module")
def database(workdir):
    """The demo site, migrated, loaded and collected as ``make serve`` would: {variable: value} to reach it."""
    url = os.environ.get("DATABASE_URL", "")
    drop = None
    if url.startswith(("postgres://", "postgresql://")):
        url, drop = _postgres_database(url)
    else:
        url = f"sqlite:///{workdir / 'db.sqlite3'}"
    # Static files of its own: other modules collect theirs at the same time on other workers.
    variables = {
        "DATABASE_URL": url,
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
    }
    env = environment(**variables, DJANGO_CACHE_DIR=str(workdir / "build-cache"))
    manage(env, "migrate", "--noinput")
    manage(env, "load_initial_data")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    yield variables
    if drop:
        drop()


# One deployment per configuration: its caches, an editor and gunicorn.


class Site:
    def __init__(self, env, editor, server, releases):
        self.env, self.editor, self.server, self.releases = env, editor, server, releases

    def publish_scheduled(self):
        manage(self.env, "publish_scheduled")


def _redis_caches(request):
    """A key prefix of its own in the Redis at ``REDIS``, emptied by the finalizer; skips without Redis."""
    import redis

    client = redis.Redis.from_url(REDIS, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis answers at {REDIS}")
    prefix = f"fcrin-processes-{uuid.uuid4().hex[:12]}"

    def empty():
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)

    request.addfinalizer(empty)
    return {"REDIS_URL": REDIS, "CACHE_KEY_PREFIX": prefix}


@pytest.fixture(scope="module", params=["files", "redis"])
def site(request, database, workdir):
    name = request.param
    if name == "redis":
        caches = _redis_caches(request)
    else:
        caches = {"DJANGO_CACHE_DIR": str(workdir / f"cache-{name}")}
    env = environment(**database, **caches)
    editor = Editor(env, workdir / f"editor-{name}.log")
    request.addfinalizer(editor.stop)
    # Created before the servers start, so that the caches first see them as they are: the
    # scenario's change is the first change the servers must notice. The first scenario's release is
    # the newest, so each is in the home page's latest three while it runs (the earlier ones are removed).
    today = datetime.date.today()
    releases = {}
    for number, scenario in reversed(list(enumerate(SCENARIOS))):
        token = "qx" + "".join(secrets.choice("bcdfghjklmnpqrstvwxz") for _ in range(10))
        release_date = today + datetime.timedelta(days=len(SCENARIOS) - number)
        releases[scenario] = editor.do(
            "create_release", token=token, release_date=release_date.isoformat(), **SCENARIO_STATES.get(scenario, {})
        )
    server = Server(env, workdir / f"gunicorn-{name}.log")
    request.addfinalizer(server.stop)
    server.wait_until_ready()
    return Site(env, editor, server, releases)


def wrong_answers(site, release, rounds, fr, en, unchecked=()):
    """What each channel answered wrongly in ``rounds`` rounds, for the release shown in French if
    ``fr`` and in English if ``en``: one line per channel, empty when every answer was right."""
    checked = [probe for probe in probes(release) if probe.kind not in unchecked]
    observed = in_rounds(site.server.port, checked, rounds)
    lines = []
    for probe, observations in observed.items():
        want = probe.expect(fr, en)
        wrong = [number for number, seen in enumerate(observations, 1) if want is not None and seen != want]
        if wrong:
            seen = ", ".join(f"{count}× {value!r}" for value, count in Counter(observations).items())
            lines.append(
                f"  {probe!r}: {len(wrong)}/{rounds} wrong (first: request {wrong[0]}), expected {want!r}: {seen}"
            )
    return lines


class Scenario:
    """One release's story: ``start`` warms the caches and checks the state the release was made in;
    ``after`` checks every channel right after a change, made while readers keep requesting them.
    Wrong answers are gathered and reported together at the end, so that one run tells every channel
    that failed, before and after the lift."""

    def __init__(self, site, name):
        self.site, self.name = site, name
        self.release = site.releases[name]
        self.failures = []
        self.traffic = None

    def start(self, fr, en):
        self._record("before any change", wrong_answers(self.site, self.release, WARM_ROUNDS, fr, en), fr, en)
        named = [url for url in self.release["files"]["renditions"] if self.release["token"] in url]
        if named:
            self.failures.append(f"renditions named after the upload, so their addresses can be guessed: {named}")
        self.traffic = Traffic(self.site.server.port, probes(self.release))

    def after(self, change, fr, en, unchecked=()):
        self.traffic.stop()
        self._record(f"after {change}", wrong_answers(self.site, self.release, ROUNDS, fr, en, unchecked), fr, en)
        self.traffic = Traffic(self.site.server.port, probes(self.release))

    def _record(self, moment, lines, fr, en):
        if lines:
            self.failures.append(f"{moment} (expected fr={fr}, en={en}):\n" + "\n".join(lines))

    def finish(self):
        if self.traffic:
            self.traffic.stop()
        self.site.editor.do("remove", token=self.release["token"])

    def do(self, action, **kwargs):
        return self.site.editor.do(action, **kwargs)

    @property
    def french(self):
        return self.release["fr"]["id"]

    @property
    def english(self):
        if "en_id" not in self.release:
            self.release["en_id"] = self.do("english_id", page_id=self.french)
        return self.release["en_id"]

    def translate(self, **kwargs):
        self.release["en_id"] = self.do("translate_release", page_id=self.french, **kwargs)

    def time_passes(self, hours):
        pages = [self.french, *([self.release["en_id"]] if "en_id" in self.release else [])]
        self.do("time_passes", page_ids=pages, hours=hours)

    def publish_scheduled(self):
        self.site.publish_scheduled()

    def check(self):
        assert not self.failures, f"{self.name}: wrong answers\n" + "\n\n".join(self.failures)


@pytest.fixture
def scenario(request, site):
    story = Scenario(site, request.node.originalname.removeprefix("test_"))
    yield story
    story.finish()


def test_unpublish(scenario):
    scenario.start(fr=True, en=True)
    scenario.do("unpublish", page_id=scenario.french)
    scenario.do("unpublish", page_id=scenario.english)
    scenario.after("unpublishing both languages", fr=False, en=False)
    scenario.check()


def test_delete(scenario):
    scenario.start(fr=True, en=True)
    scenario.do("delete", page_id=scenario.english)
    scenario.do("delete", page_id=scenario.french)
    # The document stays in Wagtail's library, which serves it as any other once no release holds it back.
    scenario.after("deleting both languages", fr=False, en=False, unchecked=("document",))
    scenario.check()


def test_lift(scenario):
    """The demo loader's embargo: the French page scheduled, its translation scheduled for the same time."""
    scenario.start(fr=False, en=False)
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=1)
    scenario.translate(go_live_in_hours=1)
    scenario.after("scheduling both languages", fr=False, en=False)
    scenario.time_passes(hours=1.01)
    scenario.publish_scheduled()
    scenario.after("the lift by publish_scheduled", fr=True, en=True)
    scenario.check()


def test_translation(scenario):
    scenario.start(fr=True, en=False)
    scenario.translate(publish=True)
    scenario.after("publishing the translation", fr=True, en=True)
    scenario.check()


def test_source_unpublished(scenario):
    scenario.start(fr=True, en=True)
    scenario.do("unpublish", page_id=scenario.french)
    scenario.after("unpublishing the French source", fr=False, en=False)
    scenario.check()


def test_translate_then_schedule(scenario):
    """(A) The draft is translated first; then both languages are scheduled."""
    scenario.start(fr=False, en=False)
    scenario.translate()
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=1)
    scenario.do("schedule", page_id=scenario.english, go_live_in_hours=1)
    scenario.after("translating, then scheduling", fr=False, en=False)
    scenario.time_passes(hours=1.01)
    scenario.publish_scheduled()
    scenario.after("the lift by publish_scheduled", fr=True, en=True)
    scenario.check()


def test_schedule_then_translate(scenario):
    """(B) The French page is scheduled, then translated and the translation published: wagtail-localize
    gives the new translation the source's go-live, so publishing it schedules it."""
    scenario.start(fr=False, en=False)
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=1)
    scenario.translate(publish=True)
    scenario.after("scheduling, then translating", fr=False, en=False)
    scenario.time_passes(hours=1.01)
    scenario.publish_scheduled()
    scenario.after("the lift by publish_scheduled", fr=True, en=True)
    scenario.check()


def test_postponed(scenario):
    """(C) Both languages scheduled, then the French embargo postponed by an hour; nobody reschedules
    or syncs the English page, which publish_scheduled makes live at the first go-live."""
    scenario.start(fr=False, en=False)
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=1)
    scenario.translate(go_live_in_hours=1)
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=2)
    scenario.after("postponing the French embargo", fr=False, en=False)
    scenario.time_passes(hours=1.01)
    scenario.publish_scheduled()
    scenario.after("the first go-live, the English page's", fr=False, en=False)
    scenario.time_passes(hours=1)
    scenario.publish_scheduled()
    scenario.after("the postponed lift", fr=True, en=True)
    scenario.check()


def test_french_draft(scenario):
    """(D) The English page is published while the French one is a draft, then the French one is published."""
    scenario.start(fr=False, en=False)
    scenario.translate(publish=True)
    scenario.after("publishing the English page of a French draft", fr=False, en=False)
    scenario.do("publish", page_id=scenario.french)
    scenario.after("publishing the French page", fr=True, en=True)
    scenario.check()


def test_english_first(scenario):
    """(E) The English page is published first, the French page scheduled afterwards."""
    scenario.start(fr=False, en=False)
    scenario.translate(publish=True)
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=1)
    scenario.after("publishing in English, then scheduling in French", fr=False, en=False)
    scenario.time_passes(hours=1.01)
    scenario.publish_scheduled()
    scenario.after("the lift by publish_scheduled", fr=True, en=True)
    scenario.check()


def test_french_unpublished(scenario):
    """(F) Both languages were live; the French page is unpublished and scheduled again."""
    scenario.start(fr=True, en=True)
    scenario.do("unpublish", page_id=scenario.french)
    scenario.do("schedule", page_id=scenario.french, go_live_in_hours=1)
    scenario.after("unpublishing and rescheduling the French page", fr=False, en=False)
    scenario.time_passes(hours=1.01)
    scenario.publish_scheduled()
    scenario.after("the lift by publish_scheduled", fr=True, en=True)
    scenario.check()
