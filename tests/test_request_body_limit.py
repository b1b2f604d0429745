"""The site's ASGI application refuses bodies larger than their path accepts with 413, before Django
reads them (fcrin_site/asgi.py); tests/test_slow_clients.py checks it through the real server."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

from asgiref.testing import ApplicationCommunicator

from fcrin_site.asgi import application

PUBLIC_LIMIT = settings.REQUEST_BODY_MAX_SIZE


def post(path, chunks, headers=()):
    """The status and headers the application answers to a POST of ``chunks``, sent as they come."""

    async def exchange():
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"localhost"), *headers],
            "client": ("127.0.0.1", 40000),
            "server": ("127.0.0.1", 8000),
        }
        communicator = ApplicationCommunicator(application, scope)
        for number, chunk in enumerate(chunks, 1):
            await communicator.send_input({"type": "http.request", "body": chunk, "more_body": number < len(chunks)})
        start = await communicator.receive_output(timeout=30)
        await communicator.receive_output(timeout=30)
        await communicator.wait(timeout=30)
        return start["status"], dict(start["headers"])

    # A thread of its own: Playwright's sync API, used by browser tests in the same worker, keeps an
    # event loop running in the main thread, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, exchange()).result()


def test_a_declared_length_over_the_limit_is_refused_and_the_connection_closed():
    status, headers = post("/fr/", [b""], [(b"content-length", str(PUBLIC_LIMIT + 1).encode())])

    assert status == 413
    assert headers[b"connection"] == b"close"


def test_a_chunked_body_is_refused_once_it_passes_the_limit():
    chunk = b"x" * (PUBLIC_LIMIT // 4)

    assert post("/fr/", [chunk] * 5 + [b""])[0] == 413


def test_bodies_within_the_limit_reach_django():
    # Django answers: a POST without its CSRF token is refused with 403.
    chunk = b"x" * (PUBLIC_LIMIT // 4)

    assert post("/robots.txt", [chunk] * 4, [(b"content-length", str(PUBLIC_LIMIT).encode())])[0] == 403
    assert post("/robots.txt", [chunk] * 4)[0] == 403


def test_the_admin_takes_bodies_as_large_as_its_uploads():
    length = str(PUBLIC_LIMIT * 4).encode()

    assert post("/admin/login/", [b"x" * PUBLIC_LIMIT] * 4, [(b"content-length", length)])[0] == 403
    assert post("/admin/login/", [b""], [(b"content-length", b"nonsense")])[0] == 400
