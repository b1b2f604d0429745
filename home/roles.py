"""The press office's editorial roles: groups, their rights, and the review workflow.

Group names are data that the comms team reads in the admin, hence French. ``ensure_roles`` runs in
home's data migration, so every environment has the groups; the sections (``FCRIN_EDITORIAL_SECTIONS``:
press room, networks directory, calendar) are created later, by the demo loader or an editor, so each
section page receives the groups' page permissions and the workflow when it is created
(``grant_section``, connected in ``HomeConfig.ready``). Both take an app registry so that the
migration can use its historical models.
"""

from django.conf import settings
from django.db.models import Q

WRITERS = "Rédaction"
PUBLISHERS = "Publication"
TRANSLATORS = "Traduction"
EMBARGO_TRANSLATORS = "Traduction sous embargo"
WORKFLOW = "Relecture communication"
REVIEW_TASK = "Relecture par l'équipe Publication"

SNIPPETS = [
    "news.topic",
    "news.presscontact",
    "news.boilerplate",
    "news.clipping",
    "news.mediaitem",
    "networks.careprotocol",
]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _model_permissions(actions, models):
    return [(model.split(".")[0], f"{action}_{model.split('.')[1]}") for model in models for action in actions]


ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
# The e-mail alerts hold readers' and journalists' addresses and send in the office's name: Publication only.
ALERTS = ["news.subscriber", "news.announcement", "news.journalist", "news.advancenotice"]

# Per group: model permissions, image and document rights on the root collection, and page
# permissions on each section in its source language ("source") and in translations ("translations").
ROLES = {
    WRITERS: {
        "permissions": ADMIN_ACCESS + _model_permissions(["add", "change"], SNIPPETS),
        "collections": MEDIA_PERMISSIONS,
        "source": ["add", "change"],
        "translations": ["add", "change"],
    },
    PUBLISHERS: {
        "permissions": ADMIN_ACCESS
        + _model_permissions(["add", "change", "delete"], [*SNIPPETS, "news.embargopreviewlink"])
        + _model_permissions(["add", "change", "delete", "view"], ALERTS)
        + [("wagtail_localize", "submit_translation")],
        "collections": MEDIA_PERMISSIONS,
        "source": ["add", "change", "publish", "lock", "unlock"],
        "translations": ["add", "change", "publish", "lock", "unlock"],
    },
    TRANSLATORS: {"permissions": ADMIN_ACCESS, "collections": [], "source": [], "translations": ["change"]},
    # Translators also in this group may open releases still under embargo (NEWS_EMBARGO_CLEARED_GROUPS).
    EMBARGO_TRANSLATORS: {"permissions": ADMIN_ACCESS, "collections": [], "source": [], "translations": []},
}


def _permissions(apps, keys):
    """The permissions named by ``(app_label, codename)`` pairs.

    Those that do not exist are left out: only a database flushed by tests lacks the ones that
    migrations create (such as wagtail-localize's ``submit_translation``).
    """
    Permission = apps.get_model("auth", "Permission")
    query = Q(pk__in=[])
    for app_label, codename in keys:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def ensure_roles(apps):
    """Create the groups, their model and collection permissions, and the review workflow. Idempotent."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, role["permissions"]))
        # A database flushed by tests has no root collection until one is made.
        for permission in _permissions(apps, role["collections"]) if root_collection else []:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    return _ensure_workflow(apps, groups[PUBLISHERS])


def _review_task(apps, publishers):
    """The publishers' review task: news' approval with pre-publish checks.

    Migration 0002 runs before news has that task type and creates a plain group approval, which
    0003 replaces: a task with review history is kept, deactivated, the others are deleted.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    try:
        ReviewTask = apps.get_model("news", "ReleaseReviewTask")
    except LookupError:
        ReviewTask = GroupApprovalTask
    task = ReviewTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        # Set by hand: historical models do not fill in the specific content type.
        opts = ReviewTask._meta
        content_type, _created = ContentType.objects.get_or_create(app_label=opts.app_label, model=opts.model_name)
        task = ReviewTask.objects.create(name=REVIEW_TASK, content_type=content_type, active=True)
        task.groups.add(publishers)
    if ReviewTask is not GroupApprovalTask:
        for replaced in GroupApprovalTask.objects.filter(name=REVIEW_TASK):
            replaced.workflow_tasks.filter(workflow__workflow_tasks__task=task).delete()
            replaced.workflow_tasks.update(task=task)
            if replaced.task_states.exists():
                GroupApprovalTask.objects.filter(pk=replaced.pk).update(active=False, name=REVIEW_TASK + " (remplacée)")
            else:
                replaced.delete()
    return task


def _ensure_workflow(apps, publishers):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = _review_task(apps, publishers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def section_models():
    return {label.lower() for label in getattr(settings, "FCRIN_EDITORIAL_SECTIONS", [])}


def grant_section(apps, page):
    """Give ``page`` (a section) the groups' page permissions and the review workflow.

    A section that already has a workflow keeps it: an administrator may have chosen another one.
    """
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = ensure_roles(apps)
    language = Locale.objects.get(pk=page.locale_id).language_code
    kind = "source" if language == settings.LANGUAGE_CODE else "translations"
    for name, role in ROLES.items():
        group = Group.objects.get(name=name)
        for permission in _permissions(apps, [("wagtailcore", f"{action}_page") for action in role[kind]]):
            GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)
    WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})


def grant_new_section(sender, instance, created, raw=False, **kwargs):
    """``post_save``: a new section page (or a section's new translation) gets the roles' rights."""
    from django.apps import apps

    if created and not raw:
        grant_section(apps, instance)
