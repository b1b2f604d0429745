"""The release's admin form: an optional release date, and a go-live date that cannot be typed in the past."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


def _to_the_minute(moment):
    return moment.replace(second=0, microsecond=0) if moment else None


class PressReleaseForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "release_date" in self.fields and (self.instance.pk is None or self.instance.release_date_automatic):
            self.initial["release_date"] = None

    def clean(self):
        cleaned_data = super().clean()
        if "release_date" in cleaned_data:
            self.instance.release_date_automatic = cleaned_data["release_date"] is None
        go_live_at = _to_the_minute(cleaned_data.get("go_live_at"))
        # A date the editor has just typed in the past would publish at once; one kept from before
        # (a release already lifted, a translation's copy of its source's) is Wagtail's to handle.
        if go_live_at and go_live_at <= timezone.now() and go_live_at != _to_the_minute(self.instance.go_live_at):
            self.add_error(
                "go_live_at",
                _("The embargo must lift in the future. Leave the date empty to publish the release at once."),
            )
        return cleaned_data
