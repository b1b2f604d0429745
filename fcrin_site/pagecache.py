"""Full-page cache for anonymous readers, made stale at once by any publication.

Every cached response is stored under a key holding a global *generation* number. Publishing,
unpublishing, moving or deleting a page, lifting an embargo (``publish_scheduled`` publishes a
revision, which sends ``page_published``), or saving a snippet, a setting, an image or a privacy rule
bumps the generation, so every page, feed and calendar that lists the changed content is fresh on its
next request, in both languages, without having to know which listings show what. Entries of older
generations are never read again and expire on their own.

Each process also keeps the pages it served last in memory (``LocalPages``), so that a hit costs no
round trip to the shared cache for the page itself. How often a process asks the shared cache for the
generation is ``PAGE_CACHE_GENERATION_CHECK`` (seconds; 0 = on every request): a process that publishes
sees its own change at once, the others within that delay.

A change is made inside a transaction: the generation is bumped at once, for the process that makes
it, and again once it is committed, because until then another process still reads the old content
and may store it under the first bump.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Headers a page may vary on and still be cached: we never serve cached pages to requests carrying a
# session, and the language is part of the key.
HARMLESS_VARY = {"cookie", "accept-language"}
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Saving these fields happens while pages render (Wagtail fills them in lazily); it changes nothing a reader sees.
LAZY_IMAGE_FIELDS = {"file_size", "file_hash"}


def _setting(name, default):
    return getattr(settings, f"PAGE_CACHE_{name}", default)


def page_cache():
    return caches[_setting("ALIAS", "default")]


def _seed():
    # Seeded from the clock so that losing the counter (eviction, Redis restart) can never bring
    # back the pages of an older generation.
    return time.time_ns() // 1000


def current_generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _seed(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


class LocalPages:
    """This process's copy of the pages of one generation, least recently served dropped first."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset(None)

    def reset(self, generation):
        with self.lock:
            self.generation = generation
            self.checked_at = time.monotonic()
            self.pages = OrderedDict()
            self.size = 0

    def confirm(self):
        self.checked_at = time.monotonic()

    def checked_recently(self):
        return time.monotonic() - self.checked_at < _setting("GENERATION_CHECK", 0)

    def get(self, identity):
        with self.lock:
            stored = self.pages.get(identity)
            if stored is not None:
                self.pages.move_to_end(identity)
            return stored

    def put(self, generation, identity, stored):
        limit = _setting("LOCAL_MAX_BYTES", 32 * 1024 * 1024)
        size = len(stored[2])
        with self.lock:
            if generation != self.generation or size > limit or identity in self.pages:
                return
            self.pages[identity] = stored
            self.size += size
            while self.size > limit:
                _identity, (_status, _headers, content) = self.pages.popitem(last=False)
                self.size -= len(content)


local_pages = LocalPages()


def bump_generation():
    cache = page_cache()
    try:
        local_pages.reset(cache.incr(GENERATION_KEY))
    except ValueError:
        cache.add(GENERATION_KEY, _seed(), timeout=None)
        local_pages.reset(None)


def content_changed():
    bump_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_generation)


def content_generation():
    """The generation, for other caches of published content to key on; None when the cache is unreachable."""
    if local_pages.generation is not None and local_pages.checked_recently():
        return local_pages.generation
    generation = current_generation(page_cache())
    if generation == local_pages.generation:
        local_pages.confirm()
    elif generation is not None:
        local_pages.reset(generation)
    return generation


def page_identity(request):
    # The language is in the path, but LocaleMiddleware may also pick it from the cookie or headers
    # for unprefixed URLs: the language it will choose is part of the key too.
    language = translation.get_language_from_request(request, check_path=True)
    return f"{language}|{request.build_absolute_uri()}"


def page_key(identity, generation):
    return f"pagecache:{generation}:{hashlib.sha256(identity.encode()).hexdigest()}"


def is_cacheable_request(request):
    if not _setting("ENABLED", True) or request.method not in ("GET", "HEAD"):
        return False
    if any(request.path_info.startswith(prefix) for prefix in _setting("EXCLUDED_PATHS", [])):
        return False
    bypass_cookies = _setting("BYPASS_COOKIES", [settings.SESSION_COOKIE_NAME, "messages"])
    if any(name in request.COOKIES for name in bypass_cookies):
        return False
    return "HTTP_AUTHORIZATION" not in request.META and not getattr(request, "is_preview", False)


