"""What an approver learns when ``ReleaseReviewTask`` refuses to approve a release: the editor's hooks."""

from django.shortcuts import redirect
from django.utils.translation import gettext

from .prepublish import blocking_problems, report_problems
from .review import APPROVAL_REFUSED, ReleaseReviewTask


def _report_refused_approval(request, page, problems):
    report_problems(
        request,
        gettext("“%(title)s” was not approved: it stays in review until these are fixed:")
        % {"title": page.get_admin_display_title()},
        problems,
    )


def explain_refused_approval(request, page):
    """``before_edit_page``: the approver sent back to the editor by ``ReleaseReviewTask`` learns why."""
    if request.method != "GET" or request.GET.get("checks") != APPROVAL_REFUSED:
        return None
    problems = blocking_problems(page.get_latest_revision_as_object(), request)
    if problems:
        _report_refused_approval(request, page, problems)
    return None


def gate_approval_in_editor(request, page):
    """``after_edit_page``: an approval from the editor that ``ReleaseReviewTask`` refused.

    The edit view has saved the submitted content and reported it "updated"; the approver stays on
    the editor with what to fix instead of being sent back to the explorer as if it were approved.
    """
    if not (request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve"):
        return None
    if not isinstance(page.current_workflow_task, ReleaseReviewTask):
        return None
    problems = blocking_problems(page, request)
    if not problems:
        return None
    _report_refused_approval(request, page, problems)
    return redirect("wagtailadmin_pages:edit", page.pk)
