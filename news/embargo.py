"""An embargoed release exists nowhere public: not at its URL, behind a rich-text link, nor in its attachments."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.html import escape

from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text.pages import PageLinkHandler

from .models import PressReleaseAttachment, PressReleasePage


def hide_unpublished_release(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: a live translation is still embargoed while its source page is not live.

    Routing has already checked that the page itself is live, and Wagtail's own hook checks
    view restrictions.
    """
    if isinstance(page, PressReleasePage) and not page.source_is_live():
        raise Http404


def hide_embargoed_document(document, request):
    """``before_serve_document``: a document used only by unpublished releases cannot be downloaded."""
    release_ids = set(PressReleaseAttachment.objects.filter(document=document).values_list("page_id", flat=True))
    # The reference index also knows documents chosen in a release's body or linked from its text.
    page_type = ContentType.objects.get_for_model(Page)
    other_users = False
    for base_content_type_id, object_id in ReferenceIndex.get_references_to(document).values_list(
        "base_content_type_id", "object_id"
    ):
        if base_content_type_id == page_type.pk:
            release_ids.add(int(object_id))
        else:
            other_users = True
    if not release_ids or other_users:
        return
    releases = PressReleasePage.objects.filter(pk__in=release_ids)
    if releases.count() < len(release_ids):
        return  # Also used by pages that are not releases.
    if not releases.published().exists():
        raise Http404


class EmbargoAwarePageLinkHandler(PageLinkHandler):
    """Page links in rich text that never give away the address of a release still under embargo."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        targets = [page.localized if page else None for page in cls.get_many(attrs_list)]
        release_ids = [page.pk for page in targets if isinstance(page, PressReleasePage)]
        visible = set(PressReleasePage.objects.filter(pk__in=release_ids).published().values_list("pk", flat=True))
        return [
            f'<a href="{escape(page.url)}">'
            if page and (not isinstance(page, PressReleasePage) or page.pk in visible)
            else "<a>"
            for page in targets
        ]
