"""Pre-aggregated training figures on PostgreSQL, kept exact by triggers.

The national report by province x audience would otherwise read every enrolment, attempt,
certificate and attendance of the period (millions of rows at national scale). Two tables hold
what it needs in a few hundred thousand rows at most:

- `reports_monthlyfigure`: additive counts of people's records by local month and by the
  person's province, audience group and sex as recorded on the profile (raw unit ids: the
  roll-up of former provinces to their successors happens when the report is read, as for the
  records): enrolments made (and, of those, completed at any time), completions, graded quiz
  attempts (passed, scored, sum of scores), certificates issued (and, of those, revoked).
- `reports_participation`: per person and calendar year, a 12-bit mask of the months in which
  they took part in training (present at a session, or completed a course): the distinct
  people trained in any run of whole months is then one pass over one row per person.

How they stay exact:

- Statement-level triggers on enrolments, attempts and certificates append signed delta rows
  to `reports_monthlyfigure` (the old rows of an UPDATE or DELETE count -1, the new ones +1),
  in the same transaction as the change. Rows are only ever appended, never updated in place,
  so two learners enrolling at once never wait for each other on a shared row;
  `compact()` (beat, every 10 minutes) merges the deltas.
- A profile made, deleted or moved to another province, audience or sex moves every count of
  that person from the old placement to the new one (computed from the person's records).
- Changes to attendance, to a session's time, or to a completion recompute the participation
  rows of the people concerned from their records.
- Everything that places one person's records takes a transaction-scoped advisory lock on the
  person (one of 256 buckets, taken in order), so a profile move and a record written at the
  same moment in two transactions cannot miss each other.
- `rebuild()` recomputes both tables from the records (the migration that adds them, and
  `manage.py report_summary --rebuild`); `check()` compares them with the records.

Months are local months (settings.TIME_ZONE, baked into `reports_zone()` by `install()`); a
report whose period starts or ends inside a month reads those days from the records (see
`reports.figures`), as it does the two figures that depend on where a period ends: enrolments
of the period completed only after it, and certificates revoked only after it.

Other databases (SQLite, the embedded default) have neither the tables' triggers nor the need:
`reports.figures` reads the records there.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection, transaction

LOCK_NAMESPACE = 408407  # advisory locks: (namespace, user id % LOCK_BUCKETS)
LOCK_BUCKETS = 256

# The additive measures of reports_monthlyfigure, in column order.
MEASURES = [
    "enrolled",
    "enrolled_done",
    "completed",
    "quiz_graded",
    "quiz_passed",
    "quiz_scored",
    "quiz_score_sum",
    "certificates_issued",
    "certificates_revoked",
]
DIMS = ["province_id", "audience_id", "sex"]


def available() -> bool:
    """Whether reports may read the summary: PostgreSQL, installed with this TIME_ZONE, and
    not switched off (settings.REPORTS_SUMMARY)."""
    if connection.vendor != "postgresql" or not getattr(settings, "REPORTS_SUMMARY", True):
        return False
    with connection.cursor() as cursor:
        # One query, and no error when the function is missing: its body names the zone.
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = 'reports_zone'")
        row = cursor.fetchone()
    return bool(row) and f"'{settings.TIME_ZONE}'" in row[0]


# ---------------------------------------------------------------- facts


def _fact(user: str, at: str, source: str, where: str = "", **values: str) -> str:
    """One SELECT of fact rows: the person, the time the fact is dated by, its local month and
    the measures (0 unless given)."""
    columns = ", ".join(
        f"{values.get(m, '0::numeric' if m == 'quiz_score_sum' else '0')} AS {m}" for m in MEASURES
    )
    sql = f"SELECT {user} AS user_id, {at} AS dated_at, reports_month({at}) AS month, {columns} FROM {source}"
    return sql + (f" WHERE {where}" if where else "")


def enrolment_facts(source: str, sign: str = "1") -> list[str]:
    """`source`: a relation shaped like courses_enrolment, aliased e."""
    return [
        _fact(
            "e.user_id",
            "e.enrolled_at",
            source,
            enrolled=sign,
            enrolled_done=f"{sign} * (e.completed_at IS NOT NULL)::int",
        ),
        _fact("e.user_id", "e.completed_at", source, "e.completed_at IS NOT NULL", completed=sign),
    ]


def attempt_facts(source: str, sign: str = "1") -> list[str]:
    return [
        _fact(
            "t.user_id",
            "t.submitted_at",
            source,
            "t.state = 'graded' AND t.submitted_at IS NOT NULL",
            quiz_graded=sign,
            quiz_passed=f"{sign} * (t.passed IS TRUE)::int",
            quiz_scored=f"{sign} * (t.percent IS NOT NULL)::int",
            quiz_score_sum=f"{sign} * COALESCE(t.percent, 0)",
        )
    ]


def certificate_facts(source: str, sign: str = "1") -> list[str]:
    return [
        _fact(
            "x.user_id",
            "x.issued_at",
            source,
            certificates_issued=sign,
            certificates_revoked=f"{sign} * (x.status = 'revoked')::int",
        )
    ]


def _record_facts(users: str = "") -> str:
    """Every fact of the records, as a subquery; `users`: an SQL array expression to keep only
    those people's (read through the user_id indexes). Not a view: a view would pin the
    columns it reads, and a later migration changing one (say, a decimal's precision) would
    fail."""

    def source(table: str, alias: str) -> str:
        if not users:
            return f"{table} {alias}"
        return f"(SELECT * FROM {table} WHERE user_id = ANY({users})) {alias}"

    return " UNION ALL ".join(
        enrolment_facts(source("courses_enrolment", "e"))
        + attempt_facts(source("assessments_attempt", "t"))
        + certificate_facts(source("certificates_certificate", "x"))
    )


def _sums(prefix: str = "", sign: str = "") -> str:
    return ", ".join(f"SUM({sign}{prefix}{m})" for m in MEASURES)


def _nonzero(prefix: str = "", sign: str = "") -> str:
    return " OR ".join(f"SUM({sign}{prefix}{m}) <> 0" for m in MEASURES)


INSERT_COLUMNS = ", ".join(["month"] + DIMS + MEASURES)


def _append_deltas(facts: str) -> str:
    """INSERT the fact rows `facts` (with user_id, month, measures) as deltas placed by each
    person's current profile."""
    return (
        f"INSERT INTO reports_monthlyfigure ({INSERT_COLUMNS}) "
        f"SELECT f.month, p.province_id, p.audience_id, COALESCE(p.sex, ''), {_sums('f.')} "
        f"FROM ({facts}) f LEFT JOIN people_profile p ON p.user_id = f.user_id "
        f"WHERE f.month IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING {_nonzero('f.')}"
    )


# ---------------------------------------------------------------- triggers

# Each fact table: the trigger's name, its facts, which columns matter, and its users.
FACT_TABLES = {
    "courses_enrolment": (enrolment_facts, ["user_id", "enrolled_at", "completed_at"]),
    "assessments_attempt": (
        attempt_facts,
        ["user_id", "state", "submitted_at", "passed", "percent"],
    ),
    "certificates_certificate": (certificate_facts, ["user_id", "issued_at", "status"]),
}
ALIASES = {"courses_enrolment": "e", "assessments_attempt": "t", "certificates_certificate": "x"}


def _changed(table: str, operation: str, columns: list[str]) -> str:
    """The changed rows of a statement with a `sign` column, as a relation aliased like the
    table's facts expect. UPDATE keeps only rows whose `columns` changed."""
    alias = ALIASES.get(table, "r")
    if operation == "INSERT":
        return f"(SELECT n.*, 1 AS sign FROM new_rows n) {alias}"
    if operation == "DELETE":
        return f"(SELECT o.*, -1 AS sign FROM old_rows o) {alias}"
    differs = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in columns)
    moved = f"SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {differs}"
    return (
        f"(SELECT o.*, -1 AS sign FROM old_rows o WHERE o.id IN ({moved}) "
        f"UNION ALL SELECT n.*, 1 AS sign FROM new_rows n WHERE n.id IN ({moved})) {alias}"
    )


