"""Public certificate URLs (Vietnamese paths): verification for anyone, download for the holder."""

from django.urls import path

from . import views, views_badges

app_name = "certificates"

urlpatterns = [
    path("xac-minh/", views.verify_form, name="verify_form"),
    path("xac-minh/<str:code>/", views.verify, name="verify"),
    path("xac-minh/<str:code>/openbadge.json", views_badges.badge, name="badge"),
    path("xac-minh/khoa-cong-khai.json", views_badges.issuer_key, name="issuer_key"),
    path("hoc-tap/chung-chi/<str:code>/pdf/", views.download, name="download"),
    path(
        "hoc-tap/chung-chi/<str:code>/openbadge.json",
        views_badges.holder_badge,
        name="holder_badge",
    ),
]
