"""Public URLs of the courses app (Vietnamese paths, like the rest of the public site)."""

from django.urls import path

from . import views_search

app_name = "courses"

urlpatterns = [
    path("tim-kiem/", views_search.search, name="search"),
]
