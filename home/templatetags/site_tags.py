from django import template
from django.conf import settings
from django.db.models import F, Q, Subquery
from django.db.models.functions import Length
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

from fcrin_site.routing import menu_sections, site_routes
from home.visibility import active_locales
from news.models.querysets import routed_ancestry

register = template.Library()


# The fields of the pages in a language link or a breadcrumb.
TRAIL_FIELDS = ["path", "depth", "url_path", "translation_key", "title", "seo_title"]


def _language_names():
    return {code: translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


def _routed_alternates(request, ancestry):
    """``_page_alternates`` from what routing handed over, with no query: the live translations of
    the top pages from the routing cache, those of a page below them from the query that found it
    (``live_translation_paths``). None when some are missing, or when a language has no live page
    among them."""
    routes = site_routes(request)
    nearest = {}  # language code: (the page at that address, whether it is a translation of ``page``)
    for level, ancestor in enumerate(ancestry):
        paths = getattr(ancestor, "live_translation_paths", None)
        if paths is None and routes is not None:
            paths = routes.live_translation_paths(ancestor)
        if paths is None:
            return None
        for code, url_path in paths.items():
            if code not in nearest:
                # The page's own address is its own; another language's is only known by its path.
                target = ancestor if url_path == ancestor.url_path else Page(url_path=url_path)
                nearest[code] = (target, level == 0)
    if len(nearest) < len(settings.LANGUAGES):
        return None  # a translation elsewhere in the tree than where routing looks: the query finds it
    alternates = {code: (target.get_url(request), exact) for code, (target, exact) in nearest.items()}
    return alternates, [ancestor for ancestor in reversed(ancestry) if ancestor.live]


def _page_alternates(request, page):
    """For each language: the translation of ``page``, else of its nearest translated ancestor.

    The same lookup also gives the breadcrumb trail (see page_trail); its result is kept on the request.
    """
    found = getattr(request, "_page_alternates", {}).get(page.pk)
    if found is not None:
        return found[0]
    ancestry = routed_ancestry(page)
    found = _routed_alternates(request, ancestry) if ancestry is not None else None
    if found is None:
        found = _queried_alternates(request, page, ancestry)
    request._page_alternates = {page.pk: found}
    return found[0]


def _queried_alternates(request, page, ancestry):
    # Ancestor paths are prefixes of the page's own path, so one query finds every live translation.
    paths = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    if ancestry is not None:
        keys = [ancestor.translation_key for ancestor in ancestry]
    else:
        keys = Page.objects.filter(path__in=paths).values("translation_key")
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        # What the links (get_url) and the breadcrumbs read: a third of the columns to compile and load.
        .only(*TRAIL_FIELDS, "locale__language_code")
        .order_by("path")
    )
    best = {}
    trail = []
    for candidate in candidates:
        if candidate.path in paths:
            trail.append(candidate)
        code = candidate.locale.language_code
        # Translations mirror the source tree, so the deepest candidate is the nearest ancestor.
        if code not in best or candidate.depth > best[code].depth:
            best[code] = candidate
    alternates = {
        code: (candidate.get_url(request), candidate.translation_key == page.translation_key)
        for code, candidate in best.items()
    }
    return alternates, trail


def page_trail(request, page):
    """The live pages from the language's home page down to ``page``, for breadcrumbs."""
    _page_alternates(request, page)
    return request._page_alternates[page.pk][1]


