"""What the directory, network and topic pages show, each in a fixed number of queries.

The pages hand over what they are and what they hold (their networks, links and translations):
nothing here imports the networks' models, which call these functions from their ``get_context``.
"""

from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.utils import timezone, translation

from wagtail.models import Page

from dateutil.relativedelta import relativedelta

from news.awareness.calendar import upcoming
from news.jsonld import script_json
from news.models import AwarenessDayPage, PressReleasePage, Topic
from news.serving import site_url
from news.visibility import public

from .kinds import NetworkKind, kind_label

LOGO_FILTER = "max-240x120"
LATEST_RELEASES = 5
UPCOMING_DAYS = 3


def figures(networks):
    """F-CRIN's figures (how many networks of each kind), counted from live pages."""
    counts = dict(networks.order_by().values_list("kind").annotate(count=Count("pk")))
    by_kind = [
        {"kind": kind, "count": counts[kind], "label": kind_label(kind, counts[kind])}
        for kind in NetworkKind.values
        if counts.get(kind)
    ]
    return {"total": sum(counts.values()), "by_kind": by_kind}


def _topic_urls(index, topics, request):
    base = index.get_url(request)
    return {topic.pk: base + index.reverse_subpage("topic", kwargs={"slug": topic.slug}) for topic in topics}


def _cards(networks, index, request):
    """The networks, each with ``topics``: its topics and the address of their topic pages."""
    networks = list(networks)
    topics = {link.topic.pk: link.topic for network in networks for link in network.topic_links.all()}
    urls = _topic_urls(index, topics.values(), request)
    for network in networks:
        network.topics = [{"topic": link.topic, "url": urls[link.topic.pk]} for link in network.topic_links.all()]
    return networks


def directory_context(index, request):
    networks = public(index.networks())
    topics = list(
        Topic.objects.filter(locale_id=index.locale_id, network_links__page__in=networks).distinct().order_by("name")
    )
    wanted = request.GET.get("topic", "")
    selected = next((topic for topic in topics if topic.slug == wanted), None)
    listed = networks
    if selected is not None:
        listed = networks.filter(pk__in=selected.network_links.values("page_id"))
    topic_urls = _topic_urls(index, topics, request)
    groups = {kind: [] for kind in NetworkKind.values}
    for network in _cards(listed.with_cards(), index, request):
        groups[network.kind].append(network)
    return {
        "figures": figures(networks),
        "groups": [
            {"kind": kind, "label": kind_label(kind, len(members)), "networks": members}
            for kind, members in groups.items()
            if members
        ],
        "topics": [{"topic": topic, "url": topic_urls[topic.pk]} for topic in topics],
        "selected_topic": selected,
    }


def topic_context(index, topic, request):
    networks = public(index.networks_about(topic))
    protocols = topic.care_protocols.select_related("disease", "document").order_by("title")
    return {
        "topic": topic,
        "networks": _cards(networks.with_cards(), index, request),
        "care_protocols": list(protocols),
        "releases": latest_releases(PressReleasePage.objects.published().with_topic(topic), index.locale_id),
        "awareness_days": upcoming_days(index.locale_id, topic_links__topic__translation_key=topic.translation_key),
        "alternate_urls": topic_alternate_urls(index, topic, request),
    }


def linked_topics(indexes):
    """The topics whose pages the directories ``indexes`` link to: those of their live, public networks.

    Each topic, in a directory's language, carries ``networks_published`` and ``releases_published``:
    the latest publication among the networks and releases its page lists. Three queries, whatever the
    number of topics and releases: the releases' latest publications are grouped in one pass over the archive rather than searched for each topic.
    """
    in_directories = Q(pk__in=[])
    for index in indexes:
        in_directories |= Q(path__startswith=index.path, depth=index.depth + 1)
    # Pages, not networks: only networks have topic links, so the join below keeps them alone.
    networks = public(Page.objects.filter(in_directories))
    topics = list(
        Topic.objects.filter(network_links__page__in=networks, network_links__page__locale_id=F("locale_id"))
        .annotate(networks_published=Max("network_links__page__last_published_at"))
        .order_by("locale_id", "name", "pk")
    )
    latest = (
        PressReleasePage.objects.published()
        .filter(locale_id__in={topic.locale_id for topic in topics})
        .values_list("locale_id", "topic_links__topic__translation_key")
        .annotate(latest=Max("last_published_at"))
        .order_by()
    )
    releases_published = {(locale_id, key): published for locale_id, key, published in latest}
    for topic in topics:
        topic.releases_published = releases_published.get((topic.locale_id, topic.translation_key))
    return topics


