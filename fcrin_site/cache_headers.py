"""What browsers and CDNs may keep, and for how long: one policy for every response of the site.

- **One visitor's** responses (``pagecache.is_shared_request`` / ``is_shared_response``: a session or
  credentials, a cookie set, a CSRF token, a logged-in user, a preview), and everything under
  ``CACHE_PRIVATE_PATHS`` (the admin, embargo preview links): ``private, no-store``.
- A view's own ``Cache-Control`` is kept otherwise (``robots.txt``, Wagtail's admin ``never_cache``).
- **Public** answers (2xx, 304, redirects): ``public, max-age=CACHE_PUBLIC_MAX_AGE``, short, because a
  publication or an embargo lift must reach every reader within that time; the page cache and the
  CDN purge (``pagecache.purge_frontend_cache``) make it sooner where they can.
- **Errors** (404 and every status from 400): ``no-store``. Heuristics would otherwise let a CDN keep a
  404, and the 404 most often asked for is a release (or its document, which no purge names) under
  embargo, which must answer as soon as the embargo lifts.

Validators, for 304 answers: Django's ``ConditionalGetMiddleware`` gives each stored response an ETag
(the MD5 of its content), which the page cache stores with the page and checks on a hit. Feeds and
sitemaps say as ``Last-Modified`` when their newest item was published, which does not change when an
item is withdrawn: ``If-Modified-Since`` would then keep an unpublished release in readers' feeds, so
they get the time of the last change to public content instead (the page cache's generation). A streamed
download made from content (a press kit) gets a weak ETag of that generation; files (documents, media)
keep the validators of their file.
"""

import hashlib

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from fcrin_site import pagecache

PUBLIC_STATUSES = range(200, 400)


def public_max_age():
    return getattr(settings, "CACHE_PUBLIC_MAX_AGE", 60)


def is_private(request, response):
    if any(request.path_info.startswith(prefix) for prefix in getattr(settings, "CACHE_PRIVATE_PATHS", [])):
        return True
    return not (pagecache.is_shared_request(request) and pagecache.is_shared_response(request, response))


def set_cache_control(request, response, private):
    if private:
        if "no-store" not in response.get("Cache-Control", ""):
            del response["Cache-Control"]  # whatever the view said for everyone
        patch_cache_control(response, private=True, no_store=True)
    elif response.has_header("Cache-Control"):
        return
    elif response.status_code in PUBLIC_STATUSES:
        patch_cache_control(response, public=True, max_age=public_max_age())
    else:
        patch_cache_control(response, no_store=True)


def set_validators(request, response):
    """Validators for public content that has none of its own, or one that can go back in time."""
    if response.streaming:
        if response.has_header("ETag") or response.has_header("Last-Modified"):
            return  # a file's own
        generation = pagecache.current_generation(pagecache.page_cache())
        if generation:
            identity = f"{generation}|{pagecache.page_identity(request)}"
            response["ETag"] = "W/" + quote_etag(hashlib.sha256(identity.encode()).hexdigest()[:32])
    elif response.has_header("Last-Modified"):
        stamp = pagecache.generation_time(pagecache.current_generation(pagecache.page_cache()))
        if stamp is not None:
            response["Last-Modified"] = http_date(stamp)


class CacheHeadersMiddleware(ConditionalGetMiddleware):
    """Cache-Control and validators by the policy above, then Django's ETags and 304 answers.

    Place it right after ``PageCacheMiddleware`` and before the session and CSRF middleware, so that it
    sees the cookies they set, and the page cache stores what it decided, validators included (a 304
    it makes is not a 200, so the page cache never stores one).
    """

    def process_response(self, request, response):
        private = is_private(request, response)
        set_cache_control(request, response, private)
        if not private and response.status_code == 200:
            set_validators(request, response)
        if request.method == "HEAD":
            return self.head_response(request, response)
        return super().process_response(request, response)

    def head_response(self, request, response):
        """A conditional HEAD gets the 304 its GET would (RFC 9110, 13.1): Django's middleware answers
        GET only, because a server may drop a HEAD's body; here the view has still rendered it."""
        if not response.streaming and self.needs_etag(response) and not response.has_header("ETag"):
            set_response_etag(response)
        etag = response.get("ETag")
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        if etag or last_modified:
            return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        return response
