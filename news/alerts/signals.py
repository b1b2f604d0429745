"""Wagtail's ``page_published`` starts the announcement: the admin's Publish, a workflow's approval
and ``publish_scheduled`` lifting an embargo all send it, for each language version published."""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published

from ..releases.pages import PressReleasePage
from .tasks import announce_release


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, PressReleasePage):
        # After the commit: the worker must find the page live.
        transaction.on_commit(partial(announce_release.enqueue, str(instance.translation_key)))


def connect_signals():
    page_published.connect(on_page_published, dispatch_uid="news_alerts_announce")