def _trigger_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
        f"DECLARE users bigint[];\nBEGIN\n{body}\nRETURN NULL;\nEND\n$body$"
    )


def _trigger(table: str, operation: str, function: str) -> list[str]:
    name = f"{function}_{operation.lower()}"
    transition = {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[operation]
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} AFTER {operation} ON {table} {transition} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}_{operation.lower()}()",
    ]


def _users_of(changed: str, alias: str, where: str = "") -> str:
    return (
        f"users := ARRAY(SELECT DISTINCT {alias}.user_id FROM {changed}"
        + (f" WHERE {where}" if where else "")
        + ");"
    )


def _fact_table_sql(table: str) -> list[str]:
    facts_of, columns = FACT_TABLES[table]
    alias = ALIASES[table]
    statements = []
    for operation in ("INSERT", "UPDATE", "DELETE"):
        changed = _changed(table, operation, columns)
        facts = " UNION ALL ".join(facts_of(changed, f"{alias}.sign"))
        body = [
            _users_of(changed, alias),
            "IF cardinality(users) = 0 THEN RETURN NULL; END IF;",
            "PERFORM reports_lock_users(users);",
            _append_deltas(facts) + ";",
        ]
        if table == "courses_enrolment":
            # A completion made, changed or removed: the person's months of training.
            done = _changed(table, operation, ["user_id", "completed_at"])
            body += [
                _users_of(done, alias, f"{alias}.completed_at IS NOT NULL"),
                "PERFORM reports_refresh_participation(users);",
            ]
        function = f"reports_{table}"
        statements.append(_trigger_function(f"{function}_{operation.lower()}", "\n".join(body)))
        statements += _trigger(table, operation, function)
    return statements


