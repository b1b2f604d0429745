"""`make bench`: build an archive of releases in its own SQLite file, then measure every public page type.

For each page type and language: queries and server time (median, p95) through Django's test client,
uncached and from the page cache; then throughput under load (wrk) through gunicorn with production
settings, with the page cache off and on, each as a ratio to a static file (WhiteNoise) and to a bare
Django view served by the same gunicorn in the same run. The press room is also timed with a smaller
archive (a copy of the file taken before the rest is generated), in batches alternating with the full
one, to show listing cost does not grow with the archive. Results go to .bench/*.json.

    .venv/bin/python scripts/bench.py [RELEASES] [--small 1000] [--requests 40] [--duration 3] [--rounds 3]
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
TARGETS = {"cache_hit_vs_static": 0.6, "release_vs_bare": 40.0, "press_room_10k_vs_1k": 1.2}
BARE_URL = "/bench/bare/"


def say(text="", end="\n"):
    sys.stdout.write(text + end)
    sys.stdout.flush()


def bench_env(database, page_cache=True, redis_url=""):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fcrin_site.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-not-a-secret-" + "b" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_BENCH_VIEWS": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{database}",
        "PAGE_CACHE_ENABLED": "1" if page_cache else "0",
        "GUNICORN_ACCESS_LOG": "",
        # The point is to measure slow pages, not to have gunicorn kill them.
        "GUNICORN_TIMEOUT": "300",
        "CACHE_KEY_PREFIX": "fcrin-bench",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def setup_archive(args, database):
    """Runs inside this process with production settings: migrate, demo site, press room, releases."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("load_initial_data", verbosity=0)
    ensure_press_room()


def ensure_press_room():
    from wagtail.models import Locale

    from home.models import HomePage
    from news.models import PressRoomPage

    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    room = PressRoomPage.objects.filter(locale=fr).first()
    if room is None:
        home = HomePage.objects.get(locale=fr)
        room = PressRoomPage(title="Communiqués de presse", slug="communiques", show_in_menus=True)
        home.add_child(instance=room)
        room.save_revision().publish()
    if not PressRoomPage.objects.filter(locale=en).exists():
        translation = room.copy_for_translation(en)
        translation.title, translation.slug = "Press releases", "press-releases"
        translation.save_revision().publish()


def generate(count):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    started = time.perf_counter()
    call_command("generate_releases", count, stdout=out)
    return time.perf_counter() - started


def public_pages():
    """(label, url, type) for the newest live page of each page type in each language, and its own sub-URLs.

    Sub-URLs are the routes of routable pages that take no argument (feeds, calendars, vCards); those
    that do not answer 200 on this archive are left out.
    """
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Locale, Page, get_page_models

    client = Client()
    pages = []
    for model in get_page_models():
        if model is Page:
            continue
        for locale in Locale.objects.order_by("language_code"):
            page = model.objects.live().public().filter(locale=locale).order_by("-pk").first()
            if page is None or page.get_url() is None:
                continue
            with translation.override("en"):
                label = f"{model._meta.verbose_name} ({locale.language_code})"
            base = page.get_url()
            pages.append((label, base, model._meta.label))
            if not isinstance(page, RoutablePageMixin):
                continue
            for route in page.get_subpage_urls():
                if not route.name or route.pattern.regex.groups:
                    continue
                sub = page.reverse_subpage(route.name)
                if sub and client.get(base + sub).status_code == 200:
                    pages.append((f"{label} {sub}", base + sub, f"{model._meta.label} {route.name}"))
    for name, query, languages in (("search", "?q=essai", ["fr", "en"]), ("sitemap", "", [None])):
        for language in languages:
            try:
                with translation.override(language):
                    url = reverse(name) + query
            except NoReverseMatch:
                continue
            if client.get(url).status_code == 200:
                pages.append((f"{name} ({language})" if language else name, url, name))
    # The index's first file of each section: the largest response a crawler asks for.
    for section in ("pages", "releases"):
        try:
            url = reverse("sitemap_section", kwargs={"section": section})
        except NoReverseMatch:
            continue
        if client.get(url).status_code == 200:
            pages.append((f"sitemap {section}", url, "sitemap section"))
    return pages


def timed(client, url):
    started = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - started) * 1000


