"""Wagtail's database search backend, stemming each page in its own language on PostgreSQL.

Several ``WAGTAILSEARCH_BACKENDS`` with different ``SEARCH_CONFIG`` cannot do this: they share one
index table keyed by object, so the last backend to index a page overwrites the others' vectors
(wagtail/wagtail#9253). Instead one backend picks the text search configuration per object, from its
locale, when indexing, and from the active language when searching translatable models.

Settings: ``SEARCH_CONFIGS`` maps language codes to PostgreSQL configurations; ``SEARCH_CONFIG`` is
used for everything else (images, documents, users, objects in an unmapped language).
On other databases this is Wagtail's database backend unchanged.
"""

import copy
from collections import defaultdict

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


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return language_config(backend, translation.get_language())
        return backend.config


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalisedPostgresIndex
    query_compiler_class = LocalisedPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.search_configs = params.get("SEARCH_CONFIGS", {})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
