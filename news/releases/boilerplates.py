from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Boilerplate(TranslatableMixin, index.Indexed, models.Model):
    """An "About …" paragraph printed at the foot of releases (About F-CRIN, About CRI-IMIDIATE…)."""

    title = models.CharField(_("title"), max_length=160, help_text=_("Shown as the heading, e.g. “About F-CRIN”."))
    key = models.SlugField(
        _("key"), max_length=80, help_text=_("A stable identifier shared by every language, e.g. about-fcrin.")
    )
    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("title"), FieldPanel("key"), FieldPanel("body")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    translatable_fields = [TranslatableField("title"), SynchronizedField("key"), TranslatableField("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("“About” boilerplate")
        verbose_name_plural = _("“About” boilerplates")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "key"], name="news_boilerplate_unique_key_per_locale"),
        ]

    def __str__(self):
        return self.title
