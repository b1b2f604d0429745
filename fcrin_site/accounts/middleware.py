from django.conf import settings
from django.contrib.auth.views import redirect_to_login

from django_otp import user_has_device

# Open to a signed-in user whose session still lacks its code: signing in and out, and what the
# admin's sign-in pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def must_enrol(user):
    groups = settings.FCRIN_REQUIRE_2FA_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


class TwoFactorMiddleware:
    """Hold a signed-in user at the code page until their session is verified by one of their devices,
    or at the enrolment page while they belong to a group that must use two-step verification
    (``FCRIN_REQUIRE_2FA_GROUPS``). The whole site, not only the admin: a password alone opens no
    page reserved to signed-in users. Goes after django-otp's ``OTPMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        url_name = request.resolver_match.url_name
        if url_name in OPEN_URL_NAMES:
            return None
        if user_has_device(user):
            target = "fcrin_two_factor_verify"
        elif must_enrol(user):
            target = "fcrin_two_factor_setup"
        else:
            return None
        if url_name == target:
            return None
        return redirect_to_login(request.get_full_path(), login_url=target)
