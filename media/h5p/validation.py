"""Validating an uploaded .h5p package before anything of it is extracted.

`validate_h5p(path_or_file)` returns an `H5PPackage` describing what the extractor may write, or
raises `H5PRejected` with every `Problem(file, rule, message)` found. It never writes a file; it
reads into memory only the few JSON files it must parse (each under a size cap), and once every
other rule has passed it inflates each member a chunk at a time and throws the bytes away, to
check its CRC-32, so a damaged package is refused before extraction starts. The rules
follow the public H5P specification (h5p.org/specification, library and package definitions)
and H5P core's default file allow-list, tightened for a site that serves the files itself:

1. The upload: not empty, not larger than `max_package_bytes`, a zip whose end-of-directory
   record is read by hand first, so a directory claiming tens of thousands of entries is refused
   before zipfile builds an object per entry.
2. The zip directory only: names (valid UTF-8, relative, no `..`, backslash, drive letter, colon,
   control character or empty part), entry types (no symlinks, devices, pipes), encryption and
   compression method, duplicates (exact, by letter case, or a file named like a folder), the
   file count, per-file and total uncompressed sizes and per-file compression ratios. zipfile
   never inflates a member past the size its directory declares (it fails the CRC instead), so
   these declared sizes are real bounds. A zip-bomb-like package stops here.
3. Structure: h5p.json at the top with its required fields; content/content.json; every other
   top-level folder a library folder `machineName-major.minor` with a library.json that matches
   its name; every preloaded dependency (of h5p.json and of each library) present; the files a
   library.json lists present; file types on the allow-lists; no server-side script anywhere.
4. Integrity: every member inflates to bytes matching its CRC-32 (read in chunks, never kept).

Like H5P core, a file or folder whose name starts with "." or "_" (.DS_Store, __MACOSX/) and the
stray files some exporters add at the top (H5P_CONTENT_HERE.txt) are ignored: listed in
`H5PPackage.ignored`, never extracted nor served. The extractor must open the zip with
`open_archive()` (names decoded as UTF-8) and write only `H5PPackage.files_to_extract()`.

Messages are English msgids rendered in the active language (Vietnamese in locale/vi_h5p.py).
"""

from __future__ import annotations

import json
import os
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field, fields
from typing import IO, Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

MB = 1024 * 1024

# H5P core's default allow-list, less what a browser would run or render as a page (html, htm,
# js, svg, xml: an SVG or XML document can carry script), less Flash; plus a few current formats.
CONTENT_EXTENSIONS = frozenset(
    {
        "json",
        "txt",
        "csv",
        "md",
        "textile",
        "diff",
        "patch",
        "vtt",
        "webvtt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "webp",
        "mp4",
        "m4v",
        "webm",
        "ogg",
        "ogv",
        "oga",
        "mp3",
        "m4a",
        "wav",
        "gltf",
        "glb",
    }
)
# Libraries are code: they may also hold scripts, styles, vector images and fonts.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | frozenset(
    {"js", "css", "svg", "xml", "woff", "woff2", "ttf", "eot", "otf"}
)
# Refused anywhere in a package, even in ignored files: what a web server might execute.
SERVER_SCRIPT_EXTENSIONS = frozenset(
    {
        "php",
        "php3",
        "php4",
        "php5",
        "php7",
        "php8",
        "phps",
        "phtml",
        "pht",
        "phar",
        "py",
        "pyc",
        "pl",
        "cgi",
        "fcgi",
        "sh",
        "bash",
        "exe",
        "bat",
        "cmd",
        "asp",
        "aspx",
        "jsp",
        "jspx",
        "shtml",
    }
)
# Handlers some servers apply to any part of a name (shell.php.jpg), so checked in every part.
SERVER_SCRIPT_INNER = frozenset(
    {
        "php",
        "php3",
        "php4",
        "php5",
        "php7",
        "php8",
        "phtml",
        "pht",
        "phar",
        "cgi",
        "asp",
        "aspx",
        "jsp",
        "shtml",
    }
)
SERVER_CONFIG_FILES = frozenset({".htaccess", ".htpasswd", ".user.ini", "web.config"})
# Top-level files some exporters add; ignored like dot- and underscore-files.
STRAY_TOP_FILES = frozenset({"h5p_content_here.txt", "thumbs.db", "desktop.ini"})

