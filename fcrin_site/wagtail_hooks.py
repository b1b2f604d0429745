from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .accounts import views as account_views


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("account/two-factor/", account_views.SetupView.as_view(), name="fcrin_two_factor_setup"),
        path("account/two-factor/verify/", account_views.VerifyView.as_view(), name="fcrin_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("fcrin_two_factor_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authentication app on your phone at each sign-in."),
    }


@hooks.register("insert_global_admin_js")
def admin_words_js():
    return format_html('<script src="{}" defer></script>', static("js/admin_words.js"))
