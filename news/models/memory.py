"""What each process keeps in memory between requests, for as long as published content does not change."""

from django.conf import settings
from django.utils.module_loading import import_string

_kept = (None, {})


def kept(name, build):
    """What ``build()`` gives, kept by this process for the current content version.

    For what changes only through a publication or a save that moves ``NEWS_LISTING_CACHE_VERSION``
    (vocabularies, unpublished sources, restricted pages); without that setting it is built every time.
    A change made by another process shows once this one sees the new version: on this site within
    ``PAGE_CACHE_GENERATION_CHECK`` seconds, as for the page cache.
    """
    global _kept
    version_path = getattr(settings, "NEWS_LISTING_CACHE_VERSION", None)
    version = import_string(version_path)() if version_path else None
    if version is None:
        return build()
    kept_version, values = _kept
    if kept_version != version:
        # A new dict rather than clearing the old one, which another thread may be reading.
        values = {}
        _kept = (version, values)
    if name not in values:
        values[name] = build()
    return values[name]
