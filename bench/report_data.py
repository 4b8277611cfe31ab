"""Synthetic training records at national scale, written by PostgreSQL itself.

Used by bench/reports_scale.py. For N trainees it writes, with INSERT ... SELECT over
generate_series (no rows cross the Python boundary):

    N users + profiles     across the 34 current provinces and their 3,321 communes; every tenth
                           person is recorded under a former (pre-2025) province, as old records are
    10 N enrolments        in 20 courses, 60 % completed, 1 in 10 through a training class
    2.5 N certificates     for completed enrolments, 3 % revoked
    N / 10 classes         online, in person or blended, each in a province or commune, with two
                           sessions, about 20 members and an attendance row per member and session
    2 N quiz attempts      graded, about 30 % below the pass mark

Dates run from 1/1/2025 to mid-November 2026, so an annual report for 2026 covers about half.
The arithmetic on the row number stands in for randomness: the same N always gives the same data.
"""

from dataclasses import dataclass

COURSES = 20
QUIZZES = 4
FIRST_DAY = "2025-01-01"
DAYS = 680  # to mid-November 2026


@dataclass(frozen=True)
class Reference:
    """Ids of the rows the bulk data points at, made once through the ORM."""

    course_ids: list[int]
    quiz_ids: list[int]
    audience_ids: list[int]


def reference_data() -> Reference:
    """The demo (audiences, catalogue), 20 published courses, 4 quizzes and one Sở Tư pháp per
    province. Idempotent: a second call finds them."""
    from assessments.models import Quiz
    from courses.models import CourseIndexPage, CoursePage
    from lms.demo.seed import seed_demo
    from people.models import AdministrativeUnit, Agency, AudienceGroup

    seed_demo()
    catalogue = CourseIndexPage.objects.get()
    courses = []
    for n in range(1, COURSES + 1):
        course = CoursePage.objects.filter(slug=f"bench-khoa-{n}").first()
        if course is None:
            course = CoursePage(title=f"Khoá đo {n}", slug=f"bench-khoa-{n}", summary="Đo.")
            catalogue.add_child(instance=course)
            course.save_revision().publish()
        courses.append(course.pk)
    quizzes = [
        Quiz.objects.get_or_create(title=f"Bài kiểm tra đo {n}")[0].pk
        for n in range(1, QUIZZES + 1)
    ]
    for province in AdministrativeUnit.objects.filter(level="province", is_current=True):
        Agency.objects.get_or_create(
            name=f"Sở Tư pháp {province.name}",
            province=province,
            defaults={"kind": Agency.Kind.JUSTICE},
        )
    audiences = list(AudienceGroup.objects.order_by("pk").values_list("pk", flat=True))
    return Reference(course_ids=courses, quiz_ids=quizzes, audience_ids=audiences)


