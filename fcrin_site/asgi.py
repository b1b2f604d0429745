"""The application the production server runs (gunicorn with uvicorn's worker, README "Production")."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fcrin_site.settings.dev")


def body_limit(path):
    """The largest request body ``path`` accepts: the longest prefix of ``REQUEST_BODY_MAX_SIZES`` it starts with."""
    prefixes = [prefix for prefix in settings.REQUEST_BODY_MAX_SIZES if path.startswith(prefix)]
    return settings.REQUEST_BODY_MAX_SIZES[max(prefixes, key=len)] if prefixes else settings.REQUEST_BODY_MAX_SIZE


async def refuse(send, status):
    # The client may still be sending the body, which nobody will read: the connection is closed.
    headers = [(b"content-length", b"0"), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


class RequestBodyLimit:
    """Refuse with 413 a request body larger than its path accepts, before Django reads it.

    Django's ASGI handler spools the whole body to a file before any middleware or view sees the
    request, so the cap must come first. A declared ``Content-Length`` over the limit is refused
    unread; a chunked body is counted as it arrives and refused as soon as it passes the limit (Django
    then sees a disconnect, and drops the request).
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = body_limit(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and not declared.isdigit():
            return await refuse(send, 400)
        if declared is not None and int(declared) > limit:
            return await refuse(send, 413)
        received = 0
        refused = False

        async def counted_receive():
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await refuse(send, 413)
                    return {"type": "http.disconnect"}
            return message

        async def send_unless_refused(message):
            if not refused:
                await send(message)

        await self.app(scope, counted_receive, send_unless_refused)


application = RequestBodyLimit(get_asgi_application())
