"""The site's rules over Wagtail's page permissions, for the page types of news and networks.

``NEWS_PAGE_PERMISSION_RULES`` names a mixin of ``PagePermissionTester`` methods (the site's role
matrix, say); each page type's tester is that mixin over the tester the page type needs. Every admin
view, button and menu asks ``page.permissions_for_user()``, so what the rules refuse is neither
offered nor done.
"""

import functools

from django.conf import settings
from django.utils.module_loading import import_string

from wagtail.models import PagePermissionTester


@functools.cache
def tester_class(base, rules):
    return type(base.__name__, (import_string(rules), base), {}) if rules else base


def permission_tester(user, page, base=PagePermissionTester):
    return tester_class(base, getattr(settings, "NEWS_PAGE_PERMISSION_RULES", ""))(user, page)


class SitePermissionsPage:
    """A page model mixin, before ``Page`` in its bases."""

    def permissions_for_user(self, user):
        return permission_tester(user, self)
