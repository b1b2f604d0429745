"""The load runs of `make bench`: gunicorn with the bench's settings, loaded by wrk."""

import os
import re
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
# The bench's baseline view, routed only when DJANGO_BENCH_VIEWS=1.
BARE_URL = "/bench/bare/"


def say(text="", end="\n"):
    sys.stdout.write(text + end)
    sys.stdout.flush()


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
        # The gunicorn of the virtualenv running the bench, which need not be this checkout's .venv.
        command = [str(Path(sys.executable).with_name("gunicorn")), "--config", "gunicorn.conf.py"]
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


def load_run(env, args, urls, static_url, log):
    """Throughput of each URL through gunicorn, and its ratios to the static file's and the bare view's."""
    server = Gunicorn(env, args.workers, log)
    try:
        for url in urls:
            # Enough requests for the page to be stored and for every worker to have opened its database.
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
