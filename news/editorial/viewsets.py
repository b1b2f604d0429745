"""Admin for the embargo preview links: an editor creates one per journalist, sets its expiry, revokes it."""

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ..releases.embargo_previews import EmbargoPreviewLink


def _status(link):
    if link.revoked_at:
        return gettext("Revoked")
    if not link.is_active():
        return gettext("Expired")
    return gettext("Active")


def _addresses(link):
    """The link in each language, in full, ready to copy into an e-mail."""
    site = link.release.get_site()
    root = site.root_url if site else ""
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li lang="{}"><code>{}{}</code></li>',
            ((code, root, link.get_url(code)) for code, _name in settings.LANGUAGES),
        ),
    )


class EmbargoPreviewLinkViewSet(ModelViewSet):
    model = EmbargoPreviewLink
    icon = "lock"
    menu_label = _("Embargo previews")
    add_to_admin_menu = True
    menu_order = 221
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["label"]
    list_display = [
        "label",
        "release",
        DateColumn("expires_at", label=_("expires at")),
        Column("status", label=_("status"), accessor=_status),
        Column("addresses", label=_("addresses"), accessor=_addresses),
    ]

    def get_queryset(self, request):
        return EmbargoPreviewLink.objects.select_related("release", "created_by")
