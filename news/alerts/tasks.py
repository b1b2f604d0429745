"""The work of the alerts, run by the task worker (Django's tasks API) outside any request.

``announce_release`` runs when a release is published or its embargo lifted: for each language version
that ``news.visibility`` says is public and that was never announced, it creates one delivery per
matching confirmed subscriber, then hands them to ``send_deliveries`` in batches. A failed delivery is
tried again later, ``NEWS_ALERTS_RETRY_SECONDS`` doubled at each attempt, up to
``NEWS_ALERTS_MAX_ATTEMPTS``; then it stays *failed*, with its error, for the admin's "retry failed".

``correct`` queues a publisher's correction the same way, to the subscribers whose announcement was sent.
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from django_tasks import task

from .. import visibility
from ..releases.pages import PressReleasePage
from .deliveries import Announcement, Correction, Delivery
from .journalists import AdvanceNotice
from .messages import advance_notice_message, confirmation_message, correction_message, release_message
from .subscribers import Languages, State, Subscriber

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
# The alias in TASKS of the queue that runs work outside requests (a worker process).
BACKEND = getattr(settings, "NEWS_ALERTS_TASK_BACKEND", "background")


def setting(name, default):
    return getattr(settings, name, default)


@task(backend=BACKEND)
def send_confirmation(subscriber_id, base_url):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None and subscriber.state != State.UNSUBSCRIBED:
        confirmation_message(subscriber, base_url).send()


@task(backend=BACKEND)
def announce_release(translation_key):
    """Announces every public, unannounced language version of a release."""
    for release in PressReleasePage.objects.filter(translation_key=translation_key).published():
        dispatch(announce(release))


def announce(release):
    """Creates the release's announcement and its deliveries, once: the ids of the deliveries to send."""
    language = release.locale.language_code
    try:
        with transaction.atomic():
            Announcement.objects.create(release=release)
            subscribers = Subscriber.objects.confirmed().matching(release).values_list("pk", flat=True)
            Delivery.objects.bulk_create(
                (Delivery(release=release, subscriber_id=pk, language=language) for pk in subscribers.iterator()),
                batch_size=1000,
                ignore_conflicts=True,
            )
    except IntegrityError:
        # Another worker announced it first.
        return []
    queued = Delivery.objects.filter(release=release, correction=None, state=Delivery.State.QUEUED)
    return list(queued.values_list("pk", flat=True))


def correction_recipients(release):
    """Who a correction of ``release`` goes to: the subscribers its announcement was sent to, if they
    still want its language."""
    language = release.locale.language_code
    still_subscribed = Subscriber.objects.confirmed().filter(languages__in=[language, Languages.BOTH])
    sent = Delivery.objects.filter(release=release, correction=None, state=Delivery.State.SENT)
    return sent.filter(subscriber__in=still_subscribed).values_list("subscriber_id", flat=True)


def correct(release, note, key, user):
    """Creates a correction of an announced release and its deliveries, once per ``key``: the ids of the
    deliveries to send, or None when this key already sent it (a form submitted twice)."""
    language = release.locale.language_code
    try:
        with transaction.atomic():
            correction = Correction.objects.create(release=release, note=note, key=key, created_by=user)
            Delivery.objects.bulk_create(
                (
                    Delivery(release=release, correction=correction, subscriber_id=pk, language=language)
                    for pk in correction_recipients(release).iterator()
                ),
                batch_size=1000,
            )
    except IntegrityError:
        return None
    return list(correction.deliveries.values_list("pk", flat=True))


def dispatch(delivery_ids, run_after=None):
    runner = send_deliveries
    if run_after is not None:
        if not runner.get_backend().supports_defer:
            return False
        runner = runner.using(run_after=run_after)
    for start in range(0, len(delivery_ids), BATCH_SIZE):
        runner.enqueue(list(delivery_ids[start : start + BATCH_SIZE]))
    return True


