import os
import secrets

from django.core.files.storage import FileSystemStorage


class RandomNameMixin:
    """Saves each file under a random name in its folder, keeping its extension.

    Wagtail derives a rendition's name from the upload's, which can tell what a release under embargo
    is about and lets anyone guess the address of its images.
    """

    def generate_filename(self, filename):
        folder, name = os.path.split(str(filename).replace("\\", "/"))
        extension = os.path.splitext(name)[1]
        return super().generate_filename(os.path.join(folder, secrets.token_hex(16) + extension))


class RenditionStorage(RandomNameMixin, FileSystemStorage):
    pass
