"""Importing H5P packages: both real packages become playable content sharing their libraries,
every hostile package is refused with nothing written, extraction is safe to run twice, and
`import_h5p` reports in one line."""

import json
import logging
import stat
import threading
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from media import services
from media.h5p.validation import H5PRejected
from media.models import H5PContent, H5PLibrary
from tests.media.test_h5p_validation import (
    DRAGTEXT,
    TRUEFALSE,
    build,
    corrupt,
    library,
    stored_package,
    valid_entries,
)

pytestmark = pytest.mark.django_db


# --- Shared helpers (also used by test_h5p_serving.py and test_h5p_admin.py) -------------------


@pytest.fixture
def media_root(settings, tmp_path):
    """A fresh MEDIA_ROOT: default_storage writes here for the test."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    # The demo's H5P activity lives in the other storage: start with no H5P rows at all.
    H5PContent.objects.all().delete()
    H5PLibrary.objects.all().delete()
    return root


def stored(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def import_package(path, django_capture_on_commit_callbacks, **kwargs) -> H5PContent:
    """Import and run the queued extraction, as a request's commit would; as an operator (who
    may install libraries) unless told otherwise."""
    kwargs.setdefault("install_libraries", True)
    with django_capture_on_commit_callbacks(execute=True):
        content = services.h5p_package_import(file=path, **kwargs)
    content.refresh_from_db()
    return content


def _with_entry(tmp_path, name, entry, data):
    return build(tmp_path, add={entry: data}, name=name)


def hostile_packages(folder: Path) -> dict[str, tuple[Path, str, str]]:
    """Every hostile kind the issue names: {kind: (package, file named, rule)}."""
    folder.mkdir(exist_ok=True)
    packages = {}

    def add(kind, path, file, rule):
        packages[kind] = (path, file, rule)

    add(
        "zip slip",
        build(folder, add={"../../evil.json": "{}"}, name="zip-slip.h5p"),
        "../../evil.json",
        "path_traversal",
    )
    info = zipfile.ZipInfo("/etc/cron.json")
    info.filename = "/etc/cron.json"
    add(
        "absolute path",
        build(folder, add={"abs": (info, "{}")}, name="absolute.h5p"),
        "/etc/cron.json",
        "absolute_path",
    )
    link = zipfile.ZipInfo("content/passwd.txt")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    add(
        "symlink",
        build(folder, add={"link": (link, "/etc/passwd")}, name="symlink.h5p"),
        "content/passwd.txt",
        "symlink",
    )
    bomb = build(folder, name="bomb.h5p")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("content/video.mp4", bytes(8 * 1024 * 1024))
    add("zip bomb", bomb, "content/video.mp4", "compression_ratio")
    for extension, body in (
        ("html", "<script>alert(1)</script>"),
        ("js", "alert(1)"),
        ("svg", "<svg onload='alert(1)'/>"),
    ):
        add(
            f"{extension} under content/",
            build(folder, add={f"content/page.{extension}": body}, name=f"content-{extension}.h5p"),
            f"content/page.{extension}",
            "extension",
        )
    add(
        "php file",
        build(folder, add={"H5P.Test-1.0/shell.php": "<?php system($_GET['c']);"}, name="php.h5p"),
        "H5P.Test-1.0/shell.php",
        "server_script",
    )
    add(
        "broken h5p.json",
        build(folder, add={"h5p.json": '{"title": "x",'}, name="broken-h5p-json.h5p"),
        "h5p.json",
        "h5p_json_invalid",
    )
    add(
        "missing h5p.json",
        build(folder, drop={"h5p.json"}, name="no-h5p-json.h5p"),
        "h5p.json",
        "h5p_json_missing",
    )
    add(
        "broken content.json",
        build(
            folder, add={"content/content.json": "{'single': quotes}"}, name="broken-content.h5p"
        ),
        "content/content.json",
        "content_json_invalid",
    )
    add(
        "missing content.json",
        build(folder, drop={"content/content.json"}, name="no-content.h5p"),
        "content/content.json",
        "content_json_missing",
    )
    entries = {k: v for k, v in valid_entries().items() if not k.startswith("H5P.Test-1.0/")}
    add(
        "missing main library",
        build(folder, entries, name="no-main-library.h5p"),
        "h5p.json",
        "main_library_missing",
    )
    entries = {k.replace("H5P.Test-1.0/", "H5P.Test/"): v for k, v in valid_entries().items()}
    add(
        "wrongly named library folder",
        build(folder, entries, name="bad-folder.h5p"),
        "H5P.Test/",
        "library_folder_name",
    )
    duplicate = build(folder, name="duplicate.h5p")
    with pytest.warns(UserWarning), zipfile.ZipFile(duplicate, "a") as archive:
        archive.writestr("content/content.json", "{}")
    add("duplicate entries", duplicate, "content/content.json", "duplicate")
    many = folder / "many-files.h5p"
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as archive:
        for name, data in valid_entries().items():
            archive.writestr(name, data)
        for i in range(20_000):
            archive.writestr(f"content/{i}.txt", "")
    add("tens of thousands of files", many, "many-files.h5p", "too_many_files")
    not_zip = folder / "not-a-zip.h5p"
    not_zip.write_bytes(b"%PDF-1.7\n" + b"0" * 2000)
    add("not a zip", not_zip, "not-a-zip.h5p", "not_zip")
    empty = folder / "empty.h5p"
    empty.write_bytes(b"")
    add("empty file", empty, "empty.h5p", "empty")
    photo = b"\x89PNG" + b"A" * 5000
    damaged = corrupt(
        stored_package(folder, {"content/images/photo.png": photo}, name="bad-crc.h5p"),
        b"A" * 5000,
    )
    add("damaged member (bad CRC-32)", damaged, "content/images/photo.png", "checksum")
    return packages


HOSTILE_KINDS = [
    "zip slip",
    "absolute path",
    "symlink",
    "zip bomb",
    "html under content/",
    "js under content/",
    "svg under content/",
    "php file",
    "broken h5p.json",
    "missing h5p.json",
    "broken content.json",
    "missing content.json",
    "missing main library",
    "wrongly named library folder",
    "duplicate entries",
    "tens of thousands of files",
    "not a zip",
    "empty file",
    "damaged member (bad CRC-32)",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    packages = hostile_packages(tmp_path_factory.mktemp("hostile"))
    assert sorted(packages) == sorted(HOSTILE_KINDS)
    return packages


# --- The real packages --------------------------------------------------------------------------


def test_both_fixtures_import_and_share_each_library_version(
    media_root, django_capture_on_commit_callbacks, django_user_model
):
    user = django_user_model.objects.create_user("giangvien-h5p")
    truefalse = import_package(TRUEFALSE, django_capture_on_commit_callbacks, user=user)
    dragtext = import_package(DRAGTEXT, django_capture_on_commit_callbacks, title="Kéo thả từ")

    assert (truefalse.status, dragtext.status) == ("ready", "ready")
    assert truefalse.title == "Hello World" and dragtext.title == "Kéo thả từ"
    assert truefalse.uploaded_by == user and truefalse.original_name == TRUEFALSE.name
    assert truefalse.main_library.folder == "H5P.TrueFalse-1.6"
    assert dragtext.main_library.folder == "H5P.DragText-1.8"

    files = stored(media_root)
    assert f"h5p/content/{truefalse.pk}/h5p.json" in files
    assert f"h5p/content/{truefalse.pk}/content/content.json" in files
    assert not any("H5P_CONTENT_HERE" in name for name in files)
    assert sum(name.startswith("h5p/packages/") for name in files) == 2

    # Each library version stored once: one row and one folder each, the shared ones used by both.
    folders = {name.split("/")[2] for name in files if name.startswith("h5p/libraries/")}
    rows = list(H5PLibrary.objects.all())
    assert folders == {lib.folder for lib in rows}
    assert len(rows) == len({lib.folder for lib in rows})
    both = set(truefalse.libraries.all()) & set(dragtext.libraries.all())
    assert {lib.folder for lib in both} >= {"H5P.Question-1.4", "H5P.JoubelUI-1.3"}
    shared = H5PLibrary.objects.get(machine_name="H5P.Question")
    assert shared.contents.count() == 2 and shared.files_ready
    # Dependencies are recorded between library versions.
    question = H5PLibrary.objects.get(machine_name="H5P.Question")
    assert "H5P.JoubelUI-1.3" in {lib.folder for lib in question.dependencies.all()}
    # The files of the shared libraries are the files of one copy of each.
    in_packages = set()
    for path in (TRUEFALSE, DRAGTEXT):
        with zipfile.ZipFile(path) as archive:
            in_packages |= {
                f"h5p/libraries/{n}"
                for n in archive.namelist()
                if n.split("/")[0] in folders and not n.endswith("/")
            }
    assert {n for n in files if n.startswith("h5p/libraries/")} == in_packages


def test_a_second_package_with_the_same_libraries_writes_none_of_them_again(
    media_root, django_capture_on_commit_callbacks, monkeypatch
):
    import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    written = []
    real_save = default_storage.save
    monkeypatch.setattr(
        default_storage,
        "save",
        lambda name, *a, **k: written.append(name) or real_save(name, *a, **k),
    )
    again = import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    assert again.status == "ready"
    assert not [name for name in written if name.startswith("h5p/libraries/")]
    assert sorted(n for n in written if n.startswith("h5p/content/")) == [
        f"h5p/content/{again.pk}/content/content.json",
        f"h5p/content/{again.pk}/h5p.json",
    ]
    assert H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").count() == 1


def test_running_the_extraction_again_changes_nothing(
    media_root, django_capture_on_commit_callbacks
):
    content = import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    before = [(name, (media_root / name).read_bytes()) for name in stored(media_root)]
    rows = sorted(H5PLibrary.objects.values_list("machine_name", "patch_version"))

    services.h5p_package_extract(content_id=content.pk)  # READY: left alone
    H5PContent.objects.filter(pk=content.pk).update(status="pending")  # as after a crash
    again = services.h5p_package_extract(content_id=content.pk)

    assert again.status == "ready"
    assert [(name, (media_root / name).read_bytes()) for name in stored(media_root)] == before
    assert sorted(H5PLibrary.objects.values_list("machine_name", "patch_version")) == rows
    assert again.libraries.count() == content.libraries.count()


def test_a_newer_patch_replaces_the_library_files_and_an_older_one_does_not(
    tmp_path, media_root, django_capture_on_commit_callbacks
):
    first = import_package(build(tmp_path, name="p3.h5p"), django_capture_on_commit_callbacks)
    newer = build(
        tmp_path,
        add={
            "H5P.Test-1.0/library.json": json.dumps(library(patchVersion=5)),
            "H5P.Test-1.0/scripts/test.js": "H5P.Test = 5;",
        },
        drop={"H5P.Test-1.0/icon.svg"},
        name="p5.h5p",
    )
    second = import_package(newer, django_capture_on_commit_callbacks)
    older = build(
        tmp_path,
        add={
            "H5P.Test-1.0/library.json": json.dumps(library(patchVersion=1)),
            "H5P.Test-1.0/scripts/test.js": "H5P.Test = 1;",
        },
        name="p1.h5p",
    )
    third = import_package(older, django_capture_on_commit_callbacks)

    assert {first.status, second.status, third.status} == {"ready"}
    test = H5PLibrary.objects.get(machine_name="H5P.Test")
    assert test.patch_version == 5 and test.contents.count() == 3
    folder = media_root / "h5p/libraries/H5P.Test-1.0"
    assert (folder / "scripts/test.js").read_text() == "H5P.Test = 5;"
    assert not (folder / "icon.svg").exists()


def test_content_files_keep_their_names_and_ignored_files_are_not_extracted(
    tmp_path, media_root, django_capture_on_commit_callbacks
):
    path = build(
        tmp_path,
        add={
            "content/images/bản đồ.png": b"\x89PNG",
            "__MACOSX/content/._x.png": b"x",
            "H5P_CONTENT_HERE.txt": "here",
        },
    )
    content = import_package(path, django_capture_on_commit_callbacks)
    files = stored(media_root)
    assert f"h5p/content/{content.pk}/content/images/bản đồ.png" in files
    assert not any("MACOSX" in n or "H5P_CONTENT_HERE" in n for n in files)


# --- Refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_each_hostile_package_is_refused_and_nothing_is_written(
    kind, hostile, media_root, django_capture_on_commit_callbacks
):
    path, file, rule = hostile[kind]
    counts = (H5PContent.objects.count(), H5PLibrary.objects.count())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(H5PRejected) as refused,
    ):
        services.h5p_package_import(file=path)
    assert (file, rule) in {(p.file, p.rule) for p in refused.value.problems}
    line = str(refused.value)
    assert "\n" not in line and file in line and rule in line
    assert callbacks == []
    assert stored(media_root) == []
    assert (H5PContent.objects.count(), H5PLibrary.objects.count()) == counts


def test_a_package_using_a_blocked_library_is_refused_in_vietnamese(
    tmp_path, media_root, django_capture_on_commit_callbacks
):
    import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").update(allowed=False)
    before = stored(media_root)
    with translation.override("vi"), pytest.raises(H5PRejected) as refused:
        services.h5p_package_import(file=TRUEFALSE)
    problem = refused.value.problems[0]
    assert (problem.file, problem.rule) == ("H5P.TrueFalse-1.6/", "library_blocked")
    with translation.override("vi"):
        assert "H5P.TrueFalse-1.6" in str(problem.message)
        assert "bị quản trị viên chặn" in str(problem.message)
    assert stored(media_root) == before
    assert H5PContent.objects.count() == 1
    # A package without that library still imports.
    assert import_package(build(tmp_path), django_capture_on_commit_callbacks).status == "ready"


def test_a_library_blocked_before_extraction_fails_the_content_with_a_reason(
    media_root, django_capture_on_commit_callbacks
):
    import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False):
        content = services.h5p_package_import(file=TRUEFALSE)
    H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").update(allowed=False)
    with translation.override("vi"):
        result = services.h5p_package_extract(content_id=content.pk)
    assert result.status == "failed"
    assert "H5P.TrueFalse-1.6" in result.error and "Không giải nén được" in result.error
    assert not default_storage.exists(f"h5p/content/{content.pk}/h5p.json")


def fail_saving(monkeypatch, suffix: str) -> None:
    """Storage refuses to save any name ending with `suffix` (a full disk, a lost bucket)."""
    real_save = default_storage.save

    def save(name, content, *args, **kwargs):
        if name.endswith(suffix):
            raise OSError(28, "No space left on device")
        return real_save(name, content, *args, **kwargs)

    monkeypatch.setattr(default_storage, "save", save)


def test_a_storage_error_during_extraction_removes_what_was_written_and_says_why(
    media_root, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    fail_saving(monkeypatch, "/content/content.json")  # h5p.json is written just before
    with translation.override("vi"):
        content = import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    assert content.status == "failed"
    assert not [n for n in stored(media_root) if n.startswith(f"h5p/content/{content.pk}/")]
    assert "\n" not in content.error
    assert "Không giải nén được" in content.error and "lưu tệp" in content.error
    # The worker logs the reason in one line, without a traceback.
    assert not [record for record in caplog.records if record.exc_info]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "No space left on device" in warnings[0]


def test_a_failed_extraction_of_new_libraries_leaves_none_of_their_files(
    media_root, django_capture_on_commit_callbacks, monkeypatch
):
    fail_saving(monkeypatch, "H5P.TrueFalse-1.6/library.json")
    content = import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    assert content.status == "failed"
    assert not H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").exists()
    assert not [n for n in stored(media_root) if n.startswith("h5p/libraries/H5P.TrueFalse-1.6/")]


def test_deleting_content_removes_its_files_but_keeps_shared_libraries(
    media_root, django_capture_on_commit_callbacks
):
    first = import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    second = import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.h5p_content_delete(content_id=first.pk)
    files = stored(media_root)
    assert not any(n.startswith(f"h5p/content/{first.pk}/") for n in files)
    assert any(n.startswith(f"h5p/content/{second.pk}/") for n in files)
    assert sum(n.startswith("h5p/packages/") for n in files) == 1
    assert "h5p/libraries/H5P.TrueFalse-1.6/library.json" in files
    assert not H5PContent.objects.filter(pk=first.pk).exists()


# --- Who may install library code --------------------------------------------------------------


@pytest.fixture
def trainer(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("giangvien-thuvien")
    user.user_permissions.add(Permission.objects.get(codename="add_h5pcontent"))
    return django_user_model.objects.get(pk=user.pk)  # permissions cache starts empty


@pytest.fixture
def library_admin(django_user_model):
    return django_user_model.objects.create_user("quantri-thuvien", is_superuser=True)


def test_a_trainer_cannot_bring_libraries_that_are_not_installed(
    trainer, media_root, django_capture_on_commit_callbacks
):
    with (
        translation.override("vi"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(H5PRejected) as refused,
    ):
        services.h5p_package_import(file=TRUEFALSE, user=trainer)
    problems = {p.file: p for p in refused.value.problems}
    assert problems["H5P.TrueFalse-1.6/"].rule == "library_not_installed"
    with translation.override("vi"):
        message = str(problems["H5P.TrueFalse-1.6/"].message)
    assert "H5P.TrueFalse-1.6" in message and "chưa được cài đặt" in message
    assert "nhờ quản trị viên" in message
    assert callbacks == [] and stored(media_root) == []
    assert not H5PContent.objects.exists() and not H5PLibrary.objects.exists()


def test_a_trainer_package_plays_with_the_installed_libraries_not_its_own_copies(
    tmp_path, trainer, media_root, django_capture_on_commit_callbacks
):
    from tests.media.test_h5p_params import rebuilt

    import_package(TRUEFALSE, django_capture_on_commit_callbacks)  # an operator installs
    script = media_root / "h5p/libraries/H5P.TrueFalse-1.6/scripts/h5p-true-false.js"
    installed = script.read_bytes()
    tampered = rebuilt(
        TRUEFALSE,
        tmp_path,
        {"H5P.TrueFalse-1.6/scripts/h5p-true-false.js": "fetch('/admin/');"},
        name="tampered.h5p",
    )
    content = import_package(
        tampered, django_capture_on_commit_callbacks, user=trainer, install_libraries=None
    )
    assert content.status == "ready"
    assert script.read_bytes() == installed
    assert content.main_library.folder == "H5P.TrueFalse-1.6"


def test_a_trainer_package_with_a_newer_patch_is_refused_and_an_admin_one_installs_it(
    tmp_path, trainer, library_admin, media_root, django_capture_on_commit_callbacks
):
    first = import_package(build(tmp_path, name="p3.h5p"), django_capture_on_commit_callbacks)
    newer = build(
        tmp_path,
        add={
            "H5P.Test-1.0/library.json": json.dumps(library(patchVersion=5)),
            "H5P.Test-1.0/scripts/test.js": "H5P.Test = 5;",
        },
        name="p5.h5p",
    )
    with translation.override("vi"), pytest.raises(H5PRejected) as refused:
        services.h5p_package_import(file=newer, user=trainer)
    problem = refused.value.problems[0]
    assert (problem.file, problem.rule) == ("H5P.Test-1.0/", "library_newer_patch")
    with translation.override("vi"):
        assert "1.0.5" in str(problem.message) and "1.0.3" in str(problem.message)
    assert H5PContent.objects.count() == 1

    second = import_package(
        newer, django_capture_on_commit_callbacks, user=library_admin, install_libraries=None
    )
    assert (first.status, second.status) == ("ready", "ready")
    assert H5PLibrary.objects.get(machine_name="H5P.Test").patch_version == 5
    script = media_root / "h5p/libraries/H5P.Test-1.0/scripts/test.js"
    assert script.read_text() == "H5P.Test = 5;"


def test_a_trainer_content_fails_if_its_library_went_missing_before_extraction(
    trainer, media_root, django_capture_on_commit_callbacks
):
    import_package(TRUEFALSE, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        content = services.h5p_package_import(file=TRUEFALSE, user=trainer)
    H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").update(files_ready=False)
    with translation.override("vi"):
        for callback in queued:
            callback()
    content.refresh_from_db()
    assert content.status == "failed"
    assert "H5P.TrueFalse-1.6" in content.error and "chưa được cài đặt" in content.error
    assert not H5PLibrary.objects.get(machine_name="H5P.TrueFalse").files_ready


# --- import_h5p -------------------------------------------------------------------------------


def test_import_h5p_prints_the_content_and_its_libraries(media_root, capsys):
    call_command("import_h5p", str(TRUEFALSE), "--title", "Đúng hay sai")
    out = capsys.readouterr().out
    content = H5PContent.objects.get(title="Đúng hay sai")
    assert content.status == "ready"
    assert f"#{content.pk}" in out and "Đúng hay sai" in out
    assert "H5P.TrueFalse-1.6" in out and "H5P.Question-1.4" in out


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_import_h5p_refuses_each_hostile_package_in_one_line(kind, hostile, media_root):
    path, file, rule = hostile[kind]
    with translation.override("vi"), pytest.raises(CommandError) as refused:
        call_command("import_h5p", str(path))
    message = str(refused.value)
    assert refused.value.returncode != 0
    assert "\n" not in message and path.name in message and file in message and rule in message
    assert "bị từ chối" in message
    assert stored(media_root) == [] and not H5PContent.objects.exists()


def test_import_h5p_reports_a_failed_extraction_in_one_line(media_root, monkeypatch, caplog):
    fail_saving(monkeypatch, "/content/content.json")
    with translation.override("vi"), pytest.raises(CommandError) as failed:
        call_command("import_h5p", str(TRUEFALSE))
    message = str(failed.value)
    assert failed.value.returncode == 1
    assert "\n" not in message and "Không giải nén được" in message
    # That line is all the operator sees: no traceback, no log line repeating it.
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING]
    content = H5PContent.objects.get()
    assert content.status == "failed"
    assert not [n for n in stored(media_root) if n.startswith(f"h5p/content/{content.pk}/")]


def test_import_h5p_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="nothing.h5p"):
        call_command("import_h5p", str(tmp_path / "nothing.h5p"))


# --- Two imports at once (PostgreSQL) ---------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_packages_sharing_libraries_imported_at_once_store_each_library_once(
    media_root, monkeypatch
):
    written: list[str] = []
    real_save = default_storage.save
    lock = threading.Lock()

    def counting_save(name, *args, **kwargs):
        with lock:
            written.append(name)
        return real_save(name, *args, **kwargs)

    monkeypatch.setattr(default_storage, "save", counting_save)
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []
    results: list[H5PContent] = []

    def run(path):
        try:
            barrier.wait()
            results.append(services.h5p_package_import(file=path, install_libraries=True))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(p,)) for p in (TRUEFALSE, DRAGTEXT, TRUEFALSE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert {c.status for c in H5PContent.objects.all()} == {"ready"}
    assert H5PContent.objects.count() == 3
    library_writes = [n for n in written if n.startswith("h5p/libraries/")]
    assert len(library_writes) == len(set(library_writes)), "a library file was written twice"
    folders = {n.split("/")[2] for n in library_writes}
    assert folders == {lib.folder for lib in H5PLibrary.objects.all()}
    assert H5PLibrary.objects.get(machine_name="H5P.Question").contents.count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_failing_while_another_extracts_the_same_content_leaves_it_ready(
    media_root, monkeypatch
):
    """Two workers get the same extraction (a redelivered task). One of them fails to write;
    it must neither mark the other's READY content FAILED nor delete its files."""
    content = services.h5p_package_import(file=TRUEFALSE, install_libraries=True, queue=False)
    finished = threading.Event()
    real_save = default_storage.save

    def save(name, *args, **kwargs):
        if threading.current_thread().name == "failing" and name.startswith("h5p/content/"):
            finished.wait(timeout=3)  # fail after the other worker is done, if it can finish
            raise OSError(5, "Input/output error")
        return real_save(name, *args, **kwargs)

    monkeypatch.setattr(default_storage, "save", save)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def run():
        try:
            barrier.wait()
            services.h5p_package_extract(content_id=content.pk, install_libraries=True)
            if threading.current_thread().name == "working":
                finished.set()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, name=name) for name in ("working", "failing")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    content.refresh_from_db()
    assert (content.status, content.error) == ("ready", "")
    files = stored(media_root)
    assert f"h5p/content/{content.pk}/h5p.json" in files
    assert f"h5p/content/{content.pk}/content/content.json" in files
