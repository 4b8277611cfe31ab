"""The statisticians' pages under /thong-ke/ (namespace "reports")."""

from django.urls import path

from . import views_dashboard

app_name = "reports"

urlpatterns = [
    path("thong-ke/", views_dashboard.dashboard, name="dashboard"),
    path("thong-ke/xuat/", views_dashboard.export_start, name="export_start"),
    path("thong-ke/xuat/<str:job_id>/", views_dashboard.export_progress, name="export"),
    path(
        "thong-ke/xuat/<str:job_id>/trang-thai.json",
        views_dashboard.export_status,
        name="export_status",
    ),
    path(
        "thong-ke/xuat/<str:job_id>/tai-ve/",
        views_dashboard.export_download,
        name="export_download",
    ),
    path("thong-ke/dong-bang/", views_dashboard.freeze, name="freeze"),
    path("thong-ke/ban-chot/<int:snapshot_id>/", views_dashboard.snapshot_detail, name="snapshot"),
    path("thong-ke/api-token/", views_dashboard.api_token, name="api_token"),
]
