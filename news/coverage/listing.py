"""What a list of clippings shows besides the clippings: the pages and topics they cover, in the reader's language."""

from collections import defaultdict

from wagtail.models import Page

from .. import visibility
from ..releases.topics import Topic
from .clippings import ClippingNetwork, ClippingRelease, ClippingTopic


def _links(model, target, clipping_ids):
    """{clipping id: [translation keys of its targets, in the editor's order]}, in one query."""
    rows = model.objects.filter(clipping_id__in=clipping_ids).order_by("sort_order", "pk")
    keys = defaultdict(list)
    for clipping_id, key in rows.values_list("clipping_id", f"{target}__translation_key"):
        if key not in keys[clipping_id]:
            keys[clipping_id].append(key)
    return keys


def _in_language(objects, locale_id):
    """{translation key: the object in ``locale_id``, else its copy in another language}."""
    found = {}
    for obj in objects:
        if obj.translation_key not in found or obj.locale_id == locale_id:
            found[obj.translation_key] = obj
    return found


def with_links(clippings, locale_id):
    """``clippings`` (a list) with ``releases``, ``networks`` and ``topics`` set on each: the public pages
    and the topics it is linked to, in the language of ``locale_id`` where translated. Five queries for
    any number of clippings."""
    ids = [clipping.pk for clipping in clippings]
    if not ids:
        return clippings
    release_keys = _links(ClippingRelease, "release", ids)
    network_keys = _links(ClippingNetwork, "network", ids)
    topic_keys = _links(ClippingTopic, "topic", ids)
    page_keys = {key for keys in (*release_keys.values(), *network_keys.values()) for key in keys}
    pages = visibility.public(Page.objects.filter(translation_key__in=page_keys)).select_related("locale")
    pages = _in_language(
        pages.only("title", "slug", "url_path", "path", "depth", "translation_key", "locale"), locale_id
    )
    all_topic_keys = {key for keys in topic_keys.values() for key in keys}
    topics = _in_language(Topic.objects.filter(translation_key__in=all_topic_keys), locale_id)
    for clipping in clippings:
        clipping.releases = [pages[key] for key in release_keys[clipping.pk] if key in pages]
        clipping.networks = [pages[key] for key in network_keys[clipping.pk] if key in pages]
        clipping.topics = [topics[key] for key in topic_keys[clipping.pk] if key in topics]
    return clippings