def _release_context(release):
    """Whether the release is still public, and what its messages need: links' base and press contacts."""
    if not visibility.is_public(release):
        return None
    return {"base_url": release.get_site().root_url, "contacts": release.press_contacts()}


@task(backend=BACKEND)
def send_deliveries(delivery_ids):
    claim = uuid.uuid4().hex
    Delivery.objects.filter(pk__in=delivery_ids, state=Delivery.State.QUEUED).update(
        state=Delivery.State.SENDING, claim=claim, attempts=F("attempts") + 1
    )
    deliveries = Delivery.objects.filter(claim=claim, state=Delivery.State.SENDING).select_related(
        "subscriber", "release__locale", "correction"
    )
    releases = {}
    with get_connection() as connection:
        for delivery in deliveries:
            if delivery.release_id not in releases:
                releases[delivery.release_id] = _release_context(delivery.release)
            send_delivery(delivery, releases[delivery.release_id], connection)


def send_delivery(delivery, context, connection):
    if delivery.subscriber.state != State.CONFIRMED or not delivery.subscriber.wants(delivery.language):
        delivery.state = Delivery.State.UNSUBSCRIBED
    elif context is None:
        delivery.state, delivery.error = Delivery.State.FAILED, "The release is no longer public."
    else:
        if delivery.correction is not None:
            message = correction_message(
                delivery.release,
                delivery.correction.note,
                delivery.subscriber,
                context["base_url"],
                context["contacts"],
            )
        else:
            message = release_message(delivery.release, delivery.subscriber, context["base_url"], context["contacts"])
        message.connection = connection
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            return failed(delivery, error)
        delivery.state, delivery.sent_at, delivery.error = Delivery.State.SENT, timezone.now(), ""
    delivery.save(update_fields=["state", "sent_at", "error"])


def failed(delivery, error):
    logger.warning("Alert %s to subscriber %s failed: %s", delivery.release_id, delivery.subscriber_id, error)
    delivery.error = f"{type(error).__name__}: {error}"[:1000]
    delivery.state = Delivery.State.QUEUED
    delay = timedelta(seconds=setting("NEWS_ALERTS_RETRY_SECONDS", 60) * 2 ** (delivery.attempts - 1))
    if delivery.attempts >= setting("NEWS_ALERTS_MAX_ATTEMPTS", 5) or not dispatch(
        [delivery.pk], timezone.now() + delay
    ):
        delivery.state = Delivery.State.FAILED
    delivery.save(update_fields=["state", "error"])


def retry_failed(release_ids):
    """Sends the failed deliveries of these releases again (the admin's "retry failed")."""
    failures = Delivery.objects.filter(release_id__in=release_ids, state=Delivery.State.FAILED)
    ids = list(failures.values_list("pk", flat=True))
    failures.update(state=Delivery.State.QUEUED, attempts=0)
    dispatch(ids)
    return len(ids)


@task(backend=BACKEND)
def send_advance_notice(notice_id):
    """An embargoed release to one journalist, only while it is still embargoed and their link still active."""
    claimed = AdvanceNotice.objects.filter(pk=notice_id, state=AdvanceNotice.State.QUEUED).update(
        state=AdvanceNotice.State.SENT, sent_at=timezone.now()
    )
    if not claimed:
        return
    notice = AdvanceNotice.objects.select_related("release", "journalist", "preview_link").get(pk=notice_id)
    if not notice.preview_link.is_active() or visibility.is_public(notice.release):
        notice.state, notice.sent_at = AdvanceNotice.State.WITHHELD, None
    else:
        try:
            advance_notice_message(notice, notice.release.get_site().root_url).send()
        except (smtplib.SMTPException, OSError) as error:
            notice.state, notice.sent_at, notice.error = (
                AdvanceNotice.State.FAILED,
                None,
                f"{type(error).__name__}: {error}",
            )
    notice.save(update_fields=["state", "sent_at", "error"])
