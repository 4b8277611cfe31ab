"""H5P package validation: the two real packages pass, every hostile package is refused by the
right rule naming the right file, and validating never writes or extracts anything."""

import builtins
import io
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from media.h5p.validation import H5PPackage, H5PRejected, Limits, validate_h5p

FIXTURES = Path(__file__).parent / "fixtures"
DRAGTEXT = FIXTURES / "dragtext.h5p"
TRUEFALSE = FIXTURES / "truefalse-h5p-standalone-test.h5p"


# --- Building packages ----------------------------------------------------------------------


def manifest(**changes):
    data = {
        "title": "Đúng hay sai",
        "language": "vi",
        "mainLibrary": "H5P.Test",
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": "H5P.Test", "majorVersion": "1", "minorVersion": "0"}
        ],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not DROP}


def library(**changes):
    data = {
        "title": "Test",
        "machineName": "H5P.Test",
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 3,
        "runnable": 1,
        "preloadedJs": [{"path": "scripts/test.js"}],
        "preloadedCss": [{"path": "styles/test.css"}],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not DROP}


DROP = object()


def valid_entries():
    return {
        "h5p.json": json.dumps(manifest()),
        "content/content.json": json.dumps({"question": "<p>Hà Nội là thủ đô?</p>"}),
        "content/images/map.png": b"\x89PNG....",
        "H5P.Test-1.0/library.json": json.dumps(library()),
        "H5P.Test-1.0/scripts/test.js": "H5P.Test = function () {};",
        "H5P.Test-1.0/styles/test.css": ".h5p-test {}",
        "H5P.Test-1.0/icon.svg": "<svg/>",
    }


def build(tmp_path, entries=None, *, add=None, drop=(), name="package.h5p"):
    """A package from {name: text | bytes | ZipInfo-with-data tuple}; None values are skipped."""
    entries = dict(valid_entries() if entries is None else entries)
    entries.update(add or {})
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries.items():
            if entry in drop or data is None:
                continue
            if isinstance(data, tuple):
                archive.writestr(*data)
            else:
                archive.writestr(entry, data)
    return path


class NoWrites:
    """While active, writing any file or extracting from a zip fails the test."""

    def __init__(self, monkeypatch, watched: Path):
        self.monkeypatch, self.watched = monkeypatch, watched

    def __enter__(self):
        self.before = sorted(self.watched.rglob("*"))
        real_open, real_zip_open = builtins.open, zipfile.ZipFile.open

        def guarded_open(file, mode="r", *args, **kwargs):
            assert not set(mode) & set("wax+"), f"validation opened {file} for writing"
            return real_open(file, mode, *args, **kwargs)

        def guarded_zip_open(self, name, mode="r", *args, **kwargs):
            assert mode == "r", "validation wrote into a zip"
            return real_zip_open(self, name, mode, *args, **kwargs)

        def refuse(*args, **kwargs):
            raise AssertionError("validation extracted from the package")

        self.context = self.monkeypatch.context()
        patch = self.context.__enter__()
        patch.setattr(builtins, "open", guarded_open)
        patch.setattr(io, "open", guarded_open)
        patch.setattr(zipfile.ZipFile, "open", guarded_zip_open)
        patch.setattr(zipfile.ZipFile, "extract", refuse)
        patch.setattr(zipfile.ZipFile, "extractall", refuse)
        patch.setattr(shutil, "copyfileobj", refuse)
        return self

    def __exit__(self, *exc):
        self.context.__exit__(*exc)
        assert sorted(self.watched.rglob("*")) == self.before, "validation wrote a file"


@pytest.fixture
def check(monkeypatch, tmp_path):
    """Validate with every write and extraction forbidden; the package or the problems."""

    def run(path, **limits):
        with NoWrites(monkeypatch, tmp_path):
            try:
                return validate_h5p(path, limits=Limits(**limits))
            except H5PRejected as refused:
                return refused

    return run


def refused(result) -> set[tuple[str, str]]:
    assert isinstance(result, H5PRejected), f"accepted: {result}"
    return {(problem.file, problem.rule) for problem in result.problems}


# --- The real packages ----------------------------------------------------------------------


