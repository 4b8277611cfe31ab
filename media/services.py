"""Writes for H5P packages: import (validate, store, queue), extraction, retry, deletion,
library switch.

An import is all or nothing: `h5p_package_import` validates the whole package first
(media/h5p/validation.py, every member's CRC-32 included) and refuses one that uses a library an
admin has blocked, or, unless its uploader may install libraries (`media.change_h5plibrary`, or
an operator's command), one that needs a library version not installed or a newer patch; so a
refused package leaves no row and no stored file. The package is then stored through the
FileField and `media.tasks.h5p_extract` queued on commit. Extraction (`h5p_package_extract`)
streams from the stored zip only what validation listed (`H5PPackage.files_to_extract()`), never
the ignored stray files, into default_storage (local disk or S3):

    h5p/packages/<name>.h5p                   the upload, as received (kept for review)
    h5p/libraries/<Machine.Name-M.m>/...      each library version once, shared by every package
    h5p/content/<id>/h5p.json                 the package's manifest
    h5p/content/<id>/content/...              content.json, filtered (media/h5p/params.py), and
                                              its media

A library version is installed under a row lock (`select_for_update` on its `H5PLibrary` row,
made with get-or-create), so two packages bringing the same library at the same time write its
files once; a later package with the same or an older patch release reuses them, a newer patch
replaces them (only when installing is allowed). content.json is filtered against the semantics
of the libraries as installed, never a package's own copy of them. The content's files are
written and its status set under its row lock. Every write deletes before saving, so running an
extraction again after a crash leaves the same files; a failed one removes what it wrote.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import PurePosixPath
from tempfile import SpooledTemporaryFile

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from .h5p.params import filter_params
from .h5p.validation import (
    H5PPackage,
    H5PRejected,
    LibraryInfo,
    Limits,
    Message,
    Problem,
    open_archive,
    validate_h5p,
)
from .models import H5PContent, H5PLibrary

logger = logging.getLogger(__name__)

LIBRARIES_PREFIX = "h5p/libraries/"
CONTENT_PREFIX = "h5p/content/"
CONTENT_JSON = "content/content.json"
CHUNK = 64 * 1024

LIBRARY_BLOCKED = gettext_noop(
    "The library %(library)s has been blocked by an administrator; packages using it cannot be uploaded."
)
LIBRARY_NOT_INSTALLED = gettext_noop(
    "The library %(library)s is not installed; ask an administrator to upload a package that "
    "brings it."
)
LIBRARY_NEWER_PATCH = gettext_noop(
    "The package brings %(library)s %(version)s, newer than the installed %(installed)s; ask "
    "an administrator to upload it."
)
CHANGE_LIBRARIES_PERMISSION = "media.change_h5plibrary"
EXTRACT_FAILED = gettext_noop("The package could not be extracted: %(reason)s")
PACKAGE_DAMAGED = gettext_noop("the stored package is damaged (%(detail)s).")
STORAGE_FAILED = gettext_noop("the files could not be saved to storage (%(detail)s).")
UNEXPECTED_ERROR = gettext_noop("an unexpected error occurred (%(detail)s).")


class H5PExtractError(Exception):
    """Extraction cannot go on; the message (Vietnamese when rendered) goes to `H5PContent.error`."""


# --- Import -----------------------------------------------------------------------------------


def h5p_package_import(
    *,
    file,
    title: str | None = None,
    user=None,
    install_libraries: bool | None = None,
    queue: bool = True,
) -> H5PContent:
    """Validate an .h5p package (a path, an uploaded file or a binary file object), store it and
    create its content PENDING; extraction is queued on commit (eager by default, so the content
    is READY when this returns outside a transaction). With `queue=False` nothing is queued: the
    caller (`import_h5p`) extracts itself. Raises `H5PRejected`, having written nothing, when
    the package breaks a rule, uses a blocked library, or needs library code that may not be
    installed.

    Library code runs in the lesson page, so installing a library version, or a newer patch of
    one, is for those who may change libraries (`install_libraries`: by default whether `user`
    has `media.change_h5plibrary`; operators at the command line pass True). Anyone else's
    package may only use library versions already installed, and plays with those, never
    with the copies it carries."""
    if install_libraries is None:
        install_libraries = bool(user is not None and user.has_perm(CHANGE_LIBRARIES_PERMISSION))
    with _as_file(file) as upload:
        package = validate_h5p(upload)
        _check_libraries(package, install=install_libraries)
        digest = _sha256(upload)
        label = os.path.basename(upload.name or "") or "package.h5p"
        content = H5PContent(
            title=(title or "").strip()[:255] or package.title[:255],
            original_name=label[:255],
            sha256=digest,
            h5p_json=package.metadata,
            language=package.language[:10],
            uploaded_by=user if user is not None and user.is_authenticated else None,
        )
        upload.seek(0)
        content.package.save(_package_name(label), upload, save=False)
    try:
        with transaction.atomic():
            content.save()
            if queue:
                transaction.on_commit(
                    lambda: _enqueue_extract(content.pk, install_libraries=install_libraries)
                )
    except BaseException:
        default_storage.delete(content.package.name)
        raise
    return content


def _enqueue_extract(content_id: int, *, install_libraries: bool) -> None:
    from . import tasks

    tasks.h5p_extract.delay(content_id, install_libraries)


def _check_libraries(package: H5PPackage, *, install: bool) -> None:
    """Refuse a package using a blocked library, and, unless it may install libraries, one
    bringing a library version that is not installed or a newer patch than the installed."""
    rows = {
        library.folder: library
        for library in H5PLibrary.objects.filter(
            machine_name__in={info.machine_name for info in package.libraries}
        )
    }
    problems = []
    for info in package.libraries:
        library = rows.get(info.folder)
        if library is not None and not library.allowed:
            message = Message(LIBRARY_BLOCKED, library=info.folder)
            problems.append(Problem(f"{info.folder}/", "library_blocked", message))
        elif not install and (problem := _not_installed(info, library)) is not None:
            problems.append(problem)
    if problems:
        raise H5PRejected(problems)


def _not_installed(info: LibraryInfo, library: H5PLibrary | None) -> Problem | None:
    """Why `info` cannot be used without installing it, or None when the installed one serves."""
    if library is None or not library.files_ready:
        message = Message(LIBRARY_NOT_INSTALLED, library=info.folder)
        return Problem(f"{info.folder}/", "library_not_installed", message)
    if library.patch_version < info.patch:
        message = Message(
            LIBRARY_NEWER_PATCH,
            library=info.machine_name,
            version=info.version,
            installed=library.version,
        )
        return Problem(f"{info.folder}/", "library_newer_patch", message)
    return None


@contextmanager
def _as_file(file):
    """A django File over a path, an uploaded file or a binary file object."""
    if isinstance(file, (str, os.PathLike)):
        with open(file, "rb") as handle:
            yield File(handle, name=os.path.basename(os.fspath(file)))
    elif isinstance(file, File):
        yield file
    else:
        yield File(file, name=getattr(file, "name", None) or "package.h5p")


def _sha256(upload: File) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _package_name(label: str) -> str:
    stem = PurePosixPath(label.replace("\\", "/")).stem
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in stem)
    return f"{safe.strip('-.')[:80] or 'package'}.h5p"


# --- Extraction -------------------------------------------------------------------------------


def h5p_package_extract(*, content_id: int, install_libraries: bool = False) -> H5PContent:
    """Write the package's libraries and content into storage and mark the content READY; on
    any failure remove the content's files written so far and mark it FAILED with the reason,
    in one line. Safe to run twice, and by two workers at once: the content's files are written
    and its status set under its row lock, so a worker that finds it READY leaves it alone and
    a failing worker never overwrites another's READY (nor deletes its files). Libraries are
    installed or upgraded only with `install_libraries` (see `h5p_package_import`); otherwise a
    library version missing from storage fails the content."""
    content = H5PContent.objects.get(pk=content_id)
    if content.status == H5PContent.Status.READY:
        return content
    try:
        with _stored_package(content) as handle:
            package = validate_h5p(handle)
            with open_archive(handle) as archive:
                libraries = _libraries_install(archive, package, install=install_libraries)
                params = _filtered_content_json(archive, package, libraries)
                return _content_store(content_id, archive, package, libraries, params)
    except Exception as error:  # the content must not stay PENDING whatever went wrong
        return _extraction_failed(content_id, error)


def _content_store(
    content_id: int, archive, package: H5PPackage, libraries: dict, params: bytes
) -> H5PContent:
    """The content's own files (content.json as filtered) and its READY status, under its row
    lock."""
    with transaction.atomic():
        content = H5PContent.objects.select_for_update().get(pk=content_id)
        if content.status == H5PContent.Status.READY:
            return content  # another worker finished first: its files stand
        for name in ["h5p.json", *package.content_files]:
            target = f"{content.storage_prefix}{name}"
            if name == CONTENT_JSON:
                _store_bytes(params, target)
            else:
                _store_member(archive, name, target)
        content.libraries.set(libraries.values())
        content.main_library = libraries[package.main.folder]
        content.status = H5PContent.Status.READY
        content.error = ""
        content.extracted_at = timezone.now()
        content.save(update_fields=["main_library", "status", "error", "extracted_at"])
    return content


def _filtered_content_json(archive, package: H5PPackage, libraries: dict) -> bytes:
    """content.json with its parameters filtered against the semantics of the libraries as
    installed (media/h5p/params.py): a package's own copy of an installed library, and so of
    its semantics.json, is never what decides."""
    with archive.open(CONTENT_JSON) as member:
        params = json.loads(member.read().decode("utf-8-sig"))
    available = {_library_name(library) for library in libraries.values()}
    filtered = filter_params(
        params,
        library=_library_name(libraries[package.main.folder]),
        semantics_for=functools.cache(_installed_semantics),
        available=available,
    )
    return json.dumps(filtered, ensure_ascii=False).encode()


def _library_name(library: H5PLibrary) -> str:
    """How content.json names a library: "H5P.Image 1.1"."""
    return f"{library.machine_name} {library.major_version}.{library.minor_version}"


def _installed_semantics(name: str) -> list | None:
    """The stored semantics.json of an installed library ("H5P.Image 1.1"), or None when it
    has none or it is not a JSON list (its content's texts are then treated as plain). A
    storage error is raised: the extraction fails and can be retried, rather than storing
    the content with every text escaped."""
    machine_name, _, version = name.rpartition(" ")
    path = f"{LIBRARIES_PREFIX}{machine_name}-{version}/semantics.json"
    if not default_storage.exists(path):
        return None
    limit = Limits().max_json_bytes
    with default_storage.open(path, "rb") as stored:
        data = stored.read(limit + 1)
    try:
        semantics = json.loads(data.decode("utf-8-sig")) if len(data) <= limit else None
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return semantics if isinstance(semantics, list) else None


def _extraction_failed(content_id: int, error: Exception) -> H5PContent:
    """Mark the content FAILED with a one-line reason and remove the files it got so far,
    unless another worker has made it READY meanwhile."""
    reason = _failure_reason(error)
    # The reason goes to the content row (and from there to the admin, the command's one line
    # and the task's log line); the traceback only to a debug log.
    logger.debug("H5P content %s: extraction error", content_id, exc_info=error)
    with transaction.atomic():
        content = H5PContent.objects.select_for_update().get(pk=content_id)
        if content.status == H5PContent.Status.READY:
            return content
        for name in list(_storage_walk(content.storage_prefix)):
            default_storage.delete(name)
        content.status = H5PContent.Status.FAILED
        content.error = str(Message(EXTRACT_FAILED, reason=reason))[:2000]
        content.save(update_fields=["status", "error"])
    return content


def _failure_reason(error: Exception) -> str:
    """Why extraction stopped, in the active language, on one line."""
    if isinstance(error, H5PRejected | H5PExtractError):
        reason = str(error)
    elif isinstance(error, zipfile.BadZipFile | zlib.error | EOFError):
        reason = str(Message(PACKAGE_DAMAGED, detail=str(error)))
    elif isinstance(error, OSError):
        reason = str(Message(STORAGE_FAILED, detail=error.strerror or error.__class__.__name__))
    else:
        reason = str(Message(UNEXPECTED_ERROR, detail=error.__class__.__name__))
    return " ".join(reason.split())


@contextmanager
def _stored_package(content: H5PContent):
    """The stored .h5p as a seekable binary file (S3 files are copied to a spooled temp file)."""
    with content.package.open("rb") as stored:
        if stored.seekable():
            yield stored
            return
        with SpooledTemporaryFile(max_size=16 * 1024 * 1024) as copy:
            for chunk in stored.chunks(CHUNK):
                copy.write(chunk)
            copy.seek(0)
            yield copy


def _libraries_install(archive, package: H5PPackage, *, install: bool) -> dict[str, H5PLibrary]:
    """Every library of the package, installed or reused; then, when installing, their
    dependencies recorded."""
    libraries = {
        info.folder: _library_install(archive, info, install=install) for info in package.libraries
    }
    if not install:  # the installed versions keep the dependencies they were installed with
        return libraries
    through = H5PLibrary.dependencies.through
    links = [
        through(from_h5plibrary=libraries[info.folder], to_h5plibrary=libraries[d.folder])
        for info in package.libraries
        for d in info.dependencies
        if d.folder in libraries
    ]
    # Two packages sharing a library may record the same link at once: the unique pair decides.
    through.objects.bulk_create(links, ignore_conflicts=True)
    return libraries


def _library_install(archive, info: LibraryInfo, *, install: bool) -> H5PLibrary:
    """One library version: its row locked while its files are written, so concurrent packages
    sharing it wait for the first and then reuse its files. Without `install`, only an installed
    version at least as new serves. If writing fails, a new library leaves no row and no file;
    a half-replaced one is marked not stored (not served) until an extraction writes its whole
    release again."""
    half_replaced = None
    try:
        with transaction.atomic():
            library = _library_row_locked(info, create=install)
            if library is not None and not library.allowed:
                raise H5PExtractError(str(Message(LIBRARY_BLOCKED, library=info.folder)))
            prefix = f"{LIBRARIES_PREFIX}{info.folder}/"
            if (
                library is not None
                and library.files_ready
                and library.patch_version >= info.patch
                and default_storage.exists(f"{prefix}library.json")  # storage may have moved
            ):
                return library
            if not install:
                problem = _not_installed(info, library) or _not_installed(info, None)
                raise H5PExtractError(str(problem.message))
            upgrade = library.files_ready
            try:
                _library_files_write(archive, info, prefix, upgrade=upgrade)
            except Exception:
                if upgrade:
                    half_replaced = library.pk
                else:  # its row rolls back with this transaction: its files go too
                    for name in list(_storage_walk(prefix)):
                        default_storage.delete(name)
                raise
            with archive.open(f"{info.folder}/library.json") as member:
                library.metadata = json.loads(member.read().decode("utf-8-sig"))
            library.patch_version = info.patch
            library.title = info.title[:255]
            library.runnable = info.runnable
            library.files_ready = True
            library.save()
    except Exception:
        if half_replaced is not None:
            H5PLibrary.objects.filter(pk=half_replaced).update(files_ready=False)
        raise
    return library


def _library_files_write(archive, info: LibraryInfo, prefix: str, *, upgrade: bool) -> None:
    for name in info.files:
        _store_member(archive, name, f"{LIBRARIES_PREFIX}{name}")
    if upgrade:  # a newer patch: drop files the old release had and this lacks
        kept = {f"{LIBRARIES_PREFIX}{name}" for name in info.files}
        for stale in set(_storage_walk(prefix)) - kept:
            default_storage.delete(stale)


def _library_row_locked(info: LibraryInfo, *, create: bool) -> H5PLibrary | None:
    key = {
        "machine_name": info.machine_name,
        "major_version": info.major,
        "minor_version": info.minor,
    }
    locked = H5PLibrary.objects.select_for_update()
    library = locked.filter(**key).first()
    if library is not None or not create:
        return library
    try:
        with transaction.atomic():
            return H5PLibrary.objects.create(
                **key,
                patch_version=info.patch,
                title=info.title[:255],
                runnable=info.runnable,
                files_ready=False,
            )
    except IntegrityError:  # another package created it first: wait for its files
        return locked.get(**key)


def _store_member(archive, name: str, target: str) -> None:
    """Stream one zip member into storage under exactly `target`, replacing what was there."""
    info = archive.getinfo(name)
    if default_storage.exists(target):
        default_storage.delete(target)
    with archive.open(info) as member:
        upload = File(member, name=PurePosixPath(name).name)
        upload.size = info.file_size
        saved = default_storage.save(target, upload)
    if saved != target:
        default_storage.delete(saved)
        raise H5PExtractError(f"{name}: stored as {saved}")


def _store_bytes(data: bytes, target: str) -> None:
    if default_storage.exists(target):
        default_storage.delete(target)
    saved = default_storage.save(target, ContentFile(data, name=PurePosixPath(target).name))
    if saved != target:
        default_storage.delete(saved)
        raise H5PExtractError(f"{target}: stored as {saved}")


def _storage_walk(prefix: str):
    """Every stored name under `prefix` (a folder ending in /)."""
    try:
        folders, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{prefix}{name}"
    for folder in folders:
        yield from _storage_walk(f"{prefix}{folder}/")


# --- Deletion and the library switch -----------------------------------------------------------


def h5p_content_delete(*, content_id: int) -> None:
    """Delete a content, its extracted files and its package. Libraries stay (others share them);
    its xAPI statements and saved states go with it."""
    content = H5PContent.objects.filter(pk=content_id).first()
    if content is None:
        return
    h5p_content_files_delete(content=content)
    content.delete()


def h5p_content_files_delete(*, content: H5PContent) -> None:
    """Remove a content's extracted files and package from storage once the transaction that
    deletes its row commits (the admin's delete view calls this too)."""
    prefix, package = content.storage_prefix, content.package.name

    def remove_files():
        for name in list(_storage_walk(prefix)):
            default_storage.delete(name)
        if package:
            default_storage.delete(package)

    transaction.on_commit(remove_files)


def h5p_content_retry(*, content_id: int, install_libraries: bool = False) -> bool:
    """Queue the extraction of a FAILED content again, once the cause is fixed (storage back,
    a library installed); PENDING until it runs. Returns False, queuing nothing, when the
    content is not FAILED (a READY content is never extracted twice)."""
    with transaction.atomic():
        again = H5PContent.objects.filter(pk=content_id, status=H5PContent.Status.FAILED).update(
            status=H5PContent.Status.PENDING, error=""
        )
        if again:
            transaction.on_commit(
                lambda: _enqueue_extract(content_id, install_libraries=install_libraries)
            )
    return bool(again)


def h5p_library_set_allowed(*, library_id: int, allowed: bool) -> H5PLibrary:
    """Allow or block a library version. A blocked library is never served, content using it
    does not play, and packages bringing it are refused."""
    library = H5PLibrary.objects.get(pk=library_id)
    if library.allowed != allowed:
        library.allowed = allowed
        library.save(update_fields=["allowed", "updated_at"])
    return library
