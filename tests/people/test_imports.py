"""Importing people: `import_people` and the admin's upload → preview → confirm, with real files.

Every file is written here (openpyxl, csv, or a hand-made zip) into tmp_path. Hostile files must
be refused with one line and leave the database as it was.
"""

import csv
import io
import random
import runpy
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path
from unittest import mock

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from courses.models import Enrolment
from people import imports
from people.models import (
    AdministrativeUnit,
    AuditEvent,
    ClassMembership,
    ImportJob,
    Profile,
    TrainingClass,
)
from people.roles import TRAINERS_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LS_CLASS, LD_CLASS = "ls-bao-cao-vien-2026", "ld-tuyen-truyen-vien-2026"
HEADERS = ["Họ và tên", "Email", "Số điện thoại", "Số định danh cá nhân", "Đối tượng", "Chức vụ", "Tỉnh/Thành phố", "Xã/Phường", "Giới tính", "Năm sinh"]  # fmt: skip
User = get_user_model()


def person(n: int, **values) -> dict:
    row = {
        "Họ và tên": f"Nguyễn Văn Thử {n}",
        "Email": f"thu{n}@example.vn",
        "Số điện thoại": f"0987{n:06d}",
        "Đối tượng": "Báo cáo viên pháp luật",
        "Tỉnh/Thành phố": "Lạng Sơn",
        "Xã/Phường": "Phường Lương Văn Tri",
    }
    row.update(values)
    return row


def write_xlsx(path: Path, rows: list[dict], headers=HEADERS) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[dict], headers=HEADERS, encoding="utf-8-sig") -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(header, "") for header in headers])
    return path


def minimal_xlsx(path: Path, sheet_rows: str, **members: bytes) -> Path:
    """A workbook written by hand: `sheet_rows` is the <sheetData> content, inline strings."""
    files = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + sheet_rows
            + "</sheetData></worksheet>"
        ).encode(),
        **members,
    }  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def inline_row(number: int, *values: str) -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for i, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (User, Profile, ClassMembership, Enrolment, ImportJob, AuditEvent)
    }


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_people", *map(str, args), stdout=out)
    return out.getvalue()


def refused(*args) -> str:
    """The command's one-line reason for refusing a file."""
    with pytest.raises(CommandError) as caught:
        run(*args)
    message = str(caught.value)
    assert "\n" not in message, message
    return message


# --- The command ------------------------------------------------------------------------------


def test_valid_xlsx_creates_people_in_the_class_and_enrols_them(demo, tmp_path):
    decomposed = unicodedata.normalize("NFD", "  Đặng   Thị  Hồng ")
    rows = [
        person(1, **{"Họ và tên": decomposed, "Số điện thoại": "+84 912 345 678"}),
        person(2, **{"Tỉnh/Thành phố": "tinh lang son", "Xã/Phường": "luong van tri"}),
        person(3, **{"Giới tính": "Nữ", "Năm sinh": 1990, "Số định danh cá nhân": "001 090 012 345"}),
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "lop.xlsx", rows)
    training_class = TrainingClass.objects.get(slug=LS_CLASS)

    output = run(path, "--class", LS_CLASS)

    assert "3" in output
    first = Profile.objects.select_related("user", "commune", "province").get(phone="0912345678")
    assert first.full_name == "Đặng Thị Hồng"  # NFC, single spaces
    assert first.user.username == "thu1@example.vn"
    assert not first.user.has_usable_password()  # they set their own through a password reset
    assert first.commune.name == "Phường Lương Văn Tri"
    assert first.audience.slug == "bao-cao-vien"
    second = Profile.objects.select_related("commune").get(user__email="thu2@example.vn")
    assert second.commune_id == first.commune_id
    third = Profile.objects.get(user__email="thu3@example.vn")
    assert (third.sex, third.birth_year, third.national_id) == ("female", 1990, "001090012345")
    members = ClassMembership.objects.filter(
        training_class=training_class, user__email__startswith="thu"
    )
    assert members.count() == 3
    courses = training_class.courses.count()
    assert courses
    assert Enrolment.objects.filter(user__email__startswith="thu").count() == 3 * courses
    event = AuditEvent.objects.get(action="import")
    assert event.detail["created"] == 3 and event.detail["training_class"] == LS_CLASS


