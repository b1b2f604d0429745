"""The send log's "Send a correction": a publisher's note on a release already announced, written in each
language it was announced in, checked on a confirmation page, then sent to those who received the
announcement (``tasks.correct``), once however often the confirmation is submitted."""

import html
import uuid
from functools import partial

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from wagtail.admin import messages

from .. import visibility
from ..releases.pages import PressReleasePage
from .deliveries import Correction
from .tasks import correct, correction_recipients, dispatch

NOTE_MAX_LENGTH = 2000


class CorrectionForm(forms.Form):
    # The form's own key, kept from the writing to the confirmation: a double submit sends one correction.
    key = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)

    def __init__(self, releases, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.releases = releases
        self.initial.setdefault("key", uuid.uuid4().hex)
        for release in releases:
            language = get_language_info(release.locale.language_code)["name_translated"]
            self.initial.setdefault(self.note_name(release), notice_text(release))
            self.fields[self.note_name(release)] = forms.CharField(
                label=_("Correction note (%(language)s)") % {"language": language},
                help_text=_("What was wrong and what is right, in a few words; the message links to the release."),
                max_length=NOTE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={
                    "required": _("The correction note (%(language)s) cannot be empty.") % {"language": language}
                },
            )

    @staticmethod
    def note_name(release):
        return f"note_{release.locale.language_code}"

    def notes(self):
        return [(release, self.cleaned_data[self.note_name(release)]) for release in self.releases]


def notice_text(release):
    """The release's own correction notice (rich text) as plain text: the note's first draft."""
    return html.unescape(strip_tags(release.correction_notice or "")).strip()


def announced_versions(release):
    """The language versions of ``release`` that were announced and are public, the default language first."""
    versions = PressReleasePage.objects.filter(
        translation_key=release.translation_key, alert_announcement__isnull=False
    ).select_related("locale")
    return sorted(
        visibility.public(versions), key=lambda version: version.locale.language_code != settings.LANGUAGE_CODE
    )


def correction_view(request, announcement, index_url_name, header_icon):
    release = announcement.release
    versions = announced_versions(release)
    previous = Correction.objects.filter(release__translation_key=release.translation_key).select_related(
        "release__locale"
    )
    context = {"announcement": announcement, "header_icon": header_icon, "previous": previous}
    if release.pk not in {version.pk for version in versions}:
        # Under embargo, unpublished or private: nothing about it leaves before it is public again.
        return TemplateResponse(request, "news/alerts/admin/correction.html", {**context, "refused": True}, status=400)
    form = CorrectionForm(versions, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if "confirm" in request.POST:
            return send(request, form, index_url_name)
        if "edit" not in request.POST:
            recipients = [(version, note, correction_recipients(version).count()) for version, note in form.notes()]
            return TemplateResponse(
                request,
                "news/alerts/admin/correction.html",
                {**context, "form": form, "recipients": recipients, "confirming": True},
            )
    return TemplateResponse(request, "news/alerts/admin/correction.html", {**context, "form": form})


def send(request, form, index_url_name):
    key, queued = form.cleaned_data["key"], []
    with transaction.atomic():
        for release, note in form.notes():
            ids = correct(release, note, key, request.user)
            if ids is None:
                transaction.set_rollback(True)
                messages.warning(request, _("This correction was already sent: it is not sent twice."))
                return redirect(index_url_name)
            queued += ids
        transaction.on_commit(partial(dispatch, queued))
    messages.success(
        request,
        ngettext(
            "The correction is on its way to %(count)d subscriber.",
            "The correction is on its way to %(count)d subscribers.",
            len(queued),
        )
        % {"count": len(queued)},
    )
    return redirect(index_url_name)
