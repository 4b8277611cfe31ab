"""Keeps the H5P content origin (`H5P_CONTENT_ORIGIN`) down to the player.

The content origin is a host name of the same app. Without this, every page of the site would
answer there too: a library's script, which runs on that origin, could open the site's log-in
form on it and get a session there, or show a page of the site under the wrong address. On that
host only the player's page and files are served (static files are served before this, by
whitenoise or the proxy); everything else is a plain 404, before any session is read.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseNotFound

from .serving import content_origin, main_origin, on_content_origin

PLAYER_PATHS = ("/h5p/t/", "/h5p/lib/", "/h5p/play/")


class ContentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._outside_player(request):
            response = HttpResponseNotFound(content_type="text/plain; charset=utf-8")
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return self.get_response(request)

    @staticmethod
    def _outside_player(request) -> bool:
        origin = content_origin()
        # Never when the content origin is the site itself (a mistake media.E002 reports):
        # that would shut the whole site.
        if not origin or origin == main_origin() or not on_content_origin(request):
            return False
        allowed = (*PLAYER_PATHS, settings.STATIC_URL)
        return not request.path.startswith(allowed)
