import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from fcrin_site import csp, views
from fcrin_site.api import api_router
from fcrin_site.api import not_found as api_not_found
from fcrin_site.search import views as search_views
from fcrin_site.sitemaps import SITEMAPS

handler400 = views.bad_request
handler403 = views.permission_denied

urlpatterns = [
    # Ahead of Wagtail's admin, which they override: its page search and site history know no embargo
    # (news/admin_urls.py), its file deletion no role matrix (home/admin_urls.py).
    path("admin/", include("news.admin_urls")),
    path("admin/", include("home.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Ahead of Wagtail's document URLs, whose view it wraps (fcrin_site/views.py).
    re_path(r"^documents/(?P<document_id>\d+)/(?P<document_filename>.*)$", views.document),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path(
        "sitemap.xml",
        views.sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("csp-report/", csp.csp_report, name="csp_report"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", views.media)]

if getattr(settings, "BENCH_VIEWS", False):
    from fcrin_site.bench import bare

    urlpatterns += [path("bench/bare/", bare)]

urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path("", include("news.urls")),
    path("", include(wagtail_urls)),
)
