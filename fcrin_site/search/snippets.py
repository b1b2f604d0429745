"""Searching the shared vocabularies (topics, care protocols), which have no page of their own.

They are short lists, so a case-insensitive match on each word's stem is enough and needs no search
index. Each links to the topic page the networks directory serves for it (a protocol, to its disease's).
"""

from functools import reduce
from operator import and_, or_

from django.apps import apps
from django.db.models import CharField, F, Q, Value

from news import visibility

from .highlight import stem

# Per snippet model: the fields searched, and those giving a result's title, excerpt, topic slug and fallback link.
SNIPPET_FIELDS = {
    "news.Topic": {
        "search": ["name", "description"],
        "title": "name",
        "excerpt": "description",
        "slug": "slug",
        "link": None,
    },
    "networks.CareProtocol": {
        "search": ["title", "reference_centre", "filiere"],
        "title": "title",
        "excerpt": "reference_centre",
        "slug": "disease__slug",
        "link": "official_url",
    },
}


def snippet_matches(model, locales, terms):
    """The objects of ``model`` in the active language with every term in one of their searched fields."""
    fields = SNIPPET_FIELDS[model._meta.label]
    conditions = [
        reduce(or_, (Q(**{f"{field}__icontains": stem(term)}) for field in fields["search"])) for term in terms
    ]
    return (
        model.objects.filter(locale__in=locales)
        .filter(reduce(and_, conditions))
        .annotate(
            result_model=Value(model._meta.label, output_field=CharField()),
            result_title=F(fields["title"]),
            result_excerpt=F(fields["excerpt"]),
            result_slug=F(fields["slug"]),
            result_link=F(fields["link"]) if fields["link"] else Value("", output_field=CharField()),
        )
        .values("pk", "result_model", "result_title", "result_excerpt", "result_slug", "result_link")
    )


def vocabulary_matches(models, locales, terms, limit):
    """Matches of several snippet models in one query."""
    parts = [snippet_matches(model, locales, terms).order_by() for model in models]
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(union.order_by("result_model", "result_title")[:limit])


class TopicPages:
    """Addresses of topic pages in the active language, through that language's networks directory."""

    def __init__(self, request, locales):
        self.request = request
        self.index = None
        if apps.is_installed("networks"):
            index_model = apps.get_model("networks", "NetworkIndexPage")
            self.index = visibility.public(index_model.objects.filter(locale__in=locales)).first()

    def url(self, row):
        if row["result_slug"] and self.index is not None:
            return self.index.get_url(self.request) + self.index.reverse_subpage(
                "topic", kwargs={"slug": row["result_slug"]}
            )
        return row["result_link"] or None
