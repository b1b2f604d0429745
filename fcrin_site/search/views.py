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

from home.visibility import active_locale, public_pages

from .highlight import MAX_TERMS, highlight

MAX_QUERY_LENGTH = 200
# Control characters (NUL included) and the like have no place in a query; they are dropped, not refused.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchType:
    key: str
    label: str
    models: tuple


def search_types():
    """The types of ``FCRIN_SEARCH_TYPES`` whose models are installed."""
    available = []
    for key, label, model_names in getattr(settings, "FCRIN_SEARCH_TYPES", []):
        models = []
        for name in model_names:
            try:
                models.append(apps.get_model(name))
            except (LookupError, ValueError):
                continue
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
    def __init__(self, page, url, type_label, excerpt):
        self.page = page
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
    def locale(self):
        return active_locale(self.request)

    def pages(self):
        pages = public_pages(Page.objects.filter(locale=self.locale), self.request)
        return pages.type(*self.type.models) if self.type else pages

    @cached_property
    def page_obj(self):
        results = self.pages().search(" ".join(self.terms), operator="and")
        paginator = Paginator(results, getattr(settings, "FCRIN_SEARCH_RESULTS_PER_PAGE", 10))
        return paginator.get_page(self.request.GET.get("page"))

    def type_label(self, page):
        model = page.specific_class or type(page)
        for kind in self.types:
            if issubclass(model, kind.models):
                return kind.label
        return model._meta.verbose_name

    def results(self):
        pages = list(self.page_obj.object_list)
        texts = excerpts(pages)
        return [
            SearchResult(
                page, page.get_url(self.request), self.type_label(page), highlight(texts.get(page.pk), self.terms)
            )
            for page in pages
        ]

    def promotions(self):
        """Editors' picks for this query, each page shown in the reader's language if it is public there."""
        picks = list(
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(self.query))
            .select_related("page")
            .order_by("sort_order")
        )
        keys = [pick.page.translation_key for pick in picks if pick.page_id]
        localised = {}
        if keys:
            pages = public_pages(Page.objects.filter(locale=self.locale, translation_key__in=keys), self.request)
            localised = {page.translation_key: page for page in pages}
        promotions = []
        for pick in picks:
            if pick.page_id:
                page = localised.get(pick.page.translation_key)
                if page is not None:
                    promotions.append(
                        {"title": page.title, "url": page.get_url(self.request), "description": pick.description}
                    )
            elif pick.external_link_url:
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
            search_params=urlencode(params),
            search_params_all_types=urlencode({"q": search.query}),
        )
    return TemplateResponse(request, "search/search.html", context)
