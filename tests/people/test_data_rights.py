"""A person's rights over their data: a copy (JSON, XLSX), erasure that keeps every figure, and
the audit log of staff reading or changing personal data.

The demo trainee `hocvien` (Lê Hoàng Nam) is in the Lạng Sơn class with Hoàng Thị Hoa and
others; the copy of his data must never name them.
"""

import datetime
import io
import json

import openpyxl
import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from courses.models import Enrolment
from people import data_rights
from people.data_rights import (
    data_request_create,
    person_erase,
    personal_data_json,
    personal_data_sections,
    working_days_after,
)
from people.models import (
    Attendance,
    AuditEvent,
    ClassMembership,
    ConsentRecord,
    DataRequest,
    Profile,
    TrainingClass,
)

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Lê Hoàng Nam", "hocvien@demo.lms.local", "0912000001"
CLASSMATE, CLASSMATE_PHONE = "Hoàng Thị Hoa", "0912000002"
CLASS = "ls-bao-cao-vien-2026"
PAGE = "/tai-khoan/du-lieu-ca-nhan/"
JSON_URL, XLSX_URL = f"{PAGE}tai-ve.json", f"{PAGE}tai-ve.xlsx"
ERASURE_URL = f"{PAGE}yeu-cau-xoa/"
ADMIN_LIST = "/admin/people/data-requests/"


@pytest.fixture
def trainee(demo):
    return get_user_model().objects.get(username="hocvien")


@pytest.fixture
def staff(demo):
    User = get_user_model()
    return {name: User.objects.get(username=name) for name in ("admin", "giangvien", "thongke")}


def figures() -> dict:
    """What the reports count: class members, attendance by status, enrolments per course,
    people per audience group, province and sex."""

    def counted(queryset, field):
        return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))

    return {
        "members": counted(ClassMembership.objects.all(), "training_class__slug"),
        "attendance": counted(Attendance.objects.all(), "status"),
        "enrolments": counted(Enrolment.objects.all(), "course_id"),
        "audience": counted(Profile.objects.all(), "audience__slug"),
        "province": counted(Profile.objects.all(), "province__code"),
        "sex": counted(Profile.objects.all(), "sex"),
    }


TEXT_FIELDS = (models.CharField, models.TextField, models.GenericIPAddressField)


def tables_holding(text: str) -> list[str]:
    """Every table row anywhere in the database whose text (JSON included) contains `text`."""
    escaped = json.dumps(text)[1:-1]  # how a JSON column stores "Lê" when it escapes non-ASCII
    found = []
    for model in apps.get_models():
        query = Q()
        for field in model._meta.concrete_fields:
            if isinstance(field, TEXT_FIELDS):
                query |= Q(**{f"{field.name}__icontains": text})
            elif isinstance(field, models.JSONField):
                query |= Q(**{f"{field.name}__icontains": text})
                query |= Q(**{f"{field.name}__icontains": escaped})
        if query and model._base_manager.filter(query).exists():
            found.append(model._meta.label)
    return found


def profile_form(profile: Profile, **changes) -> dict:
    """The Wagtail admin's Profile edit form, as a browser posts it."""
    data = {
        field: getattr(profile, field)
        for field in ("full_name", "position", "phone", "national_id", "sex")
    }
    data.update(
        {
            field: getattr(profile, f"{field}_id") or ""
            for field in ("audience", "agency", "province", "commune")
        },
        birth_year=profile.birth_year or "",
    )
    data.update(changes)
    return data


def section_index(key: str) -> int:
    return [section.key for section in personal_data_sections()].index(key)


def edit_url(profile: Profile) -> str:
    return f"/admin/snippets/people/profile/edit/{profile.pk}/"


