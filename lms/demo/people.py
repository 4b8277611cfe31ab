"""The demo's people: agencies, trainees, trainers and classes in two provinces.

Lạng Sơn records use the current units; in Lâm Đồng some trainees were recorded before the 2025
reform under the former Đắk Nông province, so roll-ups to current units can be seen at work.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CoursePage, LessonPage
from courses.records import Enrolment, LessonProgress
from people.models import (
    AdministrativeUnit,
    Agency,
    AudienceGroup,
    ClassSession,
    ConsentRecord,
    Jurisdiction,
    Profile,
    TrainingClass,
)
from people.services import attendance_record, class_members_add
from people.units import load_current_units, load_old_units

LANG_SON, LAM_DONG, DAK_NONG_OLD = "20", "68", "67"


def demo_time(year, month, day, hour=8, minute=0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


# The demo tells the story of 2026 whatever day it is built: its records carry these dates, all
# before the 30/11/2026 cut-off of its "Năm 2026" reporting period, so the statisticians' pages
# show figures on their default period (services stamp records with the current time; the demo
# moves them to these dates right after making them).
REGISTERED_AT = demo_time(2026, 9, 15)


def redate(queryset, moment, *fields) -> None:
    """Give every timestamp of `fields` that is set in `queryset` the demo date `moment`."""
    for name in fields:
        queryset.filter(**{f"{name}__isnull": False}).update(**{name: moment})


# (username, full name, audience slug, province code, old province?, commune code, phone, sex, birth year)
TRAINEES = [
    (
        "hocvien",
        "Lê Hoàng Nam",
        "bao-cao-vien",
        LANG_SON,
        False,
        "05983",
        "0912000001",
        "male",
        1988,
    ),
    (
        "ls.hoa",
        "Hoàng Thị Hoa",
        "bao-cao-vien",
        LANG_SON,
        False,
        "05977",
        "0912000002",
        "female",
        1990,
    ),
    ("ls.tuan", "Vi Văn Tuấn", "phap-che", LANG_SON, False, "05986", "0912000003", "male", 1985),
    (
        "ls.mai",
        "Nông Thị Mai",
        "tuyen-truyen-vien-xa",
        LANG_SON,
        False,
        "06001",
        "0912000004",
        "female",
        1994,
    ),
    ("ls.duc", "Lộc Minh Đức", "bao-chi", LANG_SON, False, "05977", "0912000005", "male", 1992),
    (
        "ld.thao",
        "Trần Thị Thảo",
        "tuyen-truyen-vien-xa",
        DAK_NONG_OLD,
        True,
        "24611",
        "0912000006",
        "female",
        1991,
    ),
    (
        "ld.khoa",
        "Y Khoa Niê",
        "tuyen-truyen-vien-xa",
        DAK_NONG_OLD,
        True,
        "24615",
        "0912000007",
        "male",
        1987,
    ),
    (
        "ld.lan",
        "Phạm Ngọc Lan",
        "tuyen-truyen-vien-xa",
        LAM_DONG,
        False,
        "24617",
        "0912000008",
        "female",
        1996,
    ),
]


def _unit(level: str, code: str, current: bool = True) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(level=level, code=code, is_current=current)


def seed_units(report) -> None:
    if not AdministrativeUnit.objects.filter(is_current=True).exists():
        report.add(f"administrative units: {load_current_units(AdministrativeUnit)}")
    if not AdministrativeUnit.objects.filter(is_current=False).exists():
        report.add(f"former units: {load_old_units(AdministrativeUnit)}")


def seed_agencies(report) -> dict[str, Agency]:
    specs = {
        "stp-ls": ("Sở Tư pháp tỉnh Lạng Sơn", Agency.Kind.JUSTICE, LANG_SON, None),
        "pbgdpl-ls": (
            "Phòng Phổ biến, giáo dục pháp luật - Sở Tư pháp tỉnh Lạng Sơn",
            Agency.Kind.JUSTICE,
            LANG_SON,
            "stp-ls",
        ),
        "bao-ls": ("Báo Lạng Sơn", Agency.Kind.PRESS, LANG_SON, None),
        "ubnd-lvt": ("Ủy ban nhân dân phường Lương Văn Tri", Agency.Kind.COMMUNE, LANG_SON, None),
        "stp-ld": ("Sở Tư pháp tỉnh Lâm Đồng", Agency.Kind.JUSTICE, LAM_DONG, None),
        "ubnd-bgn": ("Ủy ban nhân dân phường Bắc Gia Nghĩa", Agency.Kind.COMMUNE, LAM_DONG, None),
    }
    agencies = {}
    for key, (name, kind, province, parent) in specs.items():
        agency, created = Agency.objects.get_or_create(
            name=name,
            province=_unit("province", province),
            defaults={"kind": kind, "parent": agencies.get(parent)},
        )
        if created:
            report.add(f"agency: {name}")
        agencies[key] = agency
    return agencies


def seed_profiles(agencies, report) -> list:
    """Profiles for the demo log-ins and for the trainees of the two classes."""
    User = get_user_model()
    audiences = {a.slug: a for a in AudienceGroup.objects.all()}
    staff = {
        "giangvien": (
            "Nguyễn Thị Lan",
            "bao-cao-vien",
            "pbgdpl-ls",
            LANG_SON,
            "05983",
            "Giảng viên, báo cáo viên pháp luật tỉnh",
        ),
        "thongke": (
            "Trần Văn Minh",
            "phap-che",
            "stp-ls",
            LANG_SON,
            "05983",
            "Chuyên viên thống kê",
        ),
    }
    for username, (name, audience, agency, province, commune, position) in staff.items():
        user = User.objects.get(username=username)
        _profile, created = Profile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": name,
                "audience": audiences[audience],
                "agency": agencies[agency],
                "province": _unit("province", province),
                "commune": _unit("commune", commune),
                "position": position,
            },
        )
        if created:
            redate(Profile.objects.filter(user=user), REGISTERED_AT, "created_at")
            report.add(f"profile: {name}")
    Jurisdiction.objects.get_or_create(
        user=User.objects.get(username="thongke"),
        defaults={"province": _unit("province", LANG_SON)},
    )
    trainees = []
    for username, name, audience, province, old, commune, phone, sex, year in TRAINEES:
        user = User.objects.filter(username=username).first()
        if user is None:
            # No password: these trainees exist to fill the classes; they cannot log in.
            user = User.objects.create_user(
                username=username, email=f"{username}@demo.lms.local", password=None
            )
            report.add(f"user: {username}")
        agency = agencies["ubnd-bgn"] if province != LANG_SON else agencies["ubnd-lvt"]
        profile, created = Profile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": name,
                "audience": audiences[audience],
                "agency": agency,
                "phone": phone,
                "sex": sex,
                "birth_year": year,
                "province": _unit("province", province, current=not old),
                "commune": _unit("commune", commune),
            },
        )
        if created:
            ConsentRecord.objects.create(user=user, policy_version="2026-01")
            redate(Profile.objects.filter(user=user), REGISTERED_AT, "created_at")
            redate(ConsentRecord.objects.filter(user=user), REGISTERED_AT, "given_at")
            redate(User.objects.filter(pk=user.pk), REGISTERED_AT, "date_joined")
            report.add(f"profile: {name}")
        trainees.append(user)
    return trainees


def seed_classes(agencies, trainees, report) -> None:
    User = get_user_model()
    audiences = {a.slug: a for a in AudienceGroup.objects.all()}
    courses = {c.slug: c for c in CoursePage.objects.all()}
    classes = [
        {
            "slug": "ls-bao-cao-vien-2026",
            "title": "Lớp bồi dưỡng kỹ năng truyền thông dự thảo chính sách cho báo cáo viên pháp luật tỉnh Lạng Sơn năm 2026",
            "organiser": agencies["stp-ls"],
            "mode": TrainingClass.Mode.IN_PERSON,
            "starts_on": datetime.date(2026, 10, 20),
            "ends_on": datetime.date(2026, 10, 21),
            "venue": "Hội trường Sở Tư pháp tỉnh Lạng Sơn",
            "locality": _unit("province", LANG_SON),
            "deadline": datetime.date(2026, 12, 15),
            "trainer": "giangvien",
            "course_slugs": [s for s in courses if s.startswith("to-chuc")],
            "audience_slugs": ["bao-cao-vien", "phap-che"],
            "members": [u for u in trainees if u.username.startswith(("hocvien", "ls."))],
        },
        {
            "slug": "ld-tuyen-truyen-vien-2026",
            "title": "Tập huấn tuyên truyền viên pháp luật cấp xã về truyền thông dự thảo chính sách, tỉnh Lâm Đồng",
            "organiser": agencies["stp-ld"],
            "mode": TrainingClass.Mode.BLENDED,
            "starts_on": datetime.date(2026, 11, 5),
            "ends_on": datetime.date(2026, 11, 30),
            "venue": "Trung tâm hội nghị phường Bắc Gia Nghĩa",
            "locality": _unit("province", LAM_DONG),
            "deadline": datetime.date(2026, 12, 31),
            "trainer": "giangvien",
            "course_slugs": [s for s in courses if s.startswith("tuyen-truyen")],
            "audience_slugs": ["tuyen-truyen-vien-xa"],
            "members": [u for u in trainees if u.username.startswith("ld.")],
        },
    ]
    for spec in classes:
        if TrainingClass.objects.filter(slug=spec["slug"]).exists():
            continue
        training_class = TrainingClass.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            organiser=spec["organiser"],
            mode=spec["mode"],
            starts_on=spec["starts_on"],
            ends_on=spec["ends_on"],
            venue=spec["venue"],
            locality=spec["locality"],
            completion_deadline=spec["deadline"],
        )
        training_class.trainers.add(User.objects.get(username=spec["trainer"]))
        training_class.courses.set([courses[s] for s in spec["course_slugs"]])
        training_class.audiences.set([audiences[s] for s in spec["audience_slugs"]])
        class_members_add(training_class=training_class, users=spec["members"])
        opening = demo_time(spec["starts_on"].year, spec["starts_on"].month, spec["starts_on"].day)
        redate(training_class.memberships.all(), opening, "added_at")
        redate(Enrolment.objects.filter(training_class=training_class), opening, "enrolled_at")
        trainer = User.objects.get(username=spec["trainer"])
        for day in range(2):
            starts = timezone.make_aware(
                datetime.datetime.combine(
                    spec["starts_on"] + datetime.timedelta(days=day), datetime.time(8)
                )
            )
            session = ClassSession.objects.create(
                training_class=training_class,
                title=f"Buổi {day + 1}",
                starts_at=starts,
                venue=spec["venue"],
            )
            for n, member in enumerate(spec["members"]):
                status = "excused" if (n + day) % 5 == 4 else "present"
                attendance_record(session=session, user=member, status=status, recorded_by=trainer)
        report.add(f"class: {training_class.title}")


def seed_progress(report) -> None:
    """Learning under way in the Lạng Sơn class, so the dashboard and the progress grid have
    something to show: one member has finished the course, the demo trainee is two lessons in,
    another has opened the first lesson. Written through the services, as a trainee's clicks
    would be; runs once (the finished enrolment marks it as done)."""
    from courses import selectors
    from courses.models import Enrolment
    from courses.services import lesson_open, lesson_progress_record

    training_class = TrainingClass.objects.filter(slug="ls-bao-cao-vien-2026").first()
    if (
        training_class is None
        or Enrolment.objects.filter(
            training_class=training_class, completed_at__isnull=False
        ).exists()
    ):
        return
    course = training_class.courses.order_by("path").first()
    lessons = [item["lesson"] for item in selectors.course_outline(course)]
    plan = {"ls.hoa": len(lessons), "hocvien": 2, "ls.mai": 0}  # lessons done, in order
    members = get_user_model().objects.filter(
        class_memberships__training_class=training_class, username__in=plan
    )
    for member in members:
        done = lessons[: plan[member.username]]
        for lesson in done:
            pass_quizzes(user=member, lesson=LessonPage.objects.get(pk=lesson.pk))
            lesson_progress_record(user=member, lesson_id=lesson.pk, event="done")
        if not done and lessons:
            first = LessonPage.objects.get(pk=lessons[0].pk)
            lesson_open(user=member, lesson=first, course=course)
    date_progress(training_class, course, members)
    report.add(f"progress: {course.title}")


def date_progress(training_class, course, members) -> None:
    """The learning above happened on the class's second day (see REGISTERED_AT)."""
    from assessments.models import Attempt

    day = training_class.starts_on + datetime.timedelta(days=1)
    studied = demo_time(day.year, day.month, day.day, 14)
    finished = demo_time(day.year, day.month, day.day, 16)
    progress = LessonProgress.objects.filter(user__in=members, course=course)
    redate(progress, studied, "first_opened_at", "last_opened_at", "read_at", "marked_done_at")
    redate(progress, studied, "completed_at")
    attempts = Attempt.objects.filter(user__in=members)
    redate(attempts, studied, "started_at", "deadline_at", "submitted_at")
    enrolments = Enrolment.objects.filter(user__in=members, course=course)
    redate(enrolments, finished, "completed_at")


def pass_quizzes(*, user, lesson) -> None:
    """Answer every required quiz of a lesson correctly, through the quiz services (the demo's
    finished trainee, and tests that finish a demo course)."""
    from assessments import services
    from assessments.models import AttemptQuestion, Question

    for requirement in lesson.required_activities():
        if requirement.kind != "quiz":
            continue
        quiz = next(
            child.value["quiz"]
            for child in lesson.body
            if child.block_type == "quiz" and f"quiz:{child.value['quiz'].pk}" == requirement.key
        )
        attempt = services.attempt_start(user=user, quiz=quiz, lesson=lesson)
        answers = {}
        for paper in AttemptQuestion.objects.filter(attempt=attempt).select_related("question"):
            question = paper.question
            right = [c for c in question.choices.all() if c.weight > 0]
            if question.kind == Question.Kind.SHORT:
                answers[question.pk] = {"text": right[0].text}
            elif question.kind != Question.Kind.ESSAY:
                answers[question.pk] = {"choices": [c.pk for c in right]}
        services.attempt_submit(user=user, attempt_id=attempt.pk, answers=answers)
