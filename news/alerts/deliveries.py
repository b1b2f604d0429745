"""What was sent: one announcement per release and language, one delivery per subscriber and language,
and the corrections a publisher chose to send after it, each with a delivery per recipient of the
announcement.

The unique constraints are what makes sending idempotent: however many workers see a release become
public, only one creates its announcement and its deliveries, and a delivery is sent by the worker
that moves it from *queued* to *sending* (a conditional update, so one worker at most).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Announcement(models.Model):
    """A release (one language version) announced to the subscribers of its language, once."""

    release = models.OneToOneField(
        "news.PressReleasePage",
        on_delete=models.CASCADE,
        related_name="alert_announcement",
        verbose_name=_("press release"),
    )
    created_at = models.DateTimeField(_("announced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert announcement")
        verbose_name_plural = _("alert announcements")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.release)


class Correction(models.Model):
    """A note correcting an announced release (one language version), for those who received it."""

    release = models.ForeignKey(
        "news.PressReleasePage",
        on_delete=models.CASCADE,
        related_name="alert_corrections",
        verbose_name=_("press release"),
    )
    note = models.TextField(_("correction note"))
    # The key of the confirmation form that sent it: the same form submitted twice sends one correction.
    key = models.CharField(max_length=32, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert correction")
        verbose_name_plural = _("alert corrections")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["release", "key"], name="news_correction_once_per_form")]

    def __str__(self):
        return f"{self.release}: {self.note}"


class Delivery(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        UNSUBSCRIBED = "unsubscribed", _("not sent: unsubscribed")

    release = models.ForeignKey(
        "news.PressReleasePage",
        on_delete=models.CASCADE,
        related_name="alert_deliveries",
        verbose_name=_("press release"),
    )
    subscriber = models.ForeignKey(
        "news.Subscriber", on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscriber")
    )
    # Empty for the announcement itself.
    correction = models.ForeignKey(
        Correction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name=_("correction"),
    )
    language = models.CharField(_("language"), max_length=8)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    # Which task run moved it to "sending": that run alone sends it.
    claim = models.CharField(max_length=32, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "subscriber", "language"],
                condition=Q(correction=None),
                name="news_delivery_once_per_release_subscriber",
            ),
            models.UniqueConstraint(
                fields=["correction", "subscriber", "language"], name="news_delivery_once_per_correction_subscriber"
            ),
        ]

    def __str__(self):
        return f"{self.release} → {self.subscriber} ({self.language})"
