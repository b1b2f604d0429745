from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.choosers import LocalizedSnippetChooserViewSet

from .models import CareProtocol


class CareProtocolViewSet(SnippetViewSet):
    model = CareProtocol
    chooser_viewset_class = LocalizedSnippetChooserViewSet
    icon = "doc-full"
    menu_label = _("Care protocols")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["title", "disease", "publication_year", "locale"]
    search_fields = ["title"]


register_snippet(CareProtocolViewSet)
