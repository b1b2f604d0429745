"""The subscription form (the press room, home and releases show its short version) and the preferences form."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from .. import visibility
from ..releases.topics import Topic
from .subscribers import Languages, Subscriber

CONSENT_TEXT = _(
    "I agree to receive the press releases I chose by e-mail. My address is used for nothing else, and I can "
    "unsubscribe at any time from a link in every message."
)


def current_locale():
    return Locale.objects.filter(language_code=get_language()).first()


def network_choices(locale):
    """The public network pages of the visitor's language (the page types releases cite as networks)."""
    models = [apps.get_model(label) for label in getattr(settings, "NEWS_NETWORK_PAGE_TYPES", [])]
    if not models:
        return Page.objects.none()
    return visibility.public(Page.objects.type(*models).filter(locale=locale)).order_by("title")


class ChoicesForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["languages", "topics", "networks"]
        widgets = {
            "languages": forms.RadioSelect,
            "topics": forms.CheckboxSelectMultiple,
            "networks": forms.CheckboxSelectMultiple,
        }
        labels = {
            "languages": _("Languages of the releases"),
            "topics": _("Only these topics (none: all of them)"),
            "networks": _("Only these networks (none: all of them)"),
        }
        help_texts = {"topics": "", "networks": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = current_locale()
        self.fields["topics"].queryset = Topic.objects.filter(locale=locale).order_by("name")
        self.fields["networks"].queryset = network_choices(locale)
        self.fields["networks"].label_from_instance = lambda page: page.title
        if self.instance.pk is None:
            self.initial.setdefault(
                "languages", get_language() if get_language() in Languages.values else Languages.BOTH
            )


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    consent = forms.BooleanField(label=CONSENT_TEXT)
    # A field people never see nor fill (hidden by CSS, out of the tab order): bots fill it.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    # Not a model field of the form: its uniqueness check would tell who subscribed.
    field_order = ["email", "languages", "topics", "networks", "consent", "website"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def is_bot(self):
        return bool(self.data.get("website"))