def server_times(url, requests, cached, batches=4):
    """Queries and server times of ``url``; ``time_vs_bare`` is its median time over the bare view's.

    The bare view is timed beside the URL, in batches that alternate with the URL's: on a shared
    machine the CPU available drifts from one second to the next, and adjacent batches share it.
    ``time_vs_bare`` is the median of the batches' ratios.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=cached):
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, f"{url}: {response.status_code}"
        queries = []
        # Counted at the cursor: the debug query log is a bounded deque that earlier work may have filled.
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            response = client.get(url)
        outcome = response.get("X-Cache")
        # Some responses are rightly never stored (streamed downloads, for one): reported as such.
        assert outcome == ("HIT" if cached else "BYPASS") or (cached and outcome == "BYPASS"), (
            f"{url}: X-Cache {outcome}"
        )
        timings, ratios = [], []
        size = max(requests // batches, 1)
        for _ in range(batches):
            # Each batch after two requests left untimed, so that neither is timed colder than in a
            # loop of its own (the bare view right after a page would be).
            bare = [timed(client, BARE_URL) for _ in range(size + 2)][2:]
            batch = [timed(client, url) for _ in range(size + 2)][2:]
            timings += batch
            ratios.append(statistics.median(batch) / statistics.median(bare))
    timings.sort()
    return {
        "x_cache": outcome,
        "queries": len(queries),
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 3),
        "time_vs_bare": round(statistics.median(ratios), 2),
    }


def use_database(path):
    """Point this process's default connection at another SQLite file of the same site."""
    from django.db import connection

    from fcrin_site.pagecache import bump_generation

    connection.close()
    connection.settings_dict["NAME"] = str(path)
    # Both files hold the same pages under the same ids: a new content generation keeps neither file's
    # cached listing, routes or fragments for the other.
    bump_generation()


def archives_compared(url, small_database, database, requests, batches=6):
    """``url`` (page cache off) with the small archive's copy and with the full one, batches alternating.

    Timed one after the other in the same process, the two archives share the machine's free CPU of the
    moment, so their ratio measures the archive's size, not the drift between two parts of the run.
    ``ratio`` is the median of the adjacent batches' ratios.
    """
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    size = max(requests // batches, 1)
    timings = {small_database: [], database: []}
    ratios = []
    with override_settings(PAGE_CACHE_ENABLED=False):
        for _ in range(batches):
            medians = {}
            for path in (small_database, database):
                use_database(path)
                # Two requests left untimed: the first after a new generation works out the listing anew.
                for _ in range(2):
                    response = client.get(url)
                    assert response.status_code == 200, f"{url} ({path.name}): {response.status_code}"
                batch = [timed(client, url) for _ in range(size)]
                timings[path] += batch
                medians[path] = statistics.median(batch)
            ratios.append(medians[database] / medians[small_database])
    use_database(database)
    return {
        "small_median_ms": round(statistics.median(timings[small_database]), 3),
        "median_ms": round(statistics.median(timings[database]), 3),
        "ratio": round(statistics.median(ratios), 3),
    }


def copy_database(database, copy):
    """A consistent copy of the SQLite file as it is now (SQLite's online backup, WAL included)."""
    import sqlite3

    from django.db import connection

    connection.close()
    copy.unlink(missing_ok=True)
    source, target = sqlite3.connect(database), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()


def first_request_after_a_publication(url, times=5):
    """The press room's first request after a publication: its filter choices and order are worked out anew."""
    from django.test import Client
    from django.test.utils import override_settings

    from fcrin_site.pagecache import bump_generation

    client = Client()
    timings = []
    with override_settings(PAGE_CACHE_ENABLED=False):
        for _ in range(times):
            bump_generation()
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            timings.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(timings), 3), "max_ms": round(max(timings), 3)}


def port_open(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, env, workers, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers)}
        command = [str(ROOT / ".venv/bin/gunicorn"), "--config", "gunicorn.conf.py", "fcrin_site.wsgi"]
        # Kept, so that error responses under load can be traced to their exception.
        self.log = log
        with open(log, "w") as stderr:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=stderr, start_new_session=True)
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + BARE_URL, timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=300) as response:
            return response.status, response.headers.get("X-Cache")

    def settle(self):
        """Wait for the requests a load run left queued in gunicorn's backlog, so they do not slow the next run."""
        for _ in range(600):
            started = time.perf_counter()
            self.get(BARE_URL)
            if time.perf_counter() - started < 0.05:
                return
            time.sleep(0.1)

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    # Error responses are not throughput: count only the good ones, and report the others.
    count, value, unit = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)\b", output).groups()
    seconds = float(value) * {"ms": 0.001, "s": 1, "m": 60}[unit]
    bad = int(errors.group(1)) if errors else 0
    return round((int(count) - bad) / seconds, 1), bad


