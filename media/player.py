"""The H5P player page on the separate content origin (`H5P_CONTENT_ORIGIN`).

h5p-standalone builds its player in an `about:blank` frame, which belongs to the page that
made it: run on the lesson page, every library's JavaScript and the content's HTML would run
with the site's origin, next to the trainee's session. So when a content origin is set, the
lesson shows an iframe of `/h5p/play/<token>/` on that origin instead. This page loads
h5p-standalone, the libraries and the content from the content origin and runs the player
there, where there is no session, no cookie of the site and nothing else of the site
(media/middleware.py). It talks to the lesson page only by `postMessage`, to the site's origin
alone (media/static/media/h5p-frame.js): the lesson page sends the saved state and H5P's
interface strings, the frame sends back xAPI statements, state to save and its height, and the
lesson page posts those to the site with the session, as the logged-in person.

The page refuses an expired or altered token, is served only on the content origin, and may be
framed only by the site (CSP `frame-ancestors`).
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .selectors import content_for_player
from .serving import content_origin, main_origin, on_content_origin, refused, token_claims

# The one inline script H5P core writes into the player's frame (H5P.getHeadTags in
# h5p-standalone's frame.bundle.js, 3.8.x). Allowed by its hash, so the policy needs no
# 'unsafe-inline' for scripts; tests/media/test_h5p_player.py fails if an upgrade changes it.
H5P_INLINE_SCRIPT = (
    "H5PIntegration = window.parent.H5PIntegration; var H5P = H5P || {}; H5P.externalEmbed = false;"
)
_DIGEST = base64.b64encode(hashlib.sha256(H5P_INLINE_SCRIPT.encode()).digest()).decode()
H5P_INLINE_SCRIPT_HASH = f"'sha256-{_DIGEST}'"
# H5P core asks for saved state at this address; h5p-frame-state.js answers it in the browser
# (the content origin has no session, so the lesson page saves the state for the frame).
STATE_RELAY_URL = "lms-relay:state?dataType=:dataType&subContentId=:subContentId"


def content_origin_url(url: str) -> str:
    """A static file's URL on the content origin (a path gets the origin in front)."""
    return f"{content_origin()}{url}" if url.startswith("/") else url


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def player_policy(*, site: str, assets: list[str]) -> str:
    """The page's Content-Security-Policy: scripts, styles and fonts from this origin (and the
    static files' host if it is another), data only from this origin, framed by the site only."""
    others = sorted({_origin_of(url) for url in assets if "://" in url} - {content_origin()})
    extra = "".join(f" {origin}" for origin in others)
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{extra} {H5P_INLINE_SCRIPT_HASH}",
            f"style-src 'self'{extra} 'unsafe-inline'",
            f"font-src 'self'{extra} data:",
            "img-src 'self' data: blob:",
            "media-src 'self' data: blob:",
            "connect-src 'self'",
            "frame-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
            f"frame-ancestors {site}",
        ]
    )


def frame_options(*, token: str, claims, content) -> dict:
    """h5p-standalone's options on the player page. The saved state and the interface strings
    come later, from the lesson page (media/static/media/h5p-frame.js)."""
    from .blocks import player_core

    return {
        **player_core(token=token, user_id=claims.user_id, content=content),
        "frameJs": content_origin_url(static("vendor/h5p-standalone/frame.bundle.js")),
        "frameCss": content_origin_url(static("vendor/h5p-standalone/styles/h5p.css")),
        "customJs": [content_origin_url(static("media/h5p-frame-state.js"))],
        "ajax": {"contentUserDataUrl": STATE_RELAY_URL},
        "lms": {"siteOrigin": main_origin()},
    }


@xframe_options_exempt  # framed by the site, another origin: CSP frame-ancestors says who may
@require_safe
def player_page(request, token: str):
    """The player for one person, content and lesson (the token's), on the content origin."""
    site = main_origin()
    if not (on_content_origin(request) and site):
        return _plain(_("This page is not available here."), status=404)
    claims = token_claims(token)
    if claims is None:
        return refused(
            _("This link to the activity has expired or is not valid. Reload the lesson.")
        )
    content = content_for_player(claims.content_id)
    if content is None:
        return _plain(_("This activity is not available at the moment."), status=404)
    scripts = {
        "player": content_origin_url(static("vendor/h5p-standalone/main.bundle.js")),
        "frame": content_origin_url(static("media/h5p-frame.js")),
        "css": content_origin_url(static("media/h5p-frame.css")),
    }
    options = frame_options(token=token, claims=claims, content=content)
    response = render(
        request,
        "media/h5p_player.html",
        {"options": options, "title": content.title, **scripts},
    )
    response["Content-Security-Policy"] = player_policy(
        site=site, assets=[*scripts.values(), options["frameJs"], options["frameCss"]]
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


def _plain(message: str, *, status: int) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