def _statements() -> list[tuple[str, str]]:
    """(label, SQL) in order. %(name)s parameters are filled by the cursor."""
    return [
        (
            "places",
            """
            CREATE TEMP TABLE bench_place ON COMMIT DROP AS
            SELECT (row_number() OVER (ORDER BY c.id) - 1)::int AS idx,
                   c.id AS commune_id, c.parent_id AS province_id,
                   (SELECT min(o.id) FROM people_administrativeunit o
                     WHERE o.level = 'province' AND NOT o.is_current
                       AND o.successor_id = c.parent_id) AS old_province_id,
                   (SELECT min(a.id) FROM people_agency a
                     WHERE a.province_id = c.parent_id) AS agency_id
            FROM people_administrativeunit c
            WHERE c.level = 'commune' AND c.is_current;
            CREATE UNIQUE INDEX ON bench_place (idx);
            """,
        ),
        (
            "users",
            """
            INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,
                                   email, is_staff, is_active, date_joined)
            SELECT '!', false, 'b-' || g, 'Học viên ' || g, '', 'b' || g || '@bench.vn',
                   false, true, %(first)s::timestamptz + (g %% %(days)s) * interval '1 day'
            FROM generate_series(1, %(n)s) g;
            CREATE TEMP TABLE bench_trainee ON COMMIT DROP AS
            SELECT substr(username, 3)::int AS n, id AS user_id FROM auth_user
            WHERE username LIKE 'b-%%';
            CREATE UNIQUE INDEX ON bench_trainee (n);
            ANALYZE bench_trainee;
            """,
        ),
        (
            "profiles",
            """
            INSERT INTO people_profile (full_name, position, phone, national_id, sex, birth_year,
                ethnicity, created_at, updated_at, audience_id, agency_id, province_id,
                commune_id, user_id)
            SELECT 'Học viên ' || t.n, '', '', '',
                   CASE WHEN t.n %% 10 = 9 THEN '' WHEN t.n %% 2 = 0 THEN 'female' ELSE 'male' END,
                   1960 + t.n %% 40, '', now(), now(),
                   (%(audiences)s::bigint[])[1 + t.n %% %(audience_count)s],
                   p.agency_id,
                   CASE WHEN t.n %% 10 = 0 AND p.old_province_id IS NOT NULL
                        THEN p.old_province_id ELSE p.province_id END,
                   CASE WHEN t.n %% 10 = 0 AND p.old_province_id IS NOT NULL
                        THEN NULL ELSE p.commune_id END,
                   t.user_id
            FROM bench_trainee t
            JOIN bench_place p ON p.idx = (t.n::bigint * 7919) %% (SELECT count(*) FROM bench_place);
            """,
        ),
        (
            "classes",
            """
            INSERT INTO people_trainingclass (slug, title, mode, starts_on, ends_on, venue,
                created_at, locality_id, organiser_id)
            SELECT 'bench-lop-' || c, 'Lớp bồi dưỡng ' || c,
                   (ARRAY['in_person', 'online', 'blended'])[1 + c %% 3],
                   %(first)s::date + (c * 37) %% %(days)s,
                   %(first)s::date + (c * 37) %% %(days)s + 2, '', now(),
                   CASE WHEN c %% 2 = 0 THEN p.commune_id ELSE p.province_id END, p.agency_id
            FROM generate_series(1, %(classes)s) c
            JOIN bench_place p ON p.idx = (c::bigint * 131) %% (SELECT count(*) FROM bench_place);
            CREATE TEMP TABLE bench_class ON COMMIT DROP AS
            SELECT substr(slug, 11)::int AS c, id AS class_id, starts_on FROM people_trainingclass
            WHERE slug LIKE 'bench-lop-%%';
            CREATE UNIQUE INDEX ON bench_class (c);
            ANALYZE bench_class;
            """,
        ),
        (
            "memberships",
            """
            INSERT INTO people_classmembership (added_at, user_id, training_class_id)
            SELECT DISTINCT ON (t.user_id, k.class_id) k.starts_on::timestamptz, t.user_id, k.class_id
            FROM bench_trainee t
            CROSS JOIN LATERAL (VALUES (1 + t.n %% %(classes)s),
                                       (1 + (t.n * 7 + 3) %% %(classes)s)) AS m(c)
            JOIN bench_class k ON k.c = m.c;
            """,
        ),
        (
            "sessions",
            """
            INSERT INTO people_classsession (title, starts_at, venue, training_class_id)
            SELECT 'Buổi ' || s, (k.starts_on + (s - 1))::timestamp + interval '8 hours', '',
                   k.class_id
            FROM bench_class k CROSS JOIN generate_series(1, 2) s;
            """,
        ),
        (
            "attendances",
            """
            INSERT INTO people_attendance (status, recorded_at, user_id, session_id)
            SELECT CASE WHEN (m.user_id + s.id) %% 7 = 0 THEN 'absent' ELSE 'present' END,
                   s.starts_at, m.user_id, s.id
            FROM people_classmembership m
            JOIN people_classsession s ON s.training_class_id = m.training_class_id
            JOIN bench_class k ON k.class_id = m.training_class_id;
            """,
        ),
        (
            "enrolments",
            """
            INSERT INTO courses_enrolment (source, enrolled_at, unenrolled_at, completed_at,
                course_id, training_class_id, user_id, score)
            SELECT CASE WHEN k = 0 THEN 'class' ELSE 'self' END,
                   e.at,
                   CASE WHEN k = 9 AND t.n %% 5 = 0 THEN e.at + interval '20 days' END,
                   CASE WHEN (t.n + k * 7) %% 10 < 6 AND NOT (k = 9 AND t.n %% 5 = 0)
                        THEN e.at + ((t.n + k) %% 30) * interval '1 day' END,
                   (%(courses)s::int[])[1 + (t.n + k) %% %(course_count)s],
                   CASE WHEN k = 0 THEN c.class_id END,
                   t.user_id,
                   CASE WHEN (t.n + k * 7) %% 10 < 6 THEN 50 + (t.n * (k + 1)) %% 51 END
            FROM bench_trainee t
            CROSS JOIN generate_series(0, 9) k
            JOIN bench_class c ON c.c = 1 + t.n %% %(classes)s
            CROSS JOIN LATERAL (SELECT %(first)s::timestamptz
                + ((t.n * 13 + k * 29) %% %(days)s) * interval '1 day'
                + (t.n %% 600) * interval '1 minute' AS at) e;
            """,
        ),
        (
            "certificates",
            """
            INSERT INTO certificates_certificate (code, issuing_agency_id, serial_suffix,
                serial_year, serial_number, issued_at, status, revoked_at, revoked_reason,
                snapshot, pdf, course_id, enrolment_id, training_class_id, user_id)
            SELECT md5('bench' || e.id), (SELECT min(id) FROM people_agency), 'GCN-DO', 2026,
                   row_number() OVER (ORDER BY e.id),
                   e.completed_at + interval '1 day',
                   CASE WHEN e.id %% 33 = 0 THEN 'revoked' ELSE 'valid' END,
                   CASE WHEN e.id %% 33 = 0 THEN e.completed_at + interval '30 days' END,
                   '', '{}'::jsonb, '', e.course_id, e.id, e.training_class_id, e.user_id
            FROM (SELECT * FROM courses_enrolment
                  WHERE completed_at IS NOT NULL AND user_id IN (SELECT user_id FROM bench_trainee)
                  ORDER BY id LIMIT %(certificates)s) e;
            """,
        ),
        (
            "quiz attempts",
            """
            INSERT INTO assessments_attempt (number, state, started_at, submitted_at, score,
                max_score, percent, passed, user_id, quiz_id)
            SELECT 1, 'graded', a.at, a.at + interval '20 minutes', a.pct / 10.0, 10, a.pct,
                   a.pct >= 70, t.user_id, (%(quizzes)s::bigint[])[1 + (t.n + q) %% %(quiz_count)s]
            FROM bench_trainee t CROSS JOIN generate_series(0, 1) q
            CROSS JOIN LATERAL (SELECT (40 + (t.n * 37 + q * 11) %% 61)::numeric AS pct,
                %(first)s::timestamptz + ((t.n * 17 + q * 5) %% %(days)s) * interval '1 day'
                AS at) a;
            """,
        ),
    ]


