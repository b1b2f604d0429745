"""Wagtail's admin page search and site history, without the releases their user may not open before
their publication.

Unlike the explorer and the page chooser, these views call no queryset hook, and Wagtail resolves its
own admin URLs before those of ``register_admin_urls``. So the site includes these patterns ahead of
Wagtail's admin: ``path("admin/", include("news.admin_urls"))``.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import PageLogEntry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .permissions import releases_out_of_reach, without_releases_out_of_reach


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


# The decorators Wagtail puts on every admin view but its 404 page.
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("pages/search/", EmbargoAwarePageSearchView.as_view(), name="news_page_search"),
            path(
                "pages/search/results/",
                EmbargoAwarePageSearchView.as_view(results_only=True),
                name="news_page_search_results",
            ),
            path("reports/site-history/", EmbargoAwareLogEntriesView.as_view(), name="news_site_history"),
            path(
                "reports/site-history/results/",
                EmbargoAwareLogEntriesView.as_view(results_only=True),
                name="news_site_history_results",
            ),
        ],
        require_admin_access,
    ),
    never_cache,
)
