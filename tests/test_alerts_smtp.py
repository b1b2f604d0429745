"""E-mail alerts through real processes: gunicorn takes the subscriptions, ``manage.py db_worker``
processes send through a real SMTP server on loopback (aiosmtpd), and ``publish_scheduled`` lifts the
embargo, as cron runs it.

Readers subscribe in French and in English and confirm from the links they receive; a release under
embargo sends nothing before its lift and, after it, exactly one message per subscriber and language,
with RFC 8058's one-click headers; a one-click unsubscribe by POST stops the next release. Then two
workers, both handed the same lift several times over, still send one message each. Last, a publisher
sends a correction from the admin, confirming it twice at once: one message to each reader of the release.

The database is a SQLite file, or a database of its own on the PostgreSQL server of ``DATABASE_URL``.
Run it alone with ``pytest -m processes tests/test_alerts_smtp.py``.
"""

import contextlib
import http.client
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

from tests.processes import PROJECT, PYTHON, Editor, Server, environment, free_port, manage

pytestmark = pytest.mark.processes

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

WAIT = 90
QUIET = 4
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/(?:fr|en)/alerts/confirm/[^/\s]+/)")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_KEY = re.compile(r'name="key" value="([0-9a-f]{32})"')


class Inbox:
    """What the loopback SMTP server received: one parsed message per recipient."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.extend((recipient, message) for recipient in envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def received(self, count, timeout=WAIT):
        """Waits until ``count`` messages are in, then a few seconds more to catch any extra one."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.messages) < count:
            time.sleep(0.2)
        time.sleep(QUIET)
        with self.lock:
            messages, self.messages = self.messages, []
        return messages


def postgres_database(url):
    """A fresh database on the server of ``url``, and the function that drops it."""
    import psycopg

    name = f"fcrin_alerts_{os.getpid()}"
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
def inbox():
    inbox = Inbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@contextlib.contextmanager
def demo_site(inbox, **variables):
    """The demo site on its own database, served by gunicorn; mail goes to the loopback SMTP server;
    ``variables`` are more of the deployment's environment (another task queue)."""
    workdir = Path(tempfile.mkdtemp(prefix="fcrin-alerts-"))
    url = os.environ.get("DATABASE_URL", "")
    drop = None
    if url.startswith(("postgres://", "postgresql://")):
        url, drop = postgres_database(url)
    else:
        url = f"sqlite:///{workdir / 'db.sqlite3'}"
    env = environment(
        DATABASE_URL=url,
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(inbox[1]),
        DEFAULT_FROM_EMAIL="presse@fcrin.example",
        **variables,
    )
    manage(env, "migrate", "--noinput", timeout=1200)
    # Minutes on a loaded machine: the demo's images, PDFs and translations.
    manage(env, "load_initial_data", timeout=1200)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0", timeout=600)
    server = Server(env, workdir / "gunicorn.log", workers=2)
    editor = Editor(env, workdir / "editor.log")
    try:
        server.wait_until_ready()
        yield {"env": env, "port": server.port, "editor": editor, "workdir": workdir}
    finally:
        editor.stop()
        server.stop()
        if drop:
            drop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def site(inbox):
    with demo_site(inbox) as site:
        yield site


