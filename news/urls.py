"""Included by the site inside ``i18n_patterns``, before Wagtail's pages."""

from django.urls import path

from .alerts import views as alerts
from .media import downloads as media
from .releases.previews import embargo_preview

app_name = "news"
urlpatterns = [
    path("embargo/<str:token>/", embargo_preview, name="embargo_preview"),
    path("media/<int:item_id>/<str:size>/", media.download, name="media_download"),
    path("alerts/", alerts.subscribe, name="alerts_subscribe"),
    path("alerts/check-your-inbox/", alerts.check_inbox, name="alerts_check_inbox"),
    path("alerts/confirm/<str:token>/", alerts.confirm, name="alerts_confirm"),
    path("alerts/manage/<str:token>/", alerts.manage, name="alerts_manage"),
    path("alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="alerts_unsubscribe"),
]
