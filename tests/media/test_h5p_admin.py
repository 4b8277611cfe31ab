"""H5P in the Wagtail admin: trainers upload packages and see every problem of a refused one,
admins allow or block libraries, and the screens are in Vietnamese."""

import importlib

import pytest
from django.contrib.auth.models import Group

from media.models import H5PContent, H5PLibrary
from people.roles import STATISTICIANS_GROUP, TRAINERS_GROUP
from tests.factories import UserFactory
from tests.media.test_h5p_import import (  # noqa: F401 - fixtures
    HOSTILE_KINDS,
    hostile,
    media_root,
    stored,
)
from tests.media.test_h5p_validation import DRAGTEXT, TRUEFALSE

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/h5p/content/add/"
LIST = "/admin/h5p/content/"
LIBRARIES = "/admin/h5p/libraries/"


def member_of(group_name: str):
    user = UserFactory()
    if group_name == TRAINERS_GROUP:
        # As the migration does; a transactional test elsewhere may have flushed it away.
        roles = importlib.import_module("media.migrations.0002_h5p_roles")
        from django.apps import apps

        importlib.import_module("lms.migrations.0002_authoring_roles").ensure_authoring_roles(apps)
        roles.ensure_h5p_permissions(apps)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def trainer_client(client):
    client.force_login(member_of(TRAINERS_GROUP))
    return client


@pytest.fixture
def installed(media_root, django_capture_on_commit_callbacks):  # noqa: F811
    """The fixtures' libraries, installed by an operator (as `import_h5p` does)."""
    from media import services

    with django_capture_on_commit_callbacks(execute=True):
        for path in (TRUEFALSE, DRAGTEXT):
            services.h5p_package_import(file=path, install_libraries=True)


