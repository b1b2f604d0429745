"""The release body: one StreamBlock whose blocks each render through templates/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
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
    expert = blocks.PageChooserBlock(
        label=_("expert"),
        page_type=["news.ExpertPage"],
        required=False,
        help_text=_("Choose the speaker in the experts directory, or type their name below."),
    )
    speaker = blocks.CharBlock(
        label=_("speaker"), required=False, max_length=120, help_text=_("Leave empty to show the expert's name.")
    )
    role = blocks.CharBlock(
        label=_("role"), required=False, max_length=200, help_text=_("Leave empty to show the expert's title.")
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("expert") and not (value.get("speaker") or "").strip():
            raise StructBlockValidationError(
                block_errors={"speaker": ValidationError(_("Choose an expert or type who is speaking."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("expert")
        # The expert's page in the reader's language, if the public may see it (else the typed name only).
        context["expert"] = chosen.public_version() if chosen is not None else None
        return context

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
