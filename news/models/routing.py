"""Mixins for page models that save queries on every page served."""

from django.db import connections
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.query import ModelIterable, get_related_populators
from django.http import Http404
from django.utils import translation

from wagtail.models import Locale, Page

from .memory import kept
from .querysets import view_restrictions_for


class OneQueryViewRestrictionsMixin:
    """Wagtail's view-restriction check, made before serving any page, in one query instead of two."""

    def get_view_restrictions(self):
        return view_restrictions_for(self)


class RequestCachedUrlMixin:
    """A page's address worked out once a request: a page links to itself and to its parents several
    times (canonical link, language links, breadcrumbs, downloads)."""

    def get_url_parts(self, request=None):
        if request is None:
            return super().get_url_parts(request)
        # What Wagtail's answer depends on: the page's path, and the request's sites and language.
        key = (self.url_path, translation.get_language())
        known = request.__dict__.setdefault("_news_url_parts", {})
        if key not in known:
            known[key] = super().get_url_parts(request)
        return known[key]


def _language_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


def _live_translation_path(locale_id):
    live = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=locale_id, live=True)
    return Subquery(live.values("url_path")[:1])


class CompiledLookup:
    """The first object of a queryset whose text field equals a value, with its SQL compiled once.

    Django compiles a queryset's SQL each time it is evaluated, and for a page (sixty columns, a few
    joins and subqueries) that takes longer than the database takes to run it. Routing runs the same
    lookup on every request with only the slug changing: it is compiled once per content version,
    then run and turned into objects as Django's ``ModelIterable`` does, with the same converters,
    ``select_related()`` objects and annotations. A queryset that asks for more than that (prefetches,
    ``values()``, ``specific()``) is refused rather than half followed, and so is a field whose values
    the database driver would need converted.
    """

    PLACEHOLDER = "\x00compiled-lookup\x00"

    def __init__(self, queryset, field):
        if queryset._iterable_class is not ModelIterable or queryset._prefetch_related_lookups:
            raise ValueError("CompiledLookup gives model instances with their select_related() objects only")
        if queryset._known_related_objects:
            raise ValueError("CompiledLookup does not attach the known related objects of a related manager")
        if not isinstance(queryset.model._meta.get_field(field), CharField):
            raise ValueError(f"CompiledLookup compares text fields, not {field!r}")
        self.db = queryset.db
        compiler = queryset.filter(**{field: self.PLACEHOLDER})[:1].query.get_compiler(using=self.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.slot = self.params.index(self.PLACEHOLDER)
        select, klass_info = compiler.select, compiler.klass_info
        self.converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]]).items()
        self.model = klass_info["model"]
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1]
        self.own_columns = slice(first, last + 1)
        self.init_list = [column[0].target.attname for column in select[self.own_columns]]
        self.related_populators = get_related_populators(klass_info, select, self.db)
        self.annotations = compiler.annotation_col_map.items()

    def first(self, value):
        params = list(self.params)
        params[self.slot] = value
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            found = cursor.fetchone()
        if found is None:
            return None
        row = list(found)
        for position, (converters, expression) in self.converters:
            for converter in converters:
                row[position] = converter(row[position], expression, connection)
        obj = self.model.from_db(self.db, self.init_list, row[self.own_columns])
        for populator in self.related_populators:
            populator.populate(row, obj)
        for name, position in self.annotations:
            setattr(obj, name, row[position])
        return obj


class OneQueryChildRouteMixin:
    """Route to a child as its specific page in one query instead of Wagtail's two (the page, then
    ``.specific``), unless the path is one of this routable page's own sub-routes.

    ``child_queryset()`` gives the children's model manager or queryset. The same query reads where
    the child's live translations are: the child it routes to carries ``live_translation_paths``,
    {language code: url_path} (its own language included when it is live), so that its language links
    need no query of their own.
    """

    def child_queryset(self):
        raise NotImplementedError

    def _child_lookup(self):
        """The lookup of a child by slug, with its translations' paths, and the language each path is in."""
        languages = kept("news.language_codes", _language_codes)
        names = {pk: f"translation_path_{pk}" for pk in languages if pk != self.locale_id}
        # Siblings' slugs are unique: no order to compile.
        children = (
            self.child_queryset()
            .child_of(self)
            .annotate(**{name: _live_translation_path(pk) for pk, name in names.items()})
            .order_by()
        )
        lookup = CompiledLookup(children, "slug")
        return lookup, {name: languages[pk] for pk, name in names.items()}, languages[self.locale_id]

    def route(self, request, path_components):
        if path_components and not self.is_subpage_route(path_components):
            lookup, translations, language = kept(f"news.child_lookup:{self.pk}", self._child_lookup)
            child = lookup.first(path_components[0])
            if child is not None:
                child._cached_parent_obj = self  # as Page.route does, so get_parent() costs nothing
                paths = {code: getattr(child, name) for name, code in translations.items()}
                paths[language] = child.url_path if child.live else None
                child.live_translation_paths = {code: path for code, path in paths.items() if path}
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def is_subpage_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True
