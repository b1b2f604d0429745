"""Wagtail's admin page search, without the releases its user may not open before their publication.

Unlike the explorer and the page chooser, the search view calls no queryset hook, and Wagtail resolves
its own admin URLs before those of ``register_admin_urls``. So the site includes these patterns ahead
of Wagtail's admin, at its page URLs: ``path("admin/pages/", include("news.admin_urls"))``.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.search import SearchView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .permissions import without_releases_out_of_reach


class EmbargoAwarePageSearchView(SearchView):
    def annotate_queryset(self, pages):
        # The one step that both the results and the per-type counts (``all_pages``) pass before
        # the search: counts that took in a hidden release would tell that it matches.
        self.all_pages = without_releases_out_of_reach(self.all_pages, self.request.user)
        return super().annotate_queryset(without_releases_out_of_reach(pages, self.request.user))


# The decorators Wagtail puts on every admin view but its 404 page.
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("search/", EmbargoAwarePageSearchView.as_view(), name="news_page_search"),
            path(
                "search/results/",
                EmbargoAwarePageSearchView.as_view(results_only=True),
                name="news_page_search_results",
            ),
        ],
        require_admin_access,
    ),
    never_cache,
)
