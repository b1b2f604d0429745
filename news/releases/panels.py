"""The embargo on the release's Content tab, and help texts that say which time zone their dates are in."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language_info, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale

from .readability import long_sentence_words, long_sentences, sentence_lengths


def _zone_name():
    # The admin activates each user's time zone (else TIME_ZONE) before rendering a form.
    return timezone.get_current_timezone_name()


def _zone_city():
    return _zone_name().rsplit("/", 1)[-1].replace("_", " ")


zone_name = lazy(_zone_name, str)
zone_city = lazy(_zone_city, str)


def in_local_time(text):
    """``text`` followed by the time zone the admin shows dates in, e.g. "Paris time (Europe/Paris)"."""
    return format_lazy(
        "{text} {zone}", text=text, zone=format_lazy(_("In {city} time ({zone})."), city=zone_city(), zone=zone_name())
    )


# Language names as they read inside a sentence: French writes them in lower case, Django's own capitalised.
LANGUAGE_NAMES = {
    "fr": pgettext_lazy("inside a sentence", "French"),
    "en": pgettext_lazy("inside a sentence", "English"),
}


def _language(locale):
    code = locale.language_code
    return LANGUAGE_NAMES.get(code) or get_language_info(code)["name_translated"]


def _moment(moment):
    """A date and time in words, in the admin's time zone: "12 January 2027", "9:00"."""
    local = timezone.localtime(moment)
    time = gettext("%(hour)d:%(minute)02d") % {"hour": local.hour, "minute": local.minute}
    return {"date": format_date(local, "j F Y"), "time": time, "city": _zone_city()}


def _and(phrases):
    if len(phrases) == 1:
        return phrases[0]
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(phrases[:-1]), "last": phrases[-1]}


def parse_lift(value):
    """The go-live date as the form reads it (typed text, or the saved date); raises ``ValidationError``."""
    if isinstance(value, datetime.datetime):
        # The form hands its initial value over in the current time zone, naive (from_current_timezone's inverse).
        return timezone.make_aware(value) if timezone.is_naive(value) else value
    return forms.DateTimeField(required=False).clean(value)


def embargo_sentence(page, value, now=None):
    """What the go-live date ``value`` means for ``page`` (saved or not), in the editor's language:
    when it goes public and in which languages, then what another language's version lacks."""
    try:
        lift = parse_lift(value)
    except ValidationError as error:
        return error.messages
    if lift is None:
        return [gettext("No embargo: the release goes public as soon as it is published.")]
    now = now or timezone.now()
    live = bool(page.pk) and page.live
    if lift <= now and not live:
        return [gettext("This date and time have passed: choose a later one, or clear it to publish at once.")]

    translations = {version.locale_id: version for version in page.get_translations()} if page.pk else {}
    with_it, notes = [page.locale], []
    for locale in Locale.objects.exclude(pk=page.locale_id).order_by("pk"):
        language = _language(locale)
        translation = translations.get(locale.pk)
        if translation is None:
            notes.append(gettext("There is no %(language)s version yet.") % {"language": language})
            continue
        # A live translation waits for its source, a live source for nothing: both are public by the lift.
        scheduled = translation.scheduled_revision
        if (translation.live and not translation.expired) or (scheduled and scheduled.approved_go_live_at <= lift):
            with_it.append(locale)
        elif scheduled:
            notes.append(
                gettext("The %(language)s version is scheduled for %(date)s at %(time)s.")
                % {"language": language, **_moment(scheduled.approved_go_live_at)}
            )
        else:
            notes.append(
                gettext("The %(language)s version is not scheduled: publish it or schedule it for the same time.")
                % {"language": language}
            )

    languages = _and([gettext("in %(language)s") % {"language": _language(locale)} for locale in with_it])
    if lift <= now:
        sentence = gettext("Public since %(date)s at %(time)s (%(city)s time) %(languages)s.")
    else:
        sentence = gettext("Public on %(date)s at %(time)s (%(city)s time) %(languages)s.")
    return [sentence % {**_moment(lift), "languages": languages}, *notes]


class EmbargoPanel(FieldPanel):
    """Wagtail's own ``go_live_at`` (so scheduled publishing and ``publish_scheduled`` work as ever), with
    a sentence saying what it means, kept up to date as the editor types (``news/js/embargo-panel.js``)."""

    def __init__(self, field_name="go_live_at", **kwargs):
        kwargs.setdefault("heading", _("Embargo lifts on"))
        kwargs.setdefault(
            "help_text",
            in_local_time(
                _(
                    "Until then the release, its translations and its attachments are nowhere on the public "
                    "site. The date takes effect when a publisher publishes the release (“Schedule to publish”)."
                )
            ),
        )
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "news/admin/embargo_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.read_only:
                return context
            page = self.instance
            if page.pk:
                query = f"page={page.pk}"
            else:
                query = f"parent={self.form.parent_page.pk}"
            context["sentence"] = embargo_sentence(page, self.bound_field.value())
            context["sentence_url"] = f"{reverse('news_embargo_sentence')}?{query}"
            return context


class ReadabilityPanel(FieldPanel):
    """A text field with the number of words of each of its sentences under it, kept up to date as the
    editor types (``news/js/readability.js``), and a warning when one is longer than the limit."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "news/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            text = self.bound_field.value() or ""
            context["sentence_lengths"] = sentence_lengths(text)
            context["has_long_sentence"] = bool(long_sentences(text))
            context["long_sentence_words"] = long_sentence_words()
            return context
