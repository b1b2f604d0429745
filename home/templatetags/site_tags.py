from django import template
from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Length
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from home.languages import active_locales
from home.models import LegalPage
from news import visibility
from news.serving import site_url

register = template.Library()


# The fields of the pages in a language link or a breadcrumb.
TRAIL_FIELDS = ["path", "depth", "url_path", "translation_key", "title", "seo_title"]


def _language_names():
    return {code: translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


def _page_alternates(request, page, home_path):
    """For each language: (address, whether it is a translation of ``page``) of the translation of
    ``page``, else of its nearest translated ancestor; the public pages from the language's home page
    down to ``page`` (the breadcrumb trail); the menu (the home page at ``home_path`` and its public
    menu children); and the footer's legal pages (its public LegalPage children), all in one query."""
    # Ancestor paths are prefixes of the page's own path, so one query finds every public translation.
    paths = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    keys = Page.objects.filter(path__in=paths).values("translation_key")
    section_depth = len(home_path) // Page.steplen + 1
    section = Q(path__startswith=home_path, depth=section_depth)
    candidates = (
        visibility.public(
            Page.objects.annotate(
                legal_kind=Subquery(LegalPage.objects.filter(pk=OuterRef("pk")).values("kind"))
            ).filter(
                Q(translation_key__in=keys)
                | Q(path=home_path)
                | section & (Q(show_in_menus=True) | Q(legal_kind__isnull=False))
            )
        )
        .annotate(translated=ExpressionWrapper(Q(translation_key__in=keys), output_field=BooleanField()))
        .select_related("locale")
        # What the links (get_url) and the breadcrumbs read: a third of the columns to compile and load.
        .only(*TRAIL_FIELDS, "show_in_menus", "locale__language_code")
        .order_by("path")
    )
    best = {}
    trail = []
    menu = []
    legal = []
    for candidate in candidates:
        in_section = candidate.path.startswith(home_path) and candidate.depth == section_depth
        if candidate.path == home_path or (in_section and candidate.show_in_menus):
            menu.append(candidate)
        if in_section and candidate.legal_kind is not None:
            legal.append(candidate)
        if not candidate.translated:
            continue
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
    legal = LegalPage.in_footer_order(legal, lambda page: page.legal_kind)
    return alternates, trail, menu if menu and menu[0].path == home_path else [], legal


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


class PageLanguages:
    """The language links (switcher, hreflang) and breadcrumb trail of the page being rendered.

    Read in one query when first used, so a page whose header and footer come from the fragment
    cache makes none.
    """

    def __init__(self, request, page, routed_urls):
        self.request, self.page, self.routed_urls = request, page, routed_urls
        self.site = Site.find_for_request(request)

    @cached_property
    def _found(self):
        page, site = self.page, self.site
        if isinstance(page, Page) and page.pk and site is not None and page.depth >= site.root_page.depth:
            return _page_alternates(self.request, page, page.path[: Page.steplen * site.root_page.depth])
        return _view_alternates(self.request), [], None, None

    @cached_property
    def trail(self):
        return self._found[1]

    @cached_property
    def legal_pages(self):
        """The footer's legal pages in the page's language (else the active one)."""
        if self._found[3] is not None:
            return self._found[3]
        return LegalPage.footer_links(get_supported_content_language_variant(translation.get_language()))

    @cached_property
    def navigation(self):
        """The home page of the page's language (else the active one) and its public menu sections."""
        if self._found[2]:
            return self._found[2]
        return _menu_in_active_language(self.site) if self.site is not None else []

    @cached_property
    def alternates(self):
        found = self._found[0]
        if self.routed_urls is not None:
            # A page's sub-route (e.g. a topic page) gives its own address in each language; elsewhere
            # the switcher falls back to the page itself, which is then no hreflang alternate.
            found = {code: (url, False) for code, (url, _exact) in found.items()}
            found.update((code, (url, True)) for code, url in self.routed_urls.items())
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
                    "absolute_url": site_url(self.request, url),
                    "exact": exact,
                    "current": code == current,
                }
            )
        return alternates


@register.simple_tag(takes_context=True)
def page_languages(context):
    """``{% page_languages as languages %}``: ``languages.alternates``, ``.trail`` and ``.navigation`` (PageLanguages)."""
    request = context.get("request")
    if request is None:
        return None
    return PageLanguages(request, context.get("page"), context.get("alternate_urls"))


def _menu_in_active_language(site):
    """For views that are no page (search…): the home page in the active language and its public
    menu children, in one query."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    home_path = Page.objects.filter(translation_key__in=root_key, locale__in=active_locales()).values("path")[:1]
    children = Q(path__startswith=F("home_path"), show_in_menus=True, path_length=Length("home_path") + Page.steplen)
    pages = list(
        visibility.public(Page.objects.all())
        .alias(home_path=Subquery(home_path), path_length=Length("path"))
        .annotate(is_home=Q(path=F("home_path")))
        .filter(Q(is_home=True) | children)
        .order_by("path")
    )
    return pages if pages and pages[0].is_home else []


@register.simple_tag(takes_context=True)
def current_item(context, navigation):
    """The id of the menu item that is the page being read, or None."""
    page = context.get("page")
    return next((item.pk for item in navigation if isinstance(page, Page) and page.pk == item.pk), None)


@register.inclusion_tag("includes/legal_links.html", takes_context=True)
def legal_links(context, languages=None):
    """The footer's links to the legal pages (legal notice, privacy, accessibility): those the page's
    ``languages`` (``page_languages``) found with the menu, else those of the active language."""
    if languages is not None:
        pages = languages.legal_pages
    else:
        pages = LegalPage.footer_links(get_supported_content_language_variant(translation.get_language()))
    return {"request": context.get("request"), "pages": pages}