def test_dragtext_fixture_is_accepted(check):
    package = check(DRAGTEXT)
    assert isinstance(package, H5PPackage)
    assert (package.title, package.language, package.main_library) == (
        "Drag the Words",
        "und",
        "H5P.DragText",
    )
    assert package.main.version == "1.8.8" and package.main.runnable
    assert package.content_files == ["content/content.json"]
    assert package.ignored == []
    assert package.file_count == 146
    folders = {lib.folder for lib in package.libraries}
    assert {"H5P.DragText-1.8", "jQuery.ui-1.10", "FontAwesome-4.5", "Tether-1.0"} <= folders
    question = next(lib for lib in package.libraries if lib.folder == "H5P.Question-1.4")
    assert ("H5P.JoubelUI", 1, 3) in question.dependencies
    assert package.embed_types == ["div"]


def test_truefalse_fixture_is_accepted_and_its_stray_file_ignored(check):
    package = check(TRUEFALSE)
    assert isinstance(package, H5PPackage)
    assert package.title == "Hello World" and package.main_library == "H5P.TrueFalse"
    assert package.ignored == ["H5P_CONTENT_HERE.txt"]
    assert "H5P_CONTENT_HERE.txt" not in package.files_to_extract()
    assert "H5P.TrueFalse-1.6/library.json" in package.files_to_extract()
    assert package.total_size == 1358683


def test_an_uploaded_file_object_is_validated_and_rewound(check):
    upload = io.BytesIO(TRUEFALSE.read_bytes())
    upload.name = "truefalse.h5p"
    assert isinstance(check(upload), H5PPackage)
    assert upload.tell() == 0


def test_the_minimal_built_package_is_accepted(tmp_path, check):
    package = check(build(tmp_path, add={"__MACOSX/content/._map.png": b"x", ".DS_Store": b"x"}))
    assert isinstance(package, H5PPackage)
    assert package.content_files == ["content/content.json", "content/images/map.png"]
    assert package.ignored == [".DS_Store", "__MACOSX/content/._map.png"]
    assert [lib.folder for lib in package.libraries] == ["H5P.Test-1.0"]


# --- Not a zip, damaged, bombs --------------------------------------------------------------


def test_a_file_that_is_not_a_zip_is_refused(tmp_path, check):
    path = tmp_path / "lesson.h5p"
    path.write_bytes(b"%PDF-1.7 not a zip at all\n" * 100)
    assert refused(check(path)) == {("lesson.h5p", "not_zip")}


def test_an_empty_file_is_refused(tmp_path, check):
    path = tmp_path / "empty.h5p"
    path.write_bytes(b"")
    assert refused(check(path)) == {("empty.h5p", "empty")}


def test_a_truncated_zip_is_refused(tmp_path, check):
    data = build(tmp_path).read_bytes()
    path = tmp_path / "cut.h5p"
    path.write_bytes(data[:200] + data[-22:])  # the end record survives, the directory not
    assert refused(check(path)) == {("cut.h5p", "damaged")}


def test_a_zip_bomb_is_refused_from_the_directory_alone(tmp_path, check, monkeypatch):
    """200 MB of zeros compress to about 200 KB: refused by per-file size, total and ratio."""
    path = build(tmp_path)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("content/video.mp4", "w", force_zip64=True) as member,
    ):
        zeros = bytes(4 * 1024 * 1024)
        for _ in range(50):
            member.write(zeros)
    read = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(
        zipfile.ZipFile,
        "open",
        lambda self, name, *a, **k: read.append(name) or real_open(self, name, *a, **k),
    )
    problems = refused(check(path))
    assert problems >= {
        ("content/video.mp4", "file_too_big"),
        ("content/video.mp4", "compression_ratio"),
        ("package.h5p", "total_size"),
    }
    assert read == [], "no member is read once the package looks like a bomb"


def test_the_compression_ratio_alone_refuses_a_member(tmp_path, check):
    path = build(tmp_path, add={"content/notes.txt": "a" * 300_000})
    assert refused(check(path)) == {("content/notes.txt", "compression_ratio")}
    assert isinstance(check(path, max_ratio=10_000), H5PPackage)
    assert isinstance(check(path, ratio_min_bytes=400_000), H5PPackage)  # small files may


def test_a_member_over_the_per_file_limit_is_refused(tmp_path, check):
    path = build(tmp_path, add={"content/big.pdf": os.urandom(100_000)})
    assert refused(check(path, max_file_bytes=50_000)) == {("content/big.pdf", "file_too_big")}


def test_too_many_files_are_refused_before_the_directory_is_parsed(tmp_path, check, monkeypatch):
    path = build(tmp_path, add={f"content/{i}.txt": "" for i in range(2_100)})
    parsed = []
    real_init = zipfile.ZipFile.__init__
    monkeypatch.setattr(
        zipfile.ZipFile,
        "__init__",
        lambda self, *a, **k: parsed.append(1) or real_init(self, *a, **k),
    )
    assert refused(check(path)) == {("package.h5p", "too_many_files")}
    assert parsed == []


