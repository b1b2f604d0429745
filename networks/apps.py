from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from .correspondents import network_page_created

        post_save.connect(network_page_created, sender=self.get_model("NetworkPage"), dispatch_uid="correspondents")
