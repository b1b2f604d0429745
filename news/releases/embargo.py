"""What is not public exists nowhere public: not at its URL, behind a rich-text link, nor in its attachments."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.html import escape

from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text.pages import PageLinkHandler

from .. import visibility
from .pages import PressReleaseAttachment


def hide_unreleased_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: only a released page is served (``news.visibility``): a live translation
    stays hidden while its source is a draft, under embargo or unpublished.

    Wagtail's own hook then checks view restrictions, asking for a password or a login.
    """
    if not visibility.is_released(page):
        raise Http404


def hide_embargoed_document(document, request):
    """``before_serve_document``: a document used only by pages the public may not see cannot be downloaded."""
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
    if not visibility.public(Page.objects.filter(pk__in=release_ids)).exists():
        raise Http404


class EmbargoAwarePageLinkHandler(PageLinkHandler):
    """Page links in rich text that never give away the address of a release still under embargo."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        targets = [page.localized if page else None for page in cls.get_many(attrs_list)]
        shown = visibility.public(Page.objects.filter(pk__in=[page.pk for page in targets if page]))
        visible = set(shown.values_list("pk", flat=True))
        return [f'<a href="{escape(page.url)}">' if page and page.pk in visible else "<a>" for page in targets]
