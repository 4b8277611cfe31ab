"""A class's progress grid (members × lessons) for its trainers: the states it shows, its
filters, the .xlsx export, who may open it, and its constant number of queries."""

import datetime
import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.grid import class_progress_grid
from courses.models import CourseIndexPage, CourseModulePage, CoursePage, LessonPage
from courses.selectors import COMPLETED, IN_PROGRESS, NOT_STARTED
from courses.services import lesson_open, lesson_progress_record
from people.admin_views.progress import HEADER_ROW
from people.models import (
    AdministrativeUnit,
    Agency,
    AuditEvent,
    Jurisdiction,
    Profile,
    TrainingClass,
)
from people.roles import STATISTICIANS_GROUP, TRAINERS_GROUP
from people.services import class_member_remove, class_members_add
from tests.factories import UserFactory, publish_child

pytestmark = pytest.mark.django_db

User = get_user_model()
LS_CLASS, LD_CLASS = "ls-bao-cao-vien-2026", "ld-tuyen-truyen-vien-2026"
HANG, SON, TUYET = "Đỗ Thị Hằng", "Bế Văn Sơn", "Nguyễn Thị Ánh Tuyết"


def build_course(slug: str, modules: tuple[int, ...], optional_last: bool = False) -> CoursePage:
    """A published course whose modules hold the given numbers of lessons ("Phần 1: Bài 1", ...)."""
    course = publish_child(
        CourseIndexPage.objects.get(),
        CoursePage(title=f"Khoá học {slug}", slug=slug, summary="Tóm tắt."),
    )
    number = 0
    for index, count in enumerate(modules, 1):
        module = publish_child(
            course, CourseModulePage(title=f"Phần {index}", slug=f"phan-{index}")
        )
        for _ in range(count):
            number += 1
            publish_child(
                module, LessonPage(title=f"Bài {number}", slug=f"bai-{number}", body="[]")
            )
    if optional_last:
        LessonPage.objects.filter(pk=lessons_of(course)[-1].pk).update(required=False)
    return course


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def person(username: str, full_name: str, **profile) -> User:
    user = UserFactory(username=username)
    Profile.objects.create(
        user=user,
        full_name=full_name,
        province=AdministrativeUnit.objects.get(level="province", code="20", is_current=True),
        **profile,
    )
    return user


def new_class(slug: str, courses, members) -> TrainingClass:
    """A class in Lạng Sơn run by the demo trainer, its members enrolled in its courses."""
    demo_class = TrainingClass.objects.get(slug=LS_CLASS)
    training_class = TrainingClass.objects.create(
        slug=slug,
        title=f"Lớp {slug}",
        organiser=demo_class.organiser,
        starts_on=demo_class.starts_on,
        ends_on=demo_class.ends_on,
        locality=demo_class.locality,
        completion_deadline=datetime.date(2026, 12, 15),
    )
    training_class.trainers.set(demo_class.trainers.all())
    training_class.courses.set(courses)
    class_members_add(training_class=training_class, users=members)
    return training_class


def complete(user, lessons) -> None:
    for lesson in lessons:
        lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")


@pytest.fixture
def setup(demo):
    """Three members in a course of 5 lessons (2 + 3 in two modules, the last one optional):
    Hằng completed everything, Sơn completed lesson 1 and opened lesson 2, Tuyết did nothing.
    A fourth person was in the class and was taken out."""
    course = build_course("tien-do", (2, 3), optional_last=True)
    commune = AdministrativeUnit.objects.get(level="commune", code="05977", is_current=True)
    agency = Agency.objects.get(name="Ủy ban nhân dân phường Lương Văn Tri")
    hang = person("td.hang", HANG, commune=commune, agency=agency)
    son = person("td.son", SON)
    tuyet = person("td.tuyet", TUYET)
    gone = person("td.gone", "Người Đã Rời Lớp")
    training_class = new_class("lop-tien-do", [course], [hang, son, tuyet, gone])
    class_member_remove(training_class=training_class, user=gone)
    lessons = lessons_of(course)
    complete(hang, lessons)
    complete(son, lessons[:1])
    lesson_open(user=son, lesson=lessons[1], course=course)
    return {
        "course": course,
        "lessons": lessons,
        "class": training_class,
        "users": {"hang": hang, "son": son, "tuyet": tuyet},
        "commune": commune,
        "agency": agency,
    }


def grid_url(training_class, **params) -> str:
    address = reverse("people_class_progress", args=[training_class.pk])
    return f"{address}?{urlencode(params)}" if params else address


@pytest.fixture
def trainer(client, demo):
    user = User.objects.get(username="giangvien")
    client.force_login(user)
    return user


def by_name(grid) -> dict[str, dict]:
    return {row["name"]: row for row in grid["rows"]}


# The grid ---------------------------------------------------------------------------------


