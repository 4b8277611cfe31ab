"""The pre-aggregated figures (reports.summary, PostgreSQL): the report read from them equals the
report read from every record, whatever the period, and stays so through every kind of change
to the records, including changes made behind the ORM's back and two transactions at once."""

import threading
import time
from datetime import date, datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from reports import summary
from reports.figures import ReportQuery, compute, summary_plan
from reports.models import MonthlyFigure

from .dataset import CUTOFF, END, START, ZONE, at, build

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

# Periods that split differently: whole months only, partial months at either end, across a
# new year, one whole month, and a few days inside one month (no whole month: records only).
PERIODS = [
    (START, END, CUTOFF),
    (date(2025, 3, 11), date(2025, 10, 20), None),
    (date(2024, 12, 15), date(2025, 2, 10), None),
    (date(2025, 3, 1), date(2025, 3, 31), None),
    (date(2025, 4, 1), date(2025, 12, 4), None),
    (date(2025, 3, 5), date(2025, 3, 20), None),
    (date(2024, 1, 1), date(2025, 12, 31), None),
]


@pytest.fixture
def world(db):
    return build()


def both_ways(period, **scope) -> tuple[dict, dict]:
    start, end, cutoff = period
    query = ReportQuery(start=start, end=end, cutoff=cutoff, **scope)
    return compute(query, summary=True), compute(query, summary=False)


def differences(a: dict, b: dict) -> list[str]:
    """The cells where two reports differ, readably."""
    found = []
    tables = {"totals": ([a["totals"]], [b["totals"]])}
    tables["province_audience"] = (a["province_audience"], b["province_audience"])
    tables["monthly"] = (a["monthly"], b["monthly"])
    for name in a["breakdowns"]:
        tables[name] = (a["breakdowns"][name], b["breakdowns"][name])
    for name, (rows_a, rows_b) in tables.items():
        if len(rows_a) != len(rows_b):
            found.append(f"{name}: {len(rows_a)} rows vs {len(rows_b)}")
            continue
        for row_a, row_b in zip(rows_a, rows_b, strict=True):
            for key in row_a:
                if row_a[key] != row_b.get(key):
                    label = row_a.get("key", row_a.get("province", row_a.get("month")))
                    found.append(f"{name} {label} {key}: {row_a[key]} vs {row_b.get(key)}")
    return found


def assert_exact(world, periods=PERIODS):
    assert summary.check() == []
    for period in periods:
        for scope in ({}, {"province_code": world.units["LS"].code}):
            from_summary, from_records = both_ways(period, **scope)
            assert differences(from_summary, from_records) == [], (period, scope)
            assert from_summary == from_records


def test_the_summary_is_there_and_switched_on():
    assert summary.available()


def test_the_report_from_the_summary_equals_the_report_from_the_records(world):
    assert_exact(world)


def test_a_period_is_split_into_whole_months_and_partial_ones():
    first, after, edges = summary_plan(date(2025, 3, 11), date(2025, 10, 20))
    assert (first, after) == (date(2025, 4, 1), date(2025, 10, 1))
    assert edges == [
        (datetime(2025, 3, 11, tzinfo=ZONE), datetime(2025, 4, 1, tzinfo=ZONE)),
        (datetime(2025, 10, 1, tzinfo=ZONE), datetime(2025, 10, 21, tzinfo=ZONE)),
    ]
    assert summary_plan(date(2025, 1, 1), date(2025, 12, 31)) == (
        date(2025, 1, 1),
        date(2026, 1, 1),
        [],
    )
    assert summary_plan(date(2025, 3, 5), date(2025, 3, 20)) is None


