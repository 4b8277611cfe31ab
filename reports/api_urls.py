"""The statistics API under /api/v1/ (namespace "api") and its OpenAPI document."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from . import api

app_name = "api"

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("reports/training", api.TrainingReportView.as_view(), name="training_report"),
    path("periods", api.PeriodListView.as_view(), name="periods"),
    path("periods/<int:period_id>/report", api.PeriodReportView.as_view(), name="period_report"),
    path("snapshots", api.SnapshotListView.as_view(), name="snapshots"),
    path("snapshots/<int:snapshot_id>", api.SnapshotDetailView.as_view(), name="snapshot"),
]
