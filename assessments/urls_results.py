"""The trainee's own results page. Included in lms/urls.py with
`path("", include("assessments.urls_results"))`."""

from django.urls import path

from . import views_results

app_name = "assessment_results"

urlpatterns = [
    path("hoc-tap/ket-qua/", views_results.my_results, name="mine"),
]
