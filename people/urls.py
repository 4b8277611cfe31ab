"""Public (learner-facing) URLs of the people app, one module per concern."""

from django.urls import include, path

app_name = "people"

urlpatterns = [
    path("", include("people.views.account")),
    path("", include("people.views.classes")),
    path("", include("people.views.imports")),
    path("", include("people.views.data_rights")),
]