def test_existing_people_are_matched_by_email_phone_or_national_id_not_duplicated(demo, tmp_path):
    Profile.objects.filter(user__username="ls.tuan").update(national_id="020085000123")
    rows = [
        person(1, **{"Email": "HocVien@demo.lms.local", "Số điện thoại": "", "Chức vụ": "Phó trưởng phòng"}),
        person(2, **{"Email": "", "Số điện thoại": "+84 912 000 002", "Chức vụ": "Chuyên viên chính"}),
        person(3, **{"Email": "", "Số điện thoại": "", "Số định danh cá nhân": "020085000123"}),
    ]  # fmt: skip
    rows[2]["Số điện thoại"] = "0912000003"  # ls.tuan's own number, as recorded
    before = User.objects.count()

    run(write_csv(tmp_path / "cap-nhat.csv", rows))

    assert User.objects.count() == before
    assert Profile.objects.get(user__username="hocvien").position == "Phó trưởng phòng"
    assert Profile.objects.get(user__username="ls.hoa").position == "Chuyên viên chính"
    assert Profile.objects.get(user__username="ls.tuan").full_name == "Nguyễn Văn Thử 3"


def test_an_import_never_replaces_the_email_of_someone_registered(demo, tmp_path):
    # hocvien is registered with 0912000001; a file pairing that number with another e-mail
    # must not move the account to that e-mail (a password reset would hand it over).
    row = person(1, **{"Email": "ke-gian@example.vn", "Số điện thoại": "0912000001"})
    path = write_csv(tmp_path / "chiem.csv", [row])

    refused(path)
    with open(path, "rb") as handle:
        validation = imports.validate(handle, path.name)

    assert [error.code for error in validation.errors] == ["email_differs"]
    assert User.objects.get(username="hocvien").email == "hocvien@demo.lms.local"


def test_localities_without_diacritics_and_former_provinces(demo, tmp_path):
    rows = [
        person(1, **{"Tỉnh/Thành phố": "Dak Nong", "Xã/Phường": "phuong bac gia nghia"}),
        person(2, **{"Tỉnh/Thành phố": "", "Xã/Phường": "Phường Đông Kinh"}),
        person(3, **{"Tỉnh/Thành phố": "TP. Hà Nội", "Xã/Phường": "Hoan Kiem"}),
    ]
    run(write_xlsx(tmp_path / "dia-ban.xlsx", rows))

    former = Profile.objects.select_related("province", "commune").get(user__email="thu1@example.vn")  # fmt: skip
    assert former.province.name == "Đắk Nông" and not former.province.is_current  # kept as given
    assert former.province.current().name == "Lâm Đồng"  # rolled up
    assert former.commune.name == "Phường Bắc Gia Nghĩa" and former.commune.is_current
    commune_only = Profile.objects.select_related("province").get(user__email="thu2@example.vn")
    assert commune_only.province.name == "Lạng Sơn"
    capital = Profile.objects.select_related("province").get(user__email="thu3@example.vn")
    assert capital.province.is_current and capital.province.code == "01"


def test_every_rejected_row_is_listed_and_nothing_is_saved_unless_asked(demo, tmp_path):
    rows = [
        person(1),
        person(2, **{"Số điện thoại": "12345"}),
        person(3, **{"Tỉnh/Thành phố": "Xứ Sở Thần Tiên"}),
        person(4, **{"Email": "thu1@example.vn", "Số điện thoại": "0987000099"}),
        person(5, **{"Đối tượng": "Không có nhóm này"}),
        person(6, **{"Năm sinh": "năm ngoái"}),
        person(7),
    ]
    path = write_csv(tmp_path / "loi.csv", rows)
    before = counts()

    with pytest.raises(CommandError) as caught:
        call_command("import_people", str(path), stdout=(out := io.StringIO()))

    assert "\n" not in str(caught.value) and "5" in str(caught.value)
    listed = out.getvalue().splitlines()
    assert [line.split(":")[0][-1] for line in listed] == ["3", "4", "5", "6", "7"]
    assert "phone" in listed[0] and "line 2" in listed[2].lower()
    assert counts() == before

    output = run(path, "--valid-rows-only")
    assert User.objects.count() == before["User"] + 2
    assert "5" in output


