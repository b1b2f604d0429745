"""Clients that send their requests slowly hold sockets, not workers: with 200 of them trickling their
headers a byte a second, the production stack (gunicorn with uvicorn's worker, as ``make serve`` runs
it, five workers) answers everyone else at once, and closes their connections once their time for a
request head (``GUNICORN_HEADER_TIMEOUT``) is up. A body larger than its path accepts gets 413.

Run it alone with ``pytest -m processes tests/test_slow_clients.py``: it migrates a database of its own first.
"""

import socket
import threading
import time

from django.conf import settings

import pytest

from tests.processes import Server, environment, get, manage

pytestmark = pytest.mark.processes

SLOW_CLIENTS = 200
HEADER_TIMEOUT = 6
# The bound: with the slow clients connected, a normal request is answered within a second.
LATENCY_BOUND = 1.0
NORMAL_REQUESTS = ["/robots.txt", "/sitemap.xml", "/api/v2/pages/"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("slow-clients")
    env = environment(
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        GUNICORN_HEADER_TIMEOUT=str(HEADER_TIMEOUT),
    )
    manage(env, "migrate", "--noinput")
    # As make serve does: error pages name their stylesheet through the static files' manifest.
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    server = Server(env, workdir / "gunicorn.log", workers=5)
    try:
        server.wait_until_ready()
        # Each worker has served each request (from the page cache, when it keeps it), so that the
        # timings below are those of a warm server.
        for _ in range(10):
            for path in NORMAL_REQUESTS:
                assert get(server.port, path).status == 200, path
        yield server
    finally:
        server.stop()


class SlowClients:
    """Connections that send ``GET / HTTP/1.1`` and headers one byte a second, and never finish."""

    HEAD = b"GET / HTTP/1.1\r\nHost: localhost\r\n" + b"X-Slow: " + b"x" * 100

    def __init__(self, port, count):
        self.sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]
        self.opened = time.monotonic()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.thread.start()

    def trickle(self):
        for byte in self.HEAD:
            for sock in self.sockets:
                try:
                    sock.send(bytes([byte]))
                except OSError:
                    pass  # closed by the server: what the test waits for
            if self.stopping.wait(1):
                return

    def closed_by_server(self):
        """How many of the connections the server has closed (end of stream or reset)."""
        closed = 0
        for sock in self.sockets:
            sock.setblocking(False)
            try:
                closed += sock.recv(1) == b""
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
        return closed

    def close(self):
        self.stopping.set()
        self.thread.join()
        for sock in self.sockets:
            sock.close()


@pytest.fixture
def slow_clients(server):
    clients = SlowClients(server.port, SLOW_CLIENTS)
    yield clients
    clients.close()


def test_two_hundred_slow_clients_neither_block_others_nor_stay_connected(server, slow_clients):
    time.sleep(2)
    assert slow_clients.closed_by_server() == 0, "the slow clients must still be connected while others are served"

    for path in NORMAL_REQUESTS:
        started = time.monotonic()
        answer = get(server.port, path)
        elapsed = time.monotonic() - started
        assert answer.status == 200, path
        assert elapsed < LATENCY_BOUND, f"{path} took {elapsed:.2f} s with {SLOW_CLIENTS} slow clients connected"
    assert time.monotonic() - slow_clients.opened < HEADER_TIMEOUT, "measured after the slow clients were cut off"

    # Still trickling, they are cut off once their time for a request head is up, not before.
    time.sleep(max(0, slow_clients.opened + HEADER_TIMEOUT + 3 - time.monotonic()))
    assert slow_clients.closed_by_server() == SLOW_CLIENTS
    assert get(server.port, "/robots.txt").status == 200


def status_of(port, head):
    """The status code the server answers to a request made of ``head`` alone (no body is sent)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        response = b""
        while b"\r\n" not in response:
            chunk = sock.recv(4096)
            if not chunk:
                break
            response += chunk
    return int(response.split(b" ", 2)[1])


def post_head(path, length):
    return (
        f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
    ).encode()


def test_a_body_over_the_public_limit_is_refused_with_413_before_it_is_sent(server):
    assert status_of(server.port, post_head("/fr/", settings.REQUEST_BODY_MAX_SIZE + 1)) == 413
    assert status_of(server.port, post_head("/fr/", 10 * 1024**3)) == 413


def test_the_admin_accepts_uploads_up_to_its_own_larger_limit(server):
    admin_limit = settings.REQUEST_BODY_MAX_SIZES["/admin/"]
    assert admin_limit >= max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    assert status_of(server.port, post_head("/admin/login/", admin_limit + 1)) == 413

    body = b"x=" + b"y" * (settings.REQUEST_BODY_MAX_SIZE * 2)
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(post_head("/admin/login/", len(body)) + body)
        status_line = sock.makefile("rb").readline()
    # Read and handed to Django, which refuses a log-in without its CSRF token.
    assert status_line.split()[1] == b"403"
