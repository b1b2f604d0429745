"""What was sent: one announcement per release and language, one delivery per subscriber and language.

The unique constraints are what makes sending idempotent: however many workers see a release become
public, only one creates its announcement and its deliveries, and a delivery is sent by the worker
that moves it from *queued* to *sending* (a conditional update, so one worker at most).
"""

from django.db import models
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
                fields=["release", "subscriber", "language"], name="news_delivery_once_per_release_subscriber"
            ),
        ]

    def __str__(self):
        return f"{self.release} → {self.subscriber} ({self.language})"
