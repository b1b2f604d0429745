"""A release not yet public is reachable only by the people who work on it.

Wagtail's page permissions flow down the tree, so a translator with rights on the English press room
would otherwise open the English draft of a release still under embargo and read its French text in
the translation editor. Every admin view asks ``page.permissions_for_user()``, so the rule lives here.
"""

from django.conf import settings
from django.db.models import F, Q

from wagtail.models import Page, PagePermissionTester
from wagtail.permissions import page_permission_policy

from .models import PressReleasePage
from .models.querysets import source_locale_id, unpublished_sources


def embargo_cleared_groups():
    """Groups allowed on every release before its publication, whatever their other rights."""
    return getattr(settings, "NEWS_EMBARGO_CLEARED_GROUPS", [])


def unpublished_release_sources(user):
    """Translation key → path of each release whose source-language page is not live.

    One query, then cached on the user object for the request, as Wagtail caches permissions:
    an admin listing asks about every row.
    """
    if not hasattr(user, "_news_unpublished_sources"):
        user._news_unpublished_sources = dict(
            unpublished_sources(PressReleasePage.objects).values_list("translation_key", "path")
        )
    return user._news_unpublished_sources


def is_embargo_cleared(user):
    if not hasattr(user, "_news_embargo_cleared"):
        cleared = embargo_cleared_groups()
        user._news_embargo_cleared = bool(cleared) and user.groups.filter(name__in=cleared).exists()
    return user._news_embargo_cleared


class EmbargoPagePermissionTester(PagePermissionTester):
    """Drops a user's permissions on a release whose source page is not live.

    Kept are those who hold a permission on the source-language page itself (its writers and
    publishers) and the members of ``NEWS_EMBARGO_CLEARED_GROUPS``. Checked only when a permission
    is asked for.
    """

    _granted = frozenset()
    _embargo_checked = True

    @property
    def permissions(self):
        if self._embargo_checked is False:
            self._embargo_checked = True
            if self._granted and not self._may_see_before_publication():
                self._granted = set()
        return self._granted

    @permissions.setter
    def permissions(self, value):
        self._granted = value
        self._embargo_checked = False

    def _may_see_before_publication(self):
        source_path = unpublished_release_sources(self.user).get(self.page.translation_key)
        if source_path is None:
            return True
        user_permissions = self.permission_policy.get_cached_permissions_for_user(self.user)
        if any(source_path.startswith(permission.page.path) for permission in user_permissions):
            return True
        return is_embargo_cleared(self.user)


def releases_out_of_reach(user):
    """The releases ``user`` may not open, as a queryset; ``None`` for those who may open them all."""
    if user.is_superuser or is_embargo_cleared(user):
        return None
    roots = Q(pk__in=[])
    for permission in page_permission_policy.get_cached_permissions_for_user(user):
        roots |= Q(path__startswith=permission.page.path)
    workable_sources = (
        Page.objects.filter(roots)
        .alias(source_locale_id=source_locale_id())
        .filter(locale_id=F("source_locale_id"))
        .values("translation_key")
    )
    return (
        PressReleasePage.objects.with_source_status()
        .filter(source_live_flag=False)
        .exclude(translation_key__in=workable_sources)
    )


def without_releases_out_of_reach(pages, user):
    """``pages`` less the releases ``user`` may not open: the same rule, for the admin's listings of pages."""
    out_of_reach = releases_out_of_reach(user)
    return pages if out_of_reach is None else pages.exclude(pk__in=out_of_reach.values("pk"))


def hide_releases_out_of_reach(pages, request):
    """``construct_page_chooser_queryset``: the same rule in the page chooser, so no headline leaks."""
    return without_releases_out_of_reach(pages, request.user)


def hide_releases_out_of_reach_in_explorer(parent_page, pages, request):
    """``construct_explorer_page_queryset``: the same rule in the explorer's listings."""
    return hide_releases_out_of_reach(pages, request)
