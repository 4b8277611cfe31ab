"""Reports benchmark: the annual national report at national scale, against plain SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/reports_scale.py [--reuse] [--drop] [--repeat 5] [--small 20000] \\
        [--large 200000] [--prefix lms_bench_reports]

PostgreSQL only. DATABASE_URL names the server (its database is only used to connect); the
benchmark makes its own databases (names start with --prefix): lms_bench_reports_template (migrated once, with the demo, 20
courses, 4 quizzes and an agency per province), and from it one database per data size,
lms_bench_reports_<N>, filled by bench/report_data.py (N trainees, 10 N enrolments, 2.5 N
certificates, N / 10 classes with sessions and attendance, 2 N quiz attempts). --reuse keeps
databases that are already complete, so a second run only measures; without it they are dropped
and rebuilt. --drop drops every database the run made or used once it has measured.

Measured on each data size (issue 8's targets):
- the same report reading every record (`compute(..., summary=False)`), to show what the
  summary tables of reports.summary save; that they equal the records (`summary.check()`); how
  long rebuilding them takes (what the migration costs an existing database); and what their
  triggers add to a learner's write (enrolment made, completed, deleted, one transaction each),
  against the same writes with the triggers disabled, and what a profile move costs;
- the annual national report for 2026 through `reports.figures.compute` (best of --repeat), its
  query count (must not grow with the data), and a hand-written SQL GROUP BY computing the same
  province x audience figures in the same run: ratio <= 3x and compute <= 1 s;
- the XLSX export of the full report, computed and written (`compute` of every table, then
  `reports.exports.report_xlsx`, as the export task does): <= 10 s;
- growth from the small to the large size: the time ratio must not exceed the data ratio.
The figures of both ways are compared cell by cell. Exits 1 when a target is missed.
"""

import argparse
import os
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PREFIX = "lms_bench_reports"  # --prefix changes it
TARGET_RATIO = 3.0
TARGET_SECONDS = 1.0
TARGET_XLSX_SECONDS = 10.0
YEAR = 2026


# ---------------------------------------------------------------- databases


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/reports_scale.py needs DATABASE_URL=postgres://... (PostgreSQL only)")
    return url