# --- The copy -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [PAGE, JSON_URL, XLSX_URL, ERASURE_URL])
def test_anonymous_visitors_are_sent_to_log_in(client, demo, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_account_page_leads_to_the_data_rights_page(client, trainee):
    client.force_login(trainee)
    assert PAGE in client.get("/tai-khoan/").content.decode()
    html = client.get(PAGE).content.decode()
    assert JSON_URL in html and XLSX_URL in html and ERASURE_URL in html


def test_json_copy_holds_my_data_and_nobody_elses(client, trainee):
    client.force_login(trainee)
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == EMAIL
    assert data["profile"]["full_name"] == NAME
    assert data["profile"]["phone"] == PHONE
    assert data["profile"]["province_code"] == "20"
    training_class = TrainingClass.objects.get(slug=CLASS)
    assert [m["class_title"] for m in data["class_memberships"]] == [training_class.title]
    assert len(data["attendance"]) == Attendance.objects.filter(user=trainee).count() == 2
    assert sorted(e["course_title"] for e in data["enrolments"]) == sorted(
        training_class.courses.values_list("title", flat=True)
    )
    assert data["enrolments"], "the class enrols its members in its courses"
    assert [c["policy_version"] for c in data["consents"]] == ["2026-01"]
    for other in (CLASSMATE, CLASSMATE_PHONE, "giangvien", "Nguyễn Thị Lan"):
        assert other not in text
    event = AuditEvent.objects.get(action="export")
    assert (event.actor, event.subject, event.detail) == (trainee, trainee, {"format": "json"})


def test_spreadsheet_copy_has_a_sheet_per_section_and_nobody_elses_data(client, trainee):
    client.force_login(trainee)
    response = client.get(XLSX_URL)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) >= 8
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    training_class = TrainingClass.objects.get(slug=CLASS)
    assert NAME in cells and PHONE in cells and training_class.title in cells
    for course_title in training_class.courses.values_list("title", flat=True):
        assert course_title in cells
    attendance_sheet = workbook.worksheets[section_index("attendance")]
    assert attendance_sheet.max_row == 1 + 2  # a heading and two sessions
    assert not [c for c in cells if CLASSMATE in c or CLASSMATE_PHONE in c]
    assert AuditEvent.objects.filter(
        action="export", actor=trainee, subject=trainee, detail={"format": "xlsx"}
    ).exists()


def test_text_that_looks_like_a_formula_stays_text(client, trainee):
    Profile.objects.filter(user=trainee).update(position='=HYPERLINK("http://x","y")')
    client.force_login(trainee)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(XLSX_URL).content))
    cell = next(
        c
        for row in workbook.worksheets[section_index("profile")].iter_rows()
        for c in row
        if str(c.value).startswith("=")
    )
    assert cell.data_type == "s"


# --- Erasure ------------------------------------------------------------------------------------


def test_erasure_anonymises_the_person_and_keeps_every_figure(client, trainee, staff):
    profile = Profile.objects.get(user=trainee)
    admin = staff["admin"]
    # A staff change before the request leaves the name in the audit log and Wagtail's history.
    client.force_login(admin)
    client.get(edit_url(profile))
    assert (
        client.post(edit_url(profile), profile_form(profile, position="Báo cáo viên")).status_code
        == 302
    )
    for text in (NAME, EMAIL, PHONE):
        assert tables_holding(text), f"the search must find {text!r} before erasure"
    before = figures()

    client.force_login(trainee)
    page = client.get(ERASURE_URL).content.decode()
    assert "log in again" in page or "đăng nhập lại" in page
    assert (
        client.post(ERASURE_URL, {"reason": "Tôi là Lê Hoàng Nam"}).status_code == 200
    )  # unticked
    for _click in range(2):
        assert (
            client.post(ERASURE_URL, {"reason": "Tôi là Lê Hoàng Nam", "confirm": "on"}).status_code
            == 302
        )
    data_request = DataRequest.objects.get(user=trainee, kind="erasure")
    assert data_request.status == "received"

    client.force_login(admin)
    assert NAME in client.get(ADMIN_LIST).content.decode()
    assert client.post(f"{ADMIN_LIST}{data_request.pk}/acknowledge/").status_code == 302
    assert client.get(f"{ADMIN_LIST}{data_request.pk}/complete/").status_code == 200
    assert client.post(f"{ADMIN_LIST}{data_request.pk}/complete/").status_code == 302

    data_request.refresh_from_db()
    assert (data_request.status, data_request.handled_by) == ("done", admin)
    assert data_request.acknowledged_at and data_request.completed_at
    trainee.refresh_from_db()
    profile.refresh_from_db()
    assert not trainee.is_active and not trainee.has_usable_password()
    assert trainee.username != "hocvien"
    assert profile.full_name == f"Người dùng đã xoá #{trainee.pk}"
    assert profile.anonymised_at is not None
    assert (profile.phone, profile.national_id, profile.position, profile.ethnicity) == ("",) * 4
    assert profile.birth_year is None
    assert (profile.audience.slug, profile.province.code, profile.sex) == (
        "bao-cao-vien",
        "20",
        "male",
    )
    assert not ConsentRecord.objects.filter(user=trainee, withdrawn_at__isnull=True).exists()
    assert not ConsentRecord.objects.filter(user=trainee, ip_address__isnull=False).exists()
    for text in (NAME, EMAIL, PHONE):
        assert tables_holding(text) == [], f"{text!r} is still stored"
    assert figures() == before
    assert AuditEvent.objects.filter(action="erase", actor=admin, subject=trainee).count() == 1

    client.logout()
    for login in (EMAIL, PHONE):
        response = client.post("/accounts/login/", {"login": login, "password": "Demo@407"})
        assert response.status_code == 200, f"logged in with {login}"
    assert authenticate(username="hocvien", password="Demo@407") is None
    assert authenticate(username=trainee.username, password="Demo@407") is None


