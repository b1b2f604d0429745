"""`make bench`: build an archive of releases in its own SQLite file, then measure every public page type.

For each page type and language, through Django's test client with production settings: queries and
server time (median, p95) with the page cache off (other caches warm) and from the page cache; cold
requests, each the first after every cache was cleared (as after a publication), page cache on; then
throughput under load (wrk) through gunicorn for one URL of each page type, page cache off and on,
each as a ratio to a static file (WhiteNoise) and to a bare Django view served by the same gunicorn in
the same run. The press room is
also timed with a smaller archive (a copy of the file taken before the rest is generated), in batches
alternating with the full one, to show listing cost does not grow with the archive. The caches are
Redis when it answers, else files in .bench/cache, as in production. Results go to .bench/*.json.

    .venv/bin/python scripts/bench.py [RELEASES] [--small 1000] [--requests 40] [--cold 20] [--duration 3] [--rounds 3]
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from benchload import BARE_URL, ROOT, load_run, port_open, say

BENCH_DIR = ROOT / ".bench"
CACHE_DIR = BENCH_DIR / "cache"
# Minimums for cache_hit_vs_static, maximums for the others.
TARGETS = {
    "cache_hit_vs_static": 0.8,
    "release_median_ms": 12.0,
    "cold_p95_ms": 100.0,
    "cold_sitemap_p95_ms": 300.0,
    "press_room_10k_vs_1k": 1.2,
    "queries_warm_max": 12,
    "queries_cold_max": 20,
}


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
        "DJANGO_CACHE_DIR": str(CACHE_DIR),
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
    from django.db import connection

    out = StringIO()
    started = time.perf_counter()
    call_command("generate_releases", count, stdout=out)
    # Statistics, as a production database has them (PostgreSQL's autovacuum gathers them): the
    # planner's choices with them are the ones to measure (without, SQLite guesses differently).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
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


def capture_queries(queries):
    """Append the SQL of each query to ``queries``, counted at the cursor: the debug query log is a
    bounded deque that earlier work may have filled."""
    from django.db import connection

    return connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args))


def server_times(url, requests, cached, batches=4):
    """Queries and server times of ``url``; ``time_vs_bare`` is its median time over the bare view's.

    The bare view is timed beside the URL, in batches that alternate with the URL's: on a shared
    machine the CPU available drifts from one second to the next, and adjacent batches share it.
    ``time_vs_bare`` is the median of the batches' ratios.
    """
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=cached):
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, f"{url}: {response.status_code}"
        queries = []
        with capture_queries(queries):
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
    return {
        "x_cache": outcome,
        "queries": len(queries),
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": p95(timings),
        "time_vs_bare": round(statistics.median(ratios), 2),
        "sql": queries,
    }


def p95(timings):
    return round(sorted(timings)[int(0.95 * (len(timings) - 1))], 3)


def cold_requests(url, times):
    """``url`` right after a publication, when every cache is cold, ``times`` times.

    Each request follows the clearing of every cache: the page cache and its generation, and Wagtail's
    own (site root paths, renditions), the coldest a shared cache can be. The page cache is on, so the
    request timed is a miss that renders and stores the page. ``queries`` is the most any request made;
    ``sql`` is that request's.
    """
    from django.core.cache import caches
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    timings, most = [], []
    with override_settings(PAGE_CACHE_ENABLED=True):
        for _ in range(times):
            for cache in caches.all():
                cache.clear()
            queries = []
            with capture_queries(queries):
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, f"{url}: {response.status_code}"
            # A miss; or a bypass for the responses that are rightly never stored (streamed downloads).
            assert response.get("X-Cache") in ("MISS", "BYPASS"), f"{url}: X-Cache {response.get('X-Cache')}"
            timings.append(elapsed)
            if len(queries) > len(most):
                most = queries
    return {
        "median_ms": round(statistics.median(timings), 3),
        "p95_ms": p95(timings),
        "queries": len(most),
        "sql": most,
    }


def use_database(path):
    """Point this process's default connection at another SQLite file of the same site."""
    from django.db import connection

    from fcrin_site.pagecache import bump_generation

    connection.close()
    connection.settings_dict["NAME"] = str(path)
    # Both files hold the same pages under the same URLs: a new generation keeps the page cache from
    # serving one file's pages for the other's.
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
                # Two requests left untimed: the first after the switch opens the other file.
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("releases", nargs="?", type=int, default=10_000, help="Releases in the archive (per language)")
    parser.add_argument("--small", type=int, default=1_000, help="Archive size of the press room comparison")
    parser.add_argument("--requests", type=int, default=40, help="Test-client requests per page for server times")
    parser.add_argument("--cold", type=int, default=20, help="Cold requests per page, each after clearing every cache")
    parser.add_argument("--duration", type=int, default=3, help="Seconds of load per URL and round")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of static file, bare view and URL")
    parser.add_argument("--connections", type=int, default=16, help="Concurrent connections of the load tool")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument(
        "--redis",
        default="auto",
        help="REDIS_URL for the caches; 'auto' (default) uses redis://127.0.0.1:6379/15 when it answers, "
        "'' files in .bench/cache",
    )
    args = parser.parse_args()
    if args.redis == "auto":
        args.redis = "redis://127.0.0.1:6379/15" if port_open(6379) else ""
    if shutil.which("wrk") is None:
        sys.exit("make bench needs wrk for its load runs: apt-get install wrk")
    small = min(args.small, args.releases)

    BENCH_DIR.mkdir(exist_ok=True)
    shutil.rmtree(CACHE_DIR, ignore_errors=True)
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
    press_room_small.pop("sql")
    copy_database(database, small_database)
    generation_seconds += generate(args.releases - small)
    say(f"{args.releases} releases per language generated in {generation_seconds:.1f} s")
    for cache in caches.all():
        cache.clear()

    rows, sql = [], {}
    for label, url, page_type in public_pages():
        uncached = server_times(url, args.requests, cached=False)
        cached = server_times(url, args.requests, cached=True)
        cold = cold_requests(url, args.cold)
        cached.pop("sql")
        sql[label] = {"url": url, "warm": uncached.pop("sql"), "cold": cold.pop("sql")}
        rows.append(
            {"page": label, "type": page_type, "url": url, "uncached": uncached, "cached": cached, "cold": cold}
        )
        say(f"  timed {label}")
    (BENCH_DIR / "queries.json").write_text(json.dumps(sql, indent=2, ensure_ascii=False))
    bare = server_times(BARE_URL, args.requests, cached=False)
    bare.pop("sql")
    press_room_sizes = archives_compared(press_room_url, small_database, database, args.requests)
    # The load runs take the longest: keep the server times if they are interrupted.
    partial = {
        "releases": args.releases,
        "bare_view": bare,
        "press_room_small_archive": press_room_small,
        "press_room_archives_compared": press_room_sizes,
        "pages": rows,
    }
    (BENCH_DIR / "server-times.json").write_text(json.dumps(partial, indent=2, ensure_ascii=False))

    from django.contrib.staticfiles.storage import staticfiles_storage

    static_url = staticfiles_storage.url("css/site.css")
    # One URL per page type (its first language) under load: each takes three runs a round, and every
    # URL of every language and sub-route kept the load runs going for most of an hour.
    load_urls = list({row["type"]: row["url"] for row in reversed(rows)}.values())[::-1]
    say("Load runs through gunicorn (page cache off, then on) …")
    uncached_load = load_run(
        bench_env(database, page_cache=False, redis_url=args.redis),
        args,
        load_urls,
        static_url,
        BENCH_DIR / "gunicorn-uncached.log",
    )
    cached_load = load_run(
        bench_env(database, page_cache=True, redis_url=args.redis),
        args,
        load_urls,
        static_url,
        BENCH_DIR / "gunicorn-cached.log",
    )
    for row in rows:
        for mode, run in (("uncached", uncached_load), ("cached", cached_load)):
            row[mode].update(**run.get(row["url"], {}))

    report = {
        "releases": args.releases,
        "small_archive": small,
        "generation_seconds": round(generation_seconds, 1),
        "load_tool": f"wrk, 2 threads, {args.connections} connections, {args.rounds} × {args.duration} s per URL",
        "gunicorn_workers": args.workers,
        "cache": "redis" if args.redis else "files",
        "cold_requests": args.cold,
        "bare_view": bare,
        "static_rps_median": statistics.median(
            load["static_rps"] for run in (uncached_load, cached_load) for load in run.values()
        ),
        "bare_rps_median": statistics.median(
            load["bare_rps"] for run in (uncached_load, cached_load) for load in run.values()
        ),
        "press_room_small_archive": press_room_small,
        "press_room_archives_compared": press_room_sizes,
        "pages": rows,
        "checks": {
            name: {"value": round(value, 3), "target": TARGETS[name], "ok": passes(name, value)}
            for name, value in checks(rows, press_room_sizes).items()
        },
    }
    print_table(report)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for path in (BENCH_DIR / f"bench-{stamp}.json", BENCH_DIR / "latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    say(f"\nSaved to .bench/bench-{stamp}.json and .bench/latest.json (SQL of each page: .bench/queries.json)")


def is_sitemap(row):
    return row["type"].startswith("sitemap")


def checks(rows, press_room_sizes):
    return {
        "cache_hit_vs_static": min(
            row["cached"]["vs_static"] or 0
            for row in rows
            if row["cached"]["x_cache"] == "HIT" and "vs_static" in row["cached"]
        ),
        "release_median_ms": max(
            row["uncached"]["median_ms"] for row in rows if row["type"] == "news.PressReleasePage"
        ),
        "cold_p95_ms": max(row["cold"]["p95_ms"] for row in rows if not is_sitemap(row)),
        "cold_sitemap_p95_ms": max((row["cold"]["p95_ms"] for row in rows if is_sitemap(row)), default=0),
        # Timed beside each other (archives_compared): the two separate timings above are minutes apart.
        "press_room_10k_vs_1k": press_room_sizes["ratio"],
        "queries_warm_max": max(row["uncached"]["queries"] for row in rows),
        "queries_cold_max": max(row["cold"]["queries"] for row in rows),
    }


def passes(name, value):
    return value >= TARGETS[name] if name == "cache_hit_vs_static" else value <= TARGETS[name]


def print_table(report):
    header = (
        f"{'page':<34} {'q warm':>6} {'q cold':>6} {'median':>8} {'p95':>8} {'t×bare':>6} {'hit med':>8} "
        f"{'cold med':>8} {'cold p95':>8} "
        f"{'rps':>7} {'×static':>7} {'×bare':>6} {'hit rps':>8} {'×static':>7} {'×bare':>6}"
    )
    say(f"\n{report['releases']} releases per language; {report['load_tool']}; {report['gunicorn_workers']} workers")
    say(
        f"caches: {report['cache']}; cold: {report['cold_requests']} requests per page, each after clearing every cache"
    )
    say(f"static file: {report['static_rps_median']:.0f} rps (median of the runs beside each page); ", end="")
    say(f"bare view: {report['bare_view']['median_ms']:.2f} ms median, {report['bare_rps_median']:.0f} rps")
    say(header)
    say("-" * len(header))
    for row in report["pages"]:
        u, c, cold = row["uncached"], row["cached"], row["cold"]
        say(
            f"{row['page'][:34]:<34} {u['queries']:>6} {cold['queries']:>6} {u['median_ms']:>7.1f}m {u['p95_ms']:>7.1f}m "
            f"{u['time_vs_bare']:>6.1f} {c['median_ms']:>7.2f}m {cold['median_ms']:>7.1f}m {cold['p95_ms']:>7.1f}m "
            + (
                f"{u['rps']:>7.0f} {u['vs_static'] or 0:>7.2f} {u['vs_bare'] or 0:>6.2f} "
                f"{c['rps']:>8.0f} {c['vs_static'] or 0:>7.2f} {c['vs_bare'] or 0:>6.2f}"
                if "rps" in u
                else f"{'(one URL per page type under load)':>44}"
            )
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
    for name, check in report["checks"].items():
        verdict = "ok" if check["ok"] else "MISSED"
        say(f"  {name}: {check['value']:.2f} (target {check['target']}) {verdict}")


if __name__ == "__main__":
    main()
