from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from . import role_matrix

# Pages: the page permission tester (``role_matrix.RoleMatrixRules``) already keeps these actions
# from who the matrix refuses; these hooks refuse them again where Wagtail is about to perform them.


def refuse_unless_allowed(user, action, pages):
    if not all(role_matrix.allows_on_page(user, action, page) for page in pages):
        raise PermissionDenied


@hooks.register("before_delete_page")
def refuse_deletion(request, page):
    refuse_unless_allowed(request.user, "delete", [page])


@hooks.register("before_unpublish_page")
def refuse_unpublication(request, page):
    refuse_unless_allowed(request.user, "unpublish", [page])


@hooks.register("before_move_page")
def refuse_move(request, page, destination):
    refuse_unless_allowed(request.user, "move", [page])


@hooks.register("before_bulk_action")
def refuse_bulk_action(request, action_type, objects, action_class_instance):
    model = action_class_instance.model
    if action_type in {"delete", "move", "unpublish"} and issubclass(model, Page):
        refuse_unless_allowed(request.user, action_type, objects)
    elif action_type == "delete" and issubclass(model, AbstractImage | AbstractDocument):
        if not all(role_matrix.allows(request.user, "delete", role_matrix.file_kind(obj)) for obj in objects):
            raise PermissionDenied


@hooks.register("construct_reports_menu")
def hide_reports(request, menu_items):
    if not role_matrix.allows(request.user, "open", "reports"):
        menu_items.clear()
