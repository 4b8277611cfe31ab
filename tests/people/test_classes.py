"""Running a class in the admin: members and their enrolments, the attendance grid, sign-in sheet
import, the printed roster, deadline reminders, and who may do which."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from courses.models import Enrolment
from people.attendance_import import SheetError, read_sheet
from people.models import (
    AdministrativeUnit,
    Attendance,
    AuditEvent,
    ClassMembership,
    ClassSession,
    Profile,
    TrainingClass,
)
from people.roles import TRAINERS_GROUP
from people.services import attendance_record, class_members_add
from people.tasks import send_deadline_reminders
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LS_CLASS, LD_CLASS = "ls-bao-cao-vien-2026", "ld-tuyen-truyen-vien-2026"
User = get_user_model()


@pytest.fixture
def ls_class(demo):
    return TrainingClass.objects.get(slug=LS_CLASS)


@pytest.fixture
def trainer(client, demo):
    user = User.objects.get(username="giangvien")
    client.force_login(user)
    return user


def lang_son_person(username: str, full_name: str, phone: str = "") -> User:
    """A person recorded in Lạng Sơn, not yet in any class."""
    user = UserFactory(username=username)
    Profile.objects.create(
        user=user,
        full_name=full_name,
        phone=phone,
        province=AdministrativeUnit.objects.get(level="province", code="20", is_current=True),
    )
    return user


def url(name: str, training_class, *args) -> str:
    return reverse(name, args=[training_class.pk, *args])


# Members ------------------------------------------------------------------------------------


def test_adding_people_enrols_them_in_the_classs_courses_once(client, trainer, ls_class):
    new = [
        lang_son_person("moi.1", "Đỗ Thị Hằng", "0987000001"),
        lang_son_person("moi.2", "Bế Văn Sơn", "0987000002"),
    ]
    courses = list(ls_class.courses.all())
    assert courses
    add = url("people_class_members_add", ls_class)

    assert client.post(add, {"person": [u.pk for u in new]}).status_code == 302
    assert client.post(add, {"person": [u.pk for u in new]}).status_code == 302

    for user in new:
        assert ClassMembership.objects.filter(training_class=ls_class, user=user).count() == 1
        enrolled = Enrolment.objects.filter(user=user, course__in=courses)
        assert enrolled.count() == len(courses)
        assert set(enrolled.values_list("source", flat=True)) == {Enrolment.Source.CLASS}
    detail = client.get(url("people_class_detail", ls_class)).content.decode()
    assert "Đỗ Thị Hằng" in detail and "Bế Văn Sơn" in detail


def test_people_are_found_by_name_without_diacritics_and_by_phone(client, trainer, ls_class):
    lang_son_person("moi.3", "Nguyễn Thị Ánh Tuyết", "0987000003")
    detail = url("people_class_detail", ls_class)
    assert "Nguyễn Thị Ánh Tuyết" in client.get(detail, {"q": "anh tuyet"}).content.decode()
    assert "Nguyễn Thị Ánh Tuyết" in client.get(detail, {"q": "+84 987 000 003"}).content.decode()
    # Members are not offered again, and someone outside the trainer's province is not offered.
    hoa = User.objects.get(username="ls.hoa")
    found = client.get(detail, {"q": "hoang thi hoa"}).content.decode()
    assert f'name="person" value="{hoa.pk}"' not in found
    assert "Phạm Ngọc Lan" not in client.get(detail, {"q": "pham ngoc"}).content.decode()


def test_a_trainer_cannot_add_someone_outside_their_scope(client, trainer, ls_class):
    lam_dong_person = User.objects.get(username="ld.lan")
    client.post(url("people_class_members_add", ls_class), {"person": [lam_dong_person.pk]})
    assert not ClassMembership.objects.filter(
        training_class=ls_class, user=lam_dong_person
    ).exists()


def test_removing_a_member_keeps_their_records(client, trainer, ls_class):
    hoa = User.objects.get(username="ls.hoa")
    client.post(url("people_class_member_remove", ls_class, hoa.pk))
    membership = ClassMembership.objects.get(training_class=ls_class, user=hoa)
    assert membership.removed_at is not None
    assert Attendance.objects.filter(user=hoa, session__training_class=ls_class).exists()
    assert Enrolment.objects.filter(user=hoa, training_class=ls_class).exists()


def test_sessions_are_added_edited_and_deleted(client, trainer, ls_class):
    client.post(
        url("people_class_session_add", ls_class),
        {"starts_at": "2026-10-22T14:00", "title": "Buổi 3", "venue": "Phòng họp tầng 2"},
    )
    session = ClassSession.objects.get(training_class=ls_class, title="Buổi 3")
    assert timezone.localtime(session.starts_at).hour == 14
    client.post(
        url("people_class_session_edit", ls_class, session.pk),
        {"starts_at": "2026-10-22T13:30", "title": "Buổi 3 (chiều)", "venue": "Phòng họp tầng 2"},
    )
    session.refresh_from_db()
    assert session.title == "Buổi 3 (chiều)"
    client.post(url("people_class_session_delete", ls_class, session.pk))
    assert not ClassSession.objects.filter(pk=session.pk).exists()


# Attendance grid ---------------------------------------------------------------------------


def test_the_grid_saves_each_status_and_updates_in_place(client, trainer, ls_class):
    session = ClassSession.objects.create(
        training_class=ls_class, title="Buổi 3", starts_at=timezone.now()
    )
    nam, hoa, tuan = (User.objects.get(username=n) for n in ("hocvien", "ls.hoa", "ls.tuan"))
    grid = url("people_class_attendance", ls_class)
    first = {
        f"a-{session.pk}-{nam.pk}": "present",
        f"a-{session.pk}-{hoa.pk}": "absent",
        f"a-{session.pk}-{tuan.pk}": "excused",
    }
    assert client.post(grid, first).status_code == 302
    second = {**first, f"a-{session.pk}-{hoa.pk}": "excused"}
    assert client.post(grid, second).status_code == 302

    statuses = dict(
        Attendance.objects.filter(session=session).values_list("user__username", "status")
    )
    assert statuses == {"hocvien": "present", "ls.hoa": "excused", "ls.tuan": "excused"}
    assert Attendance.objects.filter(session=session, user=hoa).count() == 1
    assert Attendance.objects.get(session=session, user=hoa).recorded_by == trainer
    page = client.get(grid).content.decode()
    assert f'<label class="w-sr-only" for="a-{session.pk}-{hoa.pk}">' in page
    assert '<th scope="row">' in page and '<th scope="col"' in page


def class_with_members(count: int, demo_class) -> TrainingClass:
    training_class = TrainingClass.objects.create(
        slug=f"lop-{count}",
        title=f"Lớp {count} học viên",
        organiser=demo_class.organiser,
        starts_on=demo_class.starts_on,
        ends_on=demo_class.ends_on,
        locality=demo_class.locality,
    )
    training_class.trainers.set(demo_class.trainers.all())
    training_class.courses.set(demo_class.courses.all())
    users = [lang_son_person(f"lop{count}.{n}", f"Học Viên {count} {n}") for n in range(count)]
    class_members_add(training_class=training_class, users=users)
    for day in range(3):
        session = ClassSession.objects.create(
            training_class=training_class,
            title=f"Buổi {day + 1}",
            starts_at=timezone.now() + datetime.timedelta(days=day),
        )
        for user in users[::2]:
            attendance_record(session=session, user=user, status="present")
    return training_class


def test_the_grid_reads_a_constant_number_of_queries(
    client, trainer, ls_class, django_assert_max_num_queries
):
    small, large = class_with_members(5, ls_class), class_with_members(30, ls_class)
    client.get(url("people_class_attendance", small))  # warm Wagtail's per-process caches
    with django_assert_max_num_queries(25) as small_queries:
        assert client.get(url("people_class_attendance", small)).status_code == 200
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        response = client.get(url("people_class_attendance", large))
    assert response.status_code == 200
    assert response.content.decode().count("<select") == 30 * 3


# Sign-in sheet import ----------------------------------------------------------------------


def sign_in_rows() -> list[list]:
    return [
        ["STT", "Họ và tên", "Số điện thoại", "Email", "Có mặt"],
        [1, "Hoàng Thi Hoa", "+84 912 000 002", "", "x"],  # phone in another spelling
        [2, "le hoang nam", "", "", "vắng"],  # no diacritics
        [3, "Vi Văn Tuấn", "", "ls.tuan@demo.lms.local", "có phép"],
        [4, "Nong Thi Mai", 912000004, "", "X"],  # a number: Excel dropped the leading 0
        [5, "Người Lạ", "0999 999 999", "", "x"],
    ]


def write_xlsx(path, rows, title_rows=()) -> None:
    workbook = Workbook()
    for row in [*title_rows, *rows]:
        workbook.active.append(row)
    workbook.save(path)


def write_csv(path, rows) -> None:
    text = "\n".join(";".join(str(cell) for cell in row) for row in rows)
    path.write_bytes(text.encode("utf-8-sig"))


def upload(client, training_class, session, path):
    with open(path, "rb") as sheet:
        return client.post(
            url("people_class_attendance_import", training_class),
            {"session": session.pk, "file": sheet},
        )


def session_statuses(session) -> dict[str, str]:
    return dict(Attendance.objects.filter(session=session).values_list("user__username", "status"))


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_sign_in_sheet_is_matched_previewed_then_saved(client, trainer, ls_class, tmp_path, kind):
    session = ClassSession.objects.create(
        training_class=ls_class, title="Buổi 3", starts_at=timezone.now()
    )
    path = tmp_path / f"diem-danh.{kind}"
    if kind == "xlsx":
        write_xlsx(path, sign_in_rows(), title_rows=[["DANH SÁCH ĐIỂM DANH"], []])
        stranger_line = 8  # two title rows, the header, four members
    else:
        write_csv(path, sign_in_rows())
        stranger_line = 6

    preview = upload(client, ls_class, session, path)
    assert preview.status_code == 200
    rows = {row.line: row for row in preview.context["preview"].matched}
    assert [(r.member_name, r.matched_by, r.status) for r in rows.values()] == [
        ("Hoàng Thị Hoa", "phone", "present"),
        ("Lê Hoàng Nam", "name", "absent"),
        ("Vi Văn Tuấn", "email", "excused"),
        ("Nông Thị Mai", "phone", "present"),
    ]
    [unmatched] = preview.context["preview"].unmatched
    assert (unmatched.line, unmatched.name_in_sheet) == (stranger_line, "Người Lạ")
    assert unmatched.reason
    assert session_statuses(session) == {}  # nothing saved before confirmation

    confirm = client.post(
        url("people_class_attendance_import", ls_class), {"payload": preview.context["payload"]}
    )
    assert confirm.status_code == 302
    assert session_statuses(session) == {
        "ls.hoa": "present",
        "hocvien": "absent",
        "ls.tuan": "excused",
        "ls.mai": "present",
    }


@pytest.mark.parametrize(
    "name, content",
    [
        ("diem-danh.xlsx", b"this is not a zip file"),
        ("diem-danh.xlsx", None),  # a workbook whose header has no "Có mặt"
        ("diem-danh.csv", "Tên;Điện thoại\nHoàng Thị Hoa;0912000002\n".encode()),
        ("diem-danh.pdf", b"%PDF-1.4"),
    ],
    ids=["not-a-zip", "xlsx-wrong-headers", "csv-wrong-headers", "wrong-type"],
)
def test_a_broken_sheet_saves_nothing(client, trainer, ls_class, tmp_path, name, content):
    session = ls_class.sessions.first()
    before = session_statuses(session)
    path = tmp_path / name
    if content is None:
        write_xlsx(path, [["Họ và tên", "Số điện thoại"], ["Hoàng Thị Hoa", "0912000002"]])
    else:
        path.write_bytes(content)
    response = upload(client, ls_class, session, path)
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert "\n" not in error and error
    assert "payload" not in response.context
    assert session_statuses(session) == before


def test_sheets_over_the_limits_are_refused(tmp_path):
    too_long = tmp_path / "dai.csv"
    write_csv(too_long, [["Họ và tên", "Có mặt"], *([f"Người {n}", "x"] for n in range(5001))])
    with open(too_long, "rb") as sheet, pytest.raises(SheetError):
        read_sheet(File(sheet, name="dai.csv"))
    too_big = SimpleUploadedFile("lon.xlsx", b"PK" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(SheetError):
        read_sheet(too_big)


def test_the_template_is_prefilled_with_the_members(client, trainer, ls_class, tmp_path):
    from openpyxl import load_workbook

    session = ls_class.sessions.first()
    response = client.get(url("people_class_attendance_template", ls_class, session.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    path = tmp_path / "mau.xlsx"
    path.write_bytes(response.content)
    sheet = load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[3] == ("STT", "Họ và tên", "Số điện thoại", "Email", "Cơ quan", "Có mặt")
    names = {row[1] for row in rows[4:]}
    assert names == set(
        Profile.objects.filter(user__class_memberships__training_class=ls_class).values_list(
            "full_name", flat=True
        )
    )
    # The filled-in template reads back as it was recorded.
    before = session_statuses(session)
    preview = upload(client, ls_class, session, path).context["preview"]
    assert not preview.unmatched
    by_id = {u.pk: u.username for u in User.objects.all()}
    assert {by_id[row.user_id]: row.status for row in preview.matched} == before


# Printed roster ----------------------------------------------------------------------------


def test_the_printed_roster_and_attendance_sheet(client, trainer, ls_class):
    roster = client.get(url("people_class_roster", ls_class)).content.decode()
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "SỞ TƯ PHÁP TỈNH LẠNG SƠN",
        "DANH SÁCH HỌC VIÊN",
        ls_class.title,
        "Hoàng Thị Hoa",
        "0912000002",
        "từ ngày 20/10/2026 đến ngày 21/10/2026",
    ):
        assert text in roster
    assert "wagtail-sidebar" not in roster
    sheet = client.get(url("people_class_attendance_sheet", ls_class)).content.decode()
    assert "DANH SÁCH ĐIỂM DANH" in sheet and "Buổi 1" in sheet and "Vắng có phép" in sheet
    second = ls_class.sessions.last()
    one_session = client.get(url("people_class_attendance_sheet", ls_class), {"buoi": second.pk})
    assert "Buổi 2" in one_session.content.decode() and "Buổi 1" not in one_session.content.decode()
    views = AuditEvent.objects.filter(actor=trainer, action="view", object_repr=ls_class.title)
    assert views.count() == 3


# Reminders ---------------------------------------------------------------------------------


@override_settings(CLASS_REMINDER_DAYS_BEFORE=(7, 1))
def test_reminders_go_once_to_members_who_have_not_finished(ls_class):
    TrainingClass.objects.update(completion_deadline=None)
    deadline = timezone.localdate() + datetime.timedelta(days=7)
    training_class = TrainingClass.objects.create(
        slug="lop-nhac-han",
        title="Lớp nhắc hạn",
        organiser=ls_class.organiser,
        starts_on=deadline - datetime.timedelta(days=30),
        ends_on=deadline - datetime.timedelta(days=29),
        locality=ls_class.locality,
        completion_deadline=deadline,
    )
    course = ls_class.courses.first()
    training_class.courses.set([course])
    finished = lang_son_person("xong", "Đã Học Xong")
    unfinished = lang_son_person("chua.xong", "Chưa Học Xong")
    class_members_add(training_class=training_class, users=[finished, unfinished])
    Enrolment.objects.filter(user=finished).update(completed_at=timezone.now())

    later = TrainingClass.objects.get(pk=training_class.pk)
    later.pk, later.slug = None, "lop-nhac-han-sau"
    later.completion_deadline = deadline + datetime.timedelta(days=1)  # 8 days: not due today
    later.save()
    class_members_add(training_class=later, users=[unfinished])

    assert send_deadline_reminders.delay().get() == 1
    assert send_deadline_reminders.delay().get() == 0

    [message] = mail.outbox
    assert message.to == [unfinished.email]
    assert "Còn 7 ngày" in message.subject
    assert "Kính gửi Chưa Học Xong" in message.body
    assert f"ngày {deadline.day} tháng {deadline.month} năm {deadline.year}" in message.body
    assert course.title in message.body
    assert "http://testserver/" in message.body


# Who may do what ---------------------------------------------------------------------------


@pytest.fixture
def other_trainer(demo):
    user = UserFactory(username="giangvien.ld")
    user.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    TrainingClass.objects.get(slug=LD_CLASS).trainers.set([user])
    return user


def class_urls(training_class) -> list[tuple[str, str]]:
    """(method, URL) of every screen of one class."""
    session = training_class.sessions.first()
    member = training_class.memberships.first().user
    return [
        ("get", url("people_class_detail", training_class)),
        ("post", url("people_class_members_add", training_class)),
        ("post", url("people_class_member_remove", training_class, member.pk)),
        ("get", url("people_class_session_add", training_class)),
        ("get", url("people_class_session_edit", training_class, session.pk)),
        ("get", url("people_class_session_delete", training_class, session.pk)),
        ("get", url("people_class_attendance", training_class)),
        ("post", url("people_class_attendance", training_class)),
        ("get", url("people_class_attendance_import", training_class)),
        ("get", url("people_class_attendance_template", training_class, session.pk)),
        ("get", url("people_class_roster", training_class)),
        ("get", url("people_class_attendance_sheet", training_class)),
    ]


def test_the_trainer_of_another_class_is_refused_everywhere(client, other_trainer, ls_class):
    client.force_login(other_trainer)
    for method, address in class_urls(ls_class):
        assert getattr(client, method)(address).status_code == 403, address
    listing = client.get(reverse("people_class_list")).content.decode()
    assert "Lâm Đồng" in listing and ls_class.title not in listing
    assert (
        ClassMembership.objects.filter(training_class=ls_class, removed_at__isnull=False).count()
        == 0
    )


def test_my_classes_is_in_the_menu_of_trainers_only(client, trainer, ls_class):
    assert reverse("people_class_list") in client.get("/admin/").content.decode()
    client.force_login(User.objects.get(username="thongke"))
    assert reverse("people_class_list") not in client.get("/admin/").content.decode()
    assert client.get(reverse("people_class_list")).status_code == 403


def test_a_trainee_is_refused_everywhere(client, ls_class):
    client.force_login(User.objects.get(username="ls.hoa"))
    for method, address in [("get", reverse("people_class_list")), *class_urls(ls_class)]:
        response = getattr(client, method)(address)
        assert response.status_code in (302, 403), address
        assert response.status_code == 403 or "/login/" in response["Location"]


def test_an_admin_opens_every_screen(client, ls_class):
    client.force_login(User.objects.get(username="admin"))
    for method, address in [("get", reverse("people_class_list")), *class_urls(ls_class)]:
        if method == "get":
            assert client.get(address).status_code == 200, address


def test_the_statistician_reads_the_roster_but_changes_nothing(client, ls_class):
    client.force_login(User.objects.get(username="thongke"))
    session, member = ls_class.sessions.first(), User.objects.get(username="ls.hoa")
    before = Attendance.objects.get(session=session, user=member).status
    assert client.get(url("people_class_roster", ls_class)).status_code == 200
    assert client.get(url("people_class_attendance_sheet", ls_class)).status_code == 200
    response = client.post(
        url("people_class_attendance", ls_class), {f"a-{session.pk}-{member.pk}": "absent"}
    )
    assert response.status_code == 403
    assert Attendance.objects.get(session=session, user=member).status == before
    assert client.get(url("people_class_detail", ls_class)).status_code == 403
    ld_class = TrainingClass.objects.get(slug=LD_CLASS)
    assert client.get(url("people_class_roster", ld_class)).status_code == 403