def test_the_file_count_limit_comes_from_settings(tmp_path, check, settings):
    settings.H5P_LIMITS = {"max_files": 5}
    assert Limits().max_files == 5 and Limits(max_files=9).max_files == 9
    assert refused(check(build(tmp_path), max_files=None)) == {("package.h5p", "too_many_files")}


def test_an_oversized_upload_is_refused(tmp_path, check):
    path = build(tmp_path)
    assert refused(check(path, max_package_bytes=100)) == {("package.h5p", "package_too_big")}


# --- Paths and entry types ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "rule"),
    [
        ("../../etc/cron.d/evil.json", "path_traversal"),
        ("content/../../evil.json", "path_traversal"),
        ("/etc/passwd.txt", "absolute_path"),
        ("content\\..\\..\\evil.json", "backslash"),
        ("C:/Windows/evil.json", "drive_letter"),
        ("content/a:b.json", "drive_letter"),
        ("content//double.json", "bad_path"),
        ("content/./dot.json", "bad_path"),
        ("content/tab\t.json", "bad_path"),
    ],
)
def test_unsafe_paths_are_refused(tmp_path, check, entry, rule):
    info = zipfile.ZipInfo(entry)  # ZipInfo would otherwise tidy some of these names
    info.filename = entry
    result = check(build(tmp_path, add={entry: (info, b"{}")}))
    assert (entry, rule) in refused(result)


def test_zip_slip_is_refused_naming_the_file(tmp_path, check):
    result = check(build(tmp_path, add={"../evil.json": "{}"}))
    assert refused(result) == {("../evil.json", "path_traversal")}


def test_a_symlink_entry_is_refused(tmp_path, check):
    info = zipfile.ZipInfo("content/passwd.txt")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    result = check(build(tmp_path, add={"link": (info, "/etc/passwd")}))
    assert refused(result) == {("content/passwd.txt", "symlink")}


def test_a_fifo_entry_is_refused(tmp_path, check):
    info = zipfile.ZipInfo("content/pipe.txt")
    info.create_system = 3
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    result = check(build(tmp_path, add={"pipe": (info, "")}))
    assert refused(result) == {("content/pipe.txt", "special_file")}


def test_duplicate_entries_are_refused(tmp_path, check):
    path = build(tmp_path)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("content/content.json", "{}")
    assert refused(check(path)) == {("content/content.json", "duplicate")}


def test_entries_differing_only_in_case_are_refused(tmp_path, check):
    result = check(build(tmp_path, add={"content/images/MAP.png": b"x"}))
    assert refused(result) == {("content/images/MAP.png", "duplicate")}


def test_a_file_named_like_a_folder_is_refused(tmp_path, check):
    result = check(build(tmp_path, add={"content/images": b"x"}))
    assert ("content/images", "duplicate") in refused(result)


