"""The admin's "Press releases" listing: every release in every language, with its editorial state.

States and translation states are SQL annotations and filters are ``pk__in`` subqueries (which the
search backend accepts), so a page of results costs the same number of queries for any archive size.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, Revision, WorkflowState

import django_filters

from ..releases.pages import PressReleasePage
from ..releases.topics import Topic
from . import translation_status
from .permissions import may_list_releases, without_releases_out_of_reach

DRAFT, IN_REVIEW, EMBARGOED, LIVE, CORRECTED = "draft", "in_review", "embargoed", "live", "corrected"
STATE_LABELS = {
    DRAFT: _("Draft"),
    IN_REVIEW: _("In review"),
    EMBARGOED: _("Embargoed"),
    LIVE: _("Live"),
    CORRECTED: _("Corrected"),
}


def _for_page(queryset, outer="pk"):
    return queryset.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=Cast(OuterRef(outer), CharField())
    )


def with_editorial_state(pages):
    """Annotates ``editorial_state`` and ``embargo_until`` (the go-live date of the release or its source).

    A translation published before its source is still under the source's embargo.
    """
    scheduled = Revision.objects.filter(approved_go_live_at__isnull=False).order_by("-created_at")
    source_ids = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), locale_id=OuterRef(OuterRef("source_locale_id"))
    ).values(text_pk=Cast("pk", CharField()))
    source_scheduled = scheduled.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=source_ids
    )
    in_review = _for_page(WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS))
    return (
        pages.with_source_status()
        .annotate(
            embargo_until=Coalesce(
                Subquery(_for_page(scheduled).values("approved_go_live_at")[:1]),
                Subquery(source_scheduled.values("approved_go_live_at")[:1]),
            ),
            in_review=Exists(in_review),
        )
        .annotate(
            editorial_state=Case(
                When(in_review=True, then=Value(IN_REVIEW)),
                When(live=False, embargo_until__isnull=False, then=Value(EMBARGOED)),
                When(live=True, source_live_flag=False, then=Value(EMBARGOED)),
                When(
                    Q(live=True) & (Q(correction_date__isnull=False) | ~Q(correction_notice="")), then=Value(CORRECTED)
                ),
                When(live=True, then=Value(LIVE)),
                default=Value(DRAFT),
                output_field=CharField(),
            )
        )
    )


def _state(page):
    label = STATE_LABELS[page.editorial_state]
    if page.editorial_state == EMBARGOED and page.embargo_until:
        label = gettext("Embargoed until %(date)s") % {
            "date": date_format(localtime(page.embargo_until), "DATETIME_FORMAT")
        }
    return format_html('<span data-state="{}">{}</span>', page.editorial_state, label)


class TopicFilter(django_filters.ModelChoiceFilter):
    def filter(self, qs, topic):
        if not topic:
            return qs
        return qs.filter(pk__in=PressReleasePage.objects.with_topic(topic).values("pk"))


class NetworkFilter(django_filters.ModelChoiceFilter):
    def filter(self, qs, network):
        if not network:
            return qs
        return qs.filter(pk__in=PressReleasePage.objects.with_network(network).values("pk"))


class StateFilter(django_filters.ChoiceFilter):
    def filter(self, qs, state):
        if not state:
            return qs
        states = with_editorial_state(PressReleasePage.objects.all()).filter(editorial_state=state)
        return qs.filter(pk__in=states.values("pk"))


def _network_pages(request):
    page_types = getattr(settings, "NEWS_NETWORK_PAGE_TYPES", [])
    content_types = [ContentType.objects.get_by_natural_key(*label.lower().split(".")) for label in page_types]
    source = translation_status.source_locale()
    return Page.objects.filter(content_type__in=content_types, locale=source).order_by("title")


def _topics(request):
    return Topic.objects.filter(locale=translation_status.source_locale()).order_by("name")


class PressReleaseFilterSet(PageFilterSet):
    state = StateFilter(label=_("State"), choices=list(STATE_LABELS.items()), empty_label=_("All"))
    topic = TopicFilter(label=_("Topic"), queryset=_topics, empty_label=_("All"))
    network = NetworkFilter(label=_("Network"), queryset=_network_pages, empty_label=_("All"))

    class Meta:
        model = PressReleasePage
        fields = []


class PressReleaseIndexView(IndexView):
    @cached_property
    def source(self):
        return translation_status.source_locale()

    @cached_property
    def targets(self):
        return translation_status.target_locales(self.source)

    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) and may_list_releases(self.request.user)

    def get_base_queryset(self):
        return without_releases_out_of_reach(super().get_base_queryset(), self.request.user)

    def annotate_queryset(self, pages):
        pages = with_editorial_state(super().annotate_queryset(pages))
        return translation_status.with_translation_states(
            pages, self.source, self.targets, source_edited=translation_status.source_last_edit(self.source)
        )

    @cached_property
    def columns(self):
        return [
            BulkActionsColumn("bulk_actions"),
            PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
            Column("locale", label=_("Language"), accessor="locale.get_display_name"),
            Column(
                "release_date",
                label=_("Release date"),
                sort_key="release_date",
                accessor=lambda page: date_format(page.release_date, "DATE_FORMAT"),
            ),
            Column("state", label=_("State"), accessor=_state),
            Column("translations", label=_("Translations"), accessor=self.translations),
        ]

    def translations(self, page):
        states = translation_status.translation_states(page, self.targets)
        if page.locale_id != self.source.pk:
            # A translation: its own state against the source.
            states = [state for state in states if state.locale.pk == page.locale_id]
        return translation_status.state_html(states)


class PressReleaseListingViewSet(PageListingViewSet):
    model = PressReleasePage
    index_view_class = PressReleaseIndexView
    filterset_class = PressReleaseFilterSet
    icon = "doc-full-inverse"
    menu_label = _("Press releases")
    add_to_admin_menu = True
    menu_order = 205

    @cached_property
    def menu_item_class(self):
        class PressReleasesMenuItem(MenuItem):
            def is_shown(self, request):
                return may_list_releases(request.user)

        return PressReleasesMenuItem

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        # The view builds its columns: the translation column needs the locales it loads once.
        del view_kwargs["columns"]
        return view_kwargs