def _participation_sql() -> list[str]:
    """Attendance and session changes: the people's months of training."""
    statements = []
    for operation in ("INSERT", "UPDATE", "DELETE"):
        changed = _changed("people_attendance", operation, ["user_id", "session_id", "status"])
        body = "\n".join(
            [
                _users_of(changed, "r"),
                "PERFORM reports_lock_users(users);",
                "PERFORM reports_refresh_participation(users);",
            ]
        )
        statements.append(_trigger_function(f"reports_people_attendance_{operation.lower()}", body))
        statements += _trigger("people_attendance", operation, "reports_people_attendance")
    moved = (
        "SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id "
        "WHERE o.starts_at IS DISTINCT FROM n.starts_at"
    )
    body = "\n".join(
        [
            "users := ARRAY(SELECT DISTINCT a.user_id FROM people_attendance a "
            f"WHERE a.session_id IN ({moved}));",
            "PERFORM reports_lock_users(users);",
            "PERFORM reports_refresh_participation(users);",
        ]
    )
    statements.append(_trigger_function("reports_people_classsession_update", body))
    statements += _trigger("people_classsession", "UPDATE", "reports_people_classsession")
    return statements


def _profile_sql() -> list[str]:
    """A profile made, deleted or moved: move every count of the person."""
    statements = []
    null = "NULL::bigint AS province_id, NULL::bigint AS audience_id, ''::varchar AS sex"
    dims = "{a}.province_id, {a}.audience_id, COALESCE({a}.sex, '') AS sex"
    for operation in ("INSERT", "UPDATE", "DELETE"):
        if operation == "INSERT":
            placements = (
                f"SELECT n.user_id, {null}, -1 AS sign FROM new_rows n UNION ALL "
                f"SELECT n.user_id, {dims.format(a='n')}, 1 FROM new_rows n"
            )
        elif operation == "DELETE":
            placements = (
                f"SELECT o.user_id, {dims.format(a='o')}, -1 AS sign FROM old_rows o UNION ALL "
                f"SELECT o.user_id, {null}, 1 FROM old_rows o"
            )
        else:
            differs = " OR ".join(
                f"o.{c} IS DISTINCT FROM n.{c}"
                for c in ("user_id", "province_id", "audience_id", "sex")
            )
            pairs = f"FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {differs}"
            placements = (
                f"SELECT o.user_id, {dims.format(a='o')}, -1 AS sign {pairs} UNION ALL "
                f"SELECT n.user_id, {dims.format(a='n')}, 1 {pairs}"
            )
        body = "\n".join(
            [
                f"users := ARRAY(SELECT DISTINCT d.user_id FROM ({placements}) d);",
                "IF cardinality(users) = 0 THEN RETURN NULL; END IF;",
                "PERFORM reports_lock_users(users);",
                f"INSERT INTO reports_monthlyfigure ({INSERT_COLUMNS}) "
                f"SELECT f.month, d.province_id, d.audience_id, d.sex, {_sums('f.', 'd.sign * ')} "
                f"FROM ({placements}) d JOIN ({_record_facts('users')}) f ON f.user_id = d.user_id "
                f"WHERE f.month IS NOT NULL GROUP BY 1, 2, 3, 4 "
                f"HAVING {_nonzero('f.', 'd.sign * ')};",
            ]
        )
        statements.append(_trigger_function(f"reports_people_profile_{operation.lower()}", body))
        statements += _trigger("people_profile", operation, "reports_people_profile")
    return statements