def is_cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "no_page_cache", False) or getattr(request, "is_preview", False):
        return False
    # A CSRF token in the page is tied to the visitor's cookie: such a page is never shared.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if cache_control & UNCACHEABLE_CACHE_CONTROL:
        return False
    vary = {h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()}
    if vary - HARMLESS_VARY:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """Serve anonymous GETs from the page cache; place it right after SecurityMiddleware and WhiteNoise.

    A hit then skips every other middleware; the stored response already carries their headers.

    ``X-Cache`` says ``HIT``, ``MISS`` (rendered and stored) or ``BYPASS`` (neither read nor stored).
    A view opts out with ``response.no_page_cache = True`` or ``Cache-Control: private``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self._mark(self.get_response(request), "BYPASS")
        cache = page_cache()
        identity = page_identity(request)
        generation, stored = self._lookup(cache, identity)
        if generation is None:  # the cache is unreachable
            return self._mark(self.get_response(request), "BYPASS")
        if stored is not None:
            status, headers, content = stored
            return self._mark(HttpResponse(content, status=status, headers=headers), "HIT")
        response = self.get_response(request)
        if request.method != "GET" or not is_cacheable_response(request, response):
            return self._mark(response, "BYPASS")
        stored = (response.status_code, dict(response.items()), response.content)
        cache.set(page_key(identity, generation), stored, _setting("TIMEOUT", 600))
        local_pages.put(generation, identity, stored)
        return self._mark(response, "MISS")

    @staticmethod
    def _lookup(cache, identity):
        """(generation, stored page or None); the generation is None when the shared cache is unreachable."""
        guess = local_pages.generation
        if guess is not None:
            stored = local_pages.get(identity)
            if stored is not None and local_pages.checked_recently():
                return guess, stored
            # One round trip checks the generation and, unless this process has the page, fetches it.
            key = page_key(identity, guess)
            found = cache.get_many([GENERATION_KEY] if stored is not None else [GENERATION_KEY, key])
            if found.get(GENERATION_KEY) == guess:
                local_pages.confirm()
                if stored is None and (stored := found.get(key)) is not None:
                    local_pages.put(guess, identity, stored)
                return guess, stored
        generation = current_generation(cache)
        if generation is None:
            return None, None
        local_pages.reset(generation)
        stored = cache.get(page_key(identity, generation))
        if stored is not None:
            local_pages.put(generation, identity, stored)
        return generation, stored

    @staticmethod
    def _mark(response, outcome):
        response["X-Cache"] = outcome
        return response


def purge_frontend_cache(page):
    """Ask the CDN to drop the page and every page above it (the listings), in every language."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    try:
        ancestors = page.get_ancestors().filter(depth__gt=1).values_list("translation_key", flat=True)
        batch = PurgeBatch()
        batch.add_pages(
            Page.objects.filter(translation_key__in=[page.translation_key, *ancestors], depth__gt=1).specific()
        )
        batch.purge()
    except Exception:
        # The page is published whatever the CDN says; its entries expire with their max-age.
        logger.exception("Frontend cache purge failed for page %s", page.pk)


def on_page_change(instance, **kwargs):
    content_changed()
    # A CDN that refetched the page before the commit would keep the old one until its max-age.
    transaction.on_commit(lambda: purge_frontend_cache(instance))


def _shows_on_public_pages(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    extra = {label.lower() for label in _setting("PURGE_MODELS", [])}
    return (
        issubclass(model, (Page, BaseGenericSetting, BaseSiteSetting, PageViewRestriction, Site, Locale))
        or model in get_snippet_models()
        or model in (get_image_model(), get_image_model().get_rendition_model(), get_document_model())
        or model._meta.label_lower in extra
    )


_relevance = {}


def on_model_change(sender, instance, **kwargs):
    if sender not in _relevance:
        _relevance[sender] = _shows_on_public_pages(sender)
    if not _relevance[sender]:
        return
    from wagtail.images import get_image_model
    from wagtail.models import Page

    if kwargs.get("signal") is post_save and isinstance(instance, Page):
        return  # drafts save the page row too; what readers see changes only through the publish signals
    if kwargs.get("signal") is post_save and sender is get_image_model().get_rendition_model():
        return  # made while pages render; only a deleted one (a purge) leaves pages pointing at nothing
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= LAZY_IMAGE_FIELDS:
        return
    content_changed()


def connect_signals():
    page_published.connect(on_page_change, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_change, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="pagecache_moved")
    post_save.connect(on_model_change, dispatch_uid="pagecache_saved")
    post_delete.connect(on_model_change, dispatch_uid="pagecache_deleted")
