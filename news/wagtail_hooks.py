from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .alerts.viewsets import AlertsViewSetGroup
from .coverage.clippings import Clipping
from .editorial import approval, embargo_sentence, permissions, prepublish
from .editorial.choosers import WordedSnippetViewSet
from .editorial.listing import PressReleaseListingViewSet
from .editorial.radar import CampaignRadarPanel
from .editorial.translation_status import TranslationStatusPanel, TranslationStatusReportView
from .editorial.viewsets import EmbargoPreviewLinkViewSet
from .media.items import MediaItem
from .releases import embargo
from .releases.boilerplates import Boilerplate
from .releases.contacts import PressContact
from .releases.topics import Topic


class TopicViewSet(WordedSnippetViewSet):
    model = Topic
    add_item_label = _("Add a topic")
    choose_one_text = _("Choose a topic")
    choose_another_text = _("Choose another topic")
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class PressContactViewSet(WordedSnippetViewSet):
    model = PressContact
    add_item_label = _("Add a press contact")
    choose_one_text = _("Choose a press contact")
    choose_another_text = _("Choose another press contact")
    icon = "user"
    menu_label = _("Press contacts")
    list_display = ["full_name", "organisation", "role", "email", "locale"]
    search_fields = ["given_name", "family_name", "organisation"]


class BoilerplateViewSet(WordedSnippetViewSet):
    model = Boilerplate
    add_item_label = _("Add an “About” boilerplate")
    choose_one_text = _("Choose an “About” boilerplate")
    choose_another_text = _("Choose another “About” boilerplate")
    icon = "doc-full"
    menu_label = _("“About” boilerplates")
    list_display = ["title", "key", "locale"]
    search_fields = ["title"]


class ClippingViewSet(WordedSnippetViewSet):
    model = Clipping
    add_item_label = _("Add a press clipping")
    choose_one_text = _("Choose a press clipping")
    choose_another_text = _("Choose another press clipping")
    icon = "openquote"
    menu_label = _("Press coverage")
    list_display = [
        "headline",
        "outlet",
        # As readers write dates ("12 mai 2026"), not as the database keeps them.
        Column(
            "published_on",
            label=_("date of publication"),
            sort_key="published_on",
            accessor=lambda clipping: (
                date_format(clipping.published_on, "DATE_FORMAT") if clipping.published_on else ""
            ),
        ),
        "language",
    ]
    list_filter = ["language"]
    search_fields = ["headline", "outlet"]
    ordering = ["-published_on", "-pk"]


class MediaItemViewSet(WordedSnippetViewSet):
    model = MediaItem
    add_item_label = _("Add a photo or video")
    choose_one_text = _("Choose a photo or video")
    choose_another_text = _("Choose another photo or video")
    icon = "image"
    menu_label = _("Media library")
    list_display = ["caption", "kind", "credit", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["caption", "credit"]


class PressOfficeViewSetGroup(SnippetViewSetGroup):
    items = (PressContactViewSet, BoilerplateViewSet, ClippingViewSet, MediaItemViewSet)
    menu_icon = "mail"
    menu_label = _("Press office")
    menu_order = 220


register_snippet(TopicViewSet)
register_snippet(PressOfficeViewSetGroup)

hooks.register("before_serve_page", embargo.hide_unreleased_page)
hooks.register("before_serve_document", embargo.hide_embargoed_document)
hooks.register("before_publish_page", prepublish.gate_publication)
hooks.register("before_edit_page", approval.explain_refused_approval)
hooks.register("after_edit_page", approval.gate_approval_in_editor)
hooks.register("construct_page_chooser_queryset", permissions.hide_releases_out_of_reach)
hooks.register("construct_explorer_page_queryset", permissions.hide_releases_out_of_reach_in_explorer)
hooks.register("construct_admin_api", permissions.replace_admin_api_pages)
# After Wagtail's own registrations, which they replace (the last one registered for an action wins).
for bulk_action in permissions.PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=100)


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
def register_alerts():
    return AlertsViewSetGroup()


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
        path("releases/embargo-sentence/", embargo_sentence.sentence, name="news_embargo_sentence"),
    ]


@hooks.register("insert_editor_js")
def embargo_panel_js():
    return format_html('<script src="{}" defer></script>', versioned_static("news/js/embargo-panel.js"))


@hooks.register("insert_editor_js")
def readability_hint_js():
    return format_html('<script src="{}" defer></script>', versioned_static("news/js/readability.js"))


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("news_translation_status"), icon_name="globe", order=900)
