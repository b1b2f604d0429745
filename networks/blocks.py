from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class CareProtocolBlock(SnippetChooserBlock):
    """Cites a national care protocol (PNDS): its title, authors, dates and link."""

    def __init__(self, **kwargs):
        super().__init__("networks.CareProtocol", **kwargs)

    class Meta:
        icon = "doc-full"
        label = _("Care protocol (PNDS)")
        template = "networks/blocks/care_protocol.html"


class NetworkBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], icon="pilcrow"
    )
    care_protocol = CareProtocolBlock()

    class Meta:
        icon = "doc-full"
