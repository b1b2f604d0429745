"""Downloads of a public photo: the web size (a JPEG rendition) or the original for print, named in the
language of the address with the photo's caption and credit."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation

from .items import MediaItem, MediaKind

WEB_SIZE = "max-1600x1600|format-jpeg|jpegquality-85"
SIZES = ("web", "print")


def download_url(item, size):
    return reverse("news:media_download", kwargs={"item_id": item.pk, "size": size})


def download(request, item_id, size):
    if size not in SIZES:
        raise Http404
    photos = MediaItem.objects.public().filter(kind=MediaKind.PHOTO, image__isnull=False)
    item = get_object_or_404(photos, pk=item_id)
    # Named in the address's language: the item's translation when there is one.
    language = translation.get_language()
    item = (
        MediaItem.objects.filter(translation_key=item.translation_key, locale__language_code=language)
        .select_related("image")
        .first()
        or item
    )
    if size == "web":
        file, extension = item.image.get_rendition(WEB_SIZE).file, ".jpg"
    else:
        file, extension = item.image.file, item.original_extension()
    name = item.file_name(size, extension)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(file.open("rb"), as_attachment=True, filename=name, content_type=content_type)