def topic_alternate_urls(index, topic, request):
    """The topic page's address in each language where both the topic and the directory exist."""
    topics = {t.locale_id: t for t in Topic.objects.filter(translation_key=topic.translation_key)}
    urls = {}
    for other in public(index.get_translations(inclusive=True)).select_related("locale"):
        translated = topics.get(other.locale_id)
        if translated is None:
            continue
        with translation.override(other.locale.language_code):
            urls[other.locale.language_code] = other.get_url(request) + other.reverse_subpage(
                "topic", kwargs={"slug": translated.slug}
            )
    return urls


def network_context(page, request):
    # The directory is the parent page: its address comes from the page's own, without a query.
    index_url = page.get_url(request).removesuffix(f"{page.slug}/")
    topics = [link.topic for link in page.topic_links.select_related("topic")]
    topic_urls = {topic.pk: index_url + page.topic_path(topic.slug) for topic in topics}
    coordinators = list(page.coordinators.all())
    protocols = [
        link.protocol for link in page.care_protocol_links.select_related("protocol__disease", "protocol__document")
    ]
    logo = page.logo.get_rendition(LOGO_FILTER) if page.logo_id else None
    return {
        "network_index_url": index_url,
        "topics": [{"topic": topic, "url": topic_urls.get(topic.pk)} for topic in topics],
        "coordinators": coordinators,
        "care_protocols": protocols,
        "releases": latest_releases(PressReleasePage.objects.published().with_network(page), page.locale_id),
        "logo": logo,
        "logo_url": site_url(request, logo.url) if logo else "",
        "canonical_url": page.get_full_url(request),
        "json_ld": json_ld(page, request, logo, coordinators),
    }


def latest_releases(releases, locale_id):
    return list(
        releases.filter(locale_id=locale_id)
        .newest_first()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")[:LATEST_RELEASES]
    )


def upcoming_days(locale_id, **link):
    """The next occurrences, within a year, of the live awareness days linked by ``link``."""
    days = public(AwarenessDayPage.objects.filter(locale_id=locale_id, **link)).distinct()
    today = timezone.localdate()
    return upcoming(days.prefetch_related("dates"), today, today + relativedelta(years=1))[:UPCOMING_DAYS]


def json_ld(page, request, logo, coordinators):
    data = {
        "@context": "https://schema.org",
        "@type": "ResearchOrganization",
        "name": page.full_name,
        "url": page.get_full_url(request),
        "description": page.summary,
    }
    if page.acronym:
        data["alternateName"] = page.acronym
    if page.website:
        data["sameAs"] = [page.website]
    if logo is not None:
        data["logo"] = site_url(request, logo.url)
    parent = getattr(settings, "NETWORKS_PARENT_ORGANIZATION", None)
    if parent:
        data["parentOrganization"] = {"@type": "Organization", **parent}
    members = [
        {
            "@type": "Person",
            "name": coordinator.name,
            **({"honorificPrefix": coordinator.get_honorific_display()} if coordinator.honorific else {}),
            **({"jobTitle": coordinator.title} if coordinator.title else {}),
            **(
                {"affiliation": {"@type": "Organization", "name": coordinator.institution}}
                if coordinator.institution
                else {}
            ),
        }
        for coordinator in coordinators
    ]
    if members:
        data["member"] = members
    return script_json(data)
