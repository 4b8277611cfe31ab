from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path(
        "kiem-tra/<int:quiz_id>/bai-hoc/<int:lesson_id>/bat-dau/",
        views.quiz_start,
        name="start",
    ),
    path("kiem-tra/lan-lam/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("kiem-tra/lan-lam/<int:attempt_id>/ket-qua/", views.attempt_result, name="result"),
]
