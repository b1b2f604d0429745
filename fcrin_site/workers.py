"""The gunicorn worker of the production stack (``worker_class`` in gunicorn.conf.py, README "Production").

uvicorn's worker reads requests in an event loop, so a client that sends its request slowly holds a
socket, not a worker, and Django runs the views in threads. uvicorn waits for a request's head as
long as its client keeps trickling bytes (its keep-alive timer restarts on every byte): the protocol
below gives each request head a deadline.
"""

import os

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn_worker import UvicornWorker

# Seconds a client has to send a request line and headers, from the opening of its connection or
# the end of the previous response on it.
HEADER_TIMEOUT = float(os.environ.get("GUNICORN_HEADER_TIMEOUT", "10"))


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head is not complete in time."""

    header_deadline = None

    def connection_made(self, transport):
        super().connection_made(transport)
        self.await_head()

    def on_response_complete(self):
        # Armed first: the next pipelined request, if already read, is handled (and disarms it) below.
        self.await_head()
        super().on_response_complete()

    def handle_events(self):
        super().handle_events()
        # h11 leaves IDLE once it has parsed a whole request head.
        if self.conn.their_state is not h11.IDLE:
            self.stop_waiting()

    def connection_lost(self, exc):
        self.stop_waiting()
        super().connection_lost(exc)

    def await_head(self):
        self.stop_waiting()
        self.header_deadline = self.loop.call_later(HEADER_TIMEOUT, self.head_timed_out)

    def stop_waiting(self):
        if self.header_deadline is not None:
            self.header_deadline.cancel()
            self.header_deadline = None

    def head_timed_out(self):
        self.header_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


class Worker(UvicornWorker):
    # Django's ASGI handler speaks HTTP only, no lifespan messages.
    CONFIG_KWARGS = {"loop": "asyncio", "http": HeaderTimeoutProtocol, "lifespan": "off"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Beyond this many open connections (or requests in progress) a worker answers 503 at once.
        self.config.limit_concurrency = self.cfg.worker_connections
