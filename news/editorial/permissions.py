"""The embargo rule of ``news.releases.permissions`` applied to the admin's listings, chooser, explorer,
bulk actions and admin API."""

from django.db.models import F, Q

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from .. import visibility
from ..releases.pages import PressReleasePage
from ..releases.permissions import is_embargo_cleared


def releases_out_of_reach(user):
    """The releases ``user`` may not open, as a queryset; ``None`` for those who may open them all."""
    if user.is_superuser or is_embargo_cleared(user):
        return None
    roots = Q(pk__in=[])
    for permission in page_permission_policy.get_cached_permissions_for_user(user):
        roots |= Q(path__startswith=permission.page.path)
    workable_sources = (
        Page.objects.filter(roots)
        .alias(source_locale_id=visibility.source_locale_id())
        .filter(locale_id=F("source_locale_id"))
        .values("translation_key")
    )
    return (
        PressReleasePage.objects.with_source_status()
        .filter(source_live_flag=False)
        .exclude(translation_key__in=workable_sources)
    )


def may_list_releases(user):
    """Whether ``user`` holds a page permission on a page that holds releases, or above one: not a
    network correspondent, whose rights are on their network's page."""
    if user.is_active and user.is_superuser:
        return True
    roots = Q(pk__in=[])
    for permission in page_permission_policy.get_cached_permissions_for_user(user):
        roots |= Q(path__startswith=permission.page.path)
    return Page.objects.type(*PressReleasePage.allowed_parent_page_models()).filter(roots).exists()


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


def is_out_of_reach(page_id, user):
    out_of_reach = releases_out_of_reach(user)
    return out_of_reach is not None and out_of_reach.filter(pk=page_id).exists()


class HidesReleasesOutOfReach:
    """For the admin's page bulk actions: a release out of reach is neither acted on nor named.

    Wagtail lists the pages a user may not act on by title on the confirmation page.
    """

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        out_of_reach = releases_out_of_reach(self.request.user)
        if out_of_reach is None:
            return objects, context
        hidden = set(
            out_of_reach.filter(pk__in=[page.pk for page in objects + context["items_with_no_access"]]).values_list(
                "pk", flat=True
            )
        )
        return (
            [page for page in objects if page.pk not in hidden],
            {
                **context,
                "items_with_no_access": [page for page in context["items_with_no_access"] if page.pk not in hidden],
            },
        )


class EmbargoAwareDeleteBulkAction(HidesReleasesOutOfReach, DeleteBulkAction):
    pass


class EmbargoAwareMoveBulkAction(HidesReleasesOutOfReach, MoveBulkAction):
    pass


class EmbargoAwarePublishBulkAction(HidesReleasesOutOfReach, PublishBulkAction):
    pass


class EmbargoAwareUnpublishBulkAction(HidesReleasesOutOfReach, UnpublishBulkAction):
    pass


PAGE_BULK_ACTIONS = [
    EmbargoAwareDeleteBulkAction,
    EmbargoAwareMoveBulkAction,
    EmbargoAwarePublishBulkAction,
    EmbargoAwareUnpublishBulkAction,
]


class EmbargoAwarePagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API (``/admin/api/main/pages/``, read by the page chooser and the explorer menu)."""

    def get_base_queryset(self):
        return without_releases_out_of_reach(super().get_base_queryset(), self.request.user)


def replace_admin_api_pages(router):
    """``construct_admin_api``: the pages endpoint, without the releases out of reach."""
    router.register_endpoint("pages", EmbargoAwarePagesAdminAPIViewSet)
