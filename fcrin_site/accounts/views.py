import math
from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import RedirectURLMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import django_otp
import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from .middleware import must_enrol


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in refused for too many failures (``AXES_LOCKOUT_CALLABLE``)."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authentication app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, devices, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        for device in self.devices:
            # django-otp doubles the wait after each wrong code (OTP_TOTP_THROTTLE_FACTOR seconds first).
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                raise ValidationError(
                    _("Too many wrong codes in a row. Wait a moment, then enter the code your app shows now."),
                    code="throttled",
                )
            if device.verify_token(code):
                self.device = device
                return code
        raise ValidationError(
            _("This code is not right. Enter the six digits your authentication app shows now."), code="invalid"
        )


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class VerifyView(RedirectURLMixin, FormView):
    """The second step of signing in, for a user with a device (see ``TwoFactorMiddleware``)."""

    template_name = "accounts/two_factor_verify.html"
    form_class = CodeForm
    next_page = "wagtailadmin_home"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified() or not django_otp.user_has_device(request.user):
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "devices": list(django_otp.devices_for_user(self.request.user))}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.get_redirect_url()}

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        return super().form_valid(form)


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class SetupView(RedirectURLMixin, WagtailAdminTemplateMixin, FormView):
    """The account's two-step verification: enrol an authentication app, or turn it off."""

    template_name = "accounts/two_factor_setup.html"
    page_title = _("Two-step verification")
    header_icon = "key"
    form_class = CodeForm
    next_page = "fcrin_two_factor_setup"

    def dispatch(self, request, *args, **kwargs):
        self.confirmed_devices = list(django_otp.devices_for_user(request.user))
        self.required = must_enrol(request.user)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "turn_off" in request.POST:
            if self.required:
                messages.error(request, _("Your group must use two-step verification: it cannot be turned off."))
            else:
                TOTPDevice.objects.devices_for_user(request.user, confirmed=None).delete()
                messages.success(request, _("Two-step verification is off."))
            return redirect("fcrin_two_factor_setup")
        if self.confirmed_devices:
            return redirect("fcrin_two_factor_setup")
        return super().post(request, *args, **kwargs)

    def new_device(self):
        """The device being enrolled: the same secret until it is confirmed, so the page can be reloaded."""
        device = TOTPDevice.objects.devices_for_user(self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=str(_("Authentication app")), confirmed=False
        )

    def get_form_kwargs(self):
        self.device = None if self.confirmed_devices else self.new_device()
        return {**super().get_form_kwargs(), "devices": [self.device] if self.device else []}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(enabled=bool(self.confirmed_devices), required=self.required, next=self.get_redirect_url())
        if self.device:
            context["qr_code"] = segno.make(self.device.config_url, error="m").svg_inline(
                scale=5, title=str(_("QR code to scan with your authentication app"))
            )
            secret = b32encode(self.device.bin_key).decode()
            context["secret"] = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        return context

    def form_valid(self, form):
        form.device.confirmed = True
        form.device.save(update_fields=["confirmed"])
        django_otp.login(self.request, form.device)
        messages.success(self.request, _("Two-step verification is on: you will be asked for a code at each sign-in."))
        return super().form_valid(form)
