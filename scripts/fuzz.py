"""`make fuzz`: hostile requests against the production stack; fails on any server error.

Without --url, builds a SQLite database with the demo content in .fuzz/ and serves it as `make serve`
does (production settings, DEBUG off, gunicorn with uvicorn's workers, WhiteNoise, media served) on a
free port. Sends the corpus of tests/fuzz_corpus.py (the one tests/test_fuzz.py sends through the test
client), prints the count of each status and every request answered 5xx or not answered at all, and
exits non-zero if there is one.

    .venv/bin/python scripts/fuzz.py [--requests 12000] [--seed 19] [--concurrency 8] [--url http://127.0.0.1:8000]
"""

import argparse
import http.client
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from benchload import ROOT, free_port, say

sys.path.insert(0, str(ROOT))
from tests.fuzz_corpus import Corpus, discover

FUZZ_DIR = ROOT / ".fuzz"


def serve_env(port):
    """`make serve`'s environment (Makefile, SERVE_ENV), on its own database, caches and media."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fcrin_site.settings.production",
        "DJANGO_SECRET_KEY": "fuzz-only-not-a-secret-" + "f" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SERVE_MEDIA": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{FUZZ_DIR / 'db.sqlite3'}",
        "DJANGO_CACHE_DIR": str(FUZZ_DIR / "cache"),
        "DJANGO_MEDIA_ROOT": str(FUZZ_DIR / "media"),
        "CACHE_KEY_PREFIX": "fcrin-fuzz",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "",
    }
    env.pop("REDIS_URL", None)
    return env


def start_server():
    shutil.rmtree(FUZZ_DIR, ignore_errors=True)
    FUZZ_DIR.mkdir()
    port = free_port()
    env = serve_env(port)
    manage = [sys.executable, "manage.py"]
    say("Building the demo site in .fuzz/ …")
    for command in (
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["migrate", "--noinput"],
        ["load_initial_data"],
    ):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    gunicorn = [str(Path(sys.executable).with_name("gunicorn")), "--config", "gunicorn.conf.py"]
    log = open(FUZZ_DIR / "gunicorn.log", "w")
    process = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=1)
            return base, process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit("gunicorn did not start: see .fuzz/gunicorn.log")


def stop_server(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


class Client:
    """One keep-alive connection per thread; a request target is sent exactly as the corpus wrote it."""

    def __init__(self, base):
        self.host = urlsplit(base).netloc
        self.local = threading.local()

    def get(self, path):
        for attempt in range(2):
            connection = getattr(self.local, "connection", None) or http.client.HTTPConnection(self.host, timeout=120)
            self.local.connection = connection
            try:
                connection.request("GET", path, headers={"Accept-Language": "fr,en;q=0.8"})
                response = connection.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    self.local.connection = None
                return response.status, body
            except (OSError, http.client.HTTPException):
                connection.close()
                self.local.connection = None
                if attempt:
                    return None, b""
        return None, b""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--url", help="a site already served (`make serve`), instead of starting one")
    args = parser.parse_args()

    base, process = (args.url.rstrip("/"), None) if args.url else start_server()
    try:
        client = Client(base)
        site = discover(lambda path: client.get(path)[1])
        if not site:
            raise SystemExit(f"{base}/sitemap.xml lists no releases: is the demo content loaded?")
        paths = Corpus(site, seed=args.seed).paths(args.requests)
        say(f"Sending {len(paths)} requests (seed {args.seed}) to {base}, {args.concurrency} at a time …")
        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            statuses = list(pool.map(lambda path: client.get(path)[0], paths))
        elapsed = time.perf_counter() - started
    finally:
        if process is not None:
            stop_server(process)

    counts = Counter("no answer" if status is None else str(status) for status in statuses)
    say(f"{len(paths)} requests in {elapsed:.0f} s:")
    for status, count in sorted(counts.items()):
        say(f"  {status}: {count}")
    failures = [(status, path) for status, path in zip(statuses, paths, strict=True) if status is None or status >= 500]
    for status, path in failures:
        say(f"  {status or 'no answer'} {path}")
    if failures:
        say(f"{len(failures)} server errors or unanswered requests" + ("; see .fuzz/gunicorn.log" if process else ""))
        return 1
    say("No server error.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
