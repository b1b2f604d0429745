"""The admin of the alerts: the subscribers (with each one's data to export or erase, GDPR) and the
send log of each release, whose failed deliveries a publisher sends again, and after which they may
send a correction."""

import json

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

import django_filters

from .advance_notices import send_view
from .corrections import correction_view
from .deliveries import Announcement, Delivery
from .journalists import AdvanceNotice, Journalist
from .subscribers import Languages, State, Subscriber
from .tasks import retry_failed


class SubscriberFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("state"), choices=State.choices)
    languages = django_filters.ChoiceFilter(label=_("languages"), choices=Languages.choices)
    topics = django_filters.CharFilter(
        label=_("topic"), field_name="topics__name", lookup_expr="icontains", distinct=True
    )
    networks = django_filters.CharFilter(
        label=_("network"), field_name="networks__title", lookup_expr="icontains", distinct=True
    )

    class Meta:
        model = Subscriber
        fields = ["state", "languages"]


class SubscriberIndexView(IndexView):
    export_url_name = None

    def get_add_url(self):
        # A subscriber comes from the public form, with the consent they gave and their confirmation.
        return None

    def get_page_subtitle(self):
        counts = Subscriber.objects.aggregate(**{state: Count("pk", filter=Q(state=state)) for state in State.values})
        return ", ".join(f"{counts[state]} {label}" for state, label in State.choices)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.export_url_name:
            buttons.append(
                MenuItem(
                    _("Export their data"),
                    reverse(self.export_url_name, args=[instance.pk]),
                    icon_name="download",
                    priority=25,
                )
            )
        return buttons