def _view_alternates(request):
    match = request.resolver_match
    alternates = {}
    for code, _name in settings.LANGUAGES:
        if match and match.url_name != "wagtail_serve":
            alternates[code] = (translate_url(request.path, code), True)
        else:
            with translation.override(code):
                alternates[code] = (reverse("wagtail_serve", args=[""]), False)
    return alternates


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The language switcher's and hreflang links' data, computed once per request."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_language_alternates", None)
    if cached is not None:
        return cached
    page = context.get("page")
    found = _page_alternates(request, page) if isinstance(page, Page) and page.pk else _view_alternates(request)
    routed = context.get("alternate_urls")
    if routed is not None:
        # A page's sub-route (e.g. a topic page) gives its own address in each language; elsewhere
        # the switcher falls back to the page itself, which is then no hreflang alternate.
        found = {code: (url, False) for code, (url, _exact) in found.items()}
        found.update((code, (url, True)) for code, url in routed.items())
    current = translation.get_language()
    names = _language_names()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url, exact = found.get(code, (None, False))
        if url is None:
            with translation.override(code):
                url = reverse("wagtail_serve", args=[""])
        alternates.append(
            {
                "code": code,
                "name": names[code],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "exact": exact,
                "current": code == current,
            }
        )
    request._language_alternates = alternates
    return alternates


def _menu_q(home_path):
    """The home page at ``home_path`` (the current page's language) and its public menu children."""
    # A restriction on the home page itself would already have stopped the reader; only the children's matter.
    children = Q(path__startswith=home_path, depth=len(home_path) // Page.steplen + 1, show_in_menus=True) & ~Q(
        pk__in=PageViewRestriction.objects.values("page_id")
    )
    return Q(path=home_path) | children


def _menu_from_path(home_path):
    pages = list(Page.objects.live().filter(_menu_q(home_path)).order_by("path"))
    return pages if pages and pages[0].path == home_path else []


def _menu_in_active_language(site):
    """For views that are no page (search…): the home page in the active language and its public
    menu children, in one query."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    home_path = Page.objects.filter(translation_key__in=root_key, locale__in=active_locales()).values("path")[:1]
    children = Q(path__startswith=F("home_path"), show_in_menus=True, path_length=Length("home_path") + Page.steplen)
    pages = list(
        Page.objects.live()
        .alias(home_path=Subquery(home_path), path_length=Length("path"))
        .annotate(is_home=Q(path=F("home_path")))
        .filter(Q(is_home=True) | children & ~Q(pk__in=PageViewRestriction.objects.values("page_id")))
        .order_by("path")
    )
    return pages if pages and pages[0].is_home else []


@register.simple_tag(takes_context=True)
def main_navigation(context):
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_navigation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    page = context.get("page")
    navigation = []
    if site is not None and isinstance(page, Page) and page.depth >= site.root_page.depth:
        navigation = _cached_menu(request, page.path[: Page.steplen * site.root_page.depth])
        if not navigation:
            navigation = _menu_from_path(page.path[: Page.steplen * site.root_page.depth])
    if site is not None and not navigation:
        routes = site_routes(request)
        navigation = _cached_menu(request, routes.localized_home().path) if routes else []
    if site is not None and not navigation:
        navigation = _menu_in_active_language(site)
    if site is not None and not navigation:
        home = site.root_page.localized
        navigation = [home, *home.get_children().live().public().in_menu()]
    request._main_navigation = navigation
    return navigation


def _cached_menu(request, home_path):
    """The live home page at ``home_path`` and its menu sections, from the routing cache: no query."""
    routes = site_routes(request)
    home = next((home for home in routes.homes.values() if home.path == home_path), None) if routes else None
    if home is None or not home.live:
        return []
    sections = menu_sections(request, home)
    return [home, *sections] if sections is not None else []


@register.simple_tag(takes_context=True)
def current_item(context, navigation):
    """The id of the menu item that is the page being read, or None."""
    page = context.get("page")
    return next((item.pk for item in navigation if isinstance(page, Page) and page.pk == item.pk), None)


@register.simple_tag(takes_context=True)
def language_selector(context):
    """The language switcher of ``language_alternates``; the header and the footer show the same one,
    rendered once a request."""
    request = context.get("request")
    alternates = context.get("alternates")
    rendered = getattr(request, "_language_selector", None)
    if rendered is None or rendered[0] is not alternates:
        rendered = (alternates, context.template.engine.get_template("includes/language_selector.html").render(context))
        if request is not None:
            request._language_selector = rendered
    return rendered[1]
