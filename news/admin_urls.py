"""Wagtail's admin views that name pages, without the releases their user may not open before their
publication.

Unlike the explorer's listing and the page chooser's, these views call no queryset hook, and Wagtail
resolves its own admin URLs before those of ``register_admin_urls``. So the site includes these
patterns ahead of Wagtail's admin: ``path("admin/", include("news.admin_urls"))``.
"""

from functools import wraps
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from .editorial.permissions import is_out_of_reach, releases_out_of_reach, without_releases_out_of_reach
from .releases.pages import PressReleasePage


class EmbargoAwarePageSearchView(SearchView):
    def annotate_queryset(self, pages):
        # The one step that both the results and the per-type counts (``all_pages``) pass before
        # the search: counts that took in a hidden release would tell that it matches.
        self.all_pages = without_releases_out_of_reach(self.all_pages, self.request.user)
        return super().annotate_queryset(without_releases_out_of_reach(pages, self.request.user))


class EmbargoAwareLogEntriesView(LogEntriesView):
    def filter_queryset(self, queryset):
        # The history keeps each page's title at the time of each action: a hidden release's too.
        queryset = super().filter_queryset(queryset)
        out_of_reach = releases_out_of_reach(self.request.user)
        if queryset.model is PageLogEntry and out_of_reach is not None:
            queryset = queryset.exclude(page_id__in=out_of_reach.values("pk"))
        return queryset


class EmbargoAwarePageTypesUsageReportView(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        # Each type's "last edited page" is named: not a hidden release.
        page_types = super().decorate_paginated_queryset(page_types)
        for item in page_types:
            if item.last_edited_page is not None and is_out_of_reach(item.last_edited_page.pk, self.request.user):
                item.last_edited_page = None
        return page_types


class EmbargoAwareTranslationsReportView(TranslationsReportView):
    def get_queryset(self):
        # wagtail-localize lists every translation by its source's title, whatever the user's rights.
        translations = super().get_queryset()
        out_of_reach = releases_out_of_reach(self.request.user)
        if out_of_reach is None:
            return translations
        return translations.exclude(source__object_id__in=out_of_reach.values("translation_key"))


def refused_for_releases_out_of_reach(view, page_kwarg):
    """``view`` answering 404 when the page it is about (its title, in the tab and the header) is a
    release out of reach."""

    @wraps(view)
    def refusing(request, *args, **kwargs):
        if is_out_of_reach(kwargs[page_kwarg], request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return refusing


def refused_for_release_types(view):
    """The listing of every page of a type: refused for the release types to who may not open them all
    (it calls no queryset hook)."""

    @wraps(view)
    def refusing(request, *args, content_type_app_name, content_type_model_name, **kwargs):
        label = f"{content_type_app_name}.{content_type_model_name}"
        if label == PressReleasePage._meta.label_lower and releases_out_of_reach(request.user) is not None:
            raise Http404
        return view(
            request,
            *args,
            content_type_app_name=content_type_app_name,
            content_type_model_name=content_type_model_name,
            **kwargs,
        )

    return refusing


def explorer(view_name):
    return refused_for_releases_out_of_reach(
        page_viewset_registry.as_view(view_name, parent_page_id_kwarg="parent_page_id"), "parent_page_id"
    )


def translate_into_the_missing_language(request, page_id):
    """wagtail-localize's "Translate" form with the target language ticked when only one is missing,
    through its own ``select_locale`` parameter, which its buttons never set."""
    if request.method == "GET" and "select_locale" not in request.GET:
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            missing = list(Locale.objects.exclude(pk__in=page.get_translations(inclusive=True).values("locale")))
            if len(missing) == 1:
                query = urlencode({**request.GET.dict(), "select_locale": missing[0].language_code})
                return redirect(f"{request.path}?{query}")
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


def pages_of_type(view_name):
    return refused_for_release_types(
        page_viewset_registry.as_view(
            view_name, app_label_kwarg="content_type_app_name", model_name_kwarg="content_type_model_name"
        )
    )


# The decorators Wagtail puts on every admin view but its 404 page.
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("pages/search/", EmbargoAwarePageSearchView.as_view(), name="news_page_search"),
            path(
                "localize/submit/page/<int:page_id>/",
                refused_for_releases_out_of_reach(translate_into_the_missing_language, "page_id"),
                name="news_submit_page_translation",
            ),
            path(
                "pages/search/results/",
                EmbargoAwarePageSearchView.as_view(results_only=True),
                name="news_page_search_results",
            ),
            path("pages/<int:parent_page_id>/", explorer("index"), name="news_explore"),
            path("pages/<int:parent_page_id>/results/", explorer("index_results"), name="news_explore_results"),
            path(
                "pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/",
                pages_of_type("content_type_use"),
                name="news_type_use",
            ),
            path(
                "pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/",
                pages_of_type("content_type_use_results"),
                name="news_type_use_results",
            ),
            path(
                "choose-page/<int:parent_page_id>/",
                refused_for_releases_out_of_reach(BrowseView.as_view(), "parent_page_id"),
                name="news_choose_page_child",
            ),
            path("reports/site-history/", EmbargoAwareLogEntriesView.as_view(), name="news_site_history"),
            path(
                "reports/site-history/results/",
                EmbargoAwareLogEntriesView.as_view(results_only=True),
                name="news_site_history_results",
            ),
            path(
                "reports/page-types-usage/",
                EmbargoAwarePageTypesUsageReportView.as_view(),
                name="news_page_types_usage",
            ),
            path(
                "reports/page-types-usage/results/",
                EmbargoAwarePageTypesUsageReportView.as_view(results_only=True),
                name="news_page_types_usage_results",
            ),
            path(
                "localize/reports/translations/",
                EmbargoAwareTranslationsReportView.as_view(),
                name="news_translations_report",
            ),
            path(
                "localize/reports/translations/results/",
                EmbargoAwareTranslationsReportView.as_view(results_only=True),
                name="news_translations_report_results",
            ),
        ],
        require_admin_access,
    ),
    never_cache,
)