def encrypt_flag(path: Path, name: str) -> None:
    """Set the 'encrypted' bit of `name` in its local header and its directory record."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if data[at + name_at : at + name_at + len(encoded)] == encoded:
                data[at + flag_at] |= 0x1
            start = at + 1
    path.write_bytes(bytes(data))


def test_an_encrypted_entry_is_refused(tmp_path, check):
    path = build(tmp_path)
    encrypt_flag(path, "content/images/map.png")
    assert refused(check(path)) == {("content/images/map.png", "encrypted")}


def test_a_name_that_is_not_utf8_is_refused(tmp_path, check):
    path = build(tmp_path, add={"content/XX.png": b"x"})
    data = path.read_bytes().replace(b"content/XX.png", b"content/\xff\xfe.png")
    path.write_bytes(data)
    assert {rule for _, rule in refused(check(path))} == {"name_encoding"}


def corrupt(path: Path, marker: bytes) -> Path:
    """Change one byte inside a stored member's data: its CRC-32 no longer matches."""
    data = bytearray(path.read_bytes())
    at = data.find(marker)
    assert at >= 0
    data[at + len(marker) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def stored_package(tmp_path, extra: dict, name="package.h5p") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for entry, data in {**valid_entries(), **extra}.items():
            archive.writestr(entry, data)
    return path


def test_a_member_whose_checksum_does_not_match_is_refused_naming_it(tmp_path, check):
    """The directory looks right, the member's bytes do not: refused before any extraction."""
    photo = b"\x89PNG" + b"A" * 5000
    path = corrupt(stored_package(tmp_path, {"content/images/photo.png": photo}), b"A" * 5000)
    result = check(path)
    assert refused(result) == {("content/images/photo.png", "checksum")}
    with translation.override("vi"):
        line = str(result)
    assert "\n" not in line and "content/images/photo.png" in line and "[checksum]" in line
    assert "bị hỏng" in line and "CRC" in line


def test_a_damaged_compressed_member_in_a_library_is_refused(tmp_path, check):
    path = build(tmp_path, add={"H5P.Test-1.0/scripts/more.js": "var x = 1;\n" * 2000})
    data = bytearray(path.read_bytes())
    at = data.find(b"H5P.Test-1.0/scripts/more.js") + len("H5P.Test-1.0/scripts/more.js")
    data[at + 40] ^= 0xFF  # inside the deflated bytes
    path.write_bytes(bytes(data))
    assert refused(check(path)) == {("H5P.Test-1.0/scripts/more.js", "checksum")}


def test_checksums_are_verified_in_chunks_never_a_whole_member_at_once(
    tmp_path, check, monkeypatch
):
    path = build(tmp_path, add={"content/video.mp4": os.urandom(3 * 1024 * 1024)})
    sizes = []
    real_read = zipfile.ZipExtFile.read

    def read(self, n=-1):
        if self.name == "content/video.mp4":  # JSON files are read whole, under their own cap
            sizes.append(n)
        return real_read(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    assert isinstance(check(path), H5PPackage)
    assert sizes and all(0 < n <= 1024 * 1024 for n in sizes)


# --- File types -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry", ["content/page.html", "content/page.htm", "content/run.js", "content/logo.svg",
              "content/data.xml", "content/README"]
)  # fmt: skip
def test_active_or_unknown_files_under_content_are_refused(tmp_path, check, entry):
    assert refused(check(build(tmp_path, add={entry: "<script>alert(1)</script>"}))) == {
        (entry, "extension")
    }


@pytest.mark.parametrize(
    "entry",
    [
        "content/shell.php",
        "H5P.Test-1.0/scripts/shell.php",
        "H5P.Test-1.0/shell.phtml",
        "content/images/shell.php.png",
        "content/run.sh",
        ".htaccess",
        "__MACOSX/hidden.php",
    ],
)
def test_server_side_scripts_are_refused_anywhere(tmp_path, check, entry):
    assert refused(check(build(tmp_path, add={entry: "<?php system($_GET['c']); ?>"}))) == {
        (entry, "server_script")
    }


def test_libraries_may_hold_scripts_styles_svg_and_fonts_but_not_html(tmp_path, check):
    fine = {f"H5P.Test-1.0/fonts/f.{ext}": b"x" for ext in ("woff", "woff2", "ttf", "eot", "otf")}
    assert isinstance(check(build(tmp_path, add=fine)), H5PPackage)
    result = check(build(tmp_path, add={"H5P.Test-1.0/page.html": "<html>"}))
    assert refused(result) == {("H5P.Test-1.0/page.html", "extension")}


def test_an_unexpected_top_level_file_is_refused(tmp_path, check):
    result = check(build(tmp_path, add={"readme.txt": "hello"}))
    assert refused(result) == {("readme.txt", "unexpected_file")}


# --- h5p.json -------------------------------------------------------------------------------


def test_a_missing_h5p_json_is_refused(tmp_path, check):
    assert refused(check(build(tmp_path, drop={"h5p.json"}))) == {("h5p.json", "h5p_json_missing")}


def test_a_broken_h5p_json_is_refused(tmp_path, check):
    result = check(build(tmp_path, add={"h5p.json": '{"title": "x",'}))
    assert refused(result) == {("h5p.json", "h5p_json_invalid")}
    assert result.problems[0].message.in_language("en").endswith("(line 1, column 15).")
    assert result.problems[0].message.in_language("vi").endswith("(dòng 1, cột 15).")


def test_an_h5p_json_that_is_not_an_object_is_refused(tmp_path, check):
    result = check(build(tmp_path, add={"h5p.json": "[1, 2]"}))
    assert refused(result) == {("h5p.json", "h5p_json_invalid")}


def test_an_oversized_h5p_json_is_refused_without_reading_it(tmp_path, check):
    big = json.dumps(manifest(description="x" * 5000))
    result = check(build(tmp_path, add={"h5p.json": big}), max_json_bytes=1000)
    assert refused(result) == {("h5p.json", "h5p_json_invalid")}