@pytest.fixture
def admin_client_h5p(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def upload(client, path, title="", django_capture_on_commit_callbacks=None):
    with open(path, "rb") as handle:
        if django_capture_on_commit_callbacks is None:
            return client.post(UPLOAD, {"file": handle, "title": title})
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(UPLOAD, {"file": handle, "title": title})


def test_a_trainer_uploads_a_package_and_finds_it_ready_in_the_list(
    trainer_client,
    installed,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    page = trainer_client.get(UPLOAD)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tải lên nội dung H5P" in html and "Gói H5P" in html

    response = upload(trainer_client, TRUEFALSE, "Đúng hay sai", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    content = H5PContent.objects.get(title="Đúng hay sai")
    assert content.status == "ready"
    listing = trainer_client.get(LIST, follow=True).content.decode()
    assert "Đúng hay sai" in listing and "sẵn sàng" in listing
    assert "H5P" in trainer_client.get("/admin/").content.decode()
    edit = trainer_client.get(f"{LIST}edit/{content.pk}/")
    assert edit.status_code == 200


def test_each_hostile_package_is_refused_by_the_upload_showing_file_and_rule(
    hostile,  # noqa: F811
    trainer_client,
    media_root,  # noqa: F811
):
    wrong = {}
    for kind in HOSTILE_KINDS:
        path, file, rule = hostile[kind]
        response = upload(trainer_client, path)
        html = response.content.decode().replace("&#x27;", "'")
        if not (
            response.status_code == 400
            and "bị từ chối" in html
            and f"<code>{file}</code>" in html
            and f"<code>{rule}</code>" in html
        ):
            wrong[kind] = response.status_code
    assert wrong == {}
    assert stored(media_root) == []
    assert not H5PContent.objects.exists()


def test_every_problem_of_a_refused_package_is_listed(tmp_path, trainer_client, media_root):  # noqa: F811
    from tests.media.test_h5p_validation import build

    path = build(tmp_path, add={"content/a.html": "<p>", "content/b.js": "x", "evil.php": "<?php"})
    html = upload(trainer_client, path).content.decode()
    for file in ("content/a.html", "content/b.js", "evil.php"):
        assert f"<code>{file}</code>" in html
    assert "Không cho phép tệp .html" in html


@pytest.mark.parametrize("group", [STATISTICIANS_GROUP, None])
def test_people_without_the_permission_cannot_upload(client, group, media_root):  # noqa: F811
    user = member_of(group) if group else UserFactory()
    client.force_login(user)
    assert client.get(UPLOAD).status_code in (302, 403)
    response = upload(client, TRUEFALSE)
    assert response.status_code in (302, 403)
    assert not H5PContent.objects.exists() and stored(media_root) == []
    if group:
        assert "Chỉ người có quyền thêm nội dung H5P" in client.get(UPLOAD).content.decode()


def test_a_trainer_package_needing_a_library_not_installed_is_refused_by_name(
    trainer_client,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    response = upload(
        trainer_client,
        TRUEFALSE,
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "<code>H5P.TrueFalse-1.6/</code>" in html and "<code>library_not_installed</code>" in html
    )
    assert "chưa được cài đặt" in html and "nhờ quản trị viên" in html
    assert stored(media_root) == [] and not H5PContent.objects.exists()
    assert not H5PLibrary.objects.exists()


def test_an_admin_upload_installs_the_libraries_then_trainers_can_use_them(
    admin_client_h5p,
    client,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    response = upload(
        admin_client_h5p,
        TRUEFALSE,
        "Bản của quản trị",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    assert H5PContent.objects.get(title="Bản của quản trị").status == "ready"
    assert H5PLibrary.objects.filter(machine_name="H5P.TrueFalse", files_ready=True).exists()

    client.force_login(member_of(TRAINERS_GROUP))
    response = upload(client, TRUEFALSE, "Bản của giảng viên", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert H5PContent.objects.get(title="Bản của giảng viên").status == "ready"


def test_admins_block_a_library_which_refuses_new_uploads(
    admin_client_h5p,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client = admin_client_h5p
    upload(client, TRUEFALSE, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    upload(client, DRAGTEXT, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    html = client.get(LIBRARIES).content.decode()
    assert "Thư viện H5P" in html and "H5P.TrueFalse" in html and "1.6." in html
    question = H5PLibrary.objects.get(machine_name="H5P.Question")
    row = html.split(f'data-library="{question.folder}"')[1].split("</tr>")[0]
    assert "2 gói" in row and "Chặn" in row

    library = H5PLibrary.objects.get(machine_name="H5P.TrueFalse")
    response = client.post(f"{LIBRARIES}{library.pk}/switch/", {"allowed": "0"}, follow=True)
    assert response.status_code == 200 and "Đã chặn" in response.content.decode()
    library.refresh_from_db()
    assert not library.allowed

    before = stored(media_root)
    refused = upload(client, TRUEFALSE)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "<code>library_blocked</code>" in html and "đã bị quản trị viên chặn" in html
    assert stored(media_root) == before and H5PContent.objects.count() == 2

    client.post(f"{LIBRARIES}{library.pk}/switch/", {"allowed": "1"})
    library.refresh_from_db()
    assert library.allowed


def test_trainers_see_the_libraries_but_cannot_switch_them(
    trainer_client,
    installed,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    upload(
        trainer_client,
        TRUEFALSE,
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    html = trainer_client.get(LIBRARIES).content.decode()
    assert "H5P.TrueFalse" in html and "Chặn" not in html
    library = H5PLibrary.objects.get(machine_name="H5P.TrueFalse")
    response = trainer_client.post(f"{LIBRARIES}{library.pk}/switch/", {"allowed": "0"})
    assert response.status_code == 403
    library.refresh_from_db()
    assert library.allowed


def test_deleting_content_in_the_admin_removes_its_files(
    admin_client_h5p,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client = admin_client_h5p
    upload(client, TRUEFALSE, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    content = H5PContent.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{LIST}delete/{content.pk}/")
    assert response.status_code == 302
    assert not H5PContent.objects.exists()
    files = stored(media_root)
    assert not any(n.startswith(("h5p/content/", "h5p/packages/")) for n in files)
    assert any(n.startswith("h5p/libraries/H5P.TrueFalse-1.6/") for n in files)


def test_the_lesson_chooser_offers_only_content_that_plays(
    trainer_client,
    installed,
    media_root,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    upload(
        trainer_client,
        TRUEFALSE,
        "Đúng hay sai",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )
    H5PContent.objects.create(title="Gói hỏng", status="failed", package="h5p/packages/x.h5p")
    body = trainer_client.get("/admin/snippets/choose/media/h5pcontent/").json()["html"]
    assert "Đúng hay sai" in body and "Gói hỏng" not in body
    H5PLibrary.objects.filter(machine_name="H5P.TrueFalse").update(allowed=False)
    body = trainer_client.get("/admin/snippets/choose/media/h5pcontent/").json()["html"]
    assert "Đúng hay sai" not in body


# --- Retrying a failed extraction -----------------------------------------------------------------


@pytest.fixture
def failed_content(media_root, monkeypatch, django_capture_on_commit_callbacks):  # noqa: F811
    """A content whose extraction failed on a storage error that has since been fixed."""
    from media import services
    from tests.media.test_h5p_import import fail_saving

    with monkeypatch.context() as broken:
        fail_saving(broken, "/content/content.json")
        with django_capture_on_commit_callbacks(execute=True):
            content = services.h5p_package_import(file=TRUEFALSE, install_libraries=True)
    content.refresh_from_db()
    assert content.status == "failed"
    return content


def test_a_failed_content_is_extracted_again_from_the_admin(
    trainer_client, failed_content, django_capture_on_commit_callbacks
):
    listing = trainer_client.get(LIST).content.decode()
    retry = f"{LIST}retry/{failed_content.pk}/"
    assert "Giải nén lại" in listing and retry in listing
    inspect = trainer_client.get(f"{LIST}inspect/{failed_content.pk}/").content.decode()
    assert retry in inspect and "Không giải nén được" in inspect  # the reason, and the way out
    page = trainer_client.get(retry)
    assert page.status_code == 200
    assert failed_content.title in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = trainer_client.post(retry)
    assert response.status_code == 302
    failed_content.refresh_from_db()
    assert (failed_content.status, failed_content.error) == ("ready", "")
    listing = trainer_client.get(LIST).content.decode()
    assert "Đang giải nén lại" in listing and "sẵn sàng" in listing
    assert retry not in listing  # no retry for READY content


def test_content_that_did_not_fail_is_not_extracted_again(
    admin_client_h5p, installed, django_capture_on_commit_callbacks
):
    content = H5PContent.objects.filter(status="ready").first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = admin_client_h5p.post(f"{LIST}retry/{content.pk}/", follow=True)
    assert response.status_code == 200 and callbacks == []
    assert "Chỉ nội dung giải nén lỗi" in response.content.decode()


@pytest.mark.parametrize("group", [STATISTICIANS_GROUP, None])
def test_people_who_may_not_change_content_cannot_retry(client, group, failed_content):
    client.force_login(member_of(group) if group else UserFactory(is_staff=True))
    response = client.post(f"{LIST}retry/{failed_content.pk}/")
    assert response.status_code in (302, 403)
    failed_content.refresh_from_db()
    assert failed_content.status == "failed"