def test_dry_run_changes_nothing(demo, tmp_path):
    path = write_xlsx(tmp_path / "thu.xlsx", [person(n) for n in range(5)])
    before = counts()

    output = run(path, "--class", LS_CLASS, "--dry-run")

    assert counts() == before
    assert "5" in output


def test_unknown_class_is_one_line(demo, tmp_path):
    path = write_xlsx(tmp_path / "thu.xlsx", [person(1)])
    assert "khong-co-lop" in refused(path, "--class", "khong-co-lop")


# --- Hostile and broken files -----------------------------------------------------------------


def zip_bomb(path: Path) -> Path:
    """200 MB of zeros, compressed to about 200 KB, as a workbook's sheet."""
    minimal_xlsx(path, inline_row(1, "Họ và tên", "Email"))
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(200):
            member.write(b"\0" * (1 << 20))
    return path


def declared_bomb(path: Path) -> Path:
    """A small zip whose directory declares a 4 GB member."""
    minimal_xlsx(path, inline_row(1, "Họ và tên", "Email"))
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    data[entry + 24 : entry + 28] = (0xFFFFFFF0).to_bytes(4, "little")  # uncompressed size
    path.write_bytes(bytes(data))
    return path


def long_cell_xlsx(path: Path) -> Path:
    words = "".join(random.choices("abcdeghiklmnopqrstuvxy ", k=1_000_000))
    return minimal_xlsx(path, inline_row(1, "Họ và tên", "Email") + inline_row(2, words, "a@b.vn"))


def formula_xlsx(path: Path) -> Path:
    write_xlsx(path, [person(1), person(2, **{"Năm sinh": "=1990+1"})])
    return path


def many_rows_csv(path: Path) -> Path:
    lines = "".join(f"Người {n},n{n}@example.vn\n" for n in range(100_000))
    path.write_text("Họ và tên,Email\n" + lines, encoding="utf-8")
    return path


HOSTILE = {
    "random-bytes.xlsx": (lambda p: p.write_bytes(random.randbytes(50_000)) and p, "not_xlsx", "not a valid .xlsx"),
    "zip-bomb.xlsx": (zip_bomb, "zip_bomb", "unpack"),
    "declared-4gb.xlsx": (declared_bomb, "zip_bomb", "unpack"),
    "wrong-headers.xlsx": (lambda p: write_xlsx(p, [person(1)], headers=["Tên đầy đủ", "Thư", "Di động"]), "no_header", "header"),
    "unknown-column.xlsx": (lambda p: write_xlsx(p, [person(1)], headers=[*HEADERS, "Sở thích"]), "unknown_columns", "Sở thích"),
    "formula.xlsx": (formula_xlsx, "formula", "J3"),
    "long-cell.xlsx": (long_cell_xlsx, "long_cell", "A2"),
    "long-cell.csv": (lambda p: p.write_text("Họ và tên,Email\n" + "x" * 1_000_000 + ",a@b.vn\n") and p, "long_cell_line", "line 2"),
    "100000-rows.csv": (many_rows_csv, "too_many_rows", "50000"),
    "empty.xlsx": (lambda p: p.write_bytes(b"") or p, "empty", "empty"),
    "empty.csv": (lambda p: p.write_bytes(b"") or p, "empty", "empty"),
    "header-only.csv": (lambda p: write_csv(p, []), "no_rows", "no rows"),
    "random-bytes.csv": (lambda p: p.write_bytes(bytes(range(256)) * 100) and p, "not_text", "readable"),
    "old-excel.xls": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" * 100) and p, "file_type", ".xlsx"),
    "entity-bomb.xlsx": (lambda p: minimal_xlsx(p, "", **{"xl/worksheets/sheet1.xml": LAUGHS}), "damaged", "damaged"),
    "word.xlsx": (lambda p: minimal_xlsx(p, "").write_bytes(zipfile_without_workbook()) and p, "not_xlsx", "not a valid"),
}  # fmt: skip


LAUGHS = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>'


