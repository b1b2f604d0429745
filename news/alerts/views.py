"""The public pages of the alerts: subscribe, confirm, manage preferences, unsubscribe.

None needs a login: the links of the messages carry a signed token (``tokens``). Every answer is the
visitor's own (``no_page_cache``, private, not indexed), in the language of the address. A damaged,
forged or expired link gets a page saying so, with status 400, never an error.

Two views take POSTs without a CSRF token. The one-click unsubscribe, because RFC 8058 has mail
clients post to it without any cookie; its token is the proof. The subscription form, because it is
shown on public pages that the page cache shares between readers, where a CSRF token would be
everyone's: a forged subscription only sends a confirmation to the address, throttled per address and
per visitor, and nothing more happens until its owner confirms.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import tokens
from .forms import CONSENT_TEXT, ChoicesForm, SubscribeForm
from .subscribers import State, Subscriber, new_key
from .tasks import send_confirmation


def private(response, status=None):
    if status:
        response.status_code = status
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    response.no_page_cache = True
    return response


def page(request, template, context=None, status=None):
    return private(TemplateResponse(request, f"news/alerts/{template}.html", context or {}), status)


def notice(request, title, text, status=None, link=None):
    return page(request, "notice", {"title": title, "text": text, "link": link}, status)


def bad_link(request, error):
    if error.expired:
        text = gettext("This confirmation link has expired. Subscribe again to get a new one.")
    else:
        text = gettext(
            "This link is not valid: it may be incomplete, or no longer in use. Copy the whole link from the message, or subscribe again."
        )
    link = (reverse("news:alerts_subscribe"), gettext("Subscribe to the press releases"))
    return notice(request, gettext("Invalid link"), text, status=400, link=link)


def throttled(key, limit, period):
    """Counts one more use of ``key``: whether it went past ``limit`` in ``period`` seconds."""
    cache = caches[getattr(settings, "NEWS_ALERTS_CACHE_ALIAS", "default")]
    key = "news-alerts:" + hashlib.sha256(key.encode()).hexdigest()
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, period)
        count = 1
    return count > limit


def remember(form, language):
    """The subscriber for the form's address, made to wait for confirmation; None for an address
    already confirmed, whose choices only its owner may change (through their own link)."""
    email = form.cleaned_data["email"]
    fields = {
        "languages": form.cleaned_data["languages"],
        "language": language,
        "consent_text": str(CONSENT_TEXT),
        "consented_at": timezone.now(),
        "state": State.PENDING,
        "key": new_key(),
    }
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(email=email, **fields)
            except IntegrityError:
                return Subscriber.objects.get(email=email), False
        elif subscriber.state == State.CONFIRMED:
            return subscriber, False
        else:
            for name, value in fields.items():
                setattr(subscriber, name, value)
            subscriber.save()
        subscriber.topics.set(form.cleaned_data["topics"])
        subscriber.networks.set(form.cleaned_data["networks"])
    return subscriber, True


@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method != "POST":
        return page(request, "subscribe", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    visitor = request.META.get("REMOTE_ADDR", "")
    if throttled(f"visitor:{visitor}", getattr(settings, "NEWS_ALERTS_VISITOR_LIMIT", 10), 3600):
        return notice(
            request,
            gettext("Too many attempts"),
            gettext("Too many subscriptions were asked from your connection. Please try again in an hour."),
            status=429,
        )
    if not form.is_valid():
        return page(request, "subscribe", {"form": form}, status=400)
    if not form.is_bot():
        subscriber, _changed = remember(form, get_language())
        # A few messages a day at most to one address, whoever asks.
        if not throttled(f"address:{subscriber.email}", getattr(settings, "NEWS_ALERTS_ADDRESS_LIMIT", 3), 86400):
            base_url = request.build_absolute_uri("/")
            transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk, base_url))
    return redirect("news:alerts_check_inbox")


def check_inbox(request):
    return notice(
        request,
        gettext("Check your inbox"),
        gettext(
            "If the address can receive our press releases, a message is on its way to it. "
            "Open the link it holds to confirm: nothing is sent before."
        ),
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = tokens.subscriber_to_confirm(token)
    except tokens.BadToken as error:
        return bad_link(request, error)
    if subscriber.state == State.UNSUBSCRIBED:
        # Unsubscribing outranks an older confirmation link: subscribing again sends a new one.
        return bad_link(request, tokens.BadToken())
    if subscriber.state == State.CONFIRMED or request.method == "POST":
        if subscriber.state != State.CONFIRMED:
            subscriber.confirm()
        manage_url = reverse("news:alerts_manage", kwargs={"token": tokens.manage_token(subscriber)})
        return notice(
            request,
            gettext("Subscription confirmed"),
            gettext("You will receive the press releases you chose, from the next one on."),
            link=(manage_url, gettext("Change your choices")),
        )
    # Confirmed by a button, not by opening the link: mail filters open links to check them.
    return page(request, "confirm", {"subscriber": subscriber})


@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        subscriber = tokens.subscriber_to_manage(token)
    except tokens.BadToken as error:
        return bad_link(request, error)
    form = ChoicesForm(request.POST if request.method == "POST" else None, instance=subscriber)
    saved = request.method == "POST" and form.is_valid()
    if saved:
        form.save()
    unsubscribe_url = reverse("news:alerts_unsubscribe", kwargs={"token": token})
    context = {"form": form, "subscriber": subscriber, "saved": saved, "unsubscribe_url": unsubscribe_url}
    return page(request, "manage", context, status=400 if form.errors else None)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One click (RFC 8058): mail clients POST ``List-Unsubscribe=One-Click`` here; a browser gets a button."""
    try:
        subscriber = tokens.subscriber_to_manage(token)
    except tokens.BadToken as error:
        return bad_link(request, error)
    if request.method == "POST":
        subscriber.unsubscribe()
    if subscriber.state == State.UNSUBSCRIBED:
        return notice(
            request,
            gettext("You are unsubscribed"),
            gettext("You will receive no more press releases from us at this address."),
            link=(reverse("news:alerts_subscribe"), gettext("Subscribe again")),
        )
    return page(request, "unsubscribe", {"subscriber": subscriber})
