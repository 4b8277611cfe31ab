"""The figures: a hand-made dataset's report, computed independently, must come out exactly."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.figures import (
    BREAKDOWNS,
    METRICS,
    NOT_ADDITIVE,
    ReportInputError,
    ReportQuery,
    compute,
)
from reports.privacy import suppress_small

from .dataset import CUTOFF, END, START, build, expected, zero_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build()


def query(**kwargs):
    return ReportQuery(start=START, end=END, cutoff=CUTOFF, **kwargs)


def tables_of(report) -> dict:
    """{table: {key: row}} of a report, keyed as dataset.expected keys them."""
    tables = {
        name: {row["key"]: row for row in rows} for name, rows in report["breakdowns"].items()
    }
    tables["province_audience"] = {
        (row["province"], row["audience"]): row for row in report["province_audience"]
    }
    tables["monthly"] = {row["month"]: row for row in report["monthly"]}
    tables["total"] = {None: report["totals"]}
    return tables


def assert_matches(report, wanted):
    got = tables_of(report)
    for table, rows in got.items():
        for key, row in rows.items():
            want = wanted.get(table, {}).get(key, zero_row(table))
            cells = {m: row[m] for m in want}
            assert cells == want, (table, key)
        # Every row the records produce is in the report.
        assert set(wanted.get(table, {})) <= set(rows), table


@pytest.mark.parametrize("province", [None, "LD", "LS"])
def test_every_figure_equals_the_independent_computation(world, province):
    code = world.units[province].code if province else None
    report = compute(query(province_code=code))
    assert_matches(report, expected(world, province))


@pytest.mark.parametrize("commune", ["A", "B", "C"])
def test_every_figure_of_a_commune_equals_the_independent_computation(world, commune):
    report = compute(query(commune_code=world.units[commune].code))
    assert_matches(report, expected(world, commune=commune))


def test_people_recorded_under_a_former_province_count_for_its_successor(world):
    report = compute(query())
    lam_dong = tables_of(report)["province"][world.units["LD"].code]
    # p4 (recorded under Đắk Nông) attended class c2; p5 completed; p6 attended and completed.
    assert lam_dong["people_trained"] == 3
    assert lam_dong["classes"] == 2  # c2 held under the old province's unit, c3 online
    assert lam_dong["registered"] == 4  # p4, p5, p6, p10 (p9 registered after the cut-off)
    codes = {row["key"] for row in report["breakdowns"]["province"]}
    assert world.units["DN"].code not in codes or world.units["DN"].code == world.units["LD"].code


@pytest.mark.parametrize("scope", ["national", "LS", "LD", "A", "C"])
def test_every_total_equals_the_sum_of_its_breakdown(world, scope):
    """Every table adds up to the totals, except people trained where one person can be in
    several rows (NOT_ADDITIVE: course, class, mode, month): there the rows add up to at
    least the total, and the export labels the total row "people counted once" with a note."""
    kwargs = {}
    if scope in ("LS", "LD"):
        kwargs = {"province_code": world.units[scope].code}
    elif scope in ("A", "C"):
        kwargs = {"commune_code": world.units[scope].code}
    report = compute(query(**kwargs))
    assert report["not_additive"] == {
        "course": ["people_trained"],
        "class": ["people_trained"],
        "mode": ["people_trained"],
        "monthly": ["people_trained"],
    }
    additive = [
        m for m in METRICS if m not in ("completion_rate", "quiz_pass_rate", "quiz_mean_score")
    ]
    tables = dict(report["breakdowns"])
    tables["province_audience"] = report["province_audience"]
    tables["monthly"] = report["monthly"]
    checked = 0
    for name, rows in tables.items():
        for metric in additive + ["enrolments_completed", "quiz_graded"]:
            values = [row[metric] for row in rows]
            if all(v is None for v in values):
                continue  # not broken down this way (classes by sex, registered by course)
            total = report["totals"][metric]
            if metric in NOT_ADDITIVE.get(name, []):
                assert sum(values) >= total, (name, metric)
            else:
                assert sum(values) == total, (name, metric)
                checked += 1
    assert checked > 50
    if scope == "national":
        assert report["totals"]["people_trained"] == 7  # p1..p6 and u8
        course_people = sum(row["people_trained"] for row in report["breakdowns"]["course"])
        # p1 counted under X and c1's row
        assert course_people > report["totals"]["people_trained"]


def test_a_commune_report_counts_its_classes_attendances_and_its_own_people(world):
    report = compute(query(commune_code=world.units["A"].code))
    totals = report["totals"]
    assert totals["people_trained"] == 2  # p1 and p2 live in commune A
    assert totals["classes"] == 1  # c1 is held in commune A
    # c1's sessions in the period: p1 and p2, then p1, p3 (who lives in commune B) and p5 (in
    # Lâm Đồng): the commune held 5 lượt, two of them by people from elsewhere.
    assert totals["attendances"] == 5
    origin = {row["key"]: row["attendances"] for row in report["breakdowns"]["origin"]}
    assert origin == {world.units["LS"].code: 4, world.units["LD"].code: 1}
    assert totals["registered"] == 2


def test_a_province_counts_the_attendances_at_its_classes_whoever_attends(world):
    lang_son, lam_dong = world.units["LS"].code, world.units["LD"].code
    national = compute(query())
    provinces = {row["key"]: row for row in national["breakdowns"]["province"]}
    for code in (lang_son, lam_dong):
        own = compute(query(province_code=code))["totals"]
        # The province's own report says what its row of the national table says.
        assert own["classes"] == provinces[code]["classes"]
        assert own["attendances"] == provinces[code]["attendances"]
        assert own["people_trained"] == provinces[code]["people_trained"]


def test_the_number_of_queries_does_not_grow_with_the_data(world):
    from courses.records import Enrolment
    from people.models import Attendance
    from tests.factories import UserFactory

    with CaptureQueriesContext(connection) as before:
        first = compute(query())
    more = [UserFactory(username=f"rep-more-{n}") for n in range(6)]
    session = world.sessions[("c1", 0)]
    Attendance.objects.bulk_create(
        Attendance(session=session, user=user, status="present") for user in more
    )
    Enrolment.objects.bulk_create(
        Enrolment(
            user=user, course=world.courses["Y"], completed_at=world.sessions[("c1", 1)].starts_at
        )
        for user in more
    )
    with CaptureQueriesContext(connection) as after:
        second = compute(query())
    assert second["totals"]["attendances"] == first["totals"]["attendances"] + 6
    assert second["totals"]["people_trained"] == first["totals"]["people_trained"] + 6
    assert len(before) == len(after) <= 20


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"start": date(2025, 6, 1), "end": date(2025, 1, 1)}, "sau ngày kết thúc"),
        ({"start": START, "end": END, "cutoff": date(2024, 12, 31)}, "trước ngày bắt đầu"),
        ({"start": START, "end": END, "province_code": "99"}, "Không có tỉnh"),
        ({"start": START, "end": END, "commune_code": "xx"}, "Không có xã"),
    ],
)
def test_bad_queries_are_refused_with_a_vietnamese_reason(db, kwargs, message):
    with pytest.raises(ReportInputError) as refused:
        compute(ReportQuery(**kwargs))
    assert message in str(refused.value)


def test_small_cells_are_suppressed_and_cannot_be_worked_out_from_the_total(world):
    report = compute(query())
    safe = suppress_small(report)
    assert report["totals"]["people_trained"] == 7 and safe["totals"]["people_trained"] == 7
    assert safe["suppression"] == {"minimum": 5, "tables": None}
    for name in BREAKDOWNS:
        for row in safe["breakdowns"][name]:
            for metric in ("attendances", "people_trained", "enrolments", "registered"):
                value = row[metric]
                assert value is None or value == 0 or value >= 5, (name, row["key"], metric)
            if row.get("suppressed"):
                assert all(row[m] is None for m in row["suppressed"])
    # A table with exactly one small cell in a column hides a second one too.
    sexes = {row["key"]: row for row in safe["breakdowns"]["sex"]}
    hidden = [k for k, row in sexes.items() if row["people_trained"] is None]
    assert len(hidden) != 1
    # The original report is untouched.
    assert all(row.get("suppressed") is None for row in report["breakdowns"]["sex"])
    assert suppress_small(report, minimum=1)["breakdowns"] == report["breakdowns"]


@pytest.mark.parametrize("table", ["province_audience", "audience", "sex", "origin"])
def test_asking_for_one_table_gives_the_same_figures_as_the_whole_report(world, table):
    """The national province x audience report computes only what it shows (on PostgreSQL
    with a plain GROUP BY whose rows also make the totals): same numbers as the full report."""
    whole = compute(query())
    part = compute(query(tables=(table,)))
    assert part["totals"] == whole["totals"]
    if table == "province_audience":
        assert part["province_audience"] == whole["province_audience"]
    else:
        assert part["breakdowns"][table] == whole["breakdowns"][table]
