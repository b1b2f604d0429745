"""Translation status: for every page in the source language, the state of each of its translations.

A translation is *missing* when no page of its language shares the source's translation key, *out of
date* when the source page was edited after wagtail-localize last synced it (``TranslationSource``'s
``last_updated_at``; for a translation made without wagtail-localize, after the translation's own last
edit), and *in sync* otherwise. The states are SQL annotations, so a listing costs the same number of
queries whatever the number of pages.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, get_page_content_types
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import TranslationSource

import django_filters

MISSING, STALE, IN_SYNC = "missing", "stale", "in_sync"
STATE_LABELS = {MISSING: _("Missing"), STALE: _("Out of date"), IN_SYNC: _("In sync")}
ACTION_LABELS = {MISSING: _("Translate"), STALE: _("Sync"), IN_SYNC: _("Edit translation")}
PANEL_ITEMS = 5


def source_locale():
    return Locale.objects.get(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


def target_locales(source):
    """The other content languages, in the order of ``WAGTAIL_CONTENT_LANGUAGES``."""
    languages = [code for code in get_content_languages() if code != source.language_code]
    locales = Locale.objects.filter(language_code__in=languages)
    return sorted(locales, key=lambda locale: languages.index(locale.language_code))


def is_source(page):
    return page.locale.language_code == get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _state_field(locale):
    return f"translation_state_{locale.pk}"


def with_translation_states(pages, source, targets, source_edited=None):
    """Annotates, per target locale, the translation's id (``translation_<locale pk>``) and its state.

    ``source_edited`` is when the source page last changed: the rows' own last edit by default (rows
    in the source language); pass :func:`source_last_edit` for rows in any language.
    """
    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=source)
    pages = pages.annotate(
        translation_source_id=Subquery(sources.values("pk")[:1]),
        synced_at=Subquery(sources.values("last_updated_at")[:1]),
        source_edited=source_edited if source_edited is not None else F("latest_revision_created_at"),
    )
    for locale in targets:
        translation = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
        edited = f"translation_edited_{locale.pk}"
        pages = pages.annotate(
            **{
                f"translation_{locale.pk}": Subquery(translation.values("pk")[:1]),
                edited: Subquery(translation.values("latest_revision_created_at")[:1]),
            }
        ).annotate(
            **{
                _state_field(locale): Case(
                    When(**{f"translation_{locale.pk}__isnull": True}, then=Value(MISSING)),
                    When(source_edited__gt=Coalesce(F("synced_at"), F(edited)), then=Value(STALE)),
                    default=Value(IN_SYNC),
                    output_field=CharField(),
                )
            }
        )
    return pages


def source_last_edit(source):
    page = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=source)
    return Subquery(page.values("latest_revision_created_at")[:1])


def source_pages(source, targets, user):
    """The source-language pages ``user`` may work on (an embargoed release's title is news too)."""
    allowed = page_permission_policy.instances_user_has_any_permission_for(user, {"add", "change", "publish"})
    pages = Page.objects.filter(locale=source, depth__gt=1, alias_of__isnull=True, pk__in=allowed.values("pk"))
    return with_translation_states(pages, source, targets)


def in_state(targets, state):
    """Pages with at least one translation in ``state``."""
    query = Q()
    for locale in targets:
        query |= Q(**{_state_field(locale): state})
    return query


def _severity(targets):
    # Out of date first, then missing: readers already rely on the pages that have a translation.
    return Case(
        When(in_state(targets, STALE), then=Value(0)),
        When(in_state(targets, MISSING), then=Value(1)),
        default=Value(2),
    )


@dataclass
class TranslationState:
    locale: Locale
    state: str
    action_url: str

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def action_label(self):
        return ACTION_LABELS[self.state]


def _url(name, pk):
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


def translation_states(page, targets):
    """The annotated page's translation states, each with the URL of the action that fixes it."""
    states = []
    for locale in targets:
        state = getattr(page, _state_field(locale))
        translation_id = getattr(page, f"translation_{locale.pk}")
        if state == MISSING:
            url = _url("wagtail_localize:submit_page_translation", page.pk)
        elif state == STALE and page.translation_source_id:
            url = _url("wagtail_localize:update_translations", page.translation_source_id)
        else:
            url = _url("wagtailadmin_pages:edit", translation_id)
        states.append(TranslationState(locale, state, url))
    return states


def state_html(states):
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li data-language="{}" data-state="{}">{} <a href="{}">{}</a></li>',
            (
                (
                    state.locale.language_code,
                    state.state,
                    gettext("%(language)s: %(state)s")
                    % {"language": state.locale.get_display_name(), "state": state.label},
                    state.action_url,
                    state.action_label,
                )
                for state in states
            ),
        ),
    )


class TranslationStatusFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=list(STATE_LABELS.items()), method="filter_state")
    content_type = ContentTypeFilter(
        label=_("Page type"), queryset=lambda request: get_page_content_types(include_base_page_type=False)
    )

    class Meta:
        model = Page
        fields = ["state", "content_type"]

    def _add_locale_filter(self):
        pass  # Every row is in the source language.

    def filter_state(self, queryset, name, value):
        return queryset.filter(in_state(target_locales(source_locale()), value))


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "news_translation_status"
    index_results_url_name = "news_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "content_type", "translations"]
    export_headings = {"title": _("Title"), "content_type": _("Page type"), "translations": _("Translations")}

    @cached_property
    def source(self):
        return source_locale()

    @cached_property
    def targets(self):
        return target_locales(self.source)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column("type", label=_("Page type"), accessor="page_type_display_name"),
            Column(
                "translations",
                label=_("Translations"),
                accessor=lambda page: state_html(translation_states(page, self.targets)),
            ),
        ]

    def get_queryset(self):
        return (
            source_pages(self.source, self.targets, self.request.user)
            .annotate(severity=_severity(self.targets))
            .order_by("severity", F("latest_revision_created_at").desc(nulls_last=True), "pk")
        )

    def to_row_dict(self, page):
        return {
            "title": page.get_admin_display_title(),
            "content_type": page.page_type_display_name,
            "translations": ", ".join(
                gettext("%(language)s: %(state)s") % {"language": state.locale.get_display_name(), "state": state.label}
                for state in translation_states(page, self.targets)
            ),
        }


def summary(user):
    """Counts per state over every source page and translation, and the pages most in need of work."""
    source = source_locale()
    targets = target_locales(source)
    pages = source_pages(source, targets, user)
    counts = dict.fromkeys(STATE_LABELS, 0)
    for locale in targets:
        for row in pages.values(_state_field(locale)).order_by().annotate(n=Count("pk")):
            counts[row[_state_field(locale)]] += row["n"]
    worst = list(
        pages.filter(in_state(targets, STALE) | in_state(targets, MISSING))
        .annotate(severity=_severity(targets))
        .order_by("severity", F("latest_revision_created_at").desc(nulls_last=True), "pk")[:PANEL_ITEMS]
    )
    return {
        "counts": [(state, STATE_LABELS[state], counts[state]) for state in STATE_LABELS],
        "items": [(page, translation_states(page, targets)) for page in worst],
        "targets": targets,
    }


class TranslationStatusPanel(Component):
    name = "translation_status"
    template_name = "news/admin/translation_status_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(summary(parent_context["request"].user))
        context["report_url"] = reverse("news_translation_status")
        return context
