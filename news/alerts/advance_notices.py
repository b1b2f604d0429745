"""The admin's "Send an advance notice": a release under embargo to chosen accredited journalists, each
with an embargo preview link of their own (revocable under *Embargo previews*), logged per journalist."""

from functools import partial

from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin import messages
from wagtail.admin.widgets import AdminPageChooser

from .. import visibility
from ..releases.embargo_previews import EmbargoPreviewLink
from ..releases.pages import PressReleasePage
from .journalists import AdvanceNotice, Journalist
from .tasks import send_advance_notice


class AdvanceNoticeForm(forms.Form):
    release = forms.ModelChoiceField(
        label=_("press release"),
        queryset=PressReleasePage.objects.all(),
        widget=AdminPageChooser(target_models=[PressReleasePage]),
    )
    journalists = forms.ModelMultipleChoiceField(
        label=_("accredited journalists"),
        queryset=Journalist.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_release(self):
        release = self.cleaned_data["release"]
        if visibility.is_public(release):
            raise forms.ValidationError(_("This release is already public: its e-mail alerts go to every subscriber."))
        return release


def send_view(request, index_url_name):
    user = request.user
    form = AdvanceNoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        release = form.cleaned_data["release"]
        journalists = form.cleaned_data["journalists"]
        with transaction.atomic():
            for journalist in journalists:
                link = EmbargoPreviewLink.objects.create(release=release, label=str(journalist), created_by=user)
                notice = AdvanceNotice.objects.create(
                    release=release, journalist=journalist, preview_link=link, created_by=user
                )
                transaction.on_commit(partial(send_advance_notice.enqueue, notice.pk))
        count = len(journalists)
        messages.success(
            request,
            ngettext(
                "The advance notice is on its way to %(count)d journalist.",
                "The advance notice is on its way to %(count)d journalists.",
                count,
            )
            % {"count": count},
        )
        return redirect(index_url_name)
    return TemplateResponse(request, "news/alerts/admin/advance_notice.html", {"form": form, "media": form.media})
