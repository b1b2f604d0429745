"""Who gets the alerts: an address, the languages, topics and networks chosen, and the consent given."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_urlsafe(16)


class Languages(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BOTH = "both", _("French and English")


class State(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=State.CONFIRMED)

    def matching(self, release):
        """The subscribers who want ``release`` (one language version): its language, and one of its topics
        and networks, in any language, unless they chose none."""
        topic_keys = release.topic_links.values("topic__translation_key")
        network_keys = release.network_links.values("network__translation_key")
        chosen_topics = Subscriber.topics.through.objects.filter(subscriber=OuterRef("pk"))
        chosen_networks = Subscriber.networks.through.objects.filter(subscriber=OuterRef("pk"))
        return self.filter(
            Q(languages__in=[release.locale.language_code, Languages.BOTH]),
            ~Exists(chosen_topics) | Exists(chosen_topics.filter(topic__translation_key__in=topic_keys)),
            ~Exists(chosen_networks) | Exists(chosen_networks.filter(page__translation_key__in=network_keys)),
        )


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    languages = models.CharField(_("languages"), max_length=4, choices=Languages.choices, default=Languages.FRENCH)
    topics = models.ManyToManyField(
        "news.Topic", blank=True, related_name="+", verbose_name=_("topics"), help_text=_("None: every topic.")
    )
    # Any page a release can cite as a network (NEWS_NETWORK_PAGE_TYPES), as the releases' own links.
    networks = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="+",
        verbose_name=_("networks"),
        help_text=_("None: every network."),
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING)
    # The language of the pages and messages about the subscription itself.
    language = models.CharField(_("language of the subscription"), max_length=8, default=settings.LANGUAGE_CODE)
    consent_text = models.TextField(_("consent text"), help_text=_("The words the reader agreed to."))
    consented_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Part of every link of the subscriber's messages: a new key (erasure, a new subscription) kills old links.
    key = models.CharField(max_length=32, default=new_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscriber")
        verbose_name_plural = _("alert subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def wants(self, language_code):
        return self.languages in (language_code, Languages.BOTH)

    def confirm(self):
        self.state, self.confirmed_at, self.unsubscribed_at = State.CONFIRMED, timezone.now(), None
        self.save(update_fields=["state", "confirmed_at", "unsubscribed_at"])

    def unsubscribe(self):
        if self.state != State.UNSUBSCRIBED:
            self.state, self.unsubscribed_at = State.UNSUBSCRIBED, timezone.now()
            self.save(update_fields=["state", "unsubscribed_at"])