def generate(trainees: int, ref: Reference, progress=print) -> dict[str, int]:
    """Write the bulk data for `trainees` people in one transaction; return row counts."""
    import time

    from django.db import connection, transaction

    params = {
        "n": trainees,
        "classes": max(trainees // 10, 1),
        "certificates": trainees * 5 // 2,
        "first": FIRST_DAY,
        "days": DAYS,
        "courses": ref.course_ids,
        "course_count": len(ref.course_ids),
        "quizzes": ref.quiz_ids,
        "quiz_count": len(ref.quiz_ids),
        "audiences": ref.audience_ids,
        "audience_count": len(ref.audience_ids),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET LOCAL work_mem = '256MB'")
        for label, sql in _statements():
            start = time.perf_counter()
            cursor.execute(sql, params)
            progress(f"  {label:<14} {time.perf_counter() - start:6.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return row_counts()


def row_counts() -> dict[str, int]:
    from django.db import connection

    tables = {
        "trainees (profiles)": "people_profile",
        "  under pre-2025 provinces": (
            "people_profile p JOIN people_administrativeunit u ON u.id = p.province_id"
            " WHERE NOT u.is_current"
        ),
        "enrolments": "courses_enrolment",
        "certificates": "certificates_certificate",
        "classes": "people_trainingclass",
        "sessions": "people_classsession",
        "attendances": "people_attendance",
        "quiz attempts": "assessments_attempt",
    }
    counts = {}
    with connection.cursor() as cursor:
        for label, table in tables.items():
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed names above
            counts[label] = cursor.fetchone()[0]
    return counts