@pytest.mark.parametrize(
    "field", ["title", "language", "mainLibrary", "preloadedDependencies", "embedTypes"]
)
def test_each_required_h5p_json_field_is_checked(tmp_path, check, field):
    result = check(build(tmp_path, add={"h5p.json": json.dumps(manifest(**{field: DROP}))}))
    problems = refused(result)
    assert ("h5p.json", "h5p_json_field") in problems
    assert any(field in str(p.message) for p in result.problems)


@pytest.mark.parametrize(
    "changes",
    [
        {"embedTypes": []},
        {"embedTypes": ["div", "object"]},
        {"embedTypes": "div"},
        {"title": ""},
        {"language": "tiếng Việt"},
        {"mainLibrary": "H5P Test/../x"},
        {"mainLibrary": "H5P.Other"},
        {"preloadedDependencies": [{"machineName": "H5P.Test", "majorVersion": "one"}]},
        {"preloadedDependencies": []},
    ],
)
def test_bad_h5p_json_fields_are_refused(tmp_path, check, changes):
    result = check(build(tmp_path, add={"h5p.json": json.dumps(manifest(**changes))}))
    assert refused(result) == {("h5p.json", "h5p_json_field")}


def test_an_h5p_json_with_a_bom_is_accepted(tmp_path, check):
    path = build(tmp_path, add={"h5p.json": "\ufeff" + json.dumps(manifest())})
    assert isinstance(check(path), H5PPackage)


# --- content.json ---------------------------------------------------------------------------


def test_a_missing_content_json_is_refused(tmp_path, check):
    result = check(build(tmp_path, drop={"content/content.json"}))
    assert refused(result) == {("content/content.json", "content_json_missing")}


def test_a_broken_content_json_is_refused(tmp_path, check):
    result = check(build(tmp_path, add={"content/content.json": "{'single': 'quotes'}"}))
    assert refused(result) == {("content/content.json", "content_json_invalid")}


def test_a_content_json_not_in_utf8_is_refused(tmp_path, check):
    data = json.dumps({"q": "Hà Nội"}, ensure_ascii=False).encode("utf-16")
    result = check(build(tmp_path, add={"content/content.json": data}))
    assert refused(result) == {("content/content.json", "content_json_invalid")}


# --- Libraries ------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["H5P.Test", "H5P.Test-1", "H5P.Test-1.0.3", "H5P Test-1.0"])
def test_a_wrongly_named_library_folder_is_refused(tmp_path, check, folder):
    result = check(build(tmp_path, add={f"{folder}/library.json": json.dumps(library())}))
    assert refused(result) == {(f"{folder}/", "library_folder_name")}


def test_a_library_without_library_json_is_refused(tmp_path, check):
    result = check(build(tmp_path, drop={"H5P.Test-1.0/library.json"}))
    problems = refused(result)
    assert ("H5P.Test-1.0/library.json", "library_json_missing") in problems


def test_a_broken_library_json_is_refused(tmp_path, check):
    result = check(build(tmp_path, add={"H5P.Test-1.0/library.json": "{"}))
    assert refused(result) == {("H5P.Test-1.0/library.json", "library_json_invalid")}


def test_a_library_json_of_another_version_is_refused(tmp_path, check):
    data = json.dumps(library(minorVersion=2))
    result = check(build(tmp_path, add={"H5P.Test-1.0/library.json": data}))
    assert refused(result) == {("H5P.Test-1.0/library.json", "library_mismatch")}


def test_a_library_json_of_another_library_is_refused(tmp_path, check):
    data = json.dumps(library(machineName="H5P.Other"))
    result = check(build(tmp_path, add={"H5P.Test-1.0/library.json": data}))
    assert refused(result) == {("H5P.Test-1.0/library.json", "library_mismatch")}


@pytest.mark.parametrize(
    "changes",
    [
        {"runnable": DROP},
        {"patchVersion": DROP},
        {"title": DROP},
        {"majorVersion": "x"},
        {"runnable": 2},
        {"preloadedDependencies": "H5P.Other"},
        {"preloadedJs": ["scripts/test.js"]},
    ],
)
def test_bad_library_json_fields_are_refused(tmp_path, check, changes):
    data = json.dumps(library(**changes))
    result = check(build(tmp_path, add={"H5P.Test-1.0/library.json": data}))
    assert refused(result) == {("H5P.Test-1.0/library.json", "library_json_field")}


