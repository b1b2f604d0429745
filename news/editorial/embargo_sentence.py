"""The Embargo panel's sentence for a go-live date being typed, asked by ``news/js/embargo-panel.js``."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404

from wagtail.models import Page

from ..releases.pages import PressReleasePage
from ..releases.panels import embargo_sentence


def _page_id(request, name):
    value = request.GET.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def sentence(request):
    """``?page=<id>`` for a release being edited, ``?parent=<id>`` for one being created there;
    ``go_live_at`` as typed. Only for who may edit that release, or create one there."""
    if "page" in request.GET:
        page = get_object_or_404(PressReleasePage, pk=_page_id(request, "page"))
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
    else:
        parent = get_object_or_404(Page, pk=_page_id(request, "parent"))
        if not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        page = PressReleasePage(locale=parent.locale)
    return JsonResponse({"lines": embargo_sentence(page, request.GET.get("go_live_at", ""))})
