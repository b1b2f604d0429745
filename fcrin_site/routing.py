"""Route public requests through the home pages and their sections without a query.

On every request Wagtail looks up the site, the active locale, the localized home page and each page
of the path: five queries before a release is even found. The site, its home page in every language
and their children change only when a page is published, unpublished, moved or deleted, or when one
of these top pages is saved, and each of those bumps the page cache's generation. So each process
keeps them in memory for that generation (``news.models.memory.kept``), with the site root paths
Wagtail builds its URLs from, and Wagtail routes on from the section as usual: its own checks (live
pages, view restrictions, ``before_serve_page`` hooks) all still run.

The pages kept are shared by the requests a process serves: a request routes through copies of them,
so that nothing it sets on a page it serves outlives it. The menu (``menu_sections``) hands out the
kept pages themselves, to be read only.
"""

import copy
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_save
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from fcrin_site.pagecache import content_changed
from news.models.memory import kept

# Home pages sit at depth 2, right under Wagtail's root; their children are the site's sections.
SECTION_DEPTH = 3
# A site with more top-level pages than this routes them with a query, as Wagtail does.
MAX_SECTIONS = 200
# What saving a draft, or locking a page, writes to the page row: nothing routing or readers see.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


@dataclass
class SiteRoutes:
    site: Site
    homes: dict[str, Page]  # the root page and its translations, by language code
    root_paths: list  # Site.get_site_root_paths(), which page URLs are made from
    sections: dict[tuple[int, str], Page] = field(default_factory=dict)  # by (home id, slug)
    all_sections: bool = False  # whether ``sections`` holds every child of the home pages
    # For the home pages, and the sections when all are known: {translation key: {language: url_path}}
    # of their live translations, for language links.
    translation_paths: dict[str, dict[str, str]] = field(default_factory=dict)

    def live_translation_paths(self, page):
        """{language code: url_path} of the live translations of a home page or section; None for other pages."""
        return self.translation_paths.get(page.translation_key)

    def _index_translation(self, page, language):
        paths = self.translation_paths.setdefault(page.translation_key, {})
        if page.live:
            paths[language] = page.url_path

    def localized_home(self):
        """What ``site.root_page.localized`` gives: the live home page of the active language, or the root."""
        root = next(home for home in self.homes.values() if home.pk == self.site.root_page_id)
        try:
            language = get_supported_content_language_variant(translation.get_language())
        except LookupError:
            return root
        home = self.homes.get(language)
        return home if home is not None and home.live else root

    def route(self, request, path):
        components = [component for component in path.split("/") if component]
        home = copy.copy(self.localized_home())
        # Only a home page that routes like any page may hand its children over from the cache.
        if components and type(home).route is Page.route:
            section = self.sections.get((home.pk, components[0]))
            if section is not None:
                section = copy.copy(section)
                section._cached_parent_obj = home  # as Page.route does, so get_parent() costs nothing
                return section.route(request, components[1:])
        return home.route(request, components)


def _load(request):
    site = Site._find_for_request(request)
    if site is None:
        return None
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).specific()
    routes = SiteRoutes(site, {languages[home.locale_id]: home for home in homes}, Site.get_site_root_paths())
    for language, home in routes.homes.items():
        routes._index_translation(home, language)
    if any(home.depth != SECTION_DEPTH - 1 for home in routes.homes.values()):
        return routes
    in_a_home = Q()
    for home in routes.homes.values():
        in_a_home |= Q(path__startswith=home.path)
    children = Page.objects.filter(in_a_home, depth=SECTION_DEPTH)
    if children.count() <= MAX_SECTIONS:
        by_path = {home.path: home for home in routes.homes.values()}
        restricted = Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
        for child in children.annotate(is_restricted=restricted).order_by("path").specific():
            routes.sections[(by_path[child.path[: -Page.steplen]].pk, child.slug)] = child
            routes._index_translation(child, languages[child.locale_id])
        routes.all_sections = True
    return routes


def _site_addresses():
    """The (host name, port) of every site, from the root paths Wagtail keeps in its cache (routing
    reads them anyway); the port is the one ``Site.root_url`` leaves out when it is the default."""
    addresses = set()
    for root in Site.get_site_root_paths():
        parts = urlsplit(root.root_url)
        addresses.add((parts.hostname, parts.port or {"http": 80, "https": 443}[parts.scheme]))
    return addresses


def _routing_name(request):
    """The name routes are kept under: the parts of the request Wagtail's site lookup depends on.

    That is the host name and the port when a site has both, the host name alone when a site has that
    host name on another port, and nothing otherwise (the default site answers): made-up hosts and
    ports share one entry, so they cannot fill a worker's memory.
    """
    hostname = split_domain_port(request._get_raw_host())[0]  # as Site._find_for_request reads it
    port = int(request.get_port()) if str(request.get_port()).isdigit() else None
    addresses = kept("fcrin_site.site_addresses", _site_addresses)
    if (hostname, port) in addresses:
        return f"fcrin_site.routing:{hostname}:{port}"
    if any(hostname == known for known, _port in addresses):
        return f"fcrin_site.routing:{hostname}"
    return "fcrin_site.routing:default"


def site_routes(request):
    if hasattr(request, "_site_routes"):
        return request._site_routes
    routes = kept(_routing_name(request), lambda: _load(request))
    request._site_routes = routes
    return routes


def menu_sections(request, home):
    """The live, public children of ``home`` shown in menus, as specific pages in tree order.

    None when they are not in the cache (another site's home page, or too many children).
    """
    routes = site_routes(request)
    if routes is None or not routes.all_sections or home.pk not in {page.pk for page in routes.homes.values()}:
        return None
    return [
        section
        for (home_pk, _slug), section in routes.sections.items()
        if home_pk == home.pk and section.live and section.show_in_menus and not section.is_restricted
    ]


def serve(request, path):
    """Wagtail's page view, given the site and the route found through the cached top pages."""
    if not hasattr(request, "_wagtail_route_for_request"):
        routes = site_routes(request)
        current_site = getattr(request, "_wagtail_site", routes.site if routes else None)
        if routes is not None and current_site is not None and current_site.pk == routes.site.pk:
            request._wagtail_site = routes.site
            if not hasattr(request, "_wagtail_cached_site_root_paths"):
                request._wagtail_cached_site_root_paths = routes.root_paths  # read by Page.get_url_parts
            try:
                request._wagtail_route_for_request = routes.route(request, path)
            except Http404:
                request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    # Publishing bumps the page cache's generation, but a home page or section saved in code
    # (created, or its slug changed, outside publishing) must not be routed from a stale copy.
    if not isinstance(instance, Page) or instance.depth is None or instance.depth > SECTION_DEPTH:
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    content_changed()


def connect_signals():
    post_save.connect(on_page_saved, dispatch_uid="routing_top_page_saved")
