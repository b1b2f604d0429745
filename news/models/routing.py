"""Mixins for page models that save queries on every page served."""

from django.http import Http404

from .querysets import view_restrictions_for


class OneQueryViewRestrictionsMixin:
    """Wagtail's view-restriction check, made before serving any page, in one query instead of two."""

    def get_view_restrictions(self):
        return view_restrictions_for(self)


class OneQueryChildRouteMixin:
    """Route to a child as its specific page in one query instead of Wagtail's two (the page, then
    ``.specific``), unless the path is one of this routable page's own sub-routes.

    ``child_queryset()`` gives the children's model manager or queryset.
    """

    def child_queryset(self):
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components and not self.is_subpage_route(path_components):
            # Siblings' slugs are unique: no order to compile.
            found = list(self.child_queryset().child_of(self).filter(slug=path_components[0]).order_by()[:1])
            if found:
                child = found[0]
                child._cached_parent_obj = self  # as Page.route does, so get_parent() costs nothing
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def is_subpage_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True