def url_for(name: str) -> str:
    parts = urlsplit(server_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin_execute(*statements: str) -> list:
    """Run statements on the server's maintenance database, outside any transaction."""
    import psycopg

    with psycopg.connect(url_for("postgres"), autocommit=True) as conn:
        rows = []
        for sql in statements:
            cur = conn.execute(sql)
            rows = cur.fetchall() if cur.description else []
        return rows


def database_exists(name: str) -> bool:
    return bool(admin_execute(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))


def drop_database(name: str) -> None:
    admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def use_database(name: str) -> None:
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = name


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def setup_django(template: str) -> None:
    os.environ["DATABASE_URL"] = url_for(template)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page made: too chatty


def prepare_template(name: str, reuse: bool):
    """The migrated database every data size is copied from, with the reference rows."""
    from report_data import reference_data

    fresh = not (reuse and database_exists(name))
    if fresh:
        drop_database(name)
        admin_execute(f'CREATE DATABASE "{name}"')
    use_database(name)
    start = time.perf_counter()
    migrate()  # a kept template still gets the migrations added since it was made
    print(f"template {name}: migrated in {time.perf_counter() - start:.0f} s")
    reference = reference_data()
    use_database("postgres")  # CREATE DATABASE ... TEMPLATE needs the template unused
    from django.db import connections

    connections["default"].close()
    return reference


def is_complete(name: str, trainees: int) -> bool:
    if not database_exists(name):
        return False
    import psycopg

    with psycopg.connect(url_for(name)) as conn:
        found = conn.execute(
            "SELECT to_regclass('bench_meta') IS NOT NULL AND "
            "EXISTS (SELECT 1 FROM pg_class WHERE relname = 'bench_meta')"
        ).fetchone()[0]
        if not found:
            return False
        row = conn.execute("SELECT trainees FROM bench_meta").fetchone()
        return bool(row and row[0] == trainees)


def prepare_size(template: str, trainees: int, reference, reuse: bool, prefix: str) -> str:
    from report_data import generate

    name = f"{prefix}_{trainees}"
    if reuse and is_complete(name, trainees):
        print(f"{name}: reused")
        use_database(name)
        migrate()
        return name
    drop_database(name)
    admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    use_database(name)
    print(f"{name}: generating {trainees:,} trainees")
    start = time.perf_counter()
    counts = generate(trainees, reference)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_meta (trainees int)")
        cursor.execute("INSERT INTO bench_meta VALUES (%s)", [trainees])
    print(f"{name}: generated in {time.perf_counter() - start:.0f} s")
    for label, count in counts.items():
        print(f"  {label:<28}{count:>12,}")
    return name


# ---------------------------------------------------------------- measurements


def best_of(repeat: int, function):
    """The fastest of `repeat` runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def annual_query(tables=None):
    """The annual national report; `tables` limits it to some tables (None: every table)."""
    from reports.figures import ReportQuery

    extra = {} if tables is None else {"tables": tables}
    return ReportQuery(
        start=date(YEAR, 1, 1),
        end=date(YEAR, 12, 31),
        cutoff=None,
        province_code=None,
        commune_code=None,
        **extra,
    )


def compute_report():
    """The report the targets name: the annual national report by province x audience."""
    from reports.figures import compute

    return compute(annual_query(tables=("province_audience",)))


def compute_from_records():
    """The same report reading every record (no summary tables): what it costs without them."""
    from reports.figures import compute

    return compute(annual_query(tables=("province_audience",)), summary=False)


WRITES = 300


def write_cost(triggers: bool) -> float:
    """Seconds per learner write with or without the summary's triggers: WRITES enrolments
    made, then completed, then deleted, each its own transaction, as requests make them.
    Without triggers (ALTER TABLE ... DISABLE TRIGGER, bench only) the rows are gone again
    before the triggers come back, so the summary stays exact."""
    from django.db import connection

    from courses.records import Enrolment

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(page_ptr_id) FROM courses_coursepage")
        course = cursor.fetchone()[0]
        # People with a profile who have not taken that course (one enrolment per course).
        cursor.execute(
            "SELECT p.user_id FROM people_profile p WHERE NOT EXISTS (SELECT 1 FROM "
            "courses_enrolment e WHERE e.user_id = p.user_id AND e.course_id = %s) "
            "ORDER BY p.user_id LIMIT %s",
            [course, WRITES],
        )
        users = [row[0] for row in cursor.fetchall()]
        if not triggers:
            cursor.execute("ALTER TABLE courses_enrolment DISABLE TRIGGER USER")
    try:
        start = time.perf_counter()
        made = [Enrolment.objects.create(user_id=u, course_id=course).pk for u in users]
        for pk in made:
            Enrolment.objects.filter(pk=pk).update(completed_at=datetime.now(UTC))
        Enrolment.objects.filter(pk__in=made).delete()
        return (time.perf_counter() - start) / (3 * len(users))
    finally:
        if not triggers:
            with connection.cursor() as cursor:
                cursor.execute("ALTER TABLE courses_enrolment ENABLE TRIGGER USER")


MOVES = 100


def move_cost(triggers: bool) -> float:
    """Seconds per profile move (another province, then back; one transaction each) with or
    without the summary's triggers, which move every count of the person."""
    from django.db import connection

    from people.models import Profile

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT user_id, province_id FROM people_profile ORDER BY user_id LIMIT %s", [MOVES]
        )
        people = cursor.fetchall()
        cursor.execute("SELECT max(province_id) FROM people_profile")
        elsewhere = cursor.fetchone()[0]
        if not triggers:
            cursor.execute("ALTER TABLE people_profile DISABLE TRIGGER USER")
    try:
        start = time.perf_counter()
        for user_id, _province in people:
            Profile.objects.filter(user_id=user_id).update(province_id=elsewhere)
        for user_id, province in people:
            Profile.objects.filter(user_id=user_id).update(province_id=province)
        return (time.perf_counter() - start) / (2 * len(people))
    finally:
        if not triggers:
            with connection.cursor() as cursor:
                cursor.execute("ALTER TABLE people_profile ENABLE TRIGGER USER")