def test_a_file_listed_in_library_json_but_absent_is_refused(tmp_path, check):
    result = check(build(tmp_path, drop={"H5P.Test-1.0/styles/test.css"}))
    assert refused(result) == {("H5P.Test-1.0/library.json", "library_file_missing")}


def test_a_missing_main_library_is_refused(tmp_path, check):
    entries = {k: v for k, v in valid_entries().items() if not k.startswith("H5P.Test-1.0/")}
    result = check(build(tmp_path, entries))
    assert refused(result) == {("h5p.json", "main_library_missing")}
    assert "H5P.Test-1.0" in str(result.problems[0].message)


def test_a_missing_dependency_of_the_package_is_refused(tmp_path, check):
    dependencies = [
        {"machineName": "H5P.Test", "majorVersion": 1, "minorVersion": 0},
        {"machineName": "FontAwesome", "majorVersion": 4, "minorVersion": 5},
    ]
    data = json.dumps(manifest(preloadedDependencies=dependencies))
    result = check(build(tmp_path, add={"h5p.json": data}))
    assert refused(result) == {("h5p.json", "missing_dependency")}
    assert "FontAwesome-4.5" in str(result.problems[0].message)


def test_a_missing_dependency_of_a_library_is_refused(tmp_path, check):
    dependencies = [{"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}]
    data = json.dumps(library(preloadedDependencies=dependencies))
    result = check(build(tmp_path, add={"H5P.Test-1.0/library.json": data}))
    assert refused(result) == {("H5P.Test-1.0/library.json", "missing_dependency")}


def test_a_fixture_without_one_of_its_libraries_is_refused(tmp_path, check):
    path = tmp_path / "truefalse-broken.h5p"
    with zipfile.ZipFile(TRUEFALSE) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            if not info.filename.startswith("Tether-1.0/"):
                target.writestr(info, source.read(info))
    problems = refused(check(path))
    assert problems == {
        ("h5p.json", "missing_dependency"),
        ("Drop-1.0/library.json", "missing_dependency"),
    }


# --- Several problems at once, messages, the command ----------------------------------------


def test_every_problem_is_reported_at_once(tmp_path, check):
    result = check(
        build(
            tmp_path,
            add={
                "content/page.html": "<html>",
                "content/shell.php": "<?php",
                "Bad Folder/x.js": "",
                "h5p.json": json.dumps(manifest(embedTypes=["object"])),
            },
            drop={"content/content.json"},
        )
    )
    assert refused(result) == {
        ("content/page.html", "extension"),
        ("content/shell.php", "server_script"),
        ("Bad Folder/", "library_folder_name"),
        ("h5p.json", "h5p_json_field"),
        ("content/content.json", "content_json_missing"),
    }


def test_problems_are_worded_in_vietnamese(tmp_path, check):
    result = check(build(tmp_path, add={"content/logo.svg": "<svg/>"}))
    with translation.override("vi"):
        assert str(result.problems[0].message) == (
            "Không cho phép tệp .svg trong thư mục content/: chỉ được dùng tệp đa phương tiện, "
            "tài liệu, JSON và văn bản."
        )
    with translation.override("en"):
        assert "content/logo.svg" in str(result) and "[extension]" in str(result)


def test_check_h5p_prints_the_summary_of_a_valid_package(capsys):
    call_command("check_h5p", str(TRUEFALSE))
    out = capsys.readouterr().out
    assert "Hello World" in out and "H5P.TrueFalse 1.6.1" in out
    assert "H5P_CONTENT_HERE.txt" in out


def test_check_h5p_prints_every_problem_and_fails(tmp_path, capsys):
    path = build(tmp_path, add={"../evil.json": "{}", "content/x.js": ""})
    with pytest.raises(CommandError) as failure:
        call_command("check_h5p", str(path))
    assert failure.value.returncode == 1
    out = capsys.readouterr().out
    assert "../evil.json:" in out and "[path_traversal]" in out
    assert "content/x.js:" in out and "[extension]" in out
    assert "Đường dẫn" in out  # Vietnamese first, English in parentheses


def test_the_no_writes_guard_catches_extraction_and_writes(tmp_path, monkeypatch):
    path = build(tmp_path)
    with pytest.raises(AssertionError), NoWrites(monkeypatch, tmp_path):
        zipfile.ZipFile(path).extractall(tmp_path / "out")
    with pytest.raises(AssertionError), NoWrites(monkeypatch, tmp_path):
        open(tmp_path / "written.txt", "w")  # noqa: SIM115
