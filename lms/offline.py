"""Offline reading: the service worker served at the site root, and the page it shows offline.

The worker itself is the plain file lms/static/lms/js/sw.js. It must be served from `/sw.js`
(not /static/) so that its scope is the whole site; this view prefixes it with one line of
configuration: the static files to pre-cache (their URLs as `{% static %}` gives them, hashed in
production) and a version, a hash of the worker and of those files. Any change to them changes
the worker's bytes, the browser installs the new worker, and it replaces the old caches.

Which pages stay readable offline is decided in the page, not here: a page whose HTML carries
`data-lms-offline="keep"` (the guide and its chapters, see lms/templates/courses/) is saved
in the browser when opened. See sw.js for the whole strategy.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import path, reverse
from django.views.decorators.http import etag, require_GET

SERVICE_WORKER = "lms/js/sw.js"
FONTS_CSS = "lms/css/fonts.css"
# What any page needs to render: styles, the logo, the registration script. The fonts are
# added from fonts.css: the latin and vietnamese subsets of every face it declares.
PRECACHE = [
    FONTS_CSS,
    "lms/css/site.css",
    "lms/css/print.css",
    "lms/js/offline.js",
    "lms/img/logo.svg",
    "lms/img/favicon.svg",
]
FONT_URL = re.compile(
    r"""url\(["']?\.\./\.\./(vendor/[^"')]+-(?:latin|vietnamese)-\d+-(?:normal|italic)\.woff2)"""
)

app_name = "offline"


def _read_static(name: str) -> bytes:
    """A static file's bytes, from the app folders (dev, tests) or the collected files."""
    found = finders.find(name)
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open(name) as handle:
        return handle.read()


def _build_script() -> tuple[bytes, str]:
    worker = _read_static(SERVICE_WORKER)
    fonts = FONT_URL.findall(_read_static(FONTS_CSS).decode())
    names = [*PRECACHE, *fonts]
    digest = hashlib.sha256(worker)
    for name in names:
        digest.update(_read_static(name))
    version = digest.hexdigest()[:12]
    config = {
        "version": version,
        "precache": [static(name) for name in names],
        "offlineUrl": reverse("offline:page"),
        "staticUrl": settings.STATIC_URL,
        "logoutUrl": reverse("account_logout"),
    }
    prefix = f"self.LMS_OFFLINE = {json.dumps(config)};\n"
    return prefix.encode() + worker, version


_cached_script = lru_cache(maxsize=1)(_build_script)


def service_worker_script() -> tuple[bytes, str]:
    # Built once per process, except while developing (DEBUG), when the files change.
    return _build_script() if settings.DEBUG else _cached_script()


@require_GET
@etag(lambda request: service_worker_script()[1])
def service_worker(request):
    """The worker: revalidated on every update check (no-cache), usually a 304 (ETag)."""
    body, _version = service_worker_script()
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline_page(request):
    """Shown by the worker in place of a page that is neither reachable nor saved. The worker
    fetches it once, at install, so it names nobody: no header with the account's name."""
    from courses.models import GuidePage

    guide = GuidePage.objects.live().first()
    return render(request, "lms/offline.html", {"guide": guide})


urlpatterns = [
    path("sw.js", service_worker, name="service-worker"),
    path("ngoai-tuyen/", offline_page, name="page"),
]