PARTICIPATION_MONTHS = (
    "SELECT a.user_id, reports_month(s.starts_at) AS month FROM people_attendance a "
    "JOIN people_classsession s ON s.id = a.session_id WHERE a.status = 'present'{a} "
    "UNION SELECT e.user_id, reports_month(e.completed_at) FROM courses_enrolment e "
    "WHERE e.completed_at IS NOT NULL{e}"
)
PARTICIPATION_INSERT = (
    "INSERT INTO reports_participation (user_id, year, months) "
    "SELECT x.user_id, extract(year FROM x.month)::int, "
    "bit_or(1 << (extract(month FROM x.month)::int - 1)) FROM ({months}) x GROUP BY 1, 2"
)


def _functions_sql() -> list[str]:
    zone = settings.TIME_ZONE.replace("'", "")
    some = PARTICIPATION_MONTHS.format(
        a=" AND a.user_id = ANY(users)", e=" AND e.user_id = ANY(users)"
    )
    return [
        f"CREATE OR REPLACE FUNCTION reports_zone() RETURNS text LANGUAGE sql IMMUTABLE "
        f"AS $$ SELECT '{zone}'::text $$",
        "CREATE OR REPLACE FUNCTION reports_month(moment timestamptz) RETURNS date "
        "LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', moment AT TIME ZONE reports_zone())::date $$",
        # Buckets in ascending order: two transactions locking several people cannot deadlock
        # within one statement.
        "CREATE OR REPLACE FUNCTION reports_lock_users(users bigint[]) RETURNS void "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({LOCK_NAMESPACE}, b) FROM (SELECT DISTINCT "
        f"(u % {LOCK_BUCKETS})::int AS b FROM unnest(users) u ORDER BY 1) buckets; END $$",
        "CREATE OR REPLACE FUNCTION reports_refresh_participation(users bigint[]) RETURNS void "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "IF users IS NULL OR cardinality(users) = 0 THEN RETURN; END IF; "
        "DELETE FROM reports_participation WHERE user_id = ANY(users); "
        f"{PARTICIPATION_INSERT.format(months=some)}; END $$",
    ]


def install_statements() -> list[str]:
    statements = _functions_sql()
    for table in FACT_TABLES:
        statements += _fact_table_sql(table)
    statements += _participation_sql()
    statements += _profile_sql()
    return statements


def uninstall_statements() -> list[str]:
    statements = []
    for table in list(FACT_TABLES) + ["people_attendance", "people_profile"]:
        for operation in ("insert", "update", "delete"):
            statements.append(f"DROP TRIGGER IF EXISTS reports_{table}_{operation} ON {table}")
            statements.append(f"DROP FUNCTION IF EXISTS reports_{table}_{operation}()")
    statements += [
        "DROP TRIGGER IF EXISTS reports_people_classsession_update ON people_classsession",
        "DROP FUNCTION IF EXISTS reports_people_classsession_update()",
        "DROP FUNCTION IF EXISTS reports_refresh_participation(bigint[])",
        "DROP FUNCTION IF EXISTS reports_lock_users(bigint[])",
        "DROP FUNCTION IF EXISTS reports_month(timestamptz)",
        "DROP FUNCTION IF EXISTS reports_zone()",
    ]
    return statements


def install(schema_editor=None) -> None:
    """Create (or replace) the functions and triggers, then rebuild the tables. PostgreSQL
    only; a no-op elsewhere. Safe to run twice."""
    conn = schema_editor.connection if schema_editor else connection
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as cursor:
        for sql in install_statements():
            cursor.execute(sql)
    rebuild(conn)


def uninstall(schema_editor=None) -> None:
    conn = schema_editor.connection if schema_editor else connection
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as cursor:
        for sql in uninstall_statements():
            cursor.execute(sql)


# ---------------------------------------------------------------- maintenance


def rebuild(conn=None) -> dict:
    """Recompute both tables from the records, in one transaction that holds writers of the
    summary back until it commits (their deltas then land on the rebuilt rows). Returns the
    number of rows of each."""
    conn = conn or connection
    with transaction.atomic(using=conn.alias), conn.cursor() as cursor:
        cursor.execute("LOCK TABLE reports_monthlyfigure, reports_participation IN EXCLUSIVE MODE")
        cursor.execute("DELETE FROM reports_monthlyfigure")
        cursor.execute(_append_deltas(_record_facts()))
        cursor.execute("DELETE FROM reports_participation")
        cursor.execute(PARTICIPATION_INSERT.format(months=PARTICIPATION_MONTHS.format(a="", e="")))
        # Fresh statistics, or the planner takes the rebuilt tables for empty ones.
        cursor.execute("ANALYZE reports_monthlyfigure, reports_participation")
        cursor.execute("SELECT count(*) FROM reports_monthlyfigure")
        figures = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM reports_participation")
        return {"monthly_figures": figures, "participation": cursor.fetchone()[0]}


def compact() -> int:
    """Merge the appended deltas into one row per (month, placement); drop rows that net to
    zero. Safe to run twice and alongside writers: rows appended after it started stay as
    they are. Returns the number of rows left."""
    if not available():
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"WITH gone AS (DELETE FROM reports_monthlyfigure RETURNING *) "
            f"INSERT INTO reports_monthlyfigure ({INSERT_COLUMNS}) "
            f"SELECT month, {', '.join(DIMS)}, {_sums()} FROM gone "
            f"GROUP BY month, {', '.join(DIMS)} HAVING {_nonzero()}"
        )
        cursor.execute("SELECT count(*) FROM reports_monthlyfigure")
        return cursor.fetchone()[0]


