from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The F-CRIN site itself: its page cache listens to every process's publications (web workers,
    ``publish_scheduled``, management commands), so it is connected when Django starts, not by a middleware."""

    name = "fcrin_site"
    verbose_name = _("F-CRIN site")

    def ready(self):
        from django.apps import apps
        from django.conf import settings
        from django.db import models

        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import SlugInput

        from PIL import Image

        from news.slugs import LIGATURES

        from . import pagecache

        # One limit for every image Pillow opens, renditions of older uploads included: uploads are
        # refused above it (fcrin_site/uploads/images.py), Pillow refuses twice as much.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        # Wagtail's own override for slug fields, with the ligatures its transliteration map lacks.
        register_form_field_override(models.SlugField, override={"widget": SlugInput(formatters=LIGATURES)})
        pagecache.connect_signals()
        # Fragments of pages are kept until the next change of content, as whole pages are.
        apps.get_app_config("news").content_version = pagecache.content_version
