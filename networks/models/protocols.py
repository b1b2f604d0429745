from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class CareProtocol(TranslatableMixin, index.Indexed, models.Model):
    """A national diagnosis and care protocol (PNDS): the reference care pathway for a rare disease."""

    title = models.CharField(_("title"), max_length=255)
    # One disease per protocol, as the HAS files them; a plain FK lets wagtail-localize point the
    # translation at the translated topic.
    disease = models.ForeignKey(
        "news.Topic",
        verbose_name=_("disease"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="care_protocols",
    )
    reference_centre = models.CharField(_("reference centre"), max_length=255, blank=True)
    filiere = models.CharField(
        _("rare-disease healthcare network (filière)"),
        max_length=255,
        blank=True,
        help_text=_("The filière de santé maladies rares under whose aegis the protocol was written."),
    )
    directed_by = models.CharField(_("directed by"), max_length=255, blank=True)
    publication_year = models.PositiveSmallIntegerField(
        _("year of publication"),
        null=True,
        blank=True,
        help_text=_("Protocols are listed by year: leave empty when unknown."),
    )
    update_year = models.PositiveSmallIntegerField(_("year of the latest update"), null=True, blank=True)
    official_url = models.URLField(
        _("official link"),
        blank=True,
        help_text=_("The protocol on the HAS website, or the HAS page that lists it. Never a guessed address."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("uploaded document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used when there is no official link."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("disease"),
        MultiFieldPanel(
            [FieldPanel("reference_centre"), FieldPanel("filiere"), FieldPanel("directed_by")],
            heading=_("Authors"),
        ),
        FieldRowPanel([FieldPanel("publication_year"), FieldPanel("update_year")], heading=_("Dates")),
        MultiFieldPanel([FieldPanel("official_url"), FieldPanel("document")], heading=_("Document")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("care protocol (PNDS)")
        verbose_name_plural = _("care protocols (PNDS)")
        ordering = ["title"]

    def __str__(self):
        return self.title
