"""The read-only API for partners (Wagtail API v2): public pages only, and no file listings.

Only the pages endpoint is registered: Wagtail's images and documents endpoints would list the files
of unpublished and embargoed content. Which page types are served, and the fields partners get for
each, are site choices kept here rather than on the reusable apps' models.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import translation

from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page

from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.filters import BaseFilterBackend

from news import visibility


def _models(names):
    models = []
    for name in names:
        try:
            models.append(apps.get_model(name))
        except (LookupError, ValueError):
            continue
    return models


def api_page_models():
    return _models(getattr(settings, "FCRIN_API_PAGE_TYPES", []))


class LinkedTopicsField(serializers.Field):
    """The topics of a page's ``topic_links``, each in the page's language when translated."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        topics = [link.topic for link in page.topic_links.select_related("topic")]
        keys = [topic.translation_key for topic in topics]
        localised = (
            {
                topic.translation_key: topic
                for topic in type(topics[0]).objects.filter(translation_key__in=keys, locale_id=page.locale_id)
            }
            if topics
            else {}
        )
        return [
            {"name": topic.name, "slug": topic.slug}
            for topic in (localised.get(topic.translation_key, topic) for topic in topics)
        ]


class LinkedNetworksField(serializers.Field):
    """The public network pages of a page's ``network_links``, in the page's language when translated."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        keys = list(page.network_links.values_list("network__translation_key", flat=True))
        networks = visibility.public(Page.objects.filter(translation_key__in=keys, locale_id=page.locale_id))
        request = self.context.get("request")
        return [
            {"id": network.pk, "title": network.title, "html_url": network.get_full_url(request)}
            for network in networks
        ]


class CoordinatorsField(serializers.Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        # The honorific in the page's language ("Pr", "Prof."), whatever the request's.
        with translation.override(page.locale.language_code):
            return [
                {"name": person.full_name, "role": person.title, "institution": person.institution}
                for person in page.coordinators.all()
            ]


class NextOccurrencesField(serializers.Field):
    """The next dates of an awareness day, from its rule (first and last day of each)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {"start": occurrence.start.isoformat(), "end": occurrence.end.isoformat()}
            for occurrence in page.next_occurrences(count=3)
        ]


# Fields partners get for each page type, on top of Wagtail's id, title and meta fields.
API_FIELDS = {
    "home.HomePage": [APIField("standfirst")],
    "news.PressReleasePage": [
        APIField("standfirst"),
        APIField("release_date"),
        APIField("dateline"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1200x630")),
        APIField("hero_caption"),
        APIField("hero_credit"),
        APIField("body"),
        APIField("topics", serializer=LinkedTopicsField(read_only=True)),
        APIField("networks", serializer=LinkedNetworksField(read_only=True)),
        APIField("correction_notice"),
        APIField("correction_date"),
    ],
    "networks.NetworkPage": [
        APIField("acronym"),
        APIField("full_name"),
        APIField("kind"),
        APIField("summary"),
        APIField("logo", serializer=ImageRenditionField("max-400x400")),
        APIField("centres"),
        APIField("centres_note"),
        APIField("year_labelled"),
        APIField("website"),
        APIField("coordinators", serializer=CoordinatorsField(read_only=True)),
        APIField("topics", serializer=LinkedTopicsField(read_only=True)),
        APIField("body"),
    ],
    "news.AwarenessDayPage": [
        APIField("summary"),
        APIField("next_occurrences", serializer=NextOccurrencesField(read_only=True)),
        APIField("topics", serializer=LinkedTopicsField(read_only=True)),
        APIField("networks", serializer=LinkedNetworksField(read_only=True)),
    ],
}
# Where each page type links to topics and to network pages, for ?topic= and ?network=.
TOPIC_LOOKUPS = {
    "news.PressReleasePage": "topic_links__topic",
    "networks.NetworkPage": "topic_links__topic",
    "news.AwarenessDayPage": "topic_links__topic",
}
NETWORK_LOOKUPS = {"news.PressReleasePage": "network_links__network", "news.AwarenessDayPage": "network_links__network"}


def _linked_pages(lookups, **conditions):
    """Pages of any type in ``lookups`` whose linked object matches ``conditions``."""
    matching = Q(pk__in=[])
    for name, lookup in lookups.items():
        for model in _models([name]):
            links = {f"{lookup}__{field}": value for field, value in conditions.items()}
            matching |= Q(pk__in=model.objects.filter(**links).values("pk"))
    return matching


class TopicFilter(BaseFilterBackend):
    """?topic=<slug>: pages about the topic with this slug, in whichever language the slug is."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("topic")
        if slug is None:
            return queryset
        from news.models import Topic

        keys = Topic.objects.filter(slug=slug).values("translation_key")
        return queryset.filter(_linked_pages(TOPIC_LOOKUPS, translation_key__in=keys))


class NetworkFilter(BaseFilterBackend):
    """?network=<id or slug>: pages linked to that network page, or to any of its translations."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("network")
        if value is None:
            return queryset
        is_id = value.isascii() and value.isdigit() and len(value) < 19
        networks = Page.objects.filter(pk=int(value)) if is_id else Page.objects.filter(slug=value)
        keys = networks.values("translation_key")
        return queryset.filter(_linked_pages(NETWORK_LOOKUPS, translation_key__in=keys))


class LanguageSearchFilter(SearchFilter):
    """?search= stems words in the language asked for with ?locale=; without it, in each page's own."""

    def filter_queryset(self, request, queryset, view):
        language = request.GET.get("locale")
        with translation.override(language if language in dict(settings.LANGUAGES) else None):
            return super().filter_queryset(request, queryset, view)


# Past any archive's size, and well inside the 64-bit integers SQLite and PostgreSQL take for OFFSET.
MAX_OFFSET = 1_000_000_000


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an offset the databases accept: a larger one is a 400, not a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # not a number: Wagtail's pagination says so
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [
        FieldsFilter,
        TopicFilter,
        NetworkFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        LanguageSearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic", "network"])

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(
            cls.body_fields + list(getattr(model, "api_fields", ())) + API_FIELDS.get(model._meta.label, [])
        )

    def get_base_queryset(self):
        # Wagtail's base queryset lets a visitor holding a page's password see it; partners get public pages only.
        return visibility.public_for_search(super().get_base_queryset()).type(*api_page_models())

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        network = self.request.GET.get("network")
        if network is not None and not network.strip():
            raise BadRequestError("network must be a page id or slug")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator.lower() not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")


@api_view(["GET"])
def not_found(request, path=""):
    """Any other address under /api/ (the images and documents endpoints Wagtail offers included)."""
    raise NotFound


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