def test_the_grid_shows_each_members_state_in_each_lesson(setup):
    grid = class_progress_grid(training_class=setup["class"], course=setup["course"])
    today = timezone.localdate()

    assert [item["lesson"].title for item in grid["lessons"]] == [f"Bài {n}" for n in range(1, 6)]
    assert [item["module_title"] for item in grid["lessons"]] == ["Phần 1"] * 2 + ["Phần 2"] * 3
    assert [(g["title"], g["span"]) for g in grid["column_groups"]] == [
        ("Phần 1", 2),
        ("Phần 2", 3),
    ]
    assert [item["required"] for item in grid["lessons"]] == [True] * 4 + [False]
    # Current members only, in roster order (by given name): Hằng, Sơn, Tuyết.
    assert [row["name"] for row in grid["rows"]] == [HANG, SON, TUYET]
    rows = by_name(grid)

    hang = rows[HANG]
    assert [c["state"] for c in hang["cells"]] == [COMPLETED] * 5
    assert [c["completed_on"] for c in hang["cells"]] == [today] * 5
    assert (hang["done"], hang["total"], hang["percent"]) == (4, 4, 100)
    assert hang["status"] == COMPLETED
    assert hang["enrolment"]["completed_on"] == today and not hang["enrolment"]["unenrolled"]
    assert hang["commune"] == setup["commune"] and hang["agency"] == setup["agency"]

    son = rows[SON]
    assert [c["state"] for c in son["cells"]] == [COMPLETED, IN_PROGRESS] + [NOT_STARTED] * 3
    assert son["cells"][0]["completed_on"] == today and son["cells"][1]["completed_on"] is None
    assert (son["done"], son["total"], son["percent"]) == (1, 4, 25)
    assert son["status"] == IN_PROGRESS and son["enrolment"]["completed_at"] is None

    tuyet = rows[TUYET]
    assert [c["state"] for c in tuyet["cells"]] == [NOT_STARTED] * 5
    assert (tuyet["done"], tuyet["percent"], tuyet["status"]) == (0, 0, NOT_STARTED)

    assert grid["member_count"] == 3
    assert grid["counts"] == {COMPLETED: 1, IN_PROGRESS: 1, NOT_STARTED: 1}
    assert [item["completed_count"] for item in grid["lessons"]] == [2, 1, 1, 1, 1]


def test_an_unenrolled_member_is_shown_as_such(setup):
    from courses.records import Enrolment

    son = setup["users"]["son"]
    Enrolment.objects.filter(user=son, course=setup["course"]).update(unenrolled_at=timezone.now())
    row = by_name(class_progress_grid(training_class=setup["class"], course=setup["course"]))[SON]
    assert row["enrolment"]["unenrolled"] and row["status"] == IN_PROGRESS


@pytest.mark.parametrize(
    "status, query, names",
    [
        (COMPLETED, None, [HANG]),
        (IN_PROGRESS, None, [SON]),
        (NOT_STARTED, None, [TUYET]),
        ("nonsense", None, [HANG, SON, TUYET]),  # an unknown status filters nothing
        (None, "anh tuyet", [TUYET]),  # no diacritics
        (None, "  BẾ VĂN  ", [SON]),  # case and spaces
        (None, "do thi", [HANG]),  # đ typed as d
        (None, "thi", [HANG, TUYET]),
        (NOT_STARTED, "thi", [TUYET]),  # both filters
        (None, "khong co ai", []),
    ],
)
def test_the_filters(setup, status, query, names):
    grid = class_progress_grid(
        training_class=setup["class"], course=setup["course"], status=status, query=query
    )
    assert [row["name"] for row in grid["rows"]] == names
    # The summary counts the whole class, whatever the filters.
    assert grid["member_count"] == 3
    assert grid["counts"] == {COMPLETED: 1, IN_PROGRESS: 1, NOT_STARTED: 1}


# The screen --------------------------------------------------------------------------------


def test_the_screen_shows_the_grid_with_words_for_screen_readers(client, trainer, setup):
    response = client.get(grid_url(setup["class"]))
    assert response.status_code == 200
    assert response.context["course"] == setup["course"]
    page = response.content.decode()
    for name in (HANG, SON, TUYET):
        assert name in page
    assert "Người Đã Rời Lớp" not in page
    # Symbols are hidden from screen readers, which read the words instead.
    assert page.count('aria-hidden="true">✓</span>') == 5 + 1 + 1  # 6 cells and the legend
    assert page.count('<span class="w-sr-only">Đã hoàn thành</span>') == 6
    assert page.count('<span class="w-sr-only">Đang học</span>') == 1
    assert page.count('<span class="w-sr-only">Chưa học</span>') == 3 + 5
    assert "1 trên 3 học viên đã hoàn thành khoá học" in page
    assert 'class="progress-legend"' in page and 'scope="row"' in page
    assert "tien-do" in page and "dinh-dang=xlsx" in page
    assert AuditEvent.objects.filter(
        actor=trainer, action="view", object_repr=setup["class"].title, detail__screen="progress"
    ).exists()
    # The class's page links to the grid.
    detail = client.get(reverse("people_class_detail", args=[setup["class"].pk])).content.decode()
    assert grid_url(setup["class"]) in detail


