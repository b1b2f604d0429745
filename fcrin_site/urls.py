import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from fcrin_site import routing, views
from fcrin_site.api import api_router
from fcrin_site.api import not_found as api_not_found
from fcrin_site.search import views as search_views
from fcrin_site.sitemaps import SITEMAPS

urlpatterns = [
    # Ahead of Wagtail's admin, which it overrides: its page search and site history know no embargo
    # (news/admin_urls.py).
    path("admin/", include("news.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA", False):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

if getattr(settings, "BENCH_VIEWS", False):
    from fcrin_site.bench import bare

    urlpatterns += [path("bench/bare/", bare)]

# Wagtail's own URLs, with its page view routed through the cached top pages.
wagtail_patterns = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
wagtail_patterns.append(re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"))

urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path("", include("news.urls")),
    path("", include(wagtail_patterns)),
)