def test_the_report_reads_the_summary_not_every_record(world):
    """A row slipped into the summary shows in the report: the figures do come from it (and
    check() and rebuild() notice and repair it)."""
    ls = world.units["LS"]
    audience = world.audiences["bao-cao-vien"]
    MonthlyFigure.objects.create(
        month=date(2025, 3, 1), province_id=ls.pk, audience_id=audience.pk, sex="", enrolled=1000
    )
    query = ReportQuery(start=START, end=END, cutoff=CUTOFF, tables=("province_audience",))
    with CaptureQueriesContext(connection) as queries:
        tampered = compute(query)
    assert any("reports_monthlyfigure" in q["sql"] for q in queries.captured_queries)
    # The national province x audience report touches no enrolment outside the corrections.
    honest = compute(query, summary=False)
    assert tampered["totals"]["enrolments"] == honest["totals"]["enrolments"] + 1000
    problems = summary.check()
    assert len(problems) == 1 and "monthly" in problems[0]
    summary.rebuild()
    assert summary.check() == []
    assert compute(query) == honest


def test_compacting_merges_rows_and_changes_no_figure(world):
    before = {p: both_ways(p)[0] for p in PERIODS[:3]}
    rows = MonthlyFigure.objects.count()
    left = summary.compact()
    assert left < rows
    assert left == MonthlyFigure.objects.count()
    assert summary.compact() == left  # twice: nothing more to merge
    assert {p: both_ways(p)[0] for p in PERIODS[:3]} == before
    assert summary.check() == []


def _changes(world):
    """Every kind of change the records see, each as (what, function)."""
    from assessments.models import Attempt
    from certificates.models import Certificate
    from courses.records import Enrolment
    from people.models import Attendance, ClassSession, Profile
    from tests.factories import UserFactory

    u = world.users
    e = world.enrolments
    ld, ls = world.units["LD"], world.units["LS"]
    audiences = world.audiences

    def move_province():
        profile = u["p1"].profile
        profile.province = ld
        profile.save()

    def change_audience_and_sex():
        Profile.objects.filter(user=u["p3"]).update(audience=audiences["bao-chi"], sex="female")

    def give_a_profile():
        Profile.objects.create(user=u["u8"], full_name="Người u8", province=ls, sex="male")

    def delete_a_profile():
        Profile.objects.filter(user=u["p7"]).delete()

    def complete():
        Enrolment.objects.filter(pk=e["e2"].pk).update(completed_at=at(2025, 5, 31, 23, 59))

    def uncomplete():
        Enrolment.objects.filter(pk=e["e6"].pk).update(completed_at=None)

    def move_enrolment():
        enrolment = Enrolment.objects.get(pk=e["e7"].pk)
        enrolment.enrolled_at = at(2025, 1, 2)
        enrolment.save()

    def enrol_many():
        people = [UserFactory(username=f"rep-new-{n}") for n in range(3)]
        for n, person in enumerate(people):
            Profile.objects.create(
                user=person, full_name=f"Mới {n}", province=ld, audience=audiences["phap-che"]
            )
        Enrolment.objects.bulk_create(
            Enrolment(user=p, course=world.courses["X"], completed_at=at(2025, 9, n + 1))
            for n, p in enumerate(people)
        )
        Enrolment.objects.filter(user__in=people).update(enrolled_at=at(2025, 8, 20))

    def revoke():
        certificate = Certificate.objects.get(enrolment=e["e1"])
        certificate.status = "revoked"
        certificate.revoked_at = at(2025, 12, 20)  # after the cut-off: valid at the end
        certificate.save()

    def unrevoke_and_delete():
        Certificate.objects.filter(enrolment=e["e5"]).update(status="valid", revoked_at=None)
        Certificate.objects.filter(enrolment=e["e8"]).delete()

    def regrade():
        Attempt.objects.filter(user=u["p1"], number=2).update(percent=75, passed=True)
        Attempt.objects.filter(user=u["p6"]).update(state="graded", percent=55, passed=False)

    def attendance():
        Attendance.objects.filter(user=u["p2"], session=world.sessions[("c1", 0)]).update(
            status="absent"
        )
        Attendance.objects.create(user=u["p7"], session=world.sessions[("c2", 0)], status="present")
        Attendance.objects.filter(user=u["p6"]).delete()

    def reschedule():
        ClassSession.objects.filter(pk=world.sessions[("c1", 1)].pk).update(
            starts_at=at(2025, 7, 15)
        )

    def delete_session():
        ClassSession.objects.filter(pk=world.sessions[("c1", 2)].pk).delete()

    def delete_person():
        # Records that are kept (enrolments, certificates) protect a person from deletion;
        # attendance and the profile go with them.
        person = UserFactory(username="rep-gone")
        Profile.objects.create(user=person, full_name="Người đi", province=ld, sex="female")
        Attendance.objects.create(user=person, session=world.sessions[("c2", 0)], status="present")
        assert summary.check() == []
        person.delete()
        u["p10"].delete()

    return [
        ("move province", move_province),
        ("change audience and sex", change_audience_and_sex),
        ("give a profile", give_a_profile),
        ("delete a profile", delete_a_profile),
        ("complete", complete),
        ("uncomplete", uncomplete),
        ("move an enrolment", move_enrolment),
        ("enrol many at once", enrol_many),
        ("revoke", revoke),
        ("unrevoke and delete", unrevoke_and_delete),
        ("regrade", regrade),
        ("attendance", attendance),
        ("reschedule", reschedule),
        ("delete a session", delete_session),
        ("delete a person", delete_person),
    ]