def test_the_screen_filters_and_chooses_among_the_classs_courses(client, trainer, setup):
    other = build_course("tien-do-2", (1,))
    setup["class"].courses.add(other)
    # The first course in the catalogue's order is shown by default.
    assert client.get(grid_url(setup["class"])).context["course"] == setup["course"]
    response = client.get(grid_url(setup["class"], **{"khoa-hoc": other.pk}))
    assert response.context["course"] == other
    # A course that is not the class's is not found.
    stranger = CoursePage.objects.exclude(pk__in=[setup["course"].pk, other.pk]).first()
    assert client.get(grid_url(setup["class"], **{"khoa-hoc": stranger.pk})).status_code == 404

    filtered = client.get(grid_url(setup["class"], **{"trang-thai": IN_PROGRESS}))
    assert [row["name"] for row in filtered.context["rows"]] == [SON]
    searched = client.get(grid_url(setup["class"], q="nguyen thi anh"))
    assert [row["name"] for row in searched.context["rows"]] == [TUYET]
    page = searched.content.decode()
    assert HANG not in page and "Đang hiển thị 1 học viên." in page
    assert "q=nguyen+thi+anh" in searched.context["export_query"]


# The file ----------------------------------------------------------------------------------


def read_xlsx(response):
    """The first sheet of the downloaded workbook."""
    return load_workbook(io.BytesIO(response.content)).worksheets[0]


