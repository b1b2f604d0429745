import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from home.languages import active_locales
from news import visibility

from .highlight import MAX_TERMS, highlight
from .snippets import SNIPPET_FIELDS, TopicPages, vocabulary_matches

MAX_QUERY_LENGTH = 200
# Control characters (NUL included) and the like have no place in a query; they are dropped, not refused.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
WORD = re.compile(r"\w+")
VOCABULARY_SHORTCUTS = 5


@dataclass(frozen=True)
class SearchType:
    key: str
    label: str
    models: tuple

    @property
    def page_models(self):
        return tuple(model for model in self.models if issubclass(model, Page))

    @property
    def snippet_models(self):
        return tuple(model for model in self.models if model._meta.label in SNIPPET_FIELDS)


def search_types():
    """The types of ``FCRIN_SEARCH_TYPES`` whose models are installed."""
    available = []
    for key, label, model_names in getattr(settings, "FCRIN_SEARCH_TYPES", []):
        models = []
        for name in model_names:
            try:
                model = apps.get_model(name)
            except (LookupError, ValueError):
                continue
            if issubclass(model, Page) or name in SNIPPET_FIELDS:
                models.append(model)
        if models:
            available.append(SearchType(key, label, tuple(models)))
    return available


def clean_query(raw):
    query = " ".join(CONTROL_CHARACTERS.sub(" ", raw or "").split())
    return query[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    # Words only: the backends' query syntaxes (tsquery, FTS5) never see an operator typed by a visitor.
    return [term.lower() for term in WORD.findall(query)][:MAX_TERMS]


def _standfirst_models():
    return [model for model in get_page_models() if "standfirst" in {field.name for field in model._meta.local_fields}]


def excerpts(pages):
    """Each page's standfirst, else its search description, in one query whatever the page types."""
    standfirsts = [
        NullIf(Subquery(model.objects.filter(pk=OuterRef("pk")).values("standfirst")[:1]), Value(""))
        for model in _standfirst_models()
    ]
    return dict(
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .annotate(excerpt=Coalesce(*standfirsts, "search_description", output_field=TextField()))
        .values_list("pk", "excerpt")
    )


class SearchResult:
    def __init__(self, title, url, type_label, excerpt):
        self.title = title
        self.url = url
        self.type_label = type_label
        self.excerpt = excerpt


class Search:
    def __init__(self, request):
        self.request = request
        self.query = clean_query(request.GET.get("q", ""))
        self.terms = query_terms(self.query)
        self.types = search_types()
        self.type = next((kind for kind in self.types if kind.key == request.GET.get("type")), None)

    @cached_property
    def locale(self):  # a subquery
        return active_locales()

    def pages(self):
        pages = visibility.public_for_search(Page.objects.filter(locale__in=self.locale))
        return pages.type(*self.type.page_models) if self.type else pages

    @cached_property
    def topic_pages(self):
        return TopicPages(self.request, self.locale)

    @cached_property
    def snippet_terms(self):
        return [term for term in self.terms if len(term) > 1]

    @cached_property
    def page_obj(self):
        if self.type and not self.type.page_models:
            models = self.type.snippet_models
            results = vocabulary_matches(models, self.locale, self.snippet_terms, None) if self.snippet_terms else []
        else:
            results = self.pages().search(" ".join(self.terms), operator="and")
        paginator = Paginator(results, getattr(settings, "FCRIN_SEARCH_RESULTS_PER_PAGE", 10))
        return paginator.get_page(self.request.GET.get("page"))

    def type_label(self, model):
        for kind in self.types:
            if issubclass(model, kind.models):
                return kind.label
        return model._meta.verbose_name

    def snippet_result(self, row):
        return SearchResult(
            row["result_title"],
            self.topic_pages.url(row),
            self.type_label(apps.get_model(row["result_model"])),
            highlight(row["result_excerpt"], self.terms),
        )

    def results(self):
        objects = list(self.page_obj.object_list)
        if objects and not isinstance(objects[0], Page):
            return [self.snippet_result(row) for row in objects]
        texts = excerpts(objects)
        return [
            SearchResult(
                page.title,
                page.get_url(self.request),
                self.type_label(page.specific_class or Page),
                highlight(texts.get(page.pk), self.terms),
            )
            for page in objects
        ]

    def vocabulary(self):
        """With no type chosen: the topics and care protocols matching, as shortcuts above the pages."""
        if self.type or self.page_obj.number > 1 or not self.snippet_terms:
            return []
        models = [model for kind in self.types for model in kind.snippet_models]
        rows = vocabulary_matches(models, self.locale, self.snippet_terms, VOCABULARY_SHORTCUTS)
        return [self.snippet_result(row) for row in rows]

    def promotions(self):
        """Editors' picks for this query, each page shown in the reader's language if it is public there."""
        localised = visibility.public(
            Page.objects.filter(locale__in=self.locale, translation_key=OuterRef("page__translation_key"))
        )
        picks = (
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(self.query))
            .annotate(
                local_id=Subquery(localised.values("pk")[:1]),
                local_title=Subquery(localised.values("title")[:1]),
                local_url_path=Subquery(localised.values("url_path")[:1]),
            )
            .order_by("sort_order")
        )
        promotions = []
        for pick in picks:
            if pick.page_id and pick.local_id:
                # get_url needs nothing but the page's url_path and the request's cached site roots.
                page = Page(pk=pick.local_id, title=pick.local_title, url_path=pick.local_url_path)
                promotions.append(
                    {"title": page.title, "url": page.get_url(self.request), "description": pick.description}
                )
            elif not pick.page_id and pick.external_link_url:
                promotions.append(
                    {"title": pick.external_link_text, "url": pick.external_link_url, "description": pick.description}
                )
        return promotions


def search(request):
    search = Search(request)
    context = {"search_query": search.query, "search_types": search.types, "search_type": search.type}
    if search.terms:
        params = {"q": search.query, **({"type": search.type.key} if search.type else {})}
        context.update(
            searched=True,
            page_obj=search.page_obj,
            results=search.results(),
            promotions=search.promotions(),
            vocabulary=search.vocabulary(),
            search_params=urlencode(params),
            search_params_all_types=urlencode({"q": search.query}),
        )
    return TemplateResponse(request, "search/search.html", context)
