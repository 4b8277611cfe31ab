"""System checks for the H5P content origin: a mistake there would quietly undo the isolation
(media/player.py), so `manage.py check` names it."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.http.request import validate_host


@register()
def content_origin_check(app_configs=None, **kwargs):
    from .serving import content_origin, main_origin

    origin = content_origin()
    if not origin:
        return []
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
        return [
            Error(
                f"H5P_CONTENT_ORIGIN must be an origin such as https://h5p.example.org, not {origin!r}.",
                id="media.E001",
            )
        ]
    problems = []
    if origin == main_origin():
        problems.append(
            Error(
                "H5P_CONTENT_ORIGIN is the site's own origin (WAGTAILADMIN_BASE_URL): H5P would "
                "run with the site's origin. Use a host name of its own.",
                id="media.E002",
            )
        )
    host = parts.hostname or ""
    if not validate_host(parts.netloc.lower(), settings.ALLOWED_HOSTS) and not validate_host(
        host, settings.ALLOWED_HOSTS
    ):
        problems.append(
            Warning(f"Add {host} to ALLOWED_HOSTS, or the H5P player cannot load.", id="media.W001")
        )
    for name in ("SESSION_COOKIE_DOMAIN", "CSRF_COOKIE_DOMAIN"):
        domain = (getattr(settings, name, None) or "").lstrip(".").lower()
        if domain and (host == domain or host.endswith("." + domain)):
            problems.append(
                Warning(
                    f"{name} ({domain}) sends the site's cookie to the H5P content origin {host}; "
                    "use a host outside that domain.",
                    id="media.W002",
                )
            )
    return problems
