from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from news.editorial.choosers import WordedSnippetViewSet

from .models import CareProtocol


class CareProtocolViewSet(WordedSnippetViewSet):
    model = CareProtocol
    add_item_label = _("Add a care protocol")
    choose_one_text = _("Choose a care protocol")
    choose_another_text = _("Choose another care protocol")
    icon = "doc-full"
    menu_label = _("Care protocols")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["title", "disease", "publication_year", "locale"]
    search_fields = ["title"]


register_snippet(CareProtocolViewSet)
