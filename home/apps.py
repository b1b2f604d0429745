from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("F-CRIN site")

    def ready(self):
        from fcrin_site.pagecache import connect_signals

        connect_signals()