LIBRARY_FOLDER = re.compile(r"^([\w.\-]{1,255})-(\d{1,5})\.(\d{1,5})$", re.ASCII)
MACHINE_NAME = re.compile(r"^[\w.\-]{1,255}$", re.ASCII)
LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
VERSION = re.compile(r"^\d{1,5}$", re.ASCII)
EMBED_TYPES = ("div", "iframe")
DIRECTORY_BYTES_PER_ENTRY = 4096
CHECK_CHUNK = (
    256 * 1024
)  # read size when verifying checksums  # a central-directory record is 46 bytes plus name and extras

MESSAGES = {
    # The upload as a whole
    "empty": gettext_noop("The file is empty."),
    "package_too_big": gettext_noop("The package is larger than %(limit)s MB."),
    "not_zip": gettext_noop("The file is not an H5P package: it is not a zip archive."),
    "damaged": gettext_noop("The package is damaged: its zip directory cannot be read."),
    "too_many_files": gettext_noop("The package holds %(count)s files; at most %(limit)s are allowed."),
    "directory_too_big": gettext_noop("The zip directory is larger than a package of %(limit)s files can need."),
    "total_size": gettext_noop("The package would unpack to %(size)s MB; at most %(limit)s MB are allowed."),
    "name_encoding_package": gettext_noop("A file name in the package is not valid UTF-8."),
    # One entry, from the zip directory
    "name_encoding": gettext_noop("The file name is not valid UTF-8."),
    "encrypted": gettext_noop("The file is encrypted; a package must not be."),
    "compression": gettext_noop("The file uses a compression method that is not supported."),
    "path_traversal": gettext_noop("The path leads out of the package with “..”."),
    "absolute_path": gettext_noop("The path is absolute; paths in a package must be relative."),
    "backslash": gettext_noop("The path uses backslashes; paths in a package use forward slashes."),
    "drive_letter": gettext_noop("The path names a drive or holds a colon."),
    "bad_path": gettext_noop("The path has an empty part, a “.” part or a control character."),
    "symlink": gettext_noop("The entry is a symbolic link; links are not allowed."),
    "special_file": gettext_noop("The entry is a device, pipe or socket, not a file."),
    "duplicate": gettext_noop("The file appears more than once in the package."),
    "duplicate_case": gettext_noop("The file has the same name as %(other)s but for letter case."),
    "duplicate_folder": gettext_noop("A file and a folder have the same name."),
    "file_too_big": gettext_noop("The file would unpack to %(size)s MB; at most %(limit)s MB per file are allowed."),
    "compression_ratio": gettext_noop("The file is compressed %(ratio)s times; more than %(limit)s times looks like a zip bomb."),
    "server_script": gettext_noop("Server-side scripts and server settings (%(name)s) are not allowed anywhere in a package."),
    "extension_content": gettext_noop("Files of type .%(extension)s are not allowed in content/: only media, documents, JSON and text."),
    "extension_library": gettext_noop("Files of type .%(extension)s are not allowed in a library."),
    "no_extension": gettext_noop("Files without an extension are not allowed."),
    "damaged_file": gettext_noop("The file is damaged and cannot be read."),
    "checksum": gettext_noop("The file is damaged: its content does not match its CRC-32 checksum."),
    # Structure
    "unexpected_file": gettext_noop("Only h5p.json, the content folder and library folders may be at the top of a package."),
    "h5p_json_missing": gettext_noop("h5p.json is missing at the top of the package."),
    "content_json_missing": gettext_noop("content/content.json is missing."),
    "library_json_missing": gettext_noop("The library folder has no library.json."),
    "json_too_big": gettext_noop("The file is larger than %(limit)s KB; it cannot be read."),
    "json_encoding": gettext_noop("The file is not UTF-8 text."),
    "json_syntax": gettext_noop("The file is not valid JSON (line %(line)s, column %(column)s)."),
    "json_object": gettext_noop("The file must hold a JSON object."),
    "field_missing": gettext_noop("The required field “%(field)s” is missing."),
    "field_text": gettext_noop("“%(field)s” must be a non-empty text of at most 255 characters."),
    "field_language": gettext_noop("“%(field)s” must be a language code such as “vi”, “en” or “und”."),
    "field_machine_name": gettext_noop("“%(field)s” must be a library machine name such as “H5P.TrueFalse”."),
    "field_version": gettext_noop("“%(field)s” must be a whole number."),
    "field_runnable": gettext_noop("“%(field)s” must be 0 or 1."),
    "field_dependencies": gettext_noop("“%(field)s” must be a list of libraries, each with machineName, majorVersion and minorVersion."),
    "field_embed_types": gettext_noop("“%(field)s” must be a non-empty list of “div” and/or “iframe”."),
    "field_library_files": gettext_noop("“%(field)s” must be a list of files, each with a path."),
    "main_not_preloaded": gettext_noop("The main library %(library)s is not among the preloadedDependencies."),
    "library_folder_name": gettext_noop("The folder is not named as an H5P library, machineName-major.minor (for example H5P.TrueFalse-1.6)."),
    "library_mismatch": gettext_noop("library.json describes %(found)s but the folder is named %(folder)s."),
    "main_library_missing": gettext_noop("The main library %(library)s is not in the package."),
    "missing_dependency": gettext_noop("The library %(library)s, needed by %(needed_by)s, is not in the package."),
    "library_file_missing": gettext_noop("The file %(path)s, listed in library.json, is not in the library folder."),
}  # fmt: skip

