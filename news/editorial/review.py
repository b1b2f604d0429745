from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from .prepublish import blocking_problems

APPROVAL_REFUSED = "approval-refused"


class ReleaseReviewTask(AbstractGroupApprovalTask):
    """A group approval that does not approve a press release failing its pre-publish checks.

    Approving the last task of a workflow publishes the page without Wagtail's ``before_publish_page``
    hook, so the checks that guard the Publish button are run here too. A refused approval leaves the
    release in review, untouched, and sends the approver to its editor, where the problems are listed.
    """

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.workflow_state.content_object
            release = page.get_latest_revision_as_object()
            if blocking_problems(release):
                return (
                    reverse("wagtailadmin_pages:edit", args=[page.pk]) + "?" + urlencode({"checks": APPROVAL_REFUSED})
                )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve; a press release is approved only once its pre-publish checks pass"
        )

    class Meta:
        verbose_name = _("Approval with pre-publish checks")
        verbose_name_plural = _("Approvals with pre-publish checks")