def compute_full_report():
    """Every table of the annual national report (all breakdowns): what the XLSX holds."""
    from reports.figures import compute

    return compute(annual_query())


def largest_province() -> str:
    """The code of the current province with the most trainees (former provinces' people
    counted in their successor)."""
    from django.db.models import Count

    from people.models import Profile
    from reports.figures import Units

    units = Units()
    people: dict[str, int] = {}
    for province, count in Profile.objects.values_list("province").annotate(n=Count("pk")):
        code = units.code(units.province(province))
        if code:
            people[code] = people.get(code, 0) + count
    return max(people, key=people.get)


def compute_province_report(province: str):
    """Every table of one province's annual report: what its statisticians' dashboard shows."""
    from reports.figures import compute

    return compute(replace(annual_query(), province_code=province))


# The hand-written baseline: every figure of the province x audience table of the annual report,
# written directly in SQL (one GROUP BY per source table, conditional counts where one scan can
# give several figures). A person is placed by their profile's province rolled up to the current
# province (a former province through its successor) and their audience group; an attendance by
# the province where the class was held (its locality, or the locality's province) and the
# attendee's audience group.
PERSON_PLACE = """
    SELECT p.user_id, coalesce(u.successor_id, u.id) AS province_id, p.audience_id
    FROM people_profile p LEFT JOIN people_administrativeunit u ON u.id = p.province_id
"""
BASELINE_SQL = {
    "people trained": f"""
        SELECT pp.province_id, pp.audience_id, count(*) AS people_trained
        FROM (SELECT a.user_id AS uid
              FROM people_attendance a JOIN people_classsession s ON s.id = a.session_id
              WHERE a.status = 'present' AND s.starts_at >= %(start)s AND s.starts_at < %(stop)s
              UNION
              SELECT e.user_id FROM courses_enrolment e
              WHERE e.completed_at >= %(start)s AND e.completed_at < %(stop)s) f
        JOIN ({PERSON_PLACE}) pp ON pp.user_id = f.uid
        GROUP BY 1, 2""",
    "attendances": """
        SELECT coalesce(pu.successor_id, pu.id), p.audience_id, count(*) AS attendances
        FROM people_attendance a JOIN people_classsession s ON s.id = a.session_id
        JOIN people_trainingclass c ON c.id = s.training_class_id
        JOIN people_administrativeunit l ON l.id = c.locality_id
        JOIN people_administrativeunit pu
          ON pu.id = CASE WHEN l.level = 'province' THEN l.id ELSE l.parent_id END
        LEFT JOIN people_profile p ON p.user_id = a.user_id
        WHERE a.status = 'present' AND s.starts_at >= %(start)s AND s.starts_at < %(stop)s
        GROUP BY 1, 2""",
    "enrolments": f"""
        SELECT pp.province_id, pp.audience_id,
          count(*) FILTER (WHERE e.enrolled_at >= %(start)s AND e.enrolled_at < %(stop)s)
            AS enrolments,
          count(*) FILTER (WHERE e.enrolled_at >= %(start)s AND e.enrolled_at < %(stop)s
                           AND e.completed_at < %(stop)s) AS enrolments_completed,
          count(*) FILTER (WHERE e.completed_at >= %(start)s AND e.completed_at < %(stop)s)
            AS completions
        FROM courses_enrolment e JOIN ({PERSON_PLACE}) pp ON pp.user_id = e.user_id
        WHERE (e.enrolled_at >= %(start)s AND e.enrolled_at < %(stop)s)
           OR (e.completed_at >= %(start)s AND e.completed_at < %(stop)s)
        GROUP BY 1, 2""",
    "quiz": f"""
        SELECT pp.province_id, pp.audience_id, count(*) AS quiz_graded,
               count(*) FILTER (WHERE t.passed) AS quiz_passed, avg(t.percent) AS quiz_mean
        FROM assessments_attempt t JOIN ({PERSON_PLACE}) pp ON pp.user_id = t.user_id
        WHERE t.state = 'graded' AND t.submitted_at >= %(start)s AND t.submitted_at < %(stop)s
        GROUP BY 1, 2""",
    "certificates": f"""
        SELECT pp.province_id, pp.audience_id,
          count(*) FILTER (WHERE NOT revoked) AS certificates_valid,
          count(*) FILTER (WHERE revoked) AS certificates_revoked
        FROM (SELECT c.user_id, c.status = 'revoked'
                     AND (c.revoked_at IS NULL OR c.revoked_at < %(stop)s) AS revoked
              FROM certificates_certificate c
              WHERE c.issued_at >= %(start)s AND c.issued_at < %(stop)s) c
        JOIN ({PERSON_PLACE}) pp ON pp.user_id = c.user_id
        GROUP BY 1, 2""",
    "registered": """
        SELECT coalesce(u.successor_id, u.id), p.audience_id, count(*) AS registered
        FROM people_profile p LEFT JOIN people_administrativeunit u ON u.id = p.province_id
        WHERE p.created_at < %(stop)s
        GROUP BY 1, 2""",
}


