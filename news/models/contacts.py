from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PressContact(TranslatableMixin, index.Indexed, models.Model):
    """A person journalists can call; the role and organisation are written in each language."""

    given_name = models.CharField(_("given name"), max_length=80)
    family_name = models.CharField(_("family name"), max_length=80)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    role = models.CharField(_("role"), max_length=160, blank=True, help_text=_("For example: press officer."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International format, e.g. +33 5 61 00 00 00.")
    )
    mobile = models.CharField(_("mobile"), max_length=40, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("given_name"), FieldPanel("family_name")], heading=_("Name")),
        FieldPanel("organisation"),
        FieldPanel("role"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("mobile")], heading=_("How to reach")),
    ]
    search_fields = [
        index.SearchField("given_name"),
        index.SearchField("family_name"),
        index.AutocompleteField("family_name"),
        index.SearchField("organisation"),
    ]
    # Names and numbers are the same in every language; only the organisation and role are translated.
    translatable_fields = [
        SynchronizedField("given_name"),
        SynchronizedField("family_name"),
        TranslatableField("organisation"),
        TranslatableField("role"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("mobile"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["family_name", "given_name"]

    def __str__(self):
        return f"{self.full_name} ({self.organisation})" if self.organisation else self.full_name

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()