# Problems after which the package is not opened further: its members are not read.
STOP_RULES = frozenset(
    {"file_too_big", "total_size", "compression_ratio", "too_many_files", "name_encoding"}
)


class Message:
    """An English msgid and its parameters, rendered in whichever language is active."""

    def __init__(self, msgid: str, **params):
        self.msgid, self.params = msgid, params

    def __str__(self) -> str:
        text = gettext(self.msgid)
        return text % self.params if self.params else text

    def in_language(self, code: str) -> str:
        with translation.override(code):
            return str(self)

    def bilingual(self) -> str:
        """Vietnamese, then the English in parentheses (once the catalogue has the Vietnamese)."""
        vi, en = self.in_language("vi"), self.in_language("en")
        return vi if vi == en else f"{vi} ({en})"


@dataclass
class Problem:
    """One reason to refuse: the file in the package (or the package), a rule code, a message."""

    file: str
    rule: str
    message: Message

    @classmethod
    def of(cls, file: str, rule: str, key: str | None = None, /, **params) -> Problem:
        return cls(file, rule, Message(MESSAGES[key or rule], **params))

    def __str__(self) -> str:
        return f"{self.file}: {self.message} [{self.rule}]"


class H5PRejected(Exception):
    """The package is refused; `problems` lists every reason found, `str()` is one line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(problems[0].rule)

    @property
    def rules(self) -> set[str]:
        return {problem.rule for problem in self.problems}

    def __str__(self) -> str:
        first = str(self.problems[0])
        more = len(self.problems) - 1
        return f"{first} (+{more})" if more else first


_UNSET: Any = None

DEFAULT_LIMITS = {
    "max_files": 2_000,
    "max_file_bytes": 50 * MB,
    "max_total_bytes": 200 * MB,
    "max_ratio": 100,
    "ratio_min_bytes": 64 * 1024,  # smaller files may compress well: they cannot be a bomb
    "max_package_bytes": 200 * MB,  # the .h5p upload itself
    "max_json_bytes": 16 * MB,  # h5p.json, content.json and each library.json, read in memory
}


@dataclass(frozen=True)
class Limits:
    """Bounds read from the zip directory. A field left out takes settings.H5P_LIMITS[name] when
    that setting names it, else the default in DEFAULT_LIMITS."""

    max_files: int = _UNSET
    max_file_bytes: int = _UNSET
    max_total_bytes: int = _UNSET
    max_ratio: int = _UNSET
    ratio_min_bytes: int = _UNSET
    max_package_bytes: int = _UNSET
    max_json_bytes: int = _UNSET

    def __post_init__(self):
        configured = getattr(settings, "H5P_LIMITS", None) or {}
        unknown = set(configured) - set(DEFAULT_LIMITS)
        if unknown:
            raise ImproperlyConfigured(f"H5P_LIMITS: unknown limits {sorted(unknown)}")
        for item in fields(self):
            if getattr(self, item.name) is None:
                value = configured.get(item.name, DEFAULT_LIMITS[item.name])
                object.__setattr__(self, item.name, int(value))


class Dependency(NamedTuple):
    machine_name: str
    major: int
    minor: int

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"


@dataclass
class LibraryInfo:
    machine_name: str
    major: int
    minor: int
    patch: int
    title: str
    runnable: bool
    folder: str
    dependencies: list[Dependency] = field(default_factory=list)  # preloadedDependencies
    files: list[str] = field(default_factory=list)  # zip names of its files, ignored ones left out

    @property
    def version(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass
class H5PPackage:
    """A package that passed every rule: what the extractor and library store need."""

    title: str
    language: str
    main_library: str  # machine name; `main` is its LibraryInfo
    libraries: list[LibraryInfo]
    content_files: list[str]  # zip names under content/, content.json included
    ignored: list[str]  # zip names never to extract nor serve
    total_size: int  # uncompressed bytes of every file entry
    file_count: int  # file entries (folders not counted)
    embed_types: list[str] = field(default_factory=list)
    dependencies: list[Dependency] = field(default_factory=list)  # h5p.json preloadedDependencies
    metadata: dict = field(default_factory=dict)  # h5p.json as read (license, authors…)

    @property
    def main(self) -> LibraryInfo:
        wanted = next(d for d in self.dependencies if d.machine_name == self.main_library)
        return next(lib for lib in self.libraries if lib.folder == wanted.folder)

    def files_to_extract(self) -> list[str]:
        return ["h5p.json", *self.content_files, *(f for lib in self.libraries for f in lib.files)]


def open_archive(handle: IO[bytes]) -> zipfile.ZipFile:
    """The package as zipfile sees it here: names without the UTF-8 flag decoded as UTF-8 too."""
    return zipfile.ZipFile(handle, metadata_encoding="utf-8")


# --- Entry point ----------------------------------------------------------------------------


def validate_h5p(path_or_file, *, limits: Limits | None = None) -> H5PPackage:
    """Check a package (a path, or a binary file object read from its start) by every rule."""
    limits = limits or Limits()
    if isinstance(path_or_file, (str, os.PathLike)):
        label = os.path.basename(os.fspath(path_or_file))
        with open(path_or_file, "rb") as handle:
            return _Validator(handle, label, limits).run()
    label = os.path.basename(getattr(path_or_file, "name", None) or "") or "package.h5p"
    path_or_file.seek(0)
    try:
        return _Validator(path_or_file, label, limits).run()
    finally:
        path_or_file.seek(0)


class _Stop(Exception):
    """Checking cannot safely go on: the problems so far are the answer."""


class _Validator:
    def __init__(self, handle: IO[bytes], label: str, limits: Limits):
        self.handle, self.label, self.limits = handle, label, limits
        self.problems: list[Problem] = []
        self.bad: set[str] = set()  # entry names with a problem: never read
        self.ignored: list[str] = []

    def problem(self, file: str, rule: str, key: str | None = None, /, **params) -> None:
        self.problems.append(Problem.of(file, rule, key, **params))

    def run(self) -> H5PPackage:
        try:
            archive = self.open()
            with archive:
                package = self.check(archive)
        except _Stop:
            package = None
        if self.problems or package is None:
            raise H5PRejected(self.problems)
        return package

    # --- 1. The upload and its zip directory -------------------------------------------------

    def open(self) -> zipfile.ZipFile:
        handle, limits = self.handle, self.limits
        size = handle.seek(0, os.SEEK_END)
        handle.seek(0)
        if size == 0:
            self.stop(self.label, "empty")
        if size > limits.max_package_bytes:
            self.stop(self.label, "package_too_big", limit=_mb(limits.max_package_bytes))
        if not zipfile.is_zipfile(handle):
            self.stop(self.label, "not_zip")
        declared = _end_of_directory(handle, size)
        if declared is None:
            self.stop(self.label, "damaged")
        entries, directory_bytes = declared
        if entries > limits.max_files:  # 0xFFFF: a zip64 record, so at least that many
            self.stop(self.label, "too_many_files", count=entries, limit=limits.max_files)
        if directory_bytes > limits.max_files * DIRECTORY_BYTES_PER_ENTRY:
            self.stop(self.label, "directory_too_big", limit=limits.max_files)
        handle.seek(0)
        try:
            return open_archive(handle)
        except UnicodeDecodeError:
            self.name_encoding_problems()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            pass
        self.stop(self.label, "damaged")

    def name_encoding_problems(self) -> None:
        """Name the entries whose names are not UTF-8, if zipfile can list them at all."""
        self.handle.seek(0)
        try:
            with zipfile.ZipFile(self.handle) as archive:
                for info in archive.infolist():
                    if info.flag_bits & 0x800:
                        continue
                    try:
                        info.filename.encode("cp437").decode("utf-8")
                    except UnicodeError:
                        self.problem(info.filename, "name_encoding")
        except (zipfile.BadZipFile, UnicodeDecodeError, OSError, ValueError, EOFError):
            pass
        if not self.problems:
            self.problem(self.label, "name_encoding", "name_encoding_package")
        raise _Stop

    def stop(self, file: str, rule: str, /, **params):
        self.problem(file, rule, **params)
        raise _Stop

    # --- 2. Every entry, from the directory only ---------------------------------------------

    def check(self, archive: zipfile.ZipFile) -> H5PPackage | None:
        limits = self.limits
        infos = archive.infolist()
        if len(infos) > limits.max_files:
            self.stop(self.label, "too_many_files", count=len(infos), limit=limits.max_files)
        files: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            path_ok = self.check_name(info)
            if info.is_dir():
                continue
            total += info.file_size
            self.check_entry(info)
            if path_ok:
                files.setdefault(name, info)
        self.check_duplicates(infos)
        if total > limits.max_total_bytes:
            self.problem(
                self.label, "total_size", size=_mb(total), limit=_mb(limits.max_total_bytes)
            )
        if any(p.rule in STOP_RULES for p in self.problems):
            raise _Stop
        return self.check_structure(archive, files, total)

    def check_name(self, info: zipfile.ZipInfo) -> bool:
        """Path rules; True when the name is safe to place under a folder."""
        name = info.filename
        before = len(self.problems)
        if "\\" in name:
            self.problem(name, "backslash")
        if name.startswith("/"):
            self.problem(name, "absolute_path")
        if ":" in name:  # a drive letter (C:), or an NTFS stream (file.txt:hidden)
            self.problem(name, "drive_letter")
        parts = name.replace("\\", "/").split("/")
        if info.is_dir():
            parts = parts[:-1]
        if name.startswith("/"):
            parts = parts[1:]
        if ".." in parts:
            self.problem(name, "path_traversal")
        if any(part in ("", ".") for part in parts) or any(
            unicodedata.category(c) in ("Cc", "Cf") for c in name
        ):
            self.problem(name, "bad_path")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            self.problem(name, "symlink")
        elif stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            self.problem(name, "special_file")
        if len(self.problems) > before:
            self.bad.add(name)
            return False
        return True

    def check_entry(self, info: zipfile.ZipInfo) -> None:
        name, limits = info.filename, self.limits
        if info.flag_bits & 0x1:
            self.problem(name, "encrypted")
            self.bad.add(name)
        if info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
            zipfile.ZIP_BZIP2,
            zipfile.ZIP_LZMA,
        ):
            self.problem(name, "compression")
            self.bad.add(name)
        if info.file_size > limits.max_file_bytes:
            self.problem(
                name,
                "file_too_big",
                size=_mb(info.file_size),
                limit=_mb(limits.max_file_bytes),
            )
        if info.file_size > limits.ratio_min_bytes and (
            info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            self.problem(name, "compression_ratio", ratio=ratio, limit=limits.max_ratio)
        basename = name.replace("\\", "/").rsplit("/", 1)[-1]
        parts = basename.lower().split(".")
        if (
            basename.lower() in SERVER_CONFIG_FILES
            or (len(parts) > 1 and parts[-1] in SERVER_SCRIPT_EXTENSIONS)
            or any(part in SERVER_SCRIPT_INNER for part in parts[1:-1])
        ):
            self.problem(name, "server_script", name=basename)
            self.bad.add(name)

    def check_duplicates(self, infos: list[zipfile.ZipInfo]) -> None:
        seen: dict[str, str] = {}
        folders: set[str] = set()
        for info in infos:
            key = _key(info.filename)
            parts = key.split("/")
            folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
            if info.is_dir():
                folders.add(key)
                continue
            other = seen.setdefault(key, info.filename)
            if other is info.filename:
                continue
            if other == info.filename:
                self.problem(info.filename, "duplicate")
            else:
                self.problem(info.filename, "duplicate", "duplicate_case", other=other)
            self.bad.update({info.filename, other})
        for key, name in seen.items():
            if key in folders:
                self.problem(name, "duplicate", "duplicate_folder")
                self.bad.add(name)

    # --- 3. Structure: h5p.json, content, libraries ------------------------------------------

    def check_structure(self, archive, files: dict[str, zipfile.ZipInfo], total: int):
        content_files: list[str] = []
        library_files: dict[str, list[str]] = {}
        bad_folders: set[str] = set()
        for name in files:
            parts = name.split("/")
            top = parts[0]
            if _ignored(parts):
                self.ignored.append(name)
                continue
            if len(parts) == 1:
                if name != "h5p.json":
                    self.problem(name, "unexpected_file")
                continue
            if top == "content":
                self.check_extension(name, CONTENT_EXTENSIONS, "extension_content")
                content_files.append(name)
                continue
            if not LIBRARY_FOLDER.match(top):
                if top not in bad_folders:
                    bad_folders.add(top)
                    self.problem(top + "/", "library_folder_name")
                continue
            self.check_extension(name, LIBRARY_EXTENSIONS, "extension_library")
            library_files.setdefault(top, []).append(name)

        manifest = self.read_json(archive, files, "h5p.json", "h5p_json")
        if "content/content.json" not in files:
            if "content/content.json" not in self.bad:
                self.problem("content/content.json", "content_json_missing")
        else:
            self.read_json(archive, files, "content/content.json", "content_json")

        libraries = [
            library
            for folder, names in sorted(library_files.items())
            if (library := self.check_library(archive, files, folder, names)) is not None
        ]
        present = set(library_files)
        header = self.check_manifest(manifest) if manifest is not None else None
        if header is not None:
            title, language, main, embed_types, dependencies = header
            for dependency in dependencies:
                if dependency.folder in present:
                    continue
                if dependency.machine_name == main:
                    self.problem("h5p.json", "main_library_missing", library=dependency.folder)
                else:
                    self.problem(
                        "h5p.json",
                        "missing_dependency",
                        library=dependency.folder,
                        needed_by="h5p.json",
                    )
        for library in libraries:
            for dependency in library.dependencies:
                if dependency.folder not in present:
                    self.problem(
                        f"{library.folder}/library.json",
                        "missing_dependency",
                        library=dependency.folder,
                        needed_by=library.folder,
                    )
        if self.problems or header is None:
            return None
        self.check_checksums(archive, files)
        if self.problems:
            return None
        return H5PPackage(
            title=title,
            language=language,
            main_library=main,
            libraries=libraries,
            content_files=sorted(content_files),
            ignored=sorted(self.ignored),
            total_size=total,
            file_count=sum(1 for info in archive.infolist() if not info.is_dir()),
            embed_types=embed_types,
            dependencies=dependencies,
            metadata=manifest,
        )

    def check_checksums(self, archive, files: dict[str, zipfile.ZipInfo]) -> None:
        """Inflate every file and discard it, so a member whose bytes do not match its CRC-32
        is refused now rather than failing half-way through extraction. The sizes read are
        bounded by the directory checks above (zipfile stops at the declared size), and
        members are read a chunk at a time."""
        for name, info in files.items():
            if name in self.bad:
                continue
            try:
                with archive.open(info) as member:
                    while member.read(CHECK_CHUNK):
                        pass
            except zipfile.BadZipFile as error:  # zipfile names no subclass for a CRC mismatch
                if "CRC" in str(error):
                    self.problem(name, "checksum")
                else:
                    self.problem(name, "damaged", "damaged_file")
            except (zlib.error, OSError, EOFError, NotImplementedError):
                self.problem(name, "damaged", "damaged_file")

    def check_extension(self, name: str, allowed: frozenset, key: str) -> None:
        if name in self.bad:  # a server script, already refused
            return
        basename = name.rsplit("/", 1)[-1]
        extension = basename.rsplit(".", 1)[-1].lower() if "." in basename else ""
        if not extension:
            self.problem(name, "extension", "no_extension")
        elif extension not in allowed:
            self.problem(name, "extension", key, extension=extension)

    def read_json(self, archive, files, name: str, rule: str) -> dict | None:
        """The JSON object in `name`, or None after a problem (missing, too big, not JSON)."""
        info = files.get(name)
        if info is None:
            if name not in self.bad:
                self.problem(name, f"{rule}_missing")
            return None
        if name in self.bad:
            return None
        limit = self.limits.max_json_bytes
        if info.file_size > limit:
            self.problem(name, f"{rule}_invalid", "json_too_big", limit=limit // 1024)
            return None
        try:
            with archive.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
            self.problem(name, "damaged", "damaged_file")
            return None
        if len(data) > limit:  # cannot happen past zipfile's own bound, kept for clarity
            self.problem(name, f"{rule}_invalid", "json_too_big", limit=limit // 1024)
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.problem(name, f"{rule}_invalid", "json_encoding")
            return None
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            self.problem(
                name, f"{rule}_invalid", "json_syntax", line=error.lineno, column=error.colno
            )
            return None
        except RecursionError:
            self.problem(name, f"{rule}_invalid", "json_syntax", line="?", column="?")
            return None
        if not isinstance(value, dict):
            self.problem(name, f"{rule}_invalid", "json_object")
            return None
        return value

    def check_manifest(self, manifest: dict):
        """h5p.json's fields; (title, language, main, embed types, dependencies) or None."""
        file, rule = "h5p.json", "h5p_json_field"
        before = len(self.problems)
        required = ("title", "language", "mainLibrary", "preloadedDependencies", "embedTypes")
        for name in required:
            if name not in manifest:
                self.problem(file, rule, "field_missing", field=name)
        title = manifest.get("title")
        if "title" in manifest and not _text(title):
            self.problem(file, rule, "field_text", field="title")
        language = manifest.get("language")
        if "language" in manifest and not (isinstance(language, str) and LANGUAGE.match(language)):
            self.problem(file, rule, "field_language", field="language")
        main = manifest.get("mainLibrary")
        if "mainLibrary" in manifest and not _machine_name(main):
            self.problem(file, rule, "field_machine_name", field="mainLibrary")
            main = None
        dependencies = []
        if "preloadedDependencies" in manifest:
            dependencies = self.dependencies(manifest, "preloadedDependencies", file, rule)
            if dependencies is not None and not dependencies:
                self.problem(file, rule, "field_dependencies", field="preloadedDependencies")
        embed_types = manifest.get("embedTypes")
        if "embedTypes" in manifest and not (
            isinstance(embed_types, list)
            and embed_types
            and all(isinstance(e, str) and e in EMBED_TYPES for e in embed_types)
        ):
            self.problem(file, rule, "field_embed_types", field="embedTypes")
        if main and dependencies and main not in {d.machine_name for d in dependencies}:
            self.problem(file, rule, "main_not_preloaded", library=main)
        if len(self.problems) > before:
            return None
        return title, language, main, list(dict.fromkeys(embed_types)), dependencies

    def dependencies(self, data: dict, key: str, file: str, rule: str) -> list[Dependency] | None:
        """A list of {machineName, majorVersion, minorVersion}; None after a problem."""
        value = data.get(key, [])
        found = []
        if isinstance(value, list):
            for item in value:
                if not isinstance(item, dict):
                    break
                name, major, minor = (
                    item.get(k) for k in ("machineName", "majorVersion", "minorVersion")
                )
                if not (_machine_name(name) and _version(major) and _version(minor)):
                    break
                found.append(Dependency(name, int(major), int(minor)))
            else:
                return list(dict.fromkeys(found))
        self.problem(file, rule, "field_dependencies", field=key)
        return None

    def check_library(self, archive, files, folder: str, names: list[str]) -> LibraryInfo | None:
        file = f"{folder}/library.json"
        if file not in files:
            if file not in self.bad:
                self.problem(file, "library_json_missing")
            return None
        data = self.read_json(archive, files, file, "library_json")
        if data is None:
            return None
        rule = "library_json_field"
        before = len(self.problems)
        required = ("title", "machineName", "majorVersion", "minorVersion", "patchVersion")
        for name in (*required, "runnable"):
            if name not in data:
                self.problem(file, rule, "field_missing", field=name)
        if "title" in data and not _text(data["title"]):
            self.problem(file, rule, "field_text", field="title")
        if "machineName" in data and not _machine_name(data["machineName"]):
            self.problem(file, rule, "field_machine_name", field="machineName")
        for name in ("majorVersion", "minorVersion", "patchVersion"):
            if name in data and not _version(data[name]):
                self.problem(file, rule, "field_version", field=name)
        if "runnable" in data and data["runnable"] not in (0, 1):  # True and False are 1 and 0
            self.problem(file, rule, "field_runnable", field="runnable")
        dependencies = self.dependencies(data, "preloadedDependencies", file, rule)
        for key in ("dynamicDependencies", "editorDependencies"):
            self.dependencies(data, key, file, rule)
        for key in ("preloadedJs", "preloadedCss"):
            self.library_files(data, key, folder, files, file)
        if len(self.problems) > before:
            return None
        major, minor = int(data["majorVersion"]), int(data["minorVersion"])
        found = f"{data['machineName']}-{major}.{minor}"
        if found != folder:
            self.problem(file, "library_mismatch", found=found, folder=folder)
            return None
        return LibraryInfo(
            machine_name=data["machineName"],
            major=major,
            minor=minor,
            patch=int(data["patchVersion"]),
            title=data["title"],
            runnable=bool(data["runnable"]),
            folder=folder,
            dependencies=dependencies or [],
            files=sorted(names),
        )

    def library_files(self, data: dict, key: str, folder: str, files, file: str) -> None:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(item, dict) and isinstance(item.get("path"), str) for item in value
        ):
            self.problem(file, "library_json_field", "field_library_files", field=key)
            return
        for item in value:
            path = item["path"]
            if f"{folder}/{path}" not in files:
                self.problem(file, "library_file_missing", path=path)