def zipfile_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_or_broken_files_are_refused_in_one_line_saving_nothing(tmp_path, name):
    make, code, words = HOSTILE[name]
    path = tmp_path / name
    make(path)
    before = counts()

    message = refused(path, "--valid-rows-only")

    assert words.lower() in message.lower(), message
    assert counts() == before
    with open(path, "rb") as handle, pytest.raises(imports.ImportFileError) as caught:
        imports.validate(handle, name)
    assert caught.value.code == code


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it(tmp_path):
    path = zip_bomb(tmp_path / "bomb.xlsx")
    tracemalloc.start()
    try:
        with open(path, "rb") as handle, pytest.raises(imports.ImportFileError):
            imports.validate(handle, path.name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 spells Vietnamese: base letters precomposed, tone marks combining."""
    out = b""
    for char in text:
        base, *marks = unicodedata.normalize("NFD", char)
        for split in range(len(marks), -1, -1):
            try:
                head = unicodedata.normalize("NFC", base + "".join(marks[:split]))
                out += (head + "".join(marks[split:])).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
    return out


def test_a_windows_1258_csv_is_read_in_nfc(demo, tmp_path):
    path = tmp_path / "cp1258.csv"
    path.write_bytes(cp1258("Họ và tên,Email\nTrần Thị Ánh,anh@example.vn\n"))
    run(path)
    assert Profile.objects.get(user__email="anh@example.vn").full_name == "Trần Thị Ánh"


def test_query_count_does_not_grow_with_the_rows(demo, tmp_path):
    def queries(n: int) -> int:
        path = write_xlsx(tmp_path / f"{n}.xlsx", [person(i + n * 1000) for i in range(n)])
        with CaptureQueriesContext(connection) as captured:
            run(path, "--class", LS_CLASS)
        return len(captured)

    # Bulk queries only: PostgreSQL needs no extra query for 280 more people; SQLite splits
    # each bulk insert into batches of 999 parameters, a few queries more.
    assert queries(300) - queries(20) <= 280 / 10


# --- The admin ----------------------------------------------------------------------------------


@pytest.fixture
def trainer_elsewhere(demo):
    """A trainer who runs only the Lâm Đồng class (the demo trainer keeps the Lạng Sơn one)."""
    trainer = UserFactory(username="giangvien.ld")
    trainer.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    TrainingClass.objects.get(slug=LD_CLASS).trainers.set([trainer])
    return trainer


def upload(client, path: Path, **data):
    with open(path, "rb") as handle:
        return client.post("/admin/people/imports/", {"file": handle, **data})


def test_admin_uploads_previews_and_confirms(client, demo, tmp_path):
    client.force_login(User.objects.get(username="admin"))
    assert client.get("/admin/people/imports/").status_code == 200
    path = write_xlsx(tmp_path / "danh-sach.xlsx", [person(1), person(2)])

    response = upload(client, path)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/people/imports/{job.pk}/"
    assert User.objects.filter(email__startswith="thu").count() == 0  # nothing saved yet
    preview = client.get(response.url).content.decode()
    assert "Nguyễn Văn Thử 1" in preview and "Nguyễn Văn Thử 2" in preview

    response = client.post(f"/admin/people/imports/{job.pk}/confirm/")
    assert response.url == f"/admin/people/imports/{job.pk}/status/"
    assert User.objects.filter(email__startswith="thu").count() == 2
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 2
    assert not job.file  # the upload is deleted once its people are saved
    assert AuditEvent.objects.filter(action="import", actor__username="admin").count() == 1
    assert client.get(response.url).status_code == 200


def test_trainer_imports_into_their_own_class(client, demo, trainer_elsewhere, tmp_path):
    client.force_login(User.objects.get(username="giangvien"))
    training_class = TrainingClass.objects.get(slug=LS_CLASS)
    path = write_csv(tmp_path / "lop.csv", [person(1)])

    response = upload(client, path, training_class=training_class.pk)
    job = ImportJob.objects.get()
    client.post(f"/admin/people/imports/{job.pk}/confirm/")

    assert ClassMembership.objects.filter(
        training_class=training_class, user__email="thu1@example.vn"
    ).exists()
    assert response.status_code == 302


def test_a_trainer_cannot_import_into_another_trainers_class(
    client, demo, trainer_elsewhere, tmp_path
):
    client.force_login(trainer_elsewhere)
    path = write_csv(tmp_path / "lop.csv", [person(1)])
    before = counts()

    response = upload(client, path, training_class=TrainingClass.objects.get(slug=LS_CLASS).pk)

    assert response.status_code == 403
    assert counts() == before


def test_a_trainer_cannot_see_or_confirm_someone_elses_import(
    client, demo, trainer_elsewhere, tmp_path
):
    client.force_login(User.objects.get(username="admin"))
    upload(client, write_csv(tmp_path / "a.csv", [person(1)]))
    job = ImportJob.objects.get()
    client.force_login(trainer_elsewhere)

    assert client.get(f"/admin/people/imports/{job.pk}/").status_code == 403
    assert client.post(f"/admin/people/imports/{job.pk}/confirm/").status_code == 403
    assert not User.objects.filter(email="thu1@example.vn").exists()


def test_a_trainer_adds_someone_registered_elsewhere_but_keeps_their_profile(
    client, demo, trainer_elsewhere, tmp_path
):
    client.force_login(trainer_elsewhere)
    training_class = TrainingClass.objects.get(slug=LD_CLASS)
    # ls.hoa is in the Lạng Sơn class only; ld.lan is in this trainer's class.
    rows = [
        person(1, **{"Email": "", "Số điện thoại": "0912000002", "Họ và tên": "Tên Khác"}),
        person(2, **{"Email": "", "Số điện thoại": "0912000008", "Chức vụ": "Tuyên truyền viên"}),
    ]
    upload(client, write_csv(tmp_path / "lop.csv", rows), training_class=training_class.pk)
    job = ImportJob.objects.get()
    client.post(f"/admin/people/imports/{job.pk}/confirm/")

    assert Profile.objects.get(user__username="ls.hoa").full_name == "Hoàng Thị Hoa"
    assert Profile.objects.get(user__username="ld.lan").position == "Tuyên truyền viên"
    assert training_class.memberships.filter(user__username="ls.hoa").exists()


@pytest.mark.parametrize("username", ["hocvien", "thongke"])
def test_trainees_and_statisticians_are_refused(client, demo, tmp_path, username):
    client.force_login(User.objects.get(username=username))
    before = counts()

    response = upload(client, write_csv(tmp_path / "a.csv", [person(1)]))

    # A trainee has no admin access (Wagtail sends them to log in); a statistician gets a 403.
    assert response.status_code == (302 if username == "hocvien" else 403)
    assert client.get("/admin/people/imports/template.xlsx").status_code in (302, 403)
    assert counts() == before


def test_a_hostile_upload_gets_one_line_on_the_form_and_saves_nothing(client, demo):
    client.force_login(User.objects.get(username="admin"))
    before = counts()

    response = client.post(
        "/admin/people/imports/",
        {"file": SimpleUploadedFile("bang.xlsx", random.randbytes(10_000))},
    )

    assert response.status_code == 200
    assert "not a valid .xlsx" in response.content.decode() or "xlsx" in response.content.decode()
    assert counts() == before


def test_rows_with_errors_are_confirmed_only_as_valid_rows_only(client, demo, tmp_path):
    client.force_login(User.objects.get(username="admin"))
    upload(client, write_xlsx(tmp_path / "a.xlsx", [person(1), person(2, Email="khong-phai-email")]))  # fmt: skip
    job = ImportJob.objects.get()
    assert "3" in client.get(f"/admin/people/imports/{job.pk}/").content.decode()

    client.post(f"/admin/people/imports/{job.pk}/confirm/")
    assert not User.objects.filter(email="thu1@example.vn").exists()

    client.post(f"/admin/people/imports/{job.pk}/confirm/", {"valid_rows_only": "1"})
    assert User.objects.filter(email="thu1@example.vn").exists()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and len(job.errors) == 1


def test_the_template_downloads_and_imports_once_filled_in(client, demo, tmp_path):
    client.force_login(User.objects.get(username="giangvien"))
    response = client.get("/admin/people/imports/template.xlsx")
    assert response.status_code == 200
    path = tmp_path / "mau.xlsx"
    path.write_bytes(response.content)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]][:3] == ["Họ và tên", "Email", "Số điện thoại"]
    assert "Hướng dẫn" in workbook.sheetnames

    assert "no rows" in refused(path).lower()  # the template as downloaded has no people
    sheet.append(["Lò Văn Mẫu", "mau@example.vn", "0977000111"])
    workbook.save(path)
    run(path)
    assert Profile.objects.filter(full_name="Lò Văn Mẫu", phone="0977000111").exists()


def test_a_large_file_runs_as_a_task_with_progress_and_twice_is_harmless(
    client, demo, tmp_path, django_capture_on_commit_callbacks
):
    from people.tasks import import_people_job

    client.force_login(User.objects.get(username="admin"))
    rows = [{"Họ và tên": f"Học viên {n}", "Email": f"hv{n}@example.vn"} for n in range(1_001)]
    path = write_csv(tmp_path / "lon.csv", rows, headers=["Họ và tên", "Email"])
    training_class = TrainingClass.objects.get(slug=LD_CLASS)
    upload(client, path, training_class=training_class.pk)
    job = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/admin/people/imports/{job.pk}/confirm/")

    assert len(callbacks) == 1  # queued after the commit, run eagerly here
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.created_count, job.processed_rows, job.total_rows) == (1_001, 1_001, 1_001)
    assert training_class.memberships.filter(user__email__startswith="hv").count() == 1_001
    status = client.get(response.url)
    assert status.status_code == 200
    progress = client.get(f"/admin/people/imports/{job.pk}/status.json").json()
    assert progress["finished"] and progress["percent"] == 100

    after = counts()
    import_people_job.delay(job.pk)
    assert counts() == after


def test_the_status_page_shows_live_progress_while_the_task_runs(client, demo, tmp_path):
    client.force_login(User.objects.get(username="admin"))
    upload(client, write_csv(tmp_path / "a.csv", [person(n) for n in range(4)]))
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    cache.set(imports.progress_key(job.pk), {"phase": "saving", "processed": 3})

    progress = client.get(f"/admin/people/imports/{job.pk}/status.json").json()
    page = client.get(f"/admin/people/imports/{job.pk}/status/").content.decode()

    assert (progress["phase"], progress["processed"], progress["percent"]) == ("saving", 3, 75)
    assert not progress["finished"]
    assert '<progress id="people-import-bar" max="4" value="3">' in page
    assert "people/js/import-progress.js" in page


def test_a_job_already_running_is_not_applied_again(demo, tmp_path):
    from people.tasks import import_people_job

    path = write_csv(tmp_path / "a.csv", [person(1)])
    with open(path, "rb") as handle:
        upload_file = SimpleUploadedFile("a.csv", handle.read())
    job, _ = imports.job_create(
        upload=upload_file, actor=None, training_class=None, valid_rows_only=False
    )
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)

    assert import_people_job.delay(job.pk).get() == ImportJob.Status.RUNNING
    assert not User.objects.filter(email="thu1@example.vn").exists()


# --- The Vietnamese -----------------------------------------------------------------------------


def test_every_message_has_its_vietnamese():
    vi = runpy.run_path(str(Path(__file__).parents[2] / "locale" / "vi_imports.py"))["VI"]
    msgids = [*imports.FILE_MESSAGES.values(), *imports.ROW_MESSAGES.values()]
    with translation.override(None):  # the msgids themselves, not their translations
        msgids += [str(column.note) for column in imports.COLUMNS]
    missing = [msgid for msgid in msgids if msgid not in vi]
    assert not missing


def test_the_command_prints_vietnamese_with_the_english_in_parentheses(db, tmp_path):
    vi = runpy.run_path(str(Path(__file__).parents[2] / "locale" / "vi_imports.py"))["VI"]

    def catalogue(msgid):  # what gettext answers once locale/fill_vi.py has filled the catalogue
        return vi.get(msgid, msgid) if translation.get_language() == "vi" else msgid

    path = write_csv(tmp_path / "a.csv", [person(1, Email="khong-phai-email")])
    with mock.patch("people.imports.gettext", catalogue), pytest.raises(CommandError) as caught:
        call_command("import_people", str(path), stdout=(out := io.StringIO()))

    assert out.getvalue().strip() == (
        "Dòng 2: Địa chỉ email không hợp lệ. (Line 2: The e-mail address is not valid.)"
    )
    assert str(caught.value).startswith("1 trên 1 dòng không hợp lệ, chưa lưu gì")
    assert str(caught.value).endswith("(1 of 1 rows are invalid, nothing was saved: fix them, or use --valid-rows-only.)")  # fmt: skip


def test_old_province_roll_up_is_the_one_the_reports_use(demo):
    dak_nong = AdministrativeUnit.objects.get(level="province", code="67", is_current=False)
    places = imports.Places()
    assert places.province("Đắk Nông") == dak_nong.pk
    assert places.current(dak_nong.pk) == dak_nong.current().pk
