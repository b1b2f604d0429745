"""Full-page cache for anonymous readers, made stale at once by any publication.

The cache holds one *generation*: a random token that any publication, unpublication, move or
deletion of a page, lift of an embargo (``publish_scheduled`` publishes a revision, which sends
``page_published``), or save of a snippet, a setting, an image or a privacy rule replaces, at once
and again once its transaction has committed. Each page is stored with the generation it was rendered under and served
only while that is still the current one, so every page, feed and calendar that lists the changed
content is fresh on its next request, in both languages, in every process, without having to know
which listings show what.

A hit reads the generation and the page in one round trip to the shared cache (``get_many``), and
makes no query. The cache must be shared by every process of the deployment (Redis, or files on one
machine): a per-process cache would keep serving what another process has unpublished, so the
middleware refuses to start on one unless ``PAGE_CACHE_ALLOW_LOCAL_MEMORY`` says there is only one
process (tests).
"""

import hashlib
import logging
import math
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

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


def new_generation(previous=None):
    """A random token led by the second it was made in, which is the ``Last-Modified`` of feeds and
    sitemaps (fcrin_site/cache_headers.py): always at least a second after the one it replaces, so that
    a reader who fetched the old content in the same second is not told it is unchanged."""
    stamp = math.ceil(time.time())
    previous_stamp = generation_time(previous)
    if previous_stamp is not None:
        stamp = max(stamp, previous_stamp + 1)
    return f"{stamp}-{uuid.uuid4().hex}"


def generation_time(generation):
    """When the generation was made, in seconds since the epoch; None for a token of another form."""
    stamp, _, token = (generation or "").partition("-")
    return int(stamp) if stamp.isdigit() and token else None


def bump_generation():
    cache = page_cache()
    cache.set(GENERATION_KEY, new_generation(cache.get(GENERATION_KEY)), timeout=None)


def content_changed():
    """Make every cached page stale: at once, for this process's next requests in the same
    transaction, and again once it has committed, because until then other processes still read the
    old content and may store it under the first new generation."""
    bump_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_generation)


def content_version():
    """The generation, for the fragment cache of the news app's templates (``{% fragment %}``);
    None when fragments are off (``PAGE_CACHE_FRAGMENTS``) or the cache is unreachable."""
    return current_generation(page_cache()) if _setting("FRAGMENTS", True) else None


def current_generation(cache):
    """The generation; a new one when the cache lost it (eviction, restart), which no stored page has."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def page_identity(request):
    # The language is in the path, but LocaleMiddleware may also pick it from the cookie or headers
    # for unprefixed URLs: the language it will choose is part of the key too.
    language = translation.get_language_from_request(request, check_path=True)
    return f"{language}|{request.build_absolute_uri()}"


def page_key(identity):
    return f"pagecache:page:{hashlib.sha256(identity.encode()).hexdigest()}"


def is_shared_request(request):
    """False for a request that carries one visitor's state: a session, messages, credentials, a preview."""
    bypass_cookies = _setting("BYPASS_COOKIES", [settings.SESSION_COOKIE_NAME, "messages"])
    if any(name in request.COOKIES for name in bypass_cookies):
        return False
    return "HTTP_AUTHORIZATION" not in request.META and not getattr(request, "is_preview", False)


def is_shared_response(request, response):
    """False for a response that belongs to one visitor: it sets a cookie, holds a CSRF token, is a
    preview, was made for a logged-in user, or its view says so (``response.no_page_cache``)."""
    if response.cookies or getattr(response, "no_page_cache", False) or getattr(request, "is_preview", False):
        return False
    # A CSRF token in the page is tied to the visitor's cookie: such a page is never shared.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def is_cacheable_request(request):
    if not _setting("ENABLED", True) or request.method not in ("GET", "HEAD"):
        return False
    if any(request.path_info.startswith(prefix) for prefix in _setting("EXCLUDED_PATHS", [])):
        return False
    return is_shared_request(request)


def is_cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or not is_shared_response(request, response):
        return False
    cache_control = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if cache_control & UNCACHEABLE_CACHE_CONTROL:
        return False
    vary = {h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()}
    return not (vary - HARMLESS_VARY)


class PageCacheMiddleware:
    """Serve anonymous GETs from the page cache; place it right after SecurityMiddleware and WhiteNoise.

    A hit then skips every other middleware; the stored response already carries their headers.

    ``X-Cache`` says ``HIT``, ``MISS`` (rendered and stored) or ``BYPASS`` (neither read nor stored).
    A view opts out with ``response.no_page_cache = True`` or ``Cache-Control: private``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        if (
            _setting("ENABLED", True)
            and isinstance(page_cache(), LocMemCache)
            and not _setting("ALLOW_LOCAL_MEMORY", False)
        ):
            raise ImproperlyConfigured(
                "The page cache is in each process's own memory (LocMemCache), so a page unpublished by another "
                "process would still be served. Set REDIS_URL, or use a cache shared by every process (the file "
                "cache in DJANGO_CACHE_DIR), or turn the page cache off with PAGE_CACHE_ENABLED=0."
            )

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self._mark(self.get_response(request), "BYPASS")
        cache = page_cache()
        key = page_key(page_identity(request))
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation(cache)
        if generation is None:  # the cache is unreachable
            return self._mark(self.get_response(request), "BYPASS")
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            _generation, status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            if request.method in ("GET", "HEAD"):
                # The stored headers carry the validators and Cache-Control the page had (fcrin_site/cache_headers.py):
                # a reader who holds this very page gets a 304 here, still without a query.
                last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
                response = get_conditional_response(
                    request, etag=response.get("ETag"), last_modified=last_modified, response=response
                )
            return self._mark(response, "HIT")
        response = self.get_response(request)
        if request.method != "GET" or not is_cacheable_response(request, response):
            return self._mark(response, "BYPASS")
        cache.set(
            key, (generation, response.status_code, dict(response.items()), response.content), _setting("TIMEOUT", 600)
        )
        return self._mark(response, "MISS")

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
