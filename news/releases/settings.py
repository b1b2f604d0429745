from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="mail")
class PressOfficeSettings(ClusterableModel, BaseSiteSetting):
    """What a release shows when its editor picks no contacts or no boilerplates."""

    panels = [
        InlinePanel("default_contacts", heading=_("Default press contacts"), label=_("press contact")),
        InlinePanel("default_boilerplates", heading=_("Default “About” boilerplates"), label=_("boilerplate")),
    ]

    class Meta:
        verbose_name = _("press office")


class PressOfficeDefaultContact(Orderable):
    setting = ParentalKey(PressOfficeSettings, on_delete=models.CASCADE, related_name="default_contacts")
    contact = models.ForeignKey(
        "news.PressContact", on_delete=models.CASCADE, related_name="+", verbose_name=_("press contact")
    )

    panels = [FieldPanel("contact")]


class PressOfficeDefaultBoilerplate(Orderable):
    setting = ParentalKey(PressOfficeSettings, on_delete=models.CASCADE, related_name="default_boilerplates")
    boilerplate = models.ForeignKey(
        "news.Boilerplate", on_delete=models.CASCADE, related_name="+", verbose_name=_("boilerplate")
    )

    panels = [FieldPanel("boilerplate")]
