"""Serving extracted H5P files to the player, and the signed tokens that let it fetch them.

A lesson page that shows an H5P activity asks `content_token(user=, content=, lesson=)` for a
token (django.core.signing, its own salt, valid `H5P_TOKEN_MAX_AGE` seconds, 12 hours by
default) binding the person, the content and the lesson, and gives the player
`player_paths(token)`. Two views serve the files from default_storage:

- `/h5p/t/<token>/<path>`: h5p.json and content/... of a READY content whose libraries are all
  allowed, for a valid token. On the main site the logged-in person must be the token's;
  on the separate content origin (`H5P_CONTENT_ORIGIN`), which has no session, the token alone
  authorises. Responses are private and carry a sandboxing Content-Security-Policy; files that
  are not media, images or JSON download as attachments, so nothing uploaded acts as a page.
- `/h5p/lib/<Machine.Name-M.m>/<path>`: files of allowed libraries, to logged-in people or with
  a valid token as `?t=`. On the content origin they are served without either: script tags and
  the fonts and images a library's CSS names cannot carry a token, the origin holds nothing
  else, and library code is published open source. Blocked libraries are never served.

Paths are checked part by part (no "..", no hidden or ignored names), so nothing outside a
content's or library's folder, and none of the stray files validation ignored, can be reached.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .h5p.validation import LIBRARY_FOLDER
from .models import H5PContent, H5PLibrary
from .selectors import content_is_playable

TOKEN_SALT = "media.h5p.content-token"
DEFAULT_TOKEN_MAX_AGE = 12 * 60 * 60
CHUNK = 64 * 1024

CONTENT_CSP = (
    "default-src 'none'; img-src 'self' data:; media-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; sandbox"
)
LIBRARY_CSP = (
    "default-src 'none'; img-src 'self' data:; media-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; font-src 'self' data:; sandbox"
)
CONTENT_CACHE = "private, max-age=3600"
# Library files are fetched on every activity, so they stay cacheable; but only by the browser
# (private: a shared proxy would keep serving a library after an admin blocks it) and for an
# hour, so a block or a newer patch reaches browsers that already hold the files within the hour.
LIBRARY_CACHE = "private, max-age=3600"

# Types named here rather than left to the system's mime.types, which differs between hosts.
CONTENT_TYPES = {
    "json": "application/json",
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "md": "text/plain; charset=utf-8",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "bmp": "image/bmp",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "webm": "video/webm",
    "ogv": "video/ogg",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "pdf": "application/pdf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
}
# Content files shown in place; every other content file is a download.
INLINE_PREFIXES = ("image/", "audio/", "video/")
INLINE_TYPES = ("application/json", "text/vtt")
# Already compressed: gzip would only cost time (and breaks byte ranges).
COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml")
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


# --- Tokens and the player's paths ---------------------------------------------------------------


@dataclass(frozen=True)
class TokenClaims:
    user_id: int | None
    content_id: int
    lesson_id: int | None


def token_max_age() -> int:
    return int(getattr(settings, "H5P_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE))


def content_token(*, user, content, lesson=None) -> str:
    """A signed, expiring token for `user` to play `content` (in `lesson`)."""
    user_id = user.pk if user is not None and user.is_authenticated else None
    payload = {"u": user_id, "c": content.pk, "l": getattr(lesson, "pk", lesson)}
    return signing.dumps(payload, salt=TOKEN_SALT)


def token_claims(token: str | None) -> TokenClaims | None:
    """What a token grants, or None if it is missing, tampered with or expired."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=token_max_age())
        return TokenClaims(
            user_id=data["u"], content_id=int(data["c"]), lesson_id=data.get("l") or None
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def content_origin() -> str:
    """The separate origin H5P files are served from ("https://h5p.example.org"), or ""."""
    return (getattr(settings, "H5P_CONTENT_ORIGIN", "") or "").rstrip("/")


def player_paths(token: str) -> dict:
    """h5p-standalone's h5pJsonPath, contentJsonPath and librariesPath (folders, no trailing
    slash): site paths, or absolute URLs on H5P_CONTENT_ORIGIN when it is set."""
    base = content_origin()
    manifest = reverse("h5p:content_file", kwargs={"token": token, "path": "h5p.json"})
    library = reverse("h5p:library_file", kwargs={"folder": "L-1.0", "path": "library.json"})
    folder = manifest.rsplit("/", 1)[0]
    return {
        "h5pJsonPath": f"{base}{folder}",
        "contentJsonPath": f"{base}{folder}/content",
        "librariesPath": base + library.removesuffix("/L-1.0/library.json"),
    }


# --- Views ---------------------------------------------------------------------------------------


@require_safe
def content_file(request, token: str, path: str):
    """h5p.json or a file under content/ of the token's content."""
    claims = token_claims(token)
    if claims is None:
        return refused(
            _("This link to the activity has expired or is not valid. Reload the lesson.")
        )
    if not on_content_origin(request) and request.user.pk != claims.user_id:
        return refused(_("This activity was opened for another account. Reload the lesson."))
    if not _safe_path(path) or not (path == "h5p.json" or path.startswith("content/")):
        raise Http404
    content = H5PContent.objects.filter(pk=claims.content_id).first()
    if content is None or not content_is_playable(content):
        raise Http404
    response = _stream(request, f"{content.storage_prefix}{path}")
    response["Content-Security-Policy"] = CONTENT_CSP
    response["Cache-Control"] = CONTENT_CACHE
    kind = response["Content-Type"].split(";")[0]
    if not (kind.startswith(INLINE_PREFIXES) or kind in INLINE_TYPES):
        name = path.rsplit("/", 1)[-1]
        response["Content-Disposition"] = f'attachment; filename="{_ascii(name)}"'
    return _cross_origin(request, response, allow=main_origin())


@require_safe
def library_file(request, folder: str, path: str):
    """A file of an allowed library, for the player."""
    match = LIBRARY_FOLDER.match(folder)
    if match is None or not _safe_path(path):
        raise Http404
    if not (
        request.user.is_authenticated
        or on_content_origin(request)
        or token_claims(request.GET.get("t")) is not None
    ):
        return refused(_("Log in to open this activity."))
    machine_name, major, minor = match.groups()
    installed = H5PLibrary.objects.filter(
        machine_name=machine_name,
        major_version=int(major),
        minor_version=int(minor),
        allowed=True,
        files_ready=True,
    ).exists()
    if not installed:
        raise Http404
    response = _stream(request, f"h5p/libraries/{folder}/{path}")
    response["Content-Security-Policy"] = LIBRARY_CSP
    response["Cache-Control"] = LIBRARY_CACHE
    return _cross_origin(request, response, allow=main_origin())


# --- Helpers -------------------------------------------------------------------------------------


def refused(message: str) -> HttpResponse:
    response = HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _safe_path(path: str) -> bool:
    """A relative path of plain parts: nothing that climbs out, hides or names a drive."""
    if not path or len(path) > 1000 or path.startswith("/") or "\\" in path or ":" in path:
        return False
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return False
    return all(part and part not in (".", "..") and part[0] not in "._" for part in path.split("/"))


def _content_type(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    return (
        CONTENT_TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    )


def _stream(request, name: str):
    """The stored file `name`, streamed, honouring a single byte range (phones' video players
    ask for ranges and will not play without them)."""
    try:
        handle = default_storage.open(name, "rb")
        size = handle.size
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise Http404 from None
    content_type = _content_type(name)
    wanted = _byte_range(request.headers.get("Range", ""), size)
    if wanted == "unsatisfiable":
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = wanted
        handle.seek(start)
        response = StreamingHttpResponse(
            _read(handle, end - start + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    if wanted is not None or not content_type.startswith(COMPRESSIBLE):
        # GZipMiddleware reads this after the view: media and ranges go out as they are.
        request.META.pop("HTTP_ACCEPT_ENCODING", None)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _byte_range(header: str, size: int):
    """(start, end) of a single `bytes=` range, None to send everything, or "unsatisfiable"."""
    match = RANGE.match(header.strip()) if header else None
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return "unsatisfiable"
    return start, end


def _read(handle, length: int):
    try:
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)


def on_content_origin(request) -> bool:
    origin = content_origin()
    return bool(origin) and request.get_host().lower() == urlsplit(origin).netloc.lower()


def main_origin() -> str:
    url = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    return f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else ""


def _cross_origin(request, response, *, allow: str):
    """On the content origin, let the main site's player read the file (fetch needs CORS)."""
    if on_content_origin(request):
        if allow:
            response["Access-Control-Allow-Origin"] = allow
            patch_vary_headers(response, ("Origin",))
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
    else:
        response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