def test_erasing_twice_changes_nothing_more(trainee, staff):
    person_erase(user=trainee, staff=staff["admin"])

    def snapshot():
        rows = []
        for model in (get_user_model(), Profile, ConsentRecord, DataRequest, AuditEvent):
            for row in model.objects.order_by("pk").values():
                rows.append((model.__name__, row))
        return rows, figures()

    first = snapshot()
    person_erase(user=trainee, staff=staff["admin"])
    data_request_create(user=trainee, kind="erasure")  # a late duplicate, closed by the next run
    person_erase(user=trainee, staff=staff["admin"])
    assert DataRequest.objects.get(user=trainee).status == "done"
    DataRequest.objects.filter(user=trainee).delete()
    assert snapshot() == first


def test_other_apps_erasers_run_once_per_person(trainee, monkeypatch):
    monkeypatch.setattr(data_rights, "_ERASERS", [])
    calls = []

    @data_rights.personal_data_eraser
    def erase_snapshots(*, user, label):
        calls.append((user.pk, label))

    person_erase(user=trainee)
    person_erase(user=trainee)
    assert calls == [(trainee.pk, f"Người dùng đã xoá #{trainee.pk}")]


def test_the_session_of_an_erased_person_ends(client, trainee):
    client.force_login(trainee)
    assert client.get(PAGE).status_code == 200
    person_erase(user=trainee)
    assert client.get(PAGE).status_code == 302


def test_a_second_request_of_a_kind_returns_the_open_one(trainee):
    first = data_request_create(user=trainee, kind="erasure", reason="")
    assert data_request_create(user=trainee, kind="erasure") == first
    assert data_request_create(user=trainee, kind="export") != first
    assert DataRequest.objects.filter(user=trainee).count() == 2


def test_the_copy_of_an_erased_person_names_nobody(trainee):
    person_erase(user=trainee)
    text = personal_data_json(user=get_user_model().objects.get(pk=trainee.pk)).decode()
    assert NAME not in text and EMAIL not in text and PHONE not in text


# --- Staff side ---------------------------------------------------------------------------------


def test_requests_are_due_two_working_days_after_receipt():
    friday, saturday = datetime.date(2026, 1, 9), datetime.date(2026, 1, 10)
    assert working_days_after(friday, 2) == datetime.date(2026, 1, 13)  # Tuesday
    assert working_days_after(saturday, 2) == datetime.date(2026, 1, 13)
    assert working_days_after(datetime.date(2026, 1, 12), 2) == datetime.date(2026, 1, 14)


def test_the_admin_list_marks_overdue_requests(client, trainee, staff):
    late = data_request_create(user=trainee, kind="erasure")
    DataRequest.objects.filter(pk=late.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=10)
    )
    client.force_login(staff["admin"])
    html = client.get(ADMIN_LIST).content.decode()
    assert "data-request--overdue" in html
    client.post(f"{ADMIN_LIST}{late.pk}/acknowledge/")
    assert "data-request--overdue" not in client.get(ADMIN_LIST).content.decode()


@pytest.mark.parametrize("username", ["giangvien", "thongke"])
def test_staff_who_are_not_admins_are_refused(client, trainee, staff, username):
    data_request = data_request_create(user=trainee, kind="erasure")
    client.force_login(staff[username])
    assert client.get(ADMIN_LIST).status_code == 403
    assert client.post(f"{ADMIN_LIST}{data_request.pk}/acknowledge/").status_code == 403
    assert client.post(f"{ADMIN_LIST}{data_request.pk}/complete/").status_code == 403
    data_request.refresh_from_db()
    assert data_request.status == "received"
    assert get_user_model().objects.get(pk=trainee.pk).is_active


def test_learners_cannot_reach_the_admin_list(client, trainee):
    client.force_login(trainee)
    assert client.get(ADMIN_LIST).status_code in (302, 403)


def test_staff_viewing_and_changing_a_profile_is_audited(client, trainee, staff):
    profile = Profile.objects.get(user=trainee)
    client.force_login(staff["admin"])
    assert client.get(edit_url(profile)).status_code == 200
    view = AuditEvent.objects.get(action="view")
    assert (view.actor, view.subject) == (staff["admin"], trainee)

    response = client.post(edit_url(profile), profile_form(profile, position="Báo cáo viên"))
    assert response.status_code == 302
    change = AuditEvent.objects.get(action="change")
    assert (change.actor, change.subject) == (staff["admin"], trainee)
    assert change.detail["fields"] == ["position"]
    assert AuditEvent.objects.filter(action="view").count() == 1  # the POST is not a view
