"""What editors may upload: the forms Wagtail's admin builds its image and document forms on."""

from .documents import DocumentForm, check_document
from .images import ImageForm

__all__ = ["DocumentForm", "ImageForm", "check_document"]