def subscriber_data(subscriber):
    """Everything the site keeps about one subscriber, for them to read (GDPR's right of access)."""
    deliveries = subscriber.deliveries.select_related("release").order_by("created_at")
    return {
        "email": subscriber.email,
        "state": subscriber.state,
        "languages": subscriber.languages,
        "language_of_the_subscription": subscriber.language,
        "topics": [topic.name for topic in subscriber.topics.all()],
        "networks": [page.title for page in subscriber.networks.all()],
        "consent_text": subscriber.consent_text,
        "consented_at": subscriber.consented_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at and subscriber.confirmed_at.isoformat(),
        "unsubscribed_at": subscriber.unsubscribed_at and subscriber.unsubscribed_at.isoformat(),
        "created_at": subscriber.created_at.isoformat(),
        "messages": [
            {
                "press_release": delivery.release.title,
                "language": delivery.language,
                "correction": delivery.correction_id is not None,
                "state": delivery.state,
                "sent_at": delivery.sent_at and delivery.sent_at.isoformat(),
            }
            for delivery in deliveries
        ],
    }


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    copy_view_enabled = False
    index_view_class = SubscriberIndexView
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    list_display = ["email", "languages", "state", DateColumn("confirmed_at", label=_("confirmed at"))]
    form_fields = ["languages", "state", "topics", "networks"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(export_url_name=self.get_url_name("export"), **kwargs)

    def export_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        subscriber = get_object_or_404(Subscriber, pk=pk)
        response = HttpResponse(
            json.dumps(subscriber_data(subscriber), ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
        return response

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("export/<int:pk>/", self.export_view, name="export")]


def _count(state):
    return Column(state, label=Delivery.State(state).label, accessor=f"{state}_count")


def _corrections(announcement):
    if not (announcement.correction_sent_count or announcement.correction_failed_count):
        return ""
    return _("%(sent)d sent, %(failed)d failed") % {
        "sent": announcement.correction_sent_count,
        "failed": announcement.correction_failed_count,
    }


class AnnouncementIndexView(IndexView):
    def get_add_url(self):
        return None

    def get_base_queryset(self):
        deliveries = "release__alert_deliveries"
        announced = Q(**{f"{deliveries}__correction": None})
        counts = {
            f"{state}_count": Count(deliveries, filter=announced & Q(**{f"{deliveries}__state": state}))
            for state in Delivery.State.values
        }
        for state in (Delivery.State.SENT, Delivery.State.FAILED):
            corrected = Q(**{f"{deliveries}__correction__isnull": False, f"{deliveries}__state": state})
            counts[f"correction_{state}_count"] = Count(deliveries, filter=corrected)
        return super().get_base_queryset().select_related("release__locale").annotate(**counts)


class AnnouncementViewSet(ModelViewSet):
    model = Announcement
    icon = "mail"
    menu_label = _("Send log")
    copy_view_enabled = False
    index_view_class = AnnouncementIndexView

    @property
    def list_display(self):
        retry_url_name, correct_url_name = self.get_url_name("retry"), self.get_url_name("correct")

        def actions(announcement):
            button = '<a class="button button-small button-secondary" href="{}">{}</a>'
            correct = format_html(button, reverse(correct_url_name, args=[announcement.pk]), _("Send a correction"))
            if not (announcement.failed_count or announcement.correction_failed_count):
                return correct
            retry = format_html(button, reverse(retry_url_name, args=[announcement.pk]), _("Retry failed"))
            return format_html("{} {}", retry, correct)

        return [
            Column("release", label=_("press release")),
            Column("language", label=_("language"), accessor="release.locale.language_code"),
            DateColumn("created_at", label=_("announced at")),
            *(_count(state) for state in Delivery.State.values),
            Column("corrections", label=_("corrections"), accessor=_corrections),
            Column("actions", label="", accessor=actions),
        ]

    exclude_form_fields = ["release"]

    def retry_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        announcement = get_object_or_404(Announcement.objects.select_related("release"), pk=pk)
        if request.method == "POST":
            count = retry_failed([announcement.release_id])
            messages.success(
                request,
                ngettext("%(count)d message is queued again.", "%(count)d messages are queued again.", count)
                % {"count": count},
            )
            return redirect(self.get_url_name("index"))
        context = {
            "announcement": announcement,
            "failed": announcement.release.alert_deliveries.filter(state=Delivery.State.FAILED).select_related(
                "subscriber", "correction"
            )[:100],
            "header_icon": self.icon,
        }
        return TemplateResponse(request, "news/alerts/admin/retry.html", context)

    def correct_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        announcement = get_object_or_404(Announcement.objects.select_related("release__locale"), pk=pk)
        return correction_view(request, announcement, self.get_url_name("index"), self.icon)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<int:pk>/", self.retry_view, name="retry"),
            path("correct/<int:pk>/", self.correct_view, name="correct"),
        ]


class JournalistViewSet(ModelViewSet):
    model = Journalist
    icon = "user"
    menu_label = _("Accredited journalists")
    copy_view_enabled = False
    search_fields = ["name", "outlet", "email"]
    list_filter = ["language", "active"]
    list_display = ["name", "outlet", "email", "language", "active"]
    form_fields = ["name", "outlet", "email", "language", "active"]


class AdvanceNoticeIndexView(IndexView):
    send_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("release", "journalist", "preview_link")

    def get_add_url(self):
        if self.send_url_name and self.user_has_permission("add"):
            return reverse(self.send_url_name)
        return None


class AdvanceNoticeViewSet(ModelViewSet):
    model = AdvanceNotice
    icon = "lock"
    menu_label = _("Advance notices")
    add_item_label = _("Send an advance notice")
    copy_view_enabled = False
    index_view_class = AdvanceNoticeIndexView
    list_filter = ["state"]
    list_display = [
        Column("release", label=_("press release")),
        Column("journalist", label=_("journalist")),
        "state",
        DateColumn("sent_at", label=_("sent at")),
        Column("preview_link", label=_("preview link"), accessor=lambda notice: _link_state(notice.preview_link)),
    ]
    exclude_form_fields = ["release", "journalist", "preview_link", "created_by"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(send_url_name=self.get_url_name("send"), **kwargs)

    def send(self, request):
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return send_view(request, self.get_url_name("index"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send/", self.send, name="send")]


def _link_state(link):
    if link.revoked_at:
        return _("revoked")
    return _("active") if link.is_active() else _("expired")


class AlertsViewSetGroup(ModelViewSetGroup):
    items = (
        SubscriberViewSet("alert_subscribers"),
        AnnouncementViewSet("alert_send_log"),
        JournalistViewSet("accredited_journalists"),
        AdvanceNoticeViewSet("advance_notices"),
    )
    menu_icon = "mail"
    menu_label = _("E-mail alerts")
    menu_order = 222
