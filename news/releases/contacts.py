from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ContactKind(models.TextChoices):
    PERSON = "person", _("A person")
    ORGANISATION = "organisation", _("An organisation or a desk (press office, agency)")


class PressContact(TranslatableMixin, index.Indexed, models.Model):
    """A person or a desk journalists can call; the role and organisation are written in each language."""

    kind = models.CharField(_("kind of contact"), max_length=20, choices=ContactKind, default=ContactKind.PERSON)
    given_name = models.CharField(_("given name"), max_length=80, blank=True)
    family_name = models.CharField(_("family name"), max_length=80, blank=True)
    organisation = models.CharField(
        _("organisation"),
        max_length=160,
        blank=True,
        help_text=_("For a desk, its name as journalists should read it, e.g. “F-CRIN press office”."),
    )
    role = models.CharField(_("role"), max_length=160, blank=True, help_text=_("For example: press officer."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International format, e.g. +33 5 61 00 00 00.")
    )
    mobile = models.CharField(_("mobile"), max_length=40, blank=True)

    panels = [
        FieldPanel("kind", widget=forms.RadioSelect),
        MultiFieldPanel(
            [FieldPanel("given_name"), FieldPanel("family_name")],
            heading=_("Name"),
            help_text=_("Required for a person; left empty for an organisation or a desk."),
        ),
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
        SynchronizedField("kind"),
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
        if self.is_organisation or not self.organisation:
            return self.full_name
        return f"{self.full_name} ({self.organisation})"

    def clean(self):
        super().clean()
        if self.is_organisation and not self.organisation:
            raise ValidationError({"organisation": _("Give the name of the organisation or desk.")})
        if not self.is_organisation:
            missing = {
                name: _("Required for a person.") for name in ("given_name", "family_name") if not getattr(self, name)
            }
            if missing:
                raise ValidationError(missing)

    @property
    def is_organisation(self):
        return self.kind == ContactKind.ORGANISATION

    @property
    def affiliation(self):
        """The organisation to print after the role: none for a desk, whose name already says it."""
        return "" if self.is_organisation else self.organisation

    @property
    def full_name(self):
        """The name to print: a person's given and family names, or the desk's name in this language."""
        if self.is_organisation:
            return self.organisation
        return f"{self.given_name} {self.family_name}".strip()