def test_the_xlsx_export_has_the_same_states_headers_and_names(client, trainer, setup):
    training_class, course = setup["class"], setup["course"]
    response = client.get(grid_url(training_class, **{"dinh-dang": "xlsx"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        f'filename="tien-do-{training_class.slug}-{course.slug}.xlsx"'
        in (response["Content-Disposition"])
    )
    sheet = read_xlsx(response)
    assert sheet.freeze_panes == f"C{HEADER_ROW + 1}"
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == training_class.title
    assert rows[1][0] == f"Khoá học: {course.title}"
    header = rows[HEADER_ROW - 1]
    assert header == (
        "STT",
        "Họ và tên",
        "Xã, phường",
        "Cơ quan",
        "Phần 1: Bài 1",
        "Phần 1: Bài 2",
        "Phần 2: Bài 3",
        "Phần 2: Bài 4",
        "Phần 2: Bài 5",
        "Số bài bắt buộc đã hoàn thành",
        "Tỷ lệ hoàn thành (%)",
        "Ngày hoàn thành khoá học",
        "Điểm (%)",
        "Trạng thái",
    )
    today = datetime.datetime.combine(timezone.localdate(), datetime.time())
    hang, son, tuyet, totals = rows[HEADER_ROW:]
    assert hang == (
        1,
        HANG,
        str(setup["commune"]),
        "Ủy ban nhân dân phường Lương Văn Tri",
        *[today] * 5,
        "4/4",
        100,
        today,
        None,
        "Hoàn thành",
    )
    assert son == (
        2,
        SON,
        None,
        None,
        today,
        "Đang học",
        *["Chưa học"] * 3,
        "1/4",
        25,
        None,
        None,
        "Đang học",
    )
    assert tuyet == (3, TUYET, None, None, *["Chưa học"] * 5, "0/4", 0, None, None, "Chưa bắt đầu")
    assert totals == (
        None,
        "Tổng cộng",
        "3 học viên",
        None,
        2,
        1,
        1,
        1,
        1,
        None,
        42,
        1,
        None,
        "1/3 hoàn thành",
    )
    assert sheet.cell(row=HEADER_ROW + 1, column=5).number_format == "dd/mm/yyyy"

    export = AuditEvent.objects.get(actor=trainer, action="export")
    assert export.object_repr == training_class.title
    assert export.detail == {"screen": "progress xlsx", "course": course.pk, "count": 3}


def test_the_xlsx_export_keeps_the_filters(client, trainer, setup):
    response = client.get(
        grid_url(setup["class"], **{"trang-thai": COMPLETED, "dinh-dang": "xlsx"})
    )
    rows = [tuple(row) for row in read_xlsx(response).iter_rows(values_only=True)]
    assert "Trạng thái: Hoàn thành" in rows[2][0]
    assert [row[1] for row in rows[HEADER_ROW:]] == [HANG, "Tổng cộng"]
    response = client.get(grid_url(setup["class"], q="son", **{"dinh-dang": "xlsx"}))
    rows = [tuple(row) for row in read_xlsx(response).iter_rows(values_only=True)]
    assert [row[1] for row in rows[HEADER_ROW:]] == [SON, "Tổng cộng"]


# Who may open it ---------------------------------------------------------------------------


def test_the_trainer_of_another_class_is_refused(client, setup):
    other = UserFactory(username="giangvien.ld")
    other.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    TrainingClass.objects.get(slug=LD_CLASS).trainers.set([other])
    client.force_login(other)
    assert client.get(grid_url(setup["class"])).status_code == 403
    assert client.get(grid_url(setup["class"], **{"dinh-dang": "xlsx"})).status_code == 403
    assert client.get(grid_url(TrainingClass.objects.get(slug=LD_CLASS))).status_code == 200
    assert not AuditEvent.objects.filter(actor=other, action="export").exists()


def test_a_trainee_is_refused(client, setup):
    """A trainee of the class: the admin turns away whoever has no admin access (to the log-in
    page); one who has it still gets the 403 page."""
    hang = setup["users"]["hang"]
    client.force_login(hang)
    for params in ({}, {"dinh-dang": "xlsx"}):
        response = client.get(grid_url(setup["class"], **params))
        assert response.status_code == 302 and "/login/" in response["Location"]
    hang.user_permissions.add(Permission.objects.get(codename="access_admin"))
    hang = User.objects.get(pk=hang.pk)
    client.force_login(hang)
    for params in ({}, {"dinh-dang": "xlsx"}):
        response = client.get(grid_url(setup["class"], **params))
        assert response.status_code == 403
        assert SON not in response.content.decode()


def test_statisticians_read_the_classes_of_their_province_only(client, setup):
    client.force_login(User.objects.get(username="thongke"))  # Lạng Sơn
    assert client.get(grid_url(setup["class"])).status_code == 200
    assert client.get(grid_url(setup["class"], **{"dinh-dang": "xlsx"})).status_code == 200

    lam_dong = UserFactory(username="thongke.ld")
    lam_dong.groups.add(Group.objects.get(name=STATISTICIANS_GROUP))
    Jurisdiction.objects.create(
        user=lam_dong,
        province=AdministrativeUnit.objects.get(level="province", code="68", is_current=True),
    )
    client.force_login(lam_dong)
    assert client.get(grid_url(setup["class"])).status_code == 403
    assert client.get(grid_url(setup["class"], **{"dinh-dang": "xlsx"})).status_code == 403
    assert client.get(grid_url(TrainingClass.objects.get(slug=LD_CLASS))).status_code == 200


def test_an_admin_opens_it(client, setup):
    client.force_login(User.objects.get(username="admin"))
    assert client.get(grid_url(setup["class"])).status_code == 200


# Queries -----------------------------------------------------------------------------------


def sized_class(slug: str, members: int, modules: tuple[int, ...]) -> tuple:
    course = build_course(f"khoa-{slug}", modules)
    users = [person(f"{slug}.{n}", f"Học Viên {slug} {n}") for n in range(members)]
    training_class = new_class(slug, [course], users)
    lessons = lessons_of(course)
    for n, user in enumerate(users):
        if n % 3 == 0:
            complete(user, lessons)
        elif n % 3 == 1:
            complete(user, lessons[:1])
            lesson_open(user=user, lesson=lessons[-1], course=course)
    return training_class, course


def test_the_number_of_queries_is_constant(
    client, trainer, demo, django_assert_num_queries, django_assert_max_num_queries
):
    small = sized_class("nho", 3, (2, 3))
    large = sized_class("lon", 30, (4, 4, 4))
    # Lesson URLs need the site's root paths, which Wagtail reads once into its cache.
    class_progress_grid(training_class=small[0], course=small[1])
    for training_class, course in (small, large):
        with django_assert_num_queries(4):  # the outline, members, enrolments, progress
            grid = class_progress_grid(
                training_class=training_class, course=course, query="hoc vien"
            )
    assert len(grid["rows"]) == 30 and len(grid["lessons"]) == 12
    assert grid["counts"] == {COMPLETED: 10, IN_PROGRESS: 10, NOT_STARTED: 10}

    # The screen and the file, too.
    for params in ({}, {"dinh-dang": "xlsx"}):
        client.get(grid_url(small[0], **params))  # warm Wagtail's per-process caches
        with django_assert_max_num_queries(40) as small_queries:
            assert client.get(grid_url(small[0], **params)).status_code == 200
        with django_assert_num_queries(len(small_queries.captured_queries)):
            assert client.get(grid_url(large[0], **params)).status_code == 200


def test_a_class_without_courses_says_so(client, trainer, demo):
    training_class = new_class("lop-chua-co-khoa", [], [])
    response = client.get(grid_url(training_class))
    assert response.status_code == 200
    assert "Lớp chưa có khoá học nào" in response.content.decode()
