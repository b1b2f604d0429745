"""Images are read to their last pixel before Wagtail keeps them.

Wagtail's image field reads only an image's header, and not even that safely: an unreadable file, a
header that claims more pixels than Pillow will open or a truncated picture raise from its checks and
the editor gets a server error instead of a message under the field (and loses what they typed). The
checks here turn each of them into a form error, in the single upload form and in "Add images".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image


class ReadableImageField(WagtailImageField):
    """Wagtail's image field (extension, format, file size, pixels, from ``WAGTAILIMAGES_*``), whose file must
    also decode to the end."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["unreadable_image"] = _(
            "This file cannot be read as an image: it is damaged, incomplete, or not really a %(formats)s "
            "image. Save it again from an image editor and upload the new file."
        )
        self.error_messages["decompression_bomb"] = _(
            "This image is too large to be processed: it has more than %(max_pixels)s pixels. Reduce its "
            "dimensions and upload it again."
        )

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except Image.DecompressionBombError as error:
            raise self.error("decompression_bomb") from error
        # Pillow's decoders raise what the damage leads them to (OSError, SyntaxError, struct.error,
        # zlib.error...); Wagtail catches every exception of Willow's the same way.
        except Exception as error:
            raise self.error("unreadable_image") from error
        if uploaded is not None:
            self.check_image_decodes(uploaded)
        return uploaded

    def check_image_decodes(self, uploaded):
        uploaded.seek(0)
        try:
            with Image.open(uploaded) as image:
                image.load()
        except Image.DecompressionBombError as error:
            raise self.error("decompression_bomb") from error
        except Exception as error:
            raise self.error("unreadable_image") from error
        finally:
            uploaded.seek(0)

    def error(self, code):
        params = {
            "formats": self.supported_formats_text,
            "max_pixels": number_format(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS, force_grouping=True),
        }
        return ValidationError(self.error_messages[code], code=code, params=params)


class ImageForm(BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: Wagtail's image form with a file field that reads the image.

    Wagtail builds the form's file field itself, in a callback a base form cannot change, and the edit
    form of "Add images" leaves it out: so it is swapped here rather than declared, which would add a
    file field to that edit form as well.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = ReadableImageField(label=field.label, required=field.required, widget=field.widget)
