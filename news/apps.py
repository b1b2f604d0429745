from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Press room")

    def ready(self):
        from django.core.signals import request_finished, request_started

        from .models import memory

        request_started.connect(memory.request_started, dispatch_uid="news_memory_request_started")
        request_finished.connect(memory.request_finished, dispatch_uid="news_memory_request_finished")
