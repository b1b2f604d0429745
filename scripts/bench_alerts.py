"""`make bench-alerts`: one release sent to N confirmed subscribers (default 10,000) through a real SMTP
server on loopback, by one task worker (``manage.py db_worker``), as production sends it.

The demo site is loaded into its own SQLite file under .bench/alerts/ (or the database of DATABASE_URL),
N subscribers are added, then a public release is announced: the time runs from the task's enqueueing
to the last message the SMTP server (aiosmtpd, in this process) accepts. The worker's peak memory is
its resident set's high-water mark (VmHWM). Results go to .bench/alerts.json.

    .venv/bin/python scripts/bench_alerts.py [SUBSCRIBERS]
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
WORK = BENCH_DIR / "alerts"
TIMEOUT = 1800

SUBSCRIBE = """
import time
from news.alerts.tasks import announce_release
from news.models import Announcement, Delivery, PressReleasePage, Subscriber
count = {count}
Subscriber.objects.all().delete()
Subscriber.objects.bulk_create(
    [Subscriber(email=f"reader{{n}}@bench.example", languages="fr", state="confirmed", consent_text="bench") for n in range(count)],
    batch_size=2000,
)
release = PressReleasePage.objects.filter(locale__language_code="fr").published().order_by("-release_date").first()
Announcement.objects.filter(release__translation_key=release.translation_key).delete()
started = time.time()
announce_release.enqueue(str(release.translation_key))
print("ENQUEUED", started, release.title)
"""


class Counter:
    def __init__(self):
        self.count = 0
        self.first = self.last = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += len(envelope.rcpt_tos)
            self.last = time.time()
            self.first = self.first or self.last
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def memory(pid, field):
    """A VmRSS or VmHWM line of /proc/<pid>/status, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else 10_000
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    smtp = Counter()
    controller = Controller(smtp, hostname="127.0.0.1", port=free_port())
    controller.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fcrin_site.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-not-a-secret-" + "a" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{WORK / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(WORK / "media"),
        "DJANGO_CACHE_DIR": str(WORK / "cache"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(controller.port),
        "DEFAULT_FROM_EMAIL": "presse@bench.example",
        "TASKS_BACKEND": "database",
    }
    env.pop("REDIS_URL", None)
    say("Building the demo site…")
    manage(env, "migrate", "--noinput")
    manage(env, "load_initial_data")
    worker_log = open(WORK / "worker.log", "w")
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend",
            "background",
            "--interval",
            "0.1",
            "--no-startup-delay",
        ],
        cwd=ROOT,
        env=env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    try:
        say(f"Adding {count} subscribers and announcing a release…")
        output = manage(env, "shell", "--no-imports", "-c", SUBSCRIBE.format(count=count))
        line = next(line for line in output.splitlines() if line.startswith("ENQUEUED"))
        started, title = float(line.split()[1]), line.split(maxsplit=2)[2]
        peak_rss = 0.0
        deadline = time.monotonic() + TIMEOUT
        while smtp.count < count and time.monotonic() < deadline and worker.poll() is None:
            peak_rss = max(peak_rss, memory(worker.pid, "VmRSS"))
            time.sleep(0.2)
        high_water = memory(worker.pid, "VmHWM") if worker.poll() is None else peak_rss
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        controller.stop()
    total = (smtp.last or time.time()) - started
    results = {
        "subscribers": count,
        "release": title,
        "messages_received": smtp.count,
        "total_seconds": round(total, 1),
        "first_message_after_seconds": round((smtp.first or started) - started, 2),
        "messages_per_second": round(smtp.count / total, 1) if total else None,
        "worker_peak_memory_mib": round(high_water, 1),
        "database": env["DATABASE_URL"].split(":", 1)[0],
        "cores": os.cpu_count(),
    }
    (BENCH_DIR / "alerts.json").write_text(json.dumps(results, indent=2))
    say(json.dumps(results, indent=2))
    if smtp.count != count:
        raise SystemExit(f"{smtp.count} messages received for {count} subscribers: see {WORK / 'worker.log'}")


if __name__ == "__main__":
    main()
