"""The trainee's learning URLs (Vietnamese paths, like the rest of the public site)."""

from django.urls import path

from . import views_learning as views

app_name = "learning"

urlpatterns = [
    path("hoc-tap/", views.dashboard, name="dashboard"),
    path("hoc-tap/khoa-hoc/<int:course_id>/dang-ky/", views.enrol, name="enrol"),
    path("hoc-tap/khoa-hoc/<int:course_id>/roi-khoa-hoc/", views.unenrol, name="unenrol"),
    path("hoc-tap/khoa-hoc/<int:course_id>/tiep-tuc/", views.continue_course, name="continue"),
    path("hoc-tap/bai-hoc/<int:lesson_id>/tien-do/", views.lesson_progress, name="progress"),
]