# --- Helpers --------------------------------------------------------------------------------


def _end_of_directory(handle: IO[bytes], size: int) -> tuple[int, int] | None:
    """(entries, directory bytes) as the end-of-central-directory record declares them."""
    tail = min(size, 22 + 0xFFFF)
    handle.seek(size - tail)
    data = handle.read(tail)
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) - at < 22:
        return None
    *_, entries, directory_bytes, _offset, _comment = struct.unpack("<4s4H2LH", data[at : at + 22])
    return entries, directory_bytes


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name.rstrip("/")).casefold()


def _ignored(parts: list[str]) -> bool:
    """Dot- and underscore-files or folders anywhere (as H5P core skips them), stray top files."""
    if any(part.startswith((".", "_")) for part in parts):
        return True
    return len(parts) == 1 and parts[0].lower() in STRAY_TOP_FILES


def _text(value) -> bool:
    return isinstance(value, str) and len(value.strip()) > 0 and len(value) <= 255


def _machine_name(value) -> bool:
    return isinstance(value, str) and bool(MACHINE_NAME.match(value))


def _version(value) -> bool:
    """A whole number, as an int or in digits (h5p.json often quotes versions)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0 <= value <= 99_999
    return isinstance(value, str) and bool(VERSION.match(value))


def _mb(size: int) -> str:
    return f"{size / MB:.0f}" if size >= MB else f"{size / MB:.2f}"