def load_run(env, args, urls, static_url, cached):
    server = Gunicorn(env, args.workers, BENCH_DIR / f"gunicorn-{'cached' if cached else 'uncached'}.log")
    try:
        for url in urls:
            # Enough requests for every worker to have filled its cache when it is per-process memory.
            outcomes = {server.get(url) for _ in range(3 * args.workers)}
            assert all(status == 200 for status, _ in outcomes), (url, outcomes)
        # Each URL is loaded right after the static file and the bare view, and its ratios are to those
        # neighbours: on a shared machine the available CPU drifts during a run, and adjacent triples
        # cancel it. Several short rounds, their median ratio: one burst of a neighbour's CPU use then
        # spoils one round, not the result.
        results = {}
        for url in urls:
            rounds = defaultdict(list)
            errors = {}
            for _ in range(args.rounds):
                for name, target in (("static_rps", static_url), ("bare_rps", BARE_URL), ("rps", url)):
                    server.settle()
                    rps, bad = wrk(server.base + target, args.duration, args.connections)
                    rounds[name].append(rps)
                    if bad:
                        errors[name] = errors.get(name, 0) + bad
            runs = {name: statistics.median(values) for name, values in rounds.items()}
            for baseline, ratio in (("static_rps", "vs_static"), ("bare_rps", "vs_bare")):
                pairs = [rps / base for rps, base in zip(rounds["rps"], rounds[baseline], strict=True) if base]
                runs[ratio] = round(statistics.median(pairs), 3) if pairs else None
            if errors:
                runs["errors"] = errors
            results[url] = runs
        return results
    finally:
        server.stop()
        log = server.log.read_text(errors="replace")
        if "Traceback" in log:
            say(f"  errors were logged by gunicorn: see {server.log.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("releases", nargs="?", type=int, default=10_000, help="Releases in the archive (per language)")
    parser.add_argument("--small", type=int, default=1_000, help="Archive size of the press room comparison")
    parser.add_argument("--requests", type=int, default=40, help="Test-client requests per page for server times")
    parser.add_argument("--duration", type=int, default=3, help="Seconds of load per URL and round")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of static file, bare view and URL")
    parser.add_argument("--connections", type=int, default=16, help="Concurrent connections of the load tool")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument(
        "--redis",
        default="auto",
        help="REDIS_URL for the caches; 'auto' (default) uses redis://127.0.0.1:6379/15 when it answers, "
        "'' per-process memory",
    )
    args = parser.parse_args()
    if args.redis == "auto":
        args.redis = "redis://127.0.0.1:6379/15" if port_open(6379) else ""
    if shutil.which("wrk") is None:
        sys.exit("make bench needs wrk for its load runs: apt-get install wrk")
    small = min(args.small, args.releases)

    BENCH_DIR.mkdir(exist_ok=True)
    database, small_database = BENCH_DIR / "bench.sqlite3", BENCH_DIR / f"bench-{small}.sqlite3"
    for path in (database, small_database):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ.update(bench_env(database, redis_url=args.redis))
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)

    say(f"Building the archive in {database.relative_to(ROOT)} …")
    setup_archive(args, database)
    generation_seconds = generate(small)
    from django.core.cache import caches

    from news.models import PressRoomPage

    press_room_url = PressRoomPage.objects.filter(locale__language_code="fr").first().get_url()
    press_room_small = server_times(press_room_url, args.requests, cached=False)
    copy_database(database, small_database)
    generation_seconds += generate(args.releases - small)
    say(f"{args.releases} releases per language generated in {generation_seconds:.1f} s")
    for cache in caches.all():
        cache.clear()

    pages = public_pages()
    rows = []
    for label, url, page_type in pages:
        uncached = server_times(url, args.requests, cached=False)
        cached = server_times(url, args.requests, cached=True)
        rows.append({"page": label, "type": page_type, "url": url, "uncached": uncached, "cached": cached})
        say(f"  timed {label}")
    bare = server_times(BARE_URL, args.requests, cached=False)
    press_room_cold = first_request_after_a_publication(press_room_url)
    press_room_sizes = archives_compared(press_room_url, small_database, database, args.requests)
    # The load runs take the longest: keep the server times if they are interrupted.
    partial = {
        "releases": args.releases,
        "bare_view": bare,
        "press_room_small_archive": press_room_small,
        "press_room_after_publication": press_room_cold,
        "press_room_archives_compared": press_room_sizes,
        "pages": rows,
    }
    (BENCH_DIR / "server-times.json").write_text(json.dumps(partial, indent=2, ensure_ascii=False))

    from django.contrib.staticfiles.storage import staticfiles_storage

    static_url = staticfiles_storage.url("css/site.css")
    load_urls = [row["url"] for row in rows]
    say("Load runs through gunicorn (page cache off, then on) …")
    uncached_load = load_run(
        bench_env(database, page_cache=False, redis_url=args.redis), args, load_urls, static_url, False
    )
    cached_load = load_run(
        bench_env(database, page_cache=True, redis_url=args.redis), args, load_urls, static_url, True
    )
    for row in rows:
        for mode, run in (("uncached", uncached_load), ("cached", cached_load)):
            row[mode].update(**run[row["url"]])

    release_rows = [row for row in rows if row["type"] == "news.PressReleasePage"]
    checks = {
        "cache_hit_vs_static": min(
            row["cached"]["vs_static"] or 0 for row in rows if row["cached"]["x_cache"] == "HIT"
        ),
        # The stricter of the two ratios: beside the bare view, and over the bare view's own run.
        "release_vs_bare": max(
            max(row["uncached"]["time_vs_bare"], row["uncached"]["median_ms"] / bare["median_ms"])
            for row in release_rows
        ),
        # Timed beside each other (archives_compared): the two separate timings above are minutes apart.
        "press_room_10k_vs_1k": press_room_sizes["ratio"],
    }
    report = {
        "releases": args.releases,
        "small_archive": small,
        "generation_seconds": round(generation_seconds, 1),
        "load_tool": f"wrk, 2 threads, {args.connections} connections, {args.rounds} × {args.duration} s per URL",
        "gunicorn_workers": args.workers,
        "cache": "redis" if args.redis else "locmem",
        "bare_view": bare,
        "static_rps_median": statistics.median(
            load["static_rps"] for run in (uncached_load, cached_load) for load in run.values()
        ),
        "bare_rps_median": statistics.median(
            load["bare_rps"] for run in (uncached_load, cached_load) for load in run.values()
        ),
        "press_room_small_archive": press_room_small,
        "press_room_after_publication": press_room_cold,
        "press_room_archives_compared": press_room_sizes,
        "pages": rows,
        "checks": {
            name: {"value": round(value, 3), "target": TARGETS[name], "ok": passes(name, value)}
            for name, value in checks.items()
        },
    }
    print_table(report)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for path in (BENCH_DIR / f"bench-{stamp}.json", BENCH_DIR / "latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    say(f"\nSaved to .bench/bench-{stamp}.json and .bench/latest.json")


def passes(name, value):
    return value >= TARGETS[name] if name == "cache_hit_vs_static" else value <= TARGETS[name]


def print_table(report):
    header = (
        f"{'page':<34} {'queries':>7} {'median':>8} {'p95':>8} {'t×bare':>6} {'hit med':>8} "
        f"{'rps':>7} {'×static':>7} {'×bare':>6} {'hit rps':>8} {'×static':>7} {'×bare':>6}"
    )
    say(f"\n{report['releases']} releases per language; {report['load_tool']}; {report['gunicorn_workers']} workers")
    say(f"static file: {report['static_rps_median']:.0f} rps (median of the runs beside each page); ", end="")
    say(f"bare view: {report['bare_view']['median_ms']:.2f} ms median, {report['bare_rps_median']:.0f} rps")
    say(header)
    say("-" * len(header))
    for row in report["pages"]:
        u, c = row["uncached"], row["cached"]
        say(
            f"{row['page'][:34]:<34} {u['queries']:>7} {u['median_ms']:>7.1f}m {u['p95_ms']:>7.1f}m {u['time_vs_bare']:>6.1f} {c['median_ms']:>7.2f}m "
            f"{u['rps']:>7.0f} {u['vs_static'] or 0:>7.2f} {u['vs_bare'] or 0:>6.2f} {c['rps']:>8.0f} {c['vs_static'] or 0:>7.2f} {c['vs_bare'] or 0:>6.2f}"
        )
    for row in report["pages"]:
        for mode in ("uncached", "cached"):
            if row[mode].get("errors"):
                say(f"  {row['page']} ({mode}): error responses under load {row[mode]['errors']}")
    small = report["press_room_small_archive"]
    say(
        f"press room with {report['small_archive']} releases: median {small['median_ms']:.1f} ms, {small['queries']} queries"
    )
    sizes = report["press_room_archives_compared"]
    say(
        f"press room, {report['small_archive']} then {report['releases']} releases in alternating batches: "
        f"median {sizes['small_median_ms']:.1f} ms, then {sizes['median_ms']:.1f} ms"
    )
    cold = report["press_room_after_publication"]
    say(
        f"press room, first request after a publication (choices and order recomputed): median {cold['median_ms']:.1f} ms"
    )
    for name, check in report["checks"].items():
        verdict = "ok" if check["ok"] else "MISSED"
        say(f"  {name}: {check['value']:.2f} (target {check['target']}) {verdict}")


if __name__ == "__main__":
    main()
