"""The e-mails of the alerts, in the reader's language: HTML and plain text, no tracking of any kind."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from . import tokens
from .subscribers import State


def absolute(base_url, view_name, token):
    return base_url.rstrip("/") + reverse(view_name, kwargs={"token": token})


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


def _message(subject, template, context, to, language_code, headers=None):
    text = render_to_string(f"news/alerts/email/{template}.txt", context)
    html = render_to_string(f"news/alerts/email/{template}.html", context)
    message = EmailMultiAlternatives(
        # One line: a subject never carries a line break into the headers.
        subject=" ".join(str(subject).split()),
        body=text,
        from_email=getattr(settings, "NEWS_ALERTS_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language_code, "Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(subscriber, base_url):
    """The double opt-in: a link to confirm; to an address already confirmed, a link to its preferences."""
    with translation.override(subscriber.language):
        context = {
            "subscriber": subscriber,
            "confirm_url": absolute(base_url, "news:alerts_confirm", tokens.confirmation_token(subscriber)),
            "manage_url": absolute(base_url, "news:alerts_manage", tokens.manage_token(subscriber)),
            "days": tokens.confirm_max_age().days,
            "site_name": site_name(),
        }
        if subscriber.state == State.CONFIRMED:
            subject = gettext("Your subscription to the press releases of %(site)s") % {"site": site_name()}
            return _message(subject, "already_subscribed", context, subscriber.email, subscriber.language)
        subject = gettext("Confirm your subscription to the press releases of %(site)s") % {"site": site_name()}
        return _message(subject, "confirm", context, subscriber.email, subscriber.language)


def _release_message(template, release, subscriber, base_url, contacts, subject=None, **extra):
    """A message about a release, in its language, with the RFC 8058 one-click unsubscribe headers."""
    language = release.locale.language_code
    with translation.override(language):
        token = tokens.manage_token(subscriber)
        unsubscribe_url = absolute(base_url, "news:alerts_unsubscribe", token)
        context = {
            "release": release,
            "release_url": release.get_full_url(),
            "contacts": contacts,
            "manage_url": absolute(base_url, "news:alerts_manage", token),
            "unsubscribe_url": unsubscribe_url,
            "site_name": site_name(),
            **extra,
        }
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if subject is not None:
            subject = gettext(subject) % {"title": release.title}
        return _message(subject or release.title, template, context, subscriber.email, language, headers)


def release_message(release, subscriber, base_url, contacts):
    return _release_message("release", release, subscriber, base_url, contacts)


def correction_message(release, note, subscriber, base_url, contacts):
    """A publisher's correction of a release already announced, to one of those who received it."""
    subject = gettext_noop("Correction: %(title)s")
    return _release_message("correction", release, subscriber, base_url, contacts, subject=subject, note=note)


def advance_notice_message(notice, base_url):
    """The embargo and a personal preview link, in the journalist's language: nothing else of the release."""
    journalist, release = notice.journalist, notice.release
    language = journalist.language
    version = (
        type(release).objects.filter(translation_key=release.translation_key, locale__language_code=language).first()
        or release
    )
    with translation.override(language):
        context = {
            "journalist": journalist,
            "title": version.title,
            "lift": release.go_live_at,
            "paris": ZoneInfo(getattr(settings, "NEWS_TIME_ZONE", "Europe/Paris")),
            "preview_url": base_url.rstrip("/") + notice.preview_link.get_url(language),
            "expires_at": notice.preview_link.expires_at,
            "site_name": site_name(),
        }
        subject = gettext("Under embargo: %(title)s") % {"title": version.title}
        return _message(subject, "advance_notice", context, journalist.email, language)
