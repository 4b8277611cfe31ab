"""H5P URLs, namespace "h5p": the player's files (media/serving.py) and its page on the content
origin (media/player.py)."""

from django.urls import path

from . import player, serving, views

app_name = "h5p"

urlpatterns = [
    path("h5p/t/<str:token>/<path:path>", serving.content_file, name="content_file"),
    path("h5p/lib/<str:folder>/<path:path>", serving.library_file, name="library_file"),
    path("h5p/play/<str:token>/", player.player_page, name="player"),
    # The player's xAPI statements and saved state, and a class's statements (media/views.py).
    path("h5p/xapi/", views.xapi_statement, name="xapi"),
    path("h5p/state/<int:content_id>/", views.h5p_state, name="state"),
    path(
        "h5p/xapi/lop-hoc/<int:class_id>/",
        views.class_statements_download,
        name="class_statements",
    ),
]
