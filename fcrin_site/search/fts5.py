"""Wagtail's SQLite (FTS5) search backend, safe for any search typed by a visitor.

modelsearch writes each term inside double quotes without escaping one the term holds, so a ``"``
ends the FTS5 string early, a syntax error and a 500 (wagtail/wagtail#13227); and a search of blanks
only becomes no expression at all, which fails too.
"""

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

__all__ = ["QuotingSQLiteSearchBackend", "SQLiteSearchBackend"]


class FTS5QuotesMixin:
    """A double quote in a term is written twice, as FTS5 reads it in a string; a search of blanks only
    is the empty phrase, which matches nothing, as on PostgreSQL."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and not query.query_string.split():
            query = Phrase("")
        elif isinstance(query, PlainText):
            query = PlainText(query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(query.query_string.replace('"', '""'))
        return super().build_search_query_content(query, config=config)


class SQLiteQueryCompiler(FTS5QuotesMixin, SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteCompiler(FTS5QuotesMixin, SQLiteAutocompleteQueryCompiler):
    pass


class QuotingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler
