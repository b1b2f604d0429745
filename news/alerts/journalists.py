"""Accredited journalists, kept apart from public subscribers, and the embargoed advance notices sent to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Journalist(models.Model):
    name = models.CharField(_("name"), max_length=160)
    outlet = models.CharField(_("outlet"), max_length=160)
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    active = models.BooleanField(_("accredited"), default=True, help_text=_("Untick to stop sending them anything."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accredited journalist")
        verbose_name_plural = _("accredited journalists")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.outlet})"


class AdvanceNotice(models.Model):
    """One release under embargo sent to one journalist, with a preview link of their own."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        WITHHELD = "withheld", _("not sent: link revoked or release already public")

    release = models.ForeignKey(
        "news.PressReleasePage",
        on_delete=models.CASCADE,
        related_name="advance_notices",
        verbose_name=_("press release"),
    )
    journalist = models.ForeignKey(
        Journalist, on_delete=models.CASCADE, related_name="advance_notices", verbose_name=_("journalist")
    )
    preview_link = models.OneToOneField(
        "news.EmbargoPreviewLink",
        on_delete=models.CASCADE,
        related_name="advance_notice",
        verbose_name=_("preview link"),
    )
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.QUEUED)
    error = models.TextField(_("last error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("sent by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("advance notice")
        verbose_name_plural = _("advance notices")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.release} → {self.journalist}"
