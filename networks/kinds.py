"""The kinds of F-CRIN network, and their names in the singular and plural."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class NetworkKind(models.TextChoices):
    INVESTIGATION = "investigation", _("clinical investigation network")
    EXPERTISE = "expertise", _("expertise and methodology network")
    PLATFORM = "platform", _("platform")


def kind_label(kind, count):
    labels = {
        NetworkKind.INVESTIGATION: ngettext("clinical investigation network", "clinical investigation networks", count),
        NetworkKind.EXPERTISE: ngettext(
            "expertise and methodology network", "expertise and methodology networks", count
        ),
        NetworkKind.PLATFORM: ngettext("platform", "platforms", count),
    }
    return labels[kind]
