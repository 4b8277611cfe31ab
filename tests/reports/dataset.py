"""A small training dataset built by hand, and the report it must give, computed independently.

The records are plain data first (SPEC below); `build()` writes them to the database and
`expected()` computes every figure from the plain data with nothing but Python, following the
definitions in reports/figures.py's docstring. The year is 2025 so the demo's 2026 records stay
out; the cut-off is 30/11/2025, and some records fall in December on purpose.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
START, END, CUTOFF = date(2025, 1, 1), date(2025, 12, 31), date(2025, 11, 30)
STOP = datetime(2025, 12, 1, tzinfo=ZONE)  # local midnight after the cut-off
BEGIN = datetime(2025, 1, 1, tzinfo=ZONE)


def at(y, m, d, hh=9, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=ZONE)


# People: name -> (audience slug, province ("LS", "LD", "DN" = former Đắk Nông), commune
# ("A", "B" in Lạng Sơn, "C" in Lâm Đồng, None), sex, registered on).
PEOPLE = {
    "p1": ("bao-cao-vien", "LS", "A", "female", date(2025, 2, 1)),
    "p2": ("tuyen-truyen-vien-xa", "LS", "A", "male", date(2025, 2, 1)),
    "p3": ("bao-cao-vien", "LS", "B", "", date(2025, 2, 1)),
    "p4": ("bao-chi", "DN", None, "female", date(2024, 5, 1)),
    "p5": (None, "LD", "C", "male", date(2025, 3, 1)),
    "p6": ("tuyen-truyen-vien-xa", "LD", "C", "female", date(2025, 3, 1)),
    "p7": ("bao-cao-vien", "LS", None, "male", date(2025, 3, 1)),
    "p9": ("phap-che", "LD", None, "female", date(2025, 12, 15)),  # registered after cut-off
    "p10": ("bao-chi", "DN", None, "male", date(2025, 1, 10)),  # registered, nothing else
    "u8": None,  # a user without a profile
}
# Classes: slug -> (mode, locality ("A", "LS", "DN", "LD"), courses, starts_on, sessions).
CLASSES = {
    "c1": ("in_person", "A", ["X"], date(2025, 3, 10), [at(2025, 3, 10), at(2025, 3, 11), at(2025, 12, 5)]),
    "c2": ("blended", "DN", ["X", "Y"], date(2025, 6, 15), [at(2025, 6, 15)]),
    "c3": ("online", "LD", ["Y"], date(2025, 9, 1), []),
    "c4": ("in_person", "LS", ["X"], date(2024, 12, 20), [at(2024, 12, 20)]),
    "c5": ("online", "LS", [], date(2025, 12, 10), []),
}  # fmt: skip
# Attendance: (class, session index, person, status).
ATTENDANCE = [
    ("c1", 0, "p1", "present"),
    ("c1", 0, "p2", "present"),
    ("c1", 0, "p3", "excused"),
    ("c1", 1, "p1", "present"),
    ("c1", 1, "p3", "present"),
    ("c1", 1, "p5", "present"),  # from Lâm Đồng, at a Lạng Sơn class
    ("c1", 2, "p2", "present"),  # after the cut-off
    ("c2", 0, "p4", "present"),
    ("c2", 0, "p6", "present"),
    ("c2", 0, "p5", "absent"),
    ("c4", 0, "p1", "present"),  # before the period
]
# Enrolments: name -> (person, course, class, enrolled_at, completed_at).
ENROLMENTS = {
    "e1": ("p1", "X", "c1", at(2025, 3, 1), at(2025, 4, 1)),
    "e2": ("p2", "X", "c1", at(2025, 3, 1), None),
    "e3": ("p3", "X", "c1", at(2024, 12, 1), at(2025, 2, 1)),
    "e4": ("p4", "Y", "c2", at(2025, 6, 1), at(2025, 12, 5)),
    "e5": ("p5", "Y", "c3", at(2025, 9, 2), at(2025, 10, 1)),
    "e6": ("p6", "X", None, at(2025, 5, 5), at(2025, 5, 20)),
    "e7": ("p7", "Y", None, at(2025, 7, 7), None),
    "e8": ("u8", "X", None, at(2025, 8, 8), at(2025, 8, 9)),
    "e9": ("p1", "Y", None, at(2025, 11, 30, 23, 30), None),
    "e10": ("p2", "Y", None, at(2025, 12, 1, 0, 10), None),
}
# Quiz attempts: (person, course, number, state, submitted_at, percent, passed).
ATTEMPTS = [
    ("p1", "X", 1, "graded", at(2025, 4, 1), 80, True),
    ("p1", "X", 2, "graded", at(2025, 4, 2), 60, False),
    ("p2", "Y", 1, "graded", at(2025, 5, 1), 90, True),
    ("p4", "Y", 1, "graded", at(2025, 12, 3), 100, True),  # after the cut-off
    ("p5", "Y", 1, "in_progress", None, None, None),
    ("p6", "X", 1, "needs_marking", at(2025, 5, 21), None, None),
]
# Certificates: (enrolment, issued_at, status, revoked_at).
CERTIFICATES = [
    ("e1", at(2025, 4, 2), "valid", None),
    ("e3", at(2025, 2, 2), "revoked", at(2025, 3, 1)),
    ("e3", at(2025, 3, 2), "valid", None),
    ("e5", at(2025, 10, 2), "revoked", at(2025, 12, 10)),  # revoked after the cut-off
    ("e6", at(2024, 6, 1), "valid", None),  # before the period
    ("e8", at(2025, 8, 10), "valid", None),
]


@dataclass
class World:
    users: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)  # "LS", "LD", "DN", "A", "B", "C" -> unit
    audiences: dict = field(default_factory=dict)  # slug -> AudienceGroup
    courses: dict = field(default_factory=dict)  # "X", "Y" -> CoursePage
    lessons: dict = field(default_factory=dict)  # "X", "Y" -> LessonPage
    classes: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)  # (class, index) -> ClassSession
    enrolments: dict = field(default_factory=dict)


def build() -> World:
    """Write SPEC to the database (the demo must be there: audiences, units, catalogue)."""
    from assessments.models import Attempt, Quiz
    from certificates.models import Certificate
    from courses.models import CoursePage, LessonPage
    from courses.records import Enrolment
    from people.models import (
        AdministrativeUnit,
        Agency,
        Attendance,
        AudienceGroup,
        ClassSession,
        Profile,
        TrainingClass,
    )
    from tests.factories import UserFactory

    w = World()
    unit = AdministrativeUnit.objects
    w.units["LS"] = unit.get(level="province", code="20", is_current=True)
    w.units["LD"] = unit.get(level="province", code="68", is_current=True)
    w.units["DN"] = unit.get(level="province", is_current=False, name__contains="Đắk Nông")
    assert w.units["DN"].current() == w.units["LD"]
    ls_communes = list(unit.filter(level="commune", is_current=True, parent=w.units["LS"])[:2])
    w.units["A"], w.units["B"] = ls_communes
    w.units["C"] = unit.filter(level="commune", is_current=True, parent=w.units["LD"]).first()
    w.audiences = {a.slug: a for a in AudienceGroup.objects.all()}

    for name, spec in PEOPLE.items():
        user = UserFactory(username=f"rep-{name}")
        w.users[name] = user
        if spec is None:
            continue
        audience, province, commune, sex, registered = spec
        profile = Profile.objects.create(
            user=user,
            full_name=f"Người {name}",
            audience=w.audiences[audience] if audience else None,
            province=w.units[province],
            commune=w.units[commune] if commune else None,
            sex=sex,
        )
        Profile.objects.filter(pk=profile.pk).update(
            created_at=datetime.combine(registered, time(10), tzinfo=ZONE)
        )

    # Two of the demo's courses, each with one of its lessons (the demo's own records are 2026).
    for key, course in zip(("X", "Y"), CoursePage.objects.order_by("path")[:2], strict=True):
        w.courses[key] = course
        w.lessons[key] = LessonPage.objects.descendant_of(course).order_by("path").first()

    agency = Agency.objects.create(name="Sở Tư pháp (thống kê)", province=w.units["LS"])
    for slug, (mode, locality, courses, starts_on, sessions) in CLASSES.items():
        training_class = TrainingClass.objects.create(
            slug=f"rep-{slug}",
            title=f"Lớp {slug}",
            organiser=agency,
            mode=mode,
            starts_on=starts_on,
            ends_on=starts_on,
            locality=w.units[locality],
        )
        training_class.courses.set([w.courses[c] for c in courses])
        w.classes[slug] = training_class
        for index, starts_at in enumerate(sessions):
            w.sessions[(slug, index)] = ClassSession.objects.create(
                training_class=training_class, starts_at=starts_at
            )
    for slug, index, person, status in ATTENDANCE:
        Attendance.objects.create(
            session=w.sessions[(slug, index)], user=w.users[person], status=status
        )
    for name, (person, course, klass, enrolled_at, completed_at) in ENROLMENTS.items():
        enrolment = Enrolment.objects.create(
            user=w.users[person],
            course=w.courses[course],
            training_class=w.classes[klass] if klass else None,
            completed_at=completed_at,
        )
        Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolled_at)
        w.enrolments[name] = enrolment
    quiz = Quiz.objects.create(title="Kiểm tra thống kê")
    for person, course, number, state, submitted_at, percent, passed in ATTEMPTS:
        Attempt.objects.create(
            quiz=quiz,
            user=w.users[person],
            lesson=w.lessons[course],
            number=number,
            state=state,
            submitted_at=submitted_at,
            percent=percent,
            passed=passed,
        )
    for number, (enrolment, issued_at, status, revoked_at) in enumerate(CERTIFICATES, 1):
        e = w.enrolments[enrolment]
        Certificate.objects.create(
            enrolment=e,
            user=e.user,
            course=e.course,
            training_class=e.training_class,
            issuing_agency=agency,
            serial_suffix="GCN-TK",
            serial_year=2025,
            serial_number=number,
            issued_at=issued_at,
            status=status,
            revoked_at=revoked_at,
        )
    return w


# ---------------------------------------------------------------- the expected report


def in_period(moment) -> bool:
    return moment is not None and BEGIN <= moment < STOP


def month(moment) -> str:
    return moment.astimezone(ZONE).strftime("%Y-%m")


# Where each place named in SPEC lies: (province, commune or None).
PLACES = {
    "LS": ("LS", None),
    "LD": ("LD", None),
    "DN": ("LD", None),
    "A": ("LS", "A"),
    "B": ("LS", "B"),
    "C": ("LD", "C"),
}


def expected(w: World, province: str | None = None, commune: str | None = None) -> dict:
    """{table: {row key: {metric: value}}} for the national report, for one province ("LS" or
    "LD") or one commune ("A", "B", "C"). Keys are the report's: audience slug, province code,
    commune code, course id, class slug, mode, sex, (province, audience), month and the
    attendee's province ("origin"); None for "not recorded".

    A province (commune) counts the classes held there and the attendances at them, whoever
    attended; every other figure counts the people recorded there, wherever they trained."""
    code = {name: w.units[name].code for name in w.units}
    province_of = {"LS": code["LS"], "LD": code["LD"], "DN": code["LD"]}

    def person(name):
        spec = PEOPLE[name]
        if spec is None:
            return {"audience": None, "province": None, "commune": None, "sex": None}
        audience, prov, commune, sex, _registered = spec
        return {
            "audience": audience,
            "province": province_of[prov],
            "commune": code[commune] if commune else None,
            "sex": sex or None,
        }

    def in_scope(name):
        if commune is not None:
            return person(name)["commune"] == code[commune]
        return province is None or person(name)["province"] == code[province]

    def held_in_scope(locality):
        if commune is not None:
            return locality == commune
        return province is None or PLACES[locality][0] == province

    def held_at(locality):
        """(province code, commune code) where a class was held."""
        prov, com = PLACES[locality]
        return code[prov], (code[com] if com else None)

    def single_course(klass):
        courses = CLASSES[klass][2]
        return w.courses[courses[0]].pk if len(courses) == 1 else None

    def mode(klass):
        return CLASSES[klass][0] if klass else None

    tables = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    people = defaultdict(lambda: defaultdict(set))

    def add(name, dims, **values):
        """Record figures of one person's record under every person table and `dims`."""
        p = person(name)
        keys = {
            "audience": p["audience"],
            "province": p["province"],
            "commune": p["commune"],
            "sex": p["sex"],
            "province_audience": (p["province"], p["audience"]),
            "total": None,
            **dims,
        }
        for table, key in keys.items():
            for metric, value in values.items():
                if metric == "person":
                    people[table][key].add(name)
                else:
                    tables[table][key][metric] += value

    # Participations: attendances where the class was held, people where they are recorded.
    for klass, index, name, status in ATTENDANCE:
        starts_at = CLASSES[klass][4][index]
        if status != "present" or not in_period(starts_at):
            continue
        dims = {
            "class": f"rep-{klass}",
            "course": single_course(klass),
            "mode": mode(klass),
            "monthly": month(starts_at),
        }
        locality = CLASSES[klass][1]
        if held_in_scope(locality):
            attendee = person(name)
            prov, com = held_at(locality)
            for table, key in {
                "audience": attendee["audience"],
                "sex": attendee["sex"],
                "province": prov,
                "commune": com,
                "province_audience": (prov, attendee["audience"]),
                "origin": attendee["province"],
                "total": None,
                **dims,
            }.items():
                tables[table][key]["attendances"] += 1
        if in_scope(name):
            add(name, dims, person=1)
    for klass_course in ENROLMENTS.values():
        who, course, klass, enrolled_at, completed_at = klass_course
        if not in_scope(who):
            continue
        base = {
            "class": f"rep-{klass}" if klass else None,
            "course": w.courses[course].pk,
            "mode": mode(klass),
        }
        if in_period(completed_at):
            add(who, {**base, "monthly": month(completed_at)}, completions=1, person=1)
        if in_period(enrolled_at):
            add(
                who,
                {**base, "monthly": month(enrolled_at)},
                enrolments=1,
                enrolments_completed=int(completed_at is not None and completed_at < STOP),
            )
    # Quiz attempts.
    enrolment_class = {(e[0], e[1]): e[2] for e in ENROLMENTS.values()}
    for who, course, _number, state, submitted_at, percent, passed in ATTEMPTS:
        if state != "graded" or not in_period(submitted_at) or not in_scope(who):
            continue
        klass = enrolment_class.get((who, course))
        dims = {
            "class": f"rep-{klass}" if klass else None,
            "course": w.courses[course].pk,
            "mode": mode(klass),
            "monthly": month(submitted_at),
        }
        add(who, dims, quiz_graded=1, quiz_passed=int(passed), quiz_score=percent)
    # Certificates.
    for enrolment, issued_at, status, revoked_at in CERTIFICATES:
        who, course, klass, _e, _c = ENROLMENTS[enrolment]
        if not in_period(issued_at) or not in_scope(who):
            continue
        revoked = status == "revoked" and revoked_at < STOP
        dims = {
            "class": f"rep-{klass}" if klass else None,
            "course": w.courses[course].pk,
            "mode": mode(klass),
            "monthly": month(issued_at),
        }
        add(who, dims, certificates_valid=int(not revoked), certificates_revoked=int(revoked))
    # Registered people.
    for name, spec in PEOPLE.items():
        if spec is not None and spec[4] <= CUTOFF and in_scope(name):
            add(name, {}, registered=1)
    # Classes held.
    for klass, (klass_mode, locality, _courses, starts_on, sessions) in CLASSES.items():
        sessions_held = [s for s in sessions if in_period(s)]
        if sessions and not sessions_held:
            continue
        if not sessions and not (START <= starts_on <= CUTOFF):
            continue
        if not held_in_scope(locality):
            continue
        first = month(min(sessions_held)) if sessions_held else starts_on.strftime("%Y-%m")
        prov, com = held_at(locality)
        for table, key in {
            "total": None,
            "province": prov,
            "commune": com,
            "class": f"rep-{klass}",
            "course": single_course(klass),
            "mode": klass_mode,
            "monthly": first,
        }.items():
            tables[table][key]["classes"] += 1

    result = {}
    for table in set(tables) | set(people):
        rows = {}
        for key in set(tables[table]) | set(people[table]):
            sums = tables[table][key]
            row = {
                "classes": sums["classes"],
                "attendances": sums["attendances"],
                "people_trained": len(people[table][key]),
                "enrolments": sums["enrolments"],
                "completions": sums["completions"],
                "completion_rate": round(100 * sums["enrolments_completed"] / sums["enrolments"], 1)
                if sums["enrolments"]
                else None,
                "quiz_pass_rate": round(100 * sums["quiz_passed"] / sums["quiz_graded"], 1)
                if sums["quiz_graded"]
                else None,
                "quiz_mean_score": round(sums["quiz_score"] / sums["quiz_graded"], 1)
                if sums["quiz_graded"]
                else None,
                "certificates_valid": sums["certificates_valid"],
                "certificates_revoked": sums["certificates_revoked"],
                "registered": sums["registered"],
                "enrolments_completed": sums["enrolments_completed"],
                "quiz_graded": sums["quiz_graded"],
            }
            if table in ("audience", "sex", "province_audience"):
                row["classes"] = None
            if table in ("course", "class", "mode", "monthly"):
                row["registered"] = None
            if table == "origin":
                row = {m: (v if m == "attendances" else None) for m, v in row.items()}
            rows[key] = row
        result[table] = rows
    return result


def zero_row(table: str) -> dict:
    row = dict.fromkeys(
        [
            "classes",
            "attendances",
            "people_trained",
            "enrolments",
            "completions",
            "certificates_valid",
            "certificates_revoked",
            "registered",
            "enrolments_completed",
            "quiz_graded",
        ],
        0,
    )
    row.update(completion_rate=None, quiz_pass_rate=None, quiz_mean_score=None)
    if table in ("audience", "sex", "province_audience"):
        row["classes"] = None
    if table in ("course", "class", "mode", "monthly"):
        row["registered"] = None
    if table == "origin":
        row = {m: (v if m == "attendances" else None) for m, v in row.items()}
    return row


def user_model():
    return get_user_model()
