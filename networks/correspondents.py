"""Network correspondents: one group per network, whose members may edit that network's page only.

On when ``NETWORKS_CORRESPONDENTS_GROUP_NAME`` is set (e.g. ``"Correspondants {network}"``, filled
with the acronym, else the title). The group is made when the network's page is created and receives
the right to edit each translation as it is created; an administrator adds the correspondents to it.
Edits go through the review workflow of the directory like any other. Functions take an app registry
so that a data migration can run them with historical models.
"""

from django.conf import settings
from django.db.models import Q

PAGE_ACTIONS = ["change"]
GROUP_PERMISSIONS = [("wagtailadmin", "access_admin")]


def group_name_template():
    return getattr(settings, "NETWORKS_CORRESPONDENTS_GROUP_NAME", "")


def _permissions(apps, keys):
    """Those of the ``(app_label, codename)`` pairs that exist (a database flushed by tests lacks some)."""
    Permission = apps.get_model("auth", "Permission")
    query = Q(pk__in=[])
    for app_label, codename in keys:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def correspondents_group(apps, page):
    """The network's group: the one already editing another language of the page, or a new one."""
    Group = apps.get_model("auth", "Group")
    template = group_name_template()
    prefix = template.split("{", 1)[0]
    group = (
        Group.objects.filter(
            name__startswith=prefix,
            page_permissions__page__translation_key=page.translation_key,
            page_permissions__permission__codename="change_page",
        )
        .order_by("pk")
        .first()
    )
    if group is None:
        group, _created = Group.objects.get_or_create(name=template.format(network=page.acronym or page.title))
        group.permissions.add(*_permissions(apps, GROUP_PERMISSIONS))
    return group


def grant_correspondents(apps, page):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = correspondents_group(apps, page)
    for permission in _permissions(apps, [("wagtailcore", f"{action}_page") for action in PAGE_ACTIONS]):
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)
    return group


def network_page_created(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of network pages, translations included."""
    from django.apps import apps

    if created and not raw and group_name_template():
        grant_correspondents(apps, instance)
