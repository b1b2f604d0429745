"""What each process keeps in memory between requests, for as long as published content does not change."""

from contextvars import ContextVar

from django.conf import settings
from django.utils.module_loading import import_string

_kept = (None, {})
# Whether a request is being served, and the content version it first read.
_in_request = ContextVar("news_in_request", default=False)
_request_version = ContextVar("news_request_version", default=None)


def kept(name, build):
    """What ``build()`` gives, kept by this process for the current content version.

    For what changes only through a publication or a save that moves ``NEWS_LISTING_CACHE_VERSION``
    (vocabularies, routes, compiled lookups, page fragments); without that setting it is built every
    time. A change made by another process shows once this one sees the new version: on this site
    within ``PAGE_CACHE_GENERATION_CHECK`` seconds, as for the page cache.

    A request keeps nothing once the version has moved since it began: what it built from what it
    read earlier (a contact card from the contacts, say) would be kept under a version that came later.
    """
    global _kept
    version_path = getattr(settings, "NEWS_LISTING_CACHE_VERSION", None)
    version = import_string(version_path)() if version_path else None
    if version is None:
        return build()
    if _in_request.get():
        started_with = _request_version.get()
        if started_with is None:
            _request_version.set(version)
        elif started_with != version:
            return build()
    kept_version, values = _kept
    if kept_version != version:
        # A new dict rather than clearing the old one, which another thread may be reading.
        values = {}
        _kept = (version, values)
    if name not in values:
        values[name] = build()
    return values[name]


def request_started(**kwargs):
    _in_request.set(True)
    _request_version.set(None)


def request_finished(**kwargs):
    _in_request.set(False)
    _request_version.set(None)