def check() -> list[str]:
    """Differences between the summary and a computation from the records (empty: exact)."""
    problems = []
    outermost = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if outermost:  # both sides read from one snapshot
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        key = f"month, {', '.join(DIMS)}"
        cursor.execute(
            f"SELECT {key}, {_sums()} FROM reports_monthlyfigure GROUP BY {key} HAVING {_nonzero()}"
        )
        stored = {tuple(r[:4]): tuple(r[4:]) for r in cursor.fetchall()}
        cursor.execute(
            f"SELECT f.month, p.province_id, p.audience_id, COALESCE(p.sex, ''), "
            f"{_sums('f.')} FROM ({_record_facts()}) f "
            f"LEFT JOIN people_profile p ON p.user_id = f.user_id WHERE f.month IS NOT NULL "
            f"GROUP BY 1, 2, 3, 4 HAVING {_nonzero('f.')}"
        )
        expected = {tuple(r[:4]): tuple(r[4:]) for r in cursor.fetchall()}
        for key_ in sorted(set(stored) | set(expected), key=str):
            if stored.get(key_) != expected.get(key_):
                problems.append(
                    f"monthly {key_}: summary {stored.get(key_)}, records {expected.get(key_)}"
                )
        cursor.execute("SELECT user_id, year, months FROM reports_participation WHERE months <> 0")
        stored = {(r[0], r[1]): r[2] for r in cursor.fetchall()}
        cursor.execute(
            "SELECT x.user_id, extract(year FROM x.month)::int, "
            "bit_or(1 << (extract(month FROM x.month)::int - 1)) "
            f"FROM ({PARTICIPATION_MONTHS.format(a='', e='')}) x GROUP BY 1, 2"
        )
        expected = {(r[0], r[1]): r[2] for r in cursor.fetchall()}
        for key_ in sorted(set(stored) | set(expected)):
            if stored.get(key_) != expected.get(key_):
                problems.append(
                    f"participation {key_}: summary {stored.get(key_)}, "
                    f"records {expected.get(key_)}"
                )
    return problems
