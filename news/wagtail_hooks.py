from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import embargo, permissions, prepublish
from .awareness.radar import CampaignRadarPanel
from .choosers import LocalizedSnippetChooserViewSet
from .listing import PressReleaseListingViewSet
from .models import Boilerplate, PressContact, Topic
from .translation_status import TranslationStatusPanel, TranslationStatusReportView
from .viewsets import EmbargoPreviewLinkViewSet


class TopicViewSet(SnippetViewSet):
    model = Topic
    chooser_viewset_class = LocalizedSnippetChooserViewSet
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    chooser_viewset_class = LocalizedSnippetChooserViewSet
    icon = "user"
    menu_label = _("Press contacts")
    list_display = ["full_name", "organisation", "role", "email", "locale"]
    search_fields = ["given_name", "family_name", "organisation"]


class BoilerplateViewSet(SnippetViewSet):
    model = Boilerplate
    chooser_viewset_class = LocalizedSnippetChooserViewSet
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

hooks.register("before_serve_page", embargo.hide_unpublished_release)
hooks.register("before_serve_document", embargo.hide_embargoed_document)
hooks.register("before_publish_page", prepublish.gate_publication)
hooks.register("before_edit_page", prepublish.explain_refused_approval)
hooks.register("after_edit_page", prepublish.gate_approval_in_editor)
hooks.register("construct_page_chooser_queryset", permissions.hide_releases_out_of_reach)
hooks.register("construct_explorer_page_queryset", permissions.hide_releases_out_of_reach_in_explorer)


# Runs after Wagtail's own registration of the "page" link type, so that it replaces it.
@hooks.register("register_rich_text_features", order=100)
def register_embargo_aware_page_links(features):
    features.register_link_type(embargo.EmbargoAwarePageLinkHandler)


@hooks.register("construct_homepage_panels")
def add_campaign_radar(request, panels):
    panels.append(CampaignRadarPanel())
    panels.append(TranslationStatusPanel())


@hooks.register("register_admin_viewset")
def register_embargo_preview_links():
    return EmbargoPreviewLinkViewSet("embargo_preview_links")


@hooks.register("register_admin_viewset")
def register_press_release_listing():
    return PressReleaseListingViewSet("press_releases")


@hooks.register("register_admin_urls")
def register_translation_status_report():
    return [
        path("translation-status/", TranslationStatusReportView.as_view(), name="news_translation_status"),
        path(
            "translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="news_translation_status_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("news_translation_status"), icon_name="globe", order=900)
