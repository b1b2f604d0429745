from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("F-CRIN site")

    def ready(self):
        from fcrin_site import pagecache, routing

        pagecache.connect_signals()
        routing.connect_signals()
