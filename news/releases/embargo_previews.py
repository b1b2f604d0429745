import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, PageChooserPanel


def new_token():
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + timedelta(days=getattr(settings, "NEWS_EMBARGO_PREVIEW_DAYS", 7))


class EmbargoPreviewLinkForm(WagtailAdminModelForm):
    revoked = forms.BooleanField(
        label=_("revoked"),
        required=False,
        help_text=_("A revoked link shows nothing any more, for good."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.revoked_at:
            self.fields["revoked"].initial = True
            self.fields["revoked"].disabled = True

    def save(self, commit=True):
        link = self.instance
        if self.cleaned_data.get("revoked") and link.revoked_at is None:
            link.revoked_at = timezone.now()
        if link.created_by_id is None and getattr(self, "for_user", None) and self.for_user.is_authenticated:
            link.created_by = self.for_user
        return super().save(commit=commit)


class EmbargoPreviewLink(models.Model):
    """A secret address showing an accredited journalist a release before its embargo lifts."""

    release = models.ForeignKey(
        "news.PressReleasePage",
        on_delete=models.CASCADE,
        related_name="embargo_preview_links",
        verbose_name=_("press release"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField(
        _("recipient"), max_length=200, help_text=_("Who the link is for, e.g. the journalist and their outlet.")
    )
    expires_at = models.DateTimeField(
        _("expires at"),
        default=default_expiry,
        help_text=_("Paris time. After this the link shows nothing; after the embargo it leads to the release."),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    base_form_class = EmbargoPreviewLinkForm
    panels = [
        PageChooserPanel("release", page_type="news.PressReleasePage"),
        FieldPanel("label"),
        FieldPanel("expires_at"),
        FieldPanel("revoked"),
    ]

    class Meta:
        verbose_name = _("embargo preview link")
        verbose_name_plural = _("embargo preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.release.title} – {self.label}"

    def is_active(self, now=None):
        return self.revoked_at is None and self.expires_at > (now or timezone.now())

    def get_url(self, language_code):
        with translation.override(language_code):
            return reverse("news:embargo_preview", kwargs={"token": self.token})
