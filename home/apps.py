from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("F-CRIN site")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save

        from .roles import grant_new_section, section_models

        for label in section_models():
            post_save.connect(grant_new_section, sender=apps.get_model(label), dispatch_uid=f"roles-{label}")