class Worker:
    """``manage.py db_worker``, as ``make serve`` starts it; RQ's worker when the site's queue is Redis."""

    def __init__(self, env, log_path, name):
        self.log_path = log_path
        if env.get("TASKS_BACKEND") == "rq":
            command = "rqworker default --with-scheduler --job-class django_tasks_rq.Job --name".split() + [name]
        else:
            command = "db_worker --interval 0.2 --no-startup-delay --backend background --worker-id".split() + [name]
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(
                [PYTHON, "manage.py", *command],
                cwd=PROJECT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return Path(self.log_path).read_text()


@pytest.fixture
def workers(site):
    started = []

    def start(count):
        for number in range(count):
            name = f"worker-{len(started) + number}"
            started.append(Worker(site["env"], site["workdir"] / f"{name}.log", name))

    yield start
    for worker in started:
        log = worker.stop()
        assert "Traceback" not in log, log


def send(port, method, path, data=None, cookies=None):
    """One request as a browser makes it (Host: localhost): (status, body, the cookies it sets)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "localhost", "Connection": "close"}
    body = None
    if data is not None:
        body = data if isinstance(data, str) else urlencode(data, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        set_cookies = {}
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            set_cookies[name] = rest.split(";", 1)[0]
        return response.status, response.read().decode(), set_cookies
    finally:
        connection.close()


def subscribe(port, email, language, languages):
    status, _body, _cookies = send(
        port, "POST", f"/{language}/alerts/", {"email": email, "languages": languages, "consent": "on"}
    )
    assert status == 302


def confirm(port, message):
    (path,) = CONFIRM_LINK.findall(message.get_body(("plain",)).get_content())
    status, page, cookies = send(port, "GET", path)
    assert status == 200
    (token,) = CSRF_INPUT.findall(page)
    status, page, _cookies = send(port, "POST", path, {"csrfmiddlewaretoken": token}, cookies)
    assert status == 200, page


def by_recipient(messages):
    return Counter((recipient, message["Content-Language"]) for recipient, message in messages)


def lift(site, token):
    """A release scheduled in French and English, then its go-live brought to the past."""
    editor = site["editor"]
    release = editor.do("create_release", token=token, release_date="2026-06-15")
    fr = release["fr"]["id"]
    en = editor.do("translate_release", page_id=fr, go_live_in_hours=1)
    editor.do("schedule", page_id=fr, go_live_in_hours=1)
    return fr, en


def test_one_message_per_subscriber_and_language_after_the_lift(site, inbox, workers):
    inbox, _port = inbox
    port, editor = site["port"], site["editor"]
    workers(1)

    subscribe(port, "lea@example.org", "fr", "fr")
    subscribe(port, "sam@example.org", "en", "en")
    subscribe(port, "alex@example.org", "fr", "both")
    confirmations = inbox.received(3)
    assert sorted(recipient for recipient, _message in confirmations) == [
        "alex@example.org",
        "lea@example.org",
        "sam@example.org",
    ]
    languages = {recipient: message["Content-Language"] for recipient, message in confirmations}
    assert languages == {"lea@example.org": "fr", "sam@example.org": "en", "alex@example.org": "fr"}
    for _recipient, message in confirmations:
        confirm(port, message)

    fr, en = lift(site, "alertes-1")
    manage(site["env"], "publish_scheduled")
    assert inbox.received(0) == []

    editor.do("time_passes", page_ids=[fr, en], hours=2)
    manage(site["env"], "publish_scheduled")
    messages = inbox.received(4)
    assert by_recipient(messages) == {
        ("lea@example.org", "fr"): 1,
        ("sam@example.org", "en"): 1,
        ("alex@example.org", "fr"): 1,
        ("alex@example.org", "en"): 1,
    }
    for _recipient, message in messages:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["From"] == "presse@fcrin.example"
        assert {part.get_content_type() for part in message.walk()} >= {"text/plain", "text/html"}
    lea = next(message for recipient, message in messages if recipient == "lea@example.org")
    assert "alertes-1" in lea["Subject"]
    (unsubscribe_url,) = re.findall(r"<(https?://[^>\s]+)>", str(lea["List-Unsubscribe"]))

    # One click, as a mail client makes it: a POST with no cookie and no CSRF token.
    status, page, _cookies = send(port, "POST", urlsplit(unsubscribe_url).path, "List-Unsubscribe=One-Click")
    assert status == 200, page

    fr, en = lift(site, "alertes-2")
    editor.do("time_passes", page_ids=[fr, en], hours=2)
    manage(site["env"], "publish_scheduled")
    assert by_recipient(inbox.received(3)) == {
        ("sam@example.org", "en"): 1,
        ("alex@example.org", "fr"): 1,
        ("alex@example.org", "en"): 1,
    }


def test_two_workers_seeing_the_lift_still_send_one_message_each(site, inbox, workers):
    inbox, _port = inbox
    workers(2)
    fr, en = lift(site, "alertes-3")
    site["editor"].do("time_passes", page_ids=[fr, en], hours=2)
    manage(site["env"], "publish_scheduled")
    # Both workers are handed the same lift again and again, as if every process had seen it.
    announce = "from news.alerts.tasks import announce_release\nfrom news.models import PressReleasePage\n"
    announce += f"key = str(PressReleasePage.objects.get(pk={fr}).translation_key)\n"
    announce += "for _time in range(6):\n    announce_release.enqueue(key)\n"
    manage(site["env"], "shell", "--no-imports", "-c", announce)
    assert by_recipient(inbox.received(3)) == {
        ("sam@example.org", "en"): 1,
        ("alex@example.org", "fr"): 1,
        ("alex@example.org", "en"): 1,
    }


def log_in(site, username):
    """A Publication user, logged in to the admin through gunicorn: their cookies."""
    create = (
        "from django.contrib.auth import get_user_model\nfrom django.contrib.auth.models import Group\n"
        f"user = get_user_model().objects.create_user({username!r}, password='correction-test')\n"
        "user.groups.add(Group.objects.get(name='Publication'))\n"
    )
    manage(site["env"], "shell", "--no-imports", "-c", create)
    status, page, cookies = send(site["port"], "GET", "/admin/login/")
    (token,) = CSRF_INPUT.findall(page)
    data = {"csrfmiddlewaretoken": token, "username": username, "password": "correction-test"}
    status, page, logged_in = send(site["port"], "POST", "/admin/login/", data, cookies)
    assert status == 302, page
    return {**cookies, **logged_in}


def test_a_correction_from_the_admin_reaches_the_same_readers_once(site, inbox, workers):
    inbox, _port = inbox
    port = site["port"]
    workers(2)
    fr, en = lift(site, "alertes-4")
    site["editor"].do("time_passes", page_ids=[fr, en], hours=2)
    manage(site["env"], "publish_scheduled")
    readers = {("sam@example.org", "en"): 1, ("alex@example.org", "fr"): 1, ("alex@example.org", "en"): 1}
    assert by_recipient(inbox.received(3)) == readers

    cookies = log_in(site, "publisher")
    find = f"from news.models import Announcement\nprint(Announcement.objects.get(release_id={fr}).pk)"
    announcement = int(manage(site["env"], "shell", "--no-imports", "-c", find))
    path = f"/admin/alert_send_log/correct/{announcement}/"
    status, page, _cookies = send(port, "GET", path, cookies=cookies)
    assert status == 200, page
    (token,) = CSRF_INPUT.findall(page)
    (key,) = FORM_KEY.findall(page)
    data = {
        "csrfmiddlewaretoken": token,
        "key": key,
        "note_fr": "Le chiffre juste est 120.",
        "note_en": "The right figure is 120.",
        "confirm": "1",
    }
    # A double click: both confirmations at once, to two gunicorn workers.
    answers = []
    clicks = [
        threading.Thread(target=lambda: answers.append(send(port, "POST", path, data, cookies)[0]))
        for _click in range(2)
    ]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    assert answers == [302, 302]

    messages = inbox.received(3)
    assert by_recipient(messages) == readers
    for recipient, message in messages:
        language = message["Content-Language"]
        # The parser keeps the folding space before an encoded subject.
        assert message["Subject"].strip().startswith("Rectificatif : " if language == "fr" else "Correction: ")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert {part.get_content_type() for part in message.walk()} >= {"text/plain", "text/html"}
        body = message.get_body(("plain",)).get_content()
        assert ("Le chiffre juste est 120." if language == "fr" else "The right figure is 120.") in body, recipient