def baseline(start, stop) -> dict[tuple, dict]:
    """{(province id, audience id): {figure: value}} for the province x audience table."""
    from django.db import connection

    cells: dict[tuple, dict] = {}
    with connection.cursor() as cursor:
        for sql in BASELINE_SQL.values():
            cursor.execute(sql, {"start": start, "stop": stop})
            names = [column[0] for column in cursor.description][2:]
            for province_id, audience_id, *values in cursor.fetchall():
                cell = cells.setdefault((province_id, audience_id), {})
                cell.update(zip(names, values, strict=True))
    for cell in cells.values():
        enrolments, graded = cell.get("enrolments", 0), cell.get("quiz_graded", 0)
        done = cell.get("enrolments_completed", 0)
        cell["completion_rate"] = round(100 * done / enrolments, 1) if enrolments else None
        passed = cell.get("quiz_passed", 0)
        cell["quiz_pass_rate"] = round(100 * passed / graded, 1) if graded else None
        mean = cell.get("quiz_mean")
        cell["quiz_mean_score"] = round(float(mean), 1) if mean is not None else None
    return cells


COMPARED = [
    "attendances",
    "people_trained",
    "enrolments",
    "completions",
    "completion_rate",
    "quiz_pass_rate",
    "quiz_mean_score",
    "certificates_valid",
    "certificates_revoked",
    "registered",
]


def baseline_bounds():
    from datetime import datetime
    from datetime import time as dtime
    from zoneinfo import ZoneInfo

    from django.conf import settings

    zone = ZoneInfo(settings.TIME_ZONE)
    return (
        datetime.combine(date(YEAR, 1, 1), dtime.min, tzinfo=zone),
        datetime.combine(date(YEAR + 1, 1, 1), dtime.min, tzinfo=zone),
    )


def compare(report: dict, cells: dict) -> list[str]:
    """Differences between compute()'s province x audience table and the baseline's."""
    from people.models import AdministrativeUnit, AudienceGroup

    province_ids = dict(
        AdministrativeUnit.objects.filter(level="province", is_current=True).values_list(
            "code", "pk"
        )
    )
    audience_ids = dict(AudienceGroup.objects.values_list("slug", "pk"))
    counts = {"attendances", "people_trained", "enrolments", "completions", "registered"}
    counts |= {"certificates_valid", "certificates_revoked"}
    problems, seen = [], set()
    for row in report.get("province_audience", []):
        key = (province_ids.get(row["province"]), audience_ids.get(row["audience"]))
        seen.add(key)
        expected = cells.get(key, {})
        for metric in COMPARED:
            mine = row.get(metric)
            theirs = expected.get(metric, 0 if metric in counts else None)
            if (mine or 0) != (theirs or 0):
                problems.append(
                    f"{row['province']}/{row['audience']} {metric}: compute {mine}, SQL {theirs}"
                )
    for key in set(cells) - seen:
        if any(cells[key].get(metric) for metric in counts):
            problems.append(f"{key}: in the SQL baseline only")
    return problems


