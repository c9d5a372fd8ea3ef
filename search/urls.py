"""The API's URLs, included under /api/v1/ outside the locale prefixes (config/urls.py)."""

from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("restorations/", api.restorations, name="restorations"),
    path("restorations/suggest/", api.restorations_suggest, name="restorations_suggest"),
    path("restorations/export.csv", api.restorations_export, name="restorations_export"),
    path("openapi.json", api.openapi, name="openapi"),
]