def test_every_kind_of_change_keeps_the_summary_exact(world):
    baseline = both_ways(PERIODS[0])[1]
    for what, change in _changes(world):
        change()
        assert summary.check() == [], what
    # The changes did change the figures, and the two ways still agree on them.
    assert both_ways(PERIODS[0])[1] != baseline
    assert_exact(world)


@pytest.mark.django_db(transaction=True)
def test_a_move_and_a_record_at_the_same_moment_both_count(demo):
    """Transaction A moves a person to another province and, before it commits, transaction B
    records an enrolment of that person. B must wait for A (the per-person lock) and place the
    enrolment in the new province; without the lock it would be left in the old one."""
    from courses.models import CoursePage
    from courses.records import Enrolment
    from people.models import AdministrativeUnit, Profile
    from tests.factories import UserFactory

    ls = AdministrativeUnit.objects.get(level="province", code="20", is_current=True)
    ld = AdministrativeUnit.objects.get(level="province", code="68", is_current=True)
    user = UserFactory(username="rep-race")
    profile = Profile.objects.create(user=user, full_name="Người chạy đua", province=ls)
    course = CoursePage.objects.order_by("path").first()
    moved, errors = threading.Event(), []

    def move():
        try:
            with transaction.atomic():
                Profile.objects.filter(pk=profile.pk).update(province=ld)
                moved.set()
                time.sleep(0.5)  # B starts its insert while A holds the person
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
            moved.set()
        finally:
            connection.close()

    def enrol():
        try:
            moved.wait(5)
            with transaction.atomic():
                Enrolment.objects.create(user=user, course=course, completed_at=at(2026, 3, 3))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=move), threading.Thread(target=enrol)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Enrolment.objects.filter(user=user, course=course).exists()
    # The enrolment counts where the person now is, as the records say.
    assert summary.check() == []


def test_the_operator_checks_rebuilds_and_compacts_from_the_command_line(world):
    from io import StringIO

    from django.conf import settings
    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("report_summary", stdout=out)
    assert "summary = records" in out.getvalue()
    MonthlyFigure.objects.create(month=date(2025, 5, 1), sex="", completed=3)
    with pytest.raises(CommandError, match="lệch với hồ sơ ở 1 chỗ"):
        call_command("report_summary", "--check", stdout=StringIO())
    out = StringIO()
    call_command("report_summary", "--rebuild", "--compact", stdout=out)
    assert "rebuilt" in out.getvalue() and "summary = records" not in out.getvalue()
    call_command("report_summary", stdout=StringIO())  # exact again: no error

    # The beat merges the delta rows every ten minutes.
    entry = settings.CELERY_BEAT_SCHEDULE["reports-compact-summary"]
    assert entry["task"] == "reports.tasks.compact_summary"
    from reports.tasks import compact_summary

    before = MonthlyFigure.objects.count()
    zero = MonthlyFigure.objects.create(month=date(2025, 5, 1), sex="", completed=0)
    assert zero.pk and MonthlyFigure.objects.count() == before + 1
    assert compact_summary.delay().get() == before  # the all-zero row is gone
