"""Wagtail's views deleting an image or a document, with the role matrix's "delete" cell on top of
Wagtail's collection permissions (where changing a file is deleting it); and its edit views, whose
menu offers Delete only where that cell allows.

Wagtail offers no hook before a file is deleted (only before a bulk action) and resolves its own
admin URLs before those of ``register_admin_urls``, so the site includes these patterns ahead of
Wagtail's admin: ``path("admin/", include("home.admin_urls"))``.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.documents.views import documents
from wagtail.documents.views import multiple as documents_multiple
from wagtail.images.views import images
from wagtail.images.views import multiple as images_multiple
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import role_matrix


def may_delete(user, obj):
    return role_matrix.allows(user, "delete", role_matrix.file_kind(obj))


class RoleMatrixDeleteView:
    """For the delete views with a confirmation page (refused before it is shown)."""

    def user_has_permission(self, permission):
        allowed = super().user_has_permission(permission)
        return allowed and (permission != "delete" or may_delete(self.request.user, self.object))


class RoleMatrixUploadDeleteView:
    """For the multiple upload form's delete buttons, which post without a confirmation."""

    def post(self, request, *args, **kwargs):
        if not may_delete(request.user, get_object_or_404(self.get_model(), pk=kwargs[self.pk_url_kwarg])):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class RoleMatrixEditView:
    """For the edit views, whose "more" menu offers Delete to whoever may change the file."""

    @cached_property
    def can_delete(self):
        return super().can_delete and may_delete(self.request.user, self.object)


class ImageEditView(RoleMatrixEditView, images.EditView):
    pass


class DocumentEditView(RoleMatrixEditView, documents.EditView):
    pass


class ImageDeleteView(RoleMatrixDeleteView, images.DeleteView):
    pass


class DocumentDeleteView(RoleMatrixDeleteView, documents.DeleteView):
    pass


class ImageUploadDeleteView(RoleMatrixUploadDeleteView, images_multiple.DeleteView):
    pass


class DocumentUploadDeleteView(RoleMatrixUploadDeleteView, documents_multiple.DeleteView):
    pass


# The decorators Wagtail puts on every admin view but its 404 page.
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("images/<int:image_id>/", ImageEditView.as_view(), name="home_image_edit"),
            path("images/<int:image_id>/delete/", ImageDeleteView.as_view(), name="home_image_delete"),
            path(
                "images/multiple/<int:image_id>/delete/",
                ImageUploadDeleteView.as_view(),
                name="home_image_delete_multiple",
            ),
            path("documents/edit/<int:document_id>/", DocumentEditView.as_view(), name="home_document_edit"),
            path("documents/delete/<int:document_id>/", DocumentDeleteView.as_view(), name="home_document_delete"),
            path(
                "documents/multiple/<int:doc_id>/delete/",
                DocumentUploadDeleteView.as_view(),
                name="home_document_delete_multiple",
            ),
        ],
        require_admin_access,
    ),
    never_cache,
)
