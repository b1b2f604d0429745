"""The signed links of the alerts: no login, no token table.

A confirmation link expires (``NEWS_ALERTS_CONFIRM_DAYS``); the links to manage preferences and to
unsubscribe, printed in every message, do not. Each carries the subscriber's key: erasing the
subscriber, or subscribing anew, makes older links worthless.
"""

import zlib
from datetime import timedelta

from django.conf import settings
from django.core import signing

from .subscribers import Subscriber

CONFIRM_SALT = "news.alerts.confirm"
MANAGE_SALT = "news.alerts.manage"


class BadToken(Exception):
    """A link that is forged, damaged, expired, or for a subscriber who no longer exists."""

    def __init__(self, expired=False):
        super().__init__()
        self.expired = expired


def confirmation_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object([subscriber.pk, subscriber.key])


def manage_token(subscriber):
    return signing.Signer(salt=MANAGE_SALT).sign_object([subscriber.pk, subscriber.key])


def confirm_max_age():
    return timedelta(days=getattr(settings, "NEWS_ALERTS_CONFIRM_DAYS", 7))


def _subscriber(values):
    if not (isinstance(values, list) and len(values) == 2 and isinstance(values[0], int)):
        raise BadToken
    subscriber = Subscriber.objects.filter(pk=values[0]).first()
    if subscriber is None or not isinstance(values[1], str) or values[1] != subscriber.key:
        raise BadToken
    return subscriber


def subscriber_to_confirm(token):
    try:
        values = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except (signing.BadSignature, ValueError, zlib.error) as error:
        raise BadToken from error
    return _subscriber(values)


def subscriber_to_manage(token):
    try:
        values = signing.Signer(salt=MANAGE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, zlib.error) as error:
        raise BadToken from error
    return _subscriber(values)
