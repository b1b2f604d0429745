"""Included by the site inside ``i18n_patterns``, before Wagtail's pages."""

from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("embargo/<str:token>/", views.embargo_preview, name="embargo_preview"),
]
