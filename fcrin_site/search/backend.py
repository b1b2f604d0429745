"""Wagtail's database search backend, stemming each page in its own language on PostgreSQL.

Several ``WAGTAILSEARCH_BACKENDS`` with different ``SEARCH_CONFIG`` cannot do this: they share one
index table keyed by object, so the last backend to index a page overwrites the others' vectors
(wagtail/wagtail#9253). Instead one backend picks the text search configuration per object, from its
locale, when indexing, and from the active language when searching translatable models.

A search made with no active language (``translation.override(None)``, as the API does without
``?locale=``) matches each page in its own language: the query is stemmed in every configured
language and any of them may match, since "studies" stemmed in French does not meet "studies" stemmed
in English.

Settings: ``SEARCH_CONFIGS`` maps language codes to PostgreSQL configurations; ``SEARCH_CONFIG`` is
used for everything else (images, documents, users, objects in an unmapped language).

On SQLite with FTS5 it is Wagtail's database backend with the fixes of ``fts5.py`` for what visitors
type.
On other databases this is Wagtail's database backend unchanged.
"""

import copy
import operator
from collections import defaultdict
from functools import reduce

from django.db import connection
from django.utils import translation

from wagtail.models import Locale, TranslatableMixin
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


def language_config(backend, language_code):
    if not language_code:
        return backend.config
    configs = backend.search_configs
    return configs.get(language_code) or configs.get(language_code.split("-")[0]) or backend.config


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = (
            dict(Locale.objects.values_list("pk", "language_code")) if issubclass(model, TranslatableMixin) else {}
        )
        groups = defaultdict(list)
        for obj in objs:
            language_code = languages.get(getattr(obj, "locale_id", None))
            groups[language_config(self.backend, language_code)].append(obj)
        for config, group in groups.items():
            # PostgresIndex reads the configuration from its backend: copies of both, differing only
            # in the configuration, index each language group.
            backend = copy.copy(self.backend)
            backend.config = config
            index = copy.copy(self)
            index.backend = backend
            PostgresIndex.add_items(index, model, group)


class AnyLanguage(tuple):
    """The text search configurations of every language, for a search in no language in particular."""


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The language of the search is the one active when it is made: results are evaluated later,
        # when the caller may have left it (a view paginating after its filters).
        self.language = translation.get_language()

    def get_config(self, backend):
        if not issubclass(self.queryset.model, TranslatableMixin):
            return backend.config
        if self.language is None:
            return AnyLanguage(dict.fromkeys([*backend.search_configs.values(), backend.config]))
        return language_config(backend, self.language)

    def build_tsquery(self, query, config=None):
        if isinstance(config, AnyLanguage):
            queries = [
                super(LocalisedPostgresSearchQueryCompiler, self).build_tsquery(query, config=each) for each in config
            ]
            # None for a search of blanks only, in every language, as modelsearch answers it.
            return None if any(each is None for each in queries) else reduce(operator.or_, queries)
        return super().build_tsquery(query, config=config)


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalisedPostgresIndex
    query_compiler_class = LocalisedPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.search_configs = params.get("SEARCH_CONFIGS", {})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    # Only on SQLite: modelsearch's FTS5 module declares a model that exists on SQLite alone.
    from .fts5 import QuotingSQLiteSearchBackend, SQLiteSearchBackend

    # Wagtail's choice on SQLite: FTS5 when the SQLite library has it, else a plain LIKE search.
    return QuotingSQLiteSearchBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
