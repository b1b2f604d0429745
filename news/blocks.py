"""The release body: one StreamBlock whose blocks each render through templates/blocks/."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(label=_("level"), choices=[("h2", _("Section")), ("h3", _("Sub-section"))], default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("value"), max_length=40, help_text=_("For example: 3 million, 80%, 54."))
    label = blocks.CharBlock(label=_("label"), max_length=200)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures.html"


class QuoteBlock(blocks.StructBlock):
    words = blocks.TextBlock(label=_("words"))
    speaker = blocks.CharBlock(label=_("speaker"), max_length=120)
    role = blocks.CharBlock(label=_("role"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Leave blank to use the image's description."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document_download.html"


class MediaEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("address of the video or audio"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "blocks/callout.html"


class PressReleaseBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=PARAGRAPH_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    document = DocumentDownloadBlock()
    embed = MediaEmbedBlock()
    callout = CalloutBlock()