def measure(name: str, trainees: int, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.exports import report_xlsx

    start, stop = baseline_bounds()
    with CaptureQueriesContext(connection) as queries:  # also warms the database's caches
        compute_report()
    slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:6]
    from reports import summary

    compute_seconds, report = best_of(repeat, compute_report)
    records_seconds, _records = best_of(repeat, compute_from_records)
    start_check = time.perf_counter()
    summary_problems = summary.check()
    check_seconds = time.perf_counter() - start_check
    start_rebuild = time.perf_counter()
    rows = summary.rebuild()
    rebuild_seconds = time.perf_counter() - start_rebuild
    write_with = write_cost(triggers=True)
    write_without = write_cost(triggers=False)
    move_with = move_cost(triggers=True)
    move_without = move_cost(triggers=False)
    summary_problems += summary.check()
    sql_seconds, cells = best_of(repeat, lambda: baseline(start, stop))
    full_seconds, _full = best_of(max(1, repeat // 2), compute_full_report)
    province = largest_province()
    province_seconds, _province = best_of(
        max(1, repeat // 2), lambda: compute_province_report(province)
    )
    # The export as a statistician gets it: every table computed, then written.
    xlsx_seconds, xlsx = best_of(max(1, repeat // 2), lambda: report_xlsx(compute_full_report()))
    return {
        "name": name,
        "trainees": trainees,
        "compute": compute_seconds,
        "records": records_seconds,
        "summary_ok": not summary_problems,
        "check": check_seconds,
        "rebuild": rebuild_seconds,
        "summary_rows": rows,
        "write_with": write_with,
        "write_without": write_without,
        "move_with": move_with,
        "move_without": move_without,
        "full": full_seconds,
        "province": province,
        "province_full": province_seconds,
        "sql": sql_seconds,
        "xlsx": xlsx_seconds,
        "xlsx_bytes": len(xlsx),
        "queries": len(queries.captured_queries),
        "slowest": [(float(q["time"]), " ".join(q["sql"].split())[:110]) for q in slowest],
        "problems": compare(report, cells),
        "totals": report.get("totals", {}),
        "cells": len(report.get("province_audience", [])),
    }


def print_results(results: list[dict]) -> list[str]:
    failures = []
    print()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"annual national report {YEAR}, best of the runs; PostgreSQL; load average {load}")
    print(
        "compute s: province x audience table (the target); full s: every table; "
        "xlsx s: every table computed and written as XLSX"
    )
    header = (
        f"{'trainees':>10}{'compute s':>11}{'SQL s':>9}{'ratio':>8}{'queries':>9}"
        f"{'full s':>9}{'xlsx s':>9}{'xlsx KB':>9}{'cells':>7}  same figures"
    )
    print(header)
    for r in results:
        ratio = r["compute"] / r["sql"] if r["sql"] else float("inf")
        same = "yes" if not r["problems"] else f"NO ({len(r['problems'])} differ)"
        print(
            f"{r['trainees']:>10,}{r['compute']:>11.3f}{r['sql']:>9.3f}{ratio:>8.2f}"
            f"{r['queries']:>9}{r['full']:>9.2f}{r['xlsx']:>9.2f}{r['xlsx_bytes'] / 1024:>9.0f}{r['cells']:>7}  {same}"
        )
        for problem in r["problems"][:10]:
            print("   ", problem)
    print()
    print(
        "the summary tables (reports.summary): compute above reads them; 'records s' is the "
        "same report reading every record instead"
    )
    print(
        f"{'trainees':>10}{'records s':>11}{'speed-up':>10}{'rows':>18}{'rebuild s':>11}"
        f"{'check s':>9}  exact   write ms with / without triggers"
    )
    for r in results:
        rows = r["summary_rows"]
        print(
            f"{r['trainees']:>10,}{r['records']:>11.3f}{r['records'] / r['compute']:>9.1f}x"
            f"{rows['monthly_figures']:>9,}+{rows['participation']:>8,}{r['rebuild']:>11.1f}"
            f"{r['check']:>9.1f}  {'yes' if r['summary_ok'] else 'NO '}"
            f"     {1000 * r['write_with']:.2f} / {1000 * r['write_without']:.2f}"
            f" ({r['write_with'] / r['write_without']:.2f}x)"
        )
    for r in results:
        print(
            f"profile moved to another province at {r['trainees']:,} trainees: "
            f"{1000 * r['move_with']:.2f} ms with the triggers (the person's counts move too), "
            f"{1000 * r['move_without']:.2f} ms without"
        )
    for r in results:
        print(
            f"every table of the annual report of province {r['province']} (the most trainees) "
            f"at {r['trainees']:,} trainees: {r['province_full']:.2f} s"
        )
    print()
    for r in results:
        print(f"slowest queries of compute() at {r['trainees']:,} trainees (first run):")
        for seconds, sql in r["slowest"]:
            print(f"  {seconds:7.3f} s  {sql}")
    large = results[-1]
    ratio = large["compute"] / large["sql"]
    if ratio > TARGET_RATIO:
        failures.append(f"compute is {ratio:.2f}x the SQL baseline (target <= {TARGET_RATIO}x)")
    if large["compute"] > TARGET_SECONDS:
        failures.append(f"compute takes {large['compute']:.2f} s (target <= {TARGET_SECONDS} s)")
    if large["xlsx"] > TARGET_XLSX_SECONDS:
        failures.append(f"XLSX export takes {large['xlsx']:.2f} s (target <= 10 s)")
    if not all(r["summary_ok"] for r in results):
        failures.append("the summary tables differ from the records")
    if any(r["problems"] for r in results):
        failures.append("compute() and the SQL baseline disagree")
    if len(results) == 2:
        small = results[0]
        data_ratio = large["trainees"] / small["trainees"]
        time_ratio = large["compute"] / small["compute"]
        print(
            f"growth {small['trainees']:,} -> {large['trainees']:,} trainees: data x{data_ratio:.1f},"
            f" compute time x{time_ratio:.2f}, SQL time x{large['sql'] / small['sql']:.2f},"
            f" queries {small['queries']} -> {large['queries']}"
        )
        if time_ratio > data_ratio:
            failures.append(f"time grew x{time_ratio:.1f} for data x{data_ratio:.1f}")
        if large["queries"] != small["queries"]:
            failures.append("the query count grew with the data")
    print("totals (large):", ", ".join(f"{k}={v}" for k, v in large["totals"].items()))
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="keep complete databases")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--small", type=int, default=20_000, help="0 to skip the growth check")
    parser.add_argument("--large", type=int, default=200_000)
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--prefix", default=PREFIX, help="names of the benchmark's databases")
    parser.add_argument("--drop", action="store_true", help="drop the databases at the end")
    args = parser.parse_args()
    template = f"{args.prefix}_template"
    server_url()
    setup_django(template)
    reference = prepare_template(template, args.reuse)
    sizes = [size for size in (args.small, args.large) if size]
    names = [prepare_size(template, size, reference, args.reuse, args.prefix) for size in sizes]
    if args.generate_only:
        return
    results = []
    try:
        for name, size in zip(names, sizes, strict=True):
            use_database(name)
            results.append(measure(name, size, args.repeat))
    finally:
        if args.drop:
            use_database("postgres")
            from django.db import connections

            connections["default"].close()
            for name in [*names, template]:
                drop_database(name)
            print("dropped:", ", ".join([*names, template]))
    failures = print_results(results)
    for failure in failures:
        print("TARGET MISSED:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
