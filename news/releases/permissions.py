"""A release not yet public is reachable only by the people who work on it.

Wagtail's page permissions flow down the tree, so a translator with rights on the English press room
would otherwise open the English draft of a release still under embargo and read its French text in
the translation editor. Every admin view asks ``page.permissions_for_user()``, so the rule lives here;
the admin's listings ask ``news.editorial.permissions``, which applies it to querysets.
"""

from django.conf import settings

from wagtail.models import PagePermissionTester

from .. import visibility


def embargo_cleared_groups():
    """Groups allowed on every release before its publication, whatever their other rights."""
    return getattr(settings, "NEWS_EMBARGO_CLEARED_GROUPS", [])


def unpublished_release_sources(user, release_type):
    """Translation key → path of each release (a ``release_type`` page) whose source-language page is not public.

    One query, then cached on the user object for the request, as Wagtail caches permissions:
    an admin listing asks about every row.
    """
    if not hasattr(user, "_news_unpublished_sources"):
        user._news_unpublished_sources = dict(
            visibility.withheld_source_pages().type(release_type).values_list("translation_key", "path")
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
        source_path = unpublished_release_sources(self.user, type(self.page)).get(self.page.translation_key)
        if source_path is None:
            return True
        user_permissions = self.permission_policy.get_cached_permissions_for_user(self.user)
        if any(source_path.startswith(permission.page.path) for permission in user_permissions):
            return True
        return is_embargo_cleared(self.user)
