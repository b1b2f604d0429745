from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Boilerplate, PressContact, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_label = _("Press contacts")
    list_display = ["full_name", "organisation", "role", "email", "locale"]
    search_fields = ["given_name", "family_name", "organisation"]


class BoilerplateViewSet(SnippetViewSet):
    model = Boilerplate
    icon = "doc-full"
    menu_label = _("“About” boilerplates")
    list_display = ["title", "key", "locale"]
    search_fields = ["title"]


class PressOfficeViewSetGroup(SnippetViewSetGroup):
    items = (PressContactViewSet, BoilerplateViewSet)
    menu_icon = "mail"
    menu_label = _("Press office")
    menu_order = 220


register_snippet(TopicViewSet)
register_snippet(PressOfficeViewSetGroup)
