"""The training figures of a period and a jurisdiction, computed in the database.

`compute(ReportQuery(...))` returns one plain dict (JSON-ready) that every screen, export, API
answer and frozen snapshot is made from, so they all show the same numbers:

    {"query": {...}, "totals": {metric: value},
     "breakdowns": {"audience"|"province"|"commune"|"course"|"class"|"mode"|"sex"|"origin":
                    [{"key", "label", **metrics}]},
     "province_audience": [{"province", "province_label", "audience", "audience_label", **metrics}],
     "monthly": [{"month": "YYYY-MM", **metrics}],
     "not_additive": {breakdown: [metric, ...]}}

The period runs from `start` to `end` (local dates, Asia/Ho_Chi_Minh, both included); data are
counted up to `min(end, cutoff)` (the actual-data cut-off of six-month and annual reports).
Every datetime below is compared with local midnights.

Metrics (each a count unless said; "in the period" means up to the effective end):

- classes: training classes held in the jurisdiction: a class with at least one session starting
  in the period, or a class without any session (self-paced online) whose `starts_on` falls in
  the period. A class is placed by its `locality` (rolled up to the current province/commune)
  and, in the monthly table, in the month of its first session in the period (else `starts_on`).
  Not broken down by audience or sex (None there): a class is not a person.
- attendances (số lượt người tham dự): attendance records with status "present" at sessions
  (in person or live online) starting in the period, of the classes held in the jurisdiction,
  whoever attended (the sessions a unit held, as the Ministry's forms count them). One person at
  three sessions is 3 lượt. Placed like the class in the province, commune and monthly tables
  (where and when it was held), by the attendee's audience and sex in those tables; the
  "origin" table breaks them down by the province where each attendee is recorded (people from
  other provinces come to a province's classes), its only metric.
- people_trained: distinct people with a present attendance or a course completion in the
  period. In the course, class, mode and monthly tables a person is counted in every row they
  appear in, so those rows may add up to more than the total (listed in `not_additive`).
- enrolments: enrolments made in the period (`enrolled_at`).
- completions: enrolments completed in the period (`completed_at`), whenever they were made.
- completion_rate (%): of the enrolments made in the period, the share completed by the
  effective end (`enrolments_completed` / `enrolments`), one decimal; None without enrolments.
- quiz_pass_rate (%) and quiz_mean_score (%): graded quiz attempts submitted in the period
  (`quiz_graded`): the share passed, and the mean of their percentage scores; one decimal.
- certificates_valid / certificates_revoked: certificates issued in the period, by their status
  at the effective end (a revocation after the cut-off still counts as valid).
- registered: profiles created before the effective end, by the person's attributes. Not broken
  down by course, class, mode or month (None there).

Placement: a person's figures (all but classes and attendances) go to their profile's
audience, sex, province and commune, the
units rolled up through `successor` chains to the current ones (records kept under a pre-2025
province count for the province that took it over); missing values form a `key: None` row
("not recorded"). Course: the enrolment's, certificate's or the quiz lesson's course; an
attendance (and a class) belongs to its class's course when the class teaches exactly one, else
to the `key: None` row. Class and mode: the session's class, the enrolment's or certificate's
class, a quiz attempt's enrolment's class; records outside any class form the `key: None` row
("self-study"). Except for the metrics listed in `not_additive`, every total equals the sum of
its breakdown.

Jurisdiction: a province report counts the classes held there and the attendances at their
sessions, and, for every other metric, the people recorded in the province (or one of its
predecessors) wherever they trained; a commune report likewise for the commune. So "the
province organised N classes for M attendances" reads as written, and "P people were trained"
counts the province's own people.

Cost: a fixed number of SQL queries whatever the data size (about a dozen): each record table is
read once, grouped by GROUP BY GROUPING SETS on PostgreSQL (a UNION ALL of GROUP BYs elsewhere)
over raw unit ids; units, labels and the roll-ups to current units are joined in Python over
the grouped rows. Distinct people are counted per person first (`participations_by_person`),
and per (person, class/course/mode/month) pair only when those tables are asked for.
`ReportQuery(tables=("province_audience",))` computes only the tables named (the totals always):
the national province x audience report reads each table once with one small grouping.
"""

from __future__ import annotations

import copy
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

METRICS = [
    "classes",
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
# Counts of people (or of records of people): the cells suppression looks at.
PEOPLE_COUNTS = [
    "attendances",
    "people_trained",
    "enrolments",
    "completions",
    "certificates_valid",
    "certificates_revoked",
    "registered",
]
RATES = {
    "completion_rate": "enrolments",
    "quiz_pass_rate": "quiz_graded",
    "quiz_mean_score": "quiz_graded",
}
# Extra columns kept in every row: the bases of the rates.
BASES = ["enrolments_completed", "quiz_graded"]
BREAKDOWNS = ["audience", "province", "commune", "course", "class", "mode", "sex", "origin"]
NOT_APPLICABLE = {
    "audience": {"classes"},
    "sex": {"classes"},
    "province_audience": {"classes"},
    "course": {"registered"},
    "class": {"registered"},
    "mode": {"registered"},
    "monthly": {"registered"},
    # Attendances at the jurisdiction's classes by where each attendee is recorded: nothing else.
    "origin": (set(METRICS) | set(BASES)) - {"attendances"},
}
NOT_ADDITIVE = {
    "course": ["people_trained"],
    "class": ["people_trained"],
    "mode": ["people_trained"],
    "monthly": ["people_trained"],
}
MODES = ["in_person", "online", "blended"]
SEXES = ["female", "male"]

# Accumulated sums behind the metrics.
_SUMS = [
    "classes",
    "attendances",
    "people_trained",
    "enrolments",
    "enrolments_completed",
    "completions",
    "quiz_graded",
    "quiz_passed",
    "quiz_scored",
    "quiz_score_sum",
    "certificates_valid",
    "certificates_revoked",
    "registered",
]


class ReportInputError(ValueError):
    """A query that cannot be answered (dates in the wrong order, unknown unit code)."""


@dataclass(frozen=True)
class ReportQuery:
    start: date
    end: date
    cutoff: date | None = None
    province_code: str | None = None
    commune_code: str | None = None
    # Which tables to compute (names of BREAKDOWNS, "province_audience", "monthly"); None: all.
    # The others come back empty. The totals are always computed.
    tables: tuple[str, ...] | None = None

    @staticmethod
    def table_names(raw: str | None) -> tuple[str, ...] | None:
        """`tables` from a comma-separated list as typed (None when it names none)."""
        return tuple(name.strip() for name in (raw or "").split(",") if name.strip()) or None

    @property
    def effective_end(self) -> date:
        return min(self.end, self.cutoff) if self.cutoff else self.end

    def validate(self) -> None:
        if self.start > self.end:
            raise ReportInputError(
                _("The period starts (%(start)s) after it ends (%(end)s).")
                % {"start": self.start.strftime("%d/%m/%Y"), "end": self.end.strftime("%d/%m/%Y")}
            )
        if self.cutoff and self.cutoff < self.start:
            raise ReportInputError(
                _("The cut-off date (%(cutoff)s) is before the period starts (%(start)s).")
                % {
                    "cutoff": self.cutoff.strftime("%d/%m/%Y"),
                    "start": self.start.strftime("%d/%m/%Y"),
                }
            )

    def as_dict(self) -> dict:
        data = asdict(self)
        data["tables"] = list(self.tables) if self.tables else None
        for name in ("start", "end", "cutoff"):
            data[name] = data[name].isoformat() if data[name] else None
        data["effective_end"] = self.effective_end.isoformat()
        return data


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def month_bounds(start: date, effective_end: date) -> list[tuple[str, datetime]]:
    """Each month of the period with the local midnight where it stops counting."""
    months = []
    year, month = start.year, start.month
    stop = local_midnight(effective_end + timedelta(days=1))
    while True:
        following = date(year + month // 12, month % 12 + 1, 1)
        upper = min(local_midnight(following), stop)
        months.append((f"{year:04d}-{month:02d}", upper))
        if upper >= stop:
            return months
        year, month = following.year, following.month


# ---------------------------------------------------------------- administrative units


class Units:
    """Every administrative unit, with each one's current unit and current province."""

    def __init__(self):
        from people.models import AdministrativeUnit

        self.rows = {
            pk: (code, name, level, current, successor, parent)
            for pk, code, name, level, current, successor, parent in (
                AdministrativeUnit.objects.values_list(
                    "pk", "code", "name", "level", "is_current", "successor_id", "parent_id"
                )
            )
        }
        self._current: dict[int, int] = {}

    def current(self, pk: int | None) -> int | None:
        if pk is None or pk not in self.rows:
            return None
        if pk not in self._current:
            unit, seen = pk, set()
            while not self.rows[unit][3] and self.rows[unit][4] and unit not in seen:
                seen.add(unit)
                unit = self.rows[unit][4]
            self._current[pk] = unit
        return self._current[pk]

    def province(self, pk: int | None) -> int | None:
        """The current province of a unit of any level."""
        unit, seen = self.current(pk), set()
        while unit is not None and self.rows[unit][2] != "province" and unit not in seen:
            seen.add(unit)
            unit = self.current(self.rows[unit][5])
        return unit

    def commune(self, pk: int | None) -> int | None:
        unit = self.current(pk)
        return unit if unit is not None and self.rows[unit][2] == "commune" else None

    def code(self, pk):
        return self.rows[pk][0] if pk is not None else None

    def name(self, pk):
        return self.rows[pk][1] if pk is not None else _("Not recorded")

    def find(self, code: str, level: str) -> int | None:
        """The current unit with this code, else a former one (resolved to its successor)."""
        former = None
        for pk, row in self.rows.items():
            if row[0] == code and row[2] == level:
                if row[3]:
                    return pk
                former = pk
        return self.current(former) if former is not None else None

    def within_province(self, province: int, level: str | None = None) -> list[int]:
        return [
            pk
            for pk, row in self.rows.items()
            if (level is None or row[2] == level) and self.province(pk) == province
        ]

    def within_commune(self, commune: int) -> list[int]:
        return [pk for pk in self.rows if self.current(pk) == commune]


# ---------------------------------------------------------------- SQL


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# Dimensions of the grouped rows: the person's audience, province, sex and commune (raw unit ids,
# rolled up in Python), the class, course, mode, month, the month of completion, and where the
# class was held (raw unit id).
DIMS = ["pa", "pp", "ps", "pc", "cl", "co", "md", "mo", "mc", "lo"]
SETS = {
    "person": ("pa", "pp", "ps"),
    "held": ("lo", "pa"),
    "held_sex": ("ps",),
    "origin": ("pp",),
    "commune": ("pc",),
    "class": ("cl",),
    "course": ("co",),
    "mode": ("md",),
    "monthly": ("mo",),
    "monthly_done": ("mc",),
    "total": (),
}
PERSON_SETS = ("person", "commune", "total")
OTHER_SETS = ("class", "course", "mode", "monthly", "monthly_done")
TABLES = BREAKDOWNS + ["province_audience", "monthly"]


def _sets_for(tables) -> list[str]:
    """The grouping sets the requested tables need (the totals always)."""
    wanted = set(tables)
    sets = []
    if wanted & {"audience", "province", "sex", "province_audience"}:
        sets.append("person")
    for name in ("commune", "class", "course", "mode", "monthly"):
        if name in wanted:
            sets.append(name)
    return sets + ["total"]


def _grouping_sql(
    facts: str, measures: str, sets, extra_key: str = "", additive: bool = False
) -> tuple[str, dict, int]:
    """SELECT gs, <DIMS>, <measures> grouped by each of `sets` over the `facts` subquery, which
    must select the dimensions those sets use. `gs` names the set; `extra_key` (e.g. "uid") is
    grouped in every set. Returns the SQL, {gs: set name or names} and how often `facts` is
    repeated.

    `additive`: every measure is a sum or count over rows that fall in exactly one group, so
    one set and the totals (the national province x audience report) need a plain GROUP BY,
    each row counting for the totals as well: PostgreSQL then aggregates in parallel, which it
    does not do for GROUPING SETS."""
    keys = [extra_key] if extra_key else []
    used = [d for d in DIMS if any(d in SETS[name] for name in sets)]
    if (
        connection.vendor == "postgresql"
        and additive
        and not keys
        and len(sets) == 2
        and sets[1] == "total"
        and SETS[sets[0]]
    ):
        columns = SETS[sets[0]]
        selected = ", ".join(d if d in columns else f"NULL AS {d}" for d in DIMS)
        sql = (
            f"SELECT 0 AS gs, {selected}, {measures} FROM ({facts}) f GROUP BY {', '.join(columns)}"
        )
        return sql, {0: (sets[0], "total")}, 1
    if connection.vendor == "postgresql":
        selected = ", ".join(keys + [d if d in used else f"NULL AS {d}" for d in DIMS])
        group = ", ".join("(" + ", ".join(keys + list(SETS[name])) + ")" for name in sets)
        if used:
            bits = {
                sum(1 << (len(used) - 1 - i) for i, d in enumerate(used) if d not in SETS[n]): n
                for n in sets
            }
            sql = (
                f"SELECT GROUPING({', '.join(used)}) AS gs, {selected}, {measures} "
                f"FROM ({facts}) f GROUP BY GROUPING SETS ({group})"
            )
        else:  # the totals only
            bits = {0: "total"}
            sql = f"SELECT 0 AS gs, {selected}, {measures} FROM ({facts}) f" + (
                f" GROUP BY {', '.join(keys)}" if keys else ""
            )
        return sql, bits, 1
    parts, ids = [], {}
    for number, name in enumerate(sets):
        cols = SETS[name]
        selected = ", ".join(keys + [d if d in cols else f"NULL AS {d}" for d in DIMS])
        group = ", ".join(keys + list(cols))
        parts.append(
            f"SELECT {number} AS gs, {selected}, {measures} FROM ({facts}) f"
            + (f" GROUP BY {group}" if group else "")
        )
        ids[number] = name
    return " UNION ALL ".join(parts), ids, len(sets)


def summary_plan(start: date, end: date):
    """How a period splits for reports.summary: (first whole month, the month after the last
    whole month, [(from, to) local-midnight bounds of the partial months at either end]), or
    None when the period holds no whole month."""
    stop = end + timedelta(days=1)
    first = (
        start if start.day == 1 else date(start.year + start.month // 12, start.month % 12 + 1, 1)
    )
    after = stop.replace(day=1)
    if first >= after:
        return None
    edges = []
    if start < first:
        edges.append((local_midnight(start), local_midnight(first)))
    if after < stop:
        edges.append((local_midnight(after), local_midnight(stop)))
    return first, after, edges


class _Sql:
    """The fact queries of one report, sharing bounds and jurisdiction filters.

    Each method returns (sql, params, {gs: set name}) or None when no table needs it."""

    PERSON_DIMS = (
        "p.audience_id AS pa, p.province_id AS pp, COALESCE(p.sex, '') AS ps, p.commune_id AS pc"
    )

    def __init__(self, query: ReportQuery, units: Units, tables, use_summary: bool = False):
        from assessments.models import Attempt
        from certificates.models import Certificate
        from courses.records import Enrolment
        from people.models import Attendance, ClassSession, Profile, TrainingClass

        self.t = {
            "attendance": _table(Attendance),
            "session": _table(ClassSession),
            "class": _table(TrainingClass),
            "class_courses": _table(TrainingClass.courses.through),
            "enrolment": _table(Enrolment),
            "attempt": _table(Attempt),
            "certificate": _table(Certificate),
            "profile": _table(Profile),
        }
        through = TrainingClass.courses.through._meta
        self.cc_class = through.get_field("trainingclass").column
        self.cc_course = through.get_field("coursepage").column
        self.start = local_midnight(query.start)
        self.stop = local_midnight(query.effective_end + timedelta(days=1))
        self.months = month_bounds(query.start, query.effective_end)
        self.tables = set(tables)
        sets = _sets_for(tables)
        self.sets = sets
        self.person_sets = [s for s in sets if s in PERSON_SETS]
        self.other_sets = [s for s in sets if s in OTHER_SETS]
        self.person_filter = self.held_filter = ""
        self.person_provinces: list[int] | None = None
        # Whole months read from reports.summary (PostgreSQL): None, or (first month, month
        # after the last, [partial-month edges as (from, to) datetimes]).
        self.summary = None
        self.summary_sets: list[str] = []
        if use_summary and not query.commune_code:
            self.summary = summary_plan(query.start, query.effective_end)
            if self.summary:
                self.summary_sets = [s for s in ("person", "total") if s in sets]
        if query.commune_code:
            ids = units.within_commune(units.find(query.commune_code, "commune"))
            self.person_filter = f"p.commune_id IN ({self._ints(ids)})"
            self.held_filter = f"c.locality_id IN ({self._ints(ids)})"
        elif query.province_code:
            province = units.find(query.province_code, "province")
            ids = units.within_province(province, "province")
            self.person_provinces = ids
            self.person_filter = f"p.province_id IN ({self._ints(ids)})"
            places = units.within_province(province)
            self.held_filter = f"c.locality_id IN ({self._ints(places)})"

    @staticmethod
    def _ints(ids) -> str:
        return ", ".join(str(int(i)) for i in ids) or "NULL"

    def month_case(self, column: str, params: list) -> str:
        if len(self.months) == 1:  # a period inside one month (CASE needs a WHEN)
            return f"'{self.months[0][0]}'"
        whens = []
        for label, upper in self.months[:-1]:
            whens.append(f"WHEN {column} < %s THEN '{label}'")
            params.append(upper)
        return f"CASE {' '.join(whens)} ELSE '{self.months[-1][0]}' END"

    def in_period(self, column: str, params: list) -> str:
        params.extend([self.start, self.stop])
        return f"({column} >= %s AND {column} < %s)"

    def where_person(self, prefix: str = "AND") -> str:
        return f" {prefix} {self.person_filter}" if self.person_filter else ""

    def only_people(self, user_column: str) -> str:
        """A semi-join keeping the jurisdiction's people (for queries without person dims)."""
        if not self.person_filter:
            return ""
        people = f"SELECT p.user_id FROM {self.t['profile']} p WHERE {self.person_filter}"
        if connection.vendor == "postgresql":
            # An array computed first: the planner then reads the people's rows through the
            # user_id indexes instead of hashing the whole country's rows of the period
            # (bench/reports_scale.py times a province's full report).
            return f" AND {user_column} = ANY(ARRAY({people}))"
        return f" AND {user_column} IN ({people})"

    def person_join(self, user_column: str) -> str:
        return f" LEFT JOIN {self.t['profile']} p ON p.user_id = {user_column}"

    def wants(self, *names) -> bool:
        return any(name in self.sets for name in names)

    def raw(self, sets) -> list[str]:
        """The sets of `sets` read from the records (the others come from the summary)."""
        return [s for s in sets if s not in self.summary_sets]

    def single_course(self) -> str:
        """Classes teaching exactly one course, with that course."""
        return (
            f"SELECT {self.cc_class} AS class_id, MIN({self.cc_course}) AS course_id "
            f"FROM {self.t['class_courses']} GROUP BY {self.cc_class} HAVING COUNT(*) = 1"
        )

    def _done(self, sql, ids, repeat, params):
        return sql, params * repeat, ids

    def participations_by_person(self):
        """Distinct people trained (present at a session anywhere, or completing a course) by
        person dims: first one row per person."""
        params: list = []
        t = self.t
        parts = (
            f"SELECT a.user_id AS uid FROM {t['attendance']} a "
            f"JOIN {t['session']} s ON s.id = a.session_id "
            f"WHERE a.status = 'present' AND {self.in_period('s.starts_at', params)}"
            f"{self.only_people('a.user_id')} "
            f"UNION SELECT e.user_id AS uid FROM {t['enrolment']} e "
            f"WHERE {self.in_period('e.completed_at', params)}{self.only_people('e.user_id')}"
        )
        # The jurisdiction's people are picked in each branch too: the UNION then removes
        # duplicates among them only, not among the whole country's participations.
        facts = (
            f"SELECT {self.PERSON_DIMS} FROM ({parts}) u"
            f"{self.person_join('u.uid')}{self.where_person('WHERE')}"
        )
        sets = self.raw(self.person_sets)
        if not sets:
            return None
        sql, ids, repeat = _grouping_sql(facts, "COUNT(*) AS people_trained", sets, additive=True)
        return self._done(sql, ids, repeat, params)

    def attendances_held(self):
        """Attendances at the sessions of the classes held in the jurisdiction, by where the
        class was held and the attendee's audience, by sex, and by the attendee's province."""
        sets = []
        if self.tables & {"audience", "province", "commune", "province_audience"}:
            sets.append("held")
        if "sex" in self.tables:
            sets.append("held_sex")
        if "origin" in self.tables:
            sets.append("origin")
        params: list = []
        t = self.t
        held = f" AND {self.held_filter}" if self.held_filter else ""
        facts = (
            f"SELECT c.locality_id AS lo, p.audience_id AS pa, COALESCE(p.sex, '') AS ps, "
            f"p.province_id AS pp FROM {t['attendance']} a "
            f"JOIN {t['session']} s ON s.id = a.session_id "
            f"JOIN {t['class']} c ON c.id = s.training_class_id"
            f"{self.person_join('a.user_id')} "
            f"WHERE a.status = 'present' AND {self.in_period('s.starts_at', params)}{held}"
        )
        sql, ids, repeat = _grouping_sql(
            facts, "COUNT(*) AS attendances", sets + ["total"], additive=True
        )
        return self._done(sql, ids, repeat, params)

    def participations_by_other(self):
        """Attendances (at the classes held in the jurisdiction) and distinct people (of the
        jurisdiction) by class, course, mode and month."""
        sets = [s for s in self.other_sets if s != "monthly_done"]
        if not sets:
            return None
        params: list = []
        t = self.t
        wants_month = "monthly" in sets

        def attended(counted: str, people: str, scope: str) -> str:
            # Placeholders in the order they appear: the month CASE, then the period.
            month = f", {self.month_case('s.starts_at', params)} AS mo" if wants_month else ""
            period = self.in_period("s.starts_at", params)
            return (
                f"SELECT s.training_class_id AS cl, sc.course_id AS co, c.mode AS md{month}, "
                f"{counted} FROM {t['attendance']} a JOIN {t['session']} s ON s.id = a.session_id "
                f"JOIN {t['class']} c ON c.id = s.training_class_id "
                f"LEFT JOIN ({self.single_course()}) sc ON sc.class_id = c.id{people} "
                f"WHERE a.status = 'present' AND {period}{scope}"
            )

        if self.held_filter:
            # Held here (counted as a lượt) or attended by one of the jurisdiction's people
            # (counted among the people trained), wherever the class was: two branches, so
            # that each starts from its own few rows (the classes held here; the
            # jurisdiction's people) rather than from every attendance in the country.
            held, mine = f"({self.held_filter})", f"({self.person_filter})"
            here = attended(
                f"1 AS att, CASE WHEN {mine} THEN a.user_id END AS uid",
                self.person_join("a.user_id"),
                f" AND {held}",
            )
            elsewhere = attended(
                "0 AS att, a.user_id AS uid",
                "",
                f" AND {held} IS NOT TRUE{self.only_people('a.user_id')}",
            )
            attendance = f"{here} UNION ALL {elsewhere}"
        else:
            attendance = attended("1 AS att, a.user_id AS uid", "", "")
        month_c = f", {self.month_case('e.completed_at', params)} AS mo" if wants_month else ""
        completion = (
            f"SELECT e.training_class_id AS cl, e.course_id AS co, "
            f"c.mode AS md{month_c}, 0 AS att, e.user_id AS uid "
            f"FROM {t['enrolment']} e LEFT JOIN {t['class']} c ON c.id = e.training_class_id "
            f"WHERE {self.in_period('e.completed_at', params)}{self.only_people('e.user_id')}"
        )
        # COUNT(DISTINCT) sorts once per set: faster here than hashing (person, set) pairs.
        sql, ids, repeat = _grouping_sql(
            f"{attendance} UNION ALL {completion}",
            "SUM(att) AS attendances, COUNT(DISTINCT uid) AS people_trained",
            sets,
        )
        return self._done(sql, ids, repeat, params)

    def enrolments(self):
        """Enrolments made, their completion by the end, and completions, in one pass."""
        params: list = []
        t = self.t
        sets = self.raw(list(self.sets) + (["monthly_done"] if "monthly" in self.sets else []))
        if not sets:
            return None
        dims = [self.PERSON_DIMS, "e.training_class_id AS cl", "e.course_id AS co"]
        joins = self.person_join("e.user_id")
        if self.wants("mode"):
            dims.append("c.mode AS md")
            joins += f" LEFT JOIN {t['class']} c ON c.id = e.training_class_id"
        if self.wants("monthly"):
            enrolled = self.in_period("e.enrolled_at", params)
            dims.append(
                f"CASE WHEN {enrolled} THEN {self.month_case('e.enrolled_at', params)} END AS mo"
            )
            completed = self.in_period("e.completed_at", params)
            dims.append(
                f"CASE WHEN {completed} THEN {self.month_case('e.completed_at', params)} END AS mc"
            )
        enrolled = self.in_period("e.enrolled_at", params)
        dims.append(f"CASE WHEN {enrolled} THEN 1 ELSE 0 END AS e_in")
        enrolled = self.in_period("e.enrolled_at", params)
        params.append(self.stop)
        dims.append(f"CASE WHEN {enrolled} AND e.completed_at < %s THEN 1 ELSE 0 END AS done")
        completed = self.in_period("e.completed_at", params)
        dims.append(f"CASE WHEN {completed} THEN 1 ELSE 0 END AS c_in")
        enrolled = self.in_period("e.enrolled_at", params)
        completed = self.in_period("e.completed_at", params)
        facts = (
            f"SELECT {', '.join(dims)} FROM {t['enrolment']} e{joins} "
            f"WHERE ({enrolled} OR {completed}){self.where_person()}"
        )
        sql, ids, repeat = _grouping_sql(
            facts,
            "SUM(e_in) AS enrolments, SUM(done) AS enrolments_completed, SUM(c_in) AS completions",
            sets,
            additive=True,
        )
        return self._done(sql, ids, repeat, params)

    def attempts(self, lesson_courses: dict[int, list[int]]):
        sets = self.raw(self.sets)
        if not sets:
            return None
        params: list = []
        t = self.t
        whens = " ".join(
            f"WHEN t.lesson_id IN ({self._ints(lessons)}) THEN {int(course)}"
            for course, lessons in sorted(lesson_courses.items())
            if lessons
        )
        course = f"CASE {whens} END" if whens else "CAST(NULL AS INTEGER)"
        dims = [self.PERSON_DIMS, f"{course} AS co"]
        joins = self.person_join("t.user_id")
        if self.wants("class", "mode"):
            dims.append("e.training_class_id AS cl")
            joins += (
                f" LEFT JOIN {t['enrolment']} e ON e.user_id = t.user_id AND e.course_id = {course}"
            )
            if self.wants("mode"):
                dims.append("c.mode AS md")
                joins += f" LEFT JOIN {t['class']} c ON c.id = e.training_class_id"
        if self.wants("monthly"):
            dims.append(f"{self.month_case('t.submitted_at', params)} AS mo")
        facts = (
            f"SELECT {', '.join(dims)}, CASE WHEN t.passed THEN 1 ELSE 0 END AS passed, "
            f"t.percent AS pct FROM {t['attempt']} t{joins} "
            f"WHERE t.state = 'graded' AND {self.in_period('t.submitted_at', params)}"
            f"{self.where_person()}"
        )
        sql, ids, repeat = _grouping_sql(
            facts,
            "COUNT(*) AS quiz_graded, SUM(passed) AS quiz_passed, COUNT(pct) AS quiz_scored, "
            "SUM(pct) AS quiz_score_sum",
            sets,
            additive=True,
        )
        return self._done(sql, ids, repeat, params)

    def certificates(self):
        sets = self.raw(self.sets)
        if not sets:
            return None
        params: list = []
        t = self.t
        dims = [self.PERSON_DIMS, "x.training_class_id AS cl", "x.course_id AS co"]
        joins = self.person_join("x.user_id")
        if self.wants("mode"):
            dims.append("c.mode AS md")
            joins += f" LEFT JOIN {t['class']} c ON c.id = x.training_class_id"
        if self.wants("monthly"):
            dims.append(f"{self.month_case('x.issued_at', params)} AS mo")
        params.append(self.stop)
        facts = (
            f"SELECT {', '.join(dims)}, CASE WHEN x.status = 'revoked' AND "
            f"(x.revoked_at IS NULL OR x.revoked_at < %s) THEN 1 ELSE 0 END AS revoked "
            f"FROM {t['certificate']} x{joins} "
            f"WHERE {self.in_period('x.issued_at', params)}{self.where_person()}"
        )
        sql, ids, repeat = _grouping_sql(
            facts,
            "COUNT(*) - SUM(revoked) AS certificates_valid, SUM(revoked) AS certificates_revoked",
            sets,
            additive=True,
        )
        return self._done(sql, ids, repeat, params)

    def registered(self):
        facts = (
            f"SELECT {self.PERSON_DIMS} FROM {self.t['profile']} p "
            f"WHERE p.created_at < %s{self.where_person()}"
        )
        sql, ids, repeat = _grouping_sql(
            facts, "COUNT(*) AS registered", self.person_sets, additive=True
        )
        return self._done(sql, ids, repeat, [self.stop])

    # ------------------------------------------------------------ from reports.summary

    def _edges(self, column: str, params: list) -> str:
        """`column` within the partial months at either end of the period."""
        parts = []
        for lower, upper in self.summary[2]:
            parts.append(f"({column} >= %s AND {column} < %s)")
            params += [lower, upper]
        return "(" + " OR ".join(parts) + ")"

    def _summary_select(self, measures: str, source: str, params_count=None) -> str:
        dims = ", ".join(d if d in ("pa", "pp", "ps") else f"NULL AS {d}" for d in DIMS)
        return f"SELECT 0 AS gs, {dims}, {measures} FROM ({source}) u GROUP BY pa, pp, ps"

    def summary_figures(self):
        """Enrolments, completions, quiz attempts and certificates by the person's placement
        (the "person" set and the totals): whole months from reports_monthlyfigure, the days
        of partial months and the two end-dependent corrections from the records."""
        from . import summary

        first, after, _edges = self.summary
        params: list = [first, after]
        t = self.t
        measures = ", ".join(f"m.{m}" for m in summary.MEASURES)
        province = (
            f" AND m.province_id IN ({self._ints(self.person_provinces)})"
            if self.person_provinces is not None
            else ""
        )
        parts = [
            "SELECT m.audience_id AS pa, m.province_id AS pp, m.sex AS ps, "
            f"{measures}, 0 AS done_after, 0 AS revoked_after FROM reports_monthlyfigure m "
            f"WHERE m.month >= %s AND m.month < %s{province}"
        ]
        person = "p.audience_id AS pa, p.province_id AS pp, COALESCE(p.sex, '') AS ps"
        if self.summary[2]:
            facts = " UNION ALL ".join(
                summary.enrolment_facts(f"{t['enrolment']} e")
                + summary.attempt_facts(f"{t['attempt']} t")
                + summary.certificate_facts(f"{t['certificate']} x")
            )
            measures = ", ".join(f"f.{m}" for m in summary.MEASURES)
            parts.append(
                f"SELECT {person}, {measures}, 0, 0 FROM ({facts}) f"
                f"{self.person_join('f.user_id')} WHERE {self._edges('f.dated_at', params)}"
                f"{self.where_person()}"
            )
        none = ", ".join("0::numeric" if m == "quiz_score_sum" else "0" for m in summary.MEASURES)
        # Enrolments of the period completed only after it ends: not completed "by the end".
        parts.append(
            f"SELECT {person}, {none}, 1, 0 FROM {t['enrolment']} e"
            f"{self.person_join('e.user_id')} WHERE e.completed_at >= %s "
            f"AND {self.in_period('e.enrolled_at', params)}{self.where_person()}"
        )
        params.insert(len(params) - 2, self.stop)
        # Certificates of the period revoked only after it ends: still valid at the end.
        parts.append(
            f"SELECT {person}, {none}, 0, 1 FROM {t['certificate']} x"
            f"{self.person_join('x.user_id')} WHERE x.status = 'revoked' AND x.revoked_at >= %s "
            f"AND {self.in_period('x.issued_at', params)}{self.where_person()}"
        )
        params.insert(len(params) - 2, self.stop)
        sql = self._summary_select(
            "SUM(enrolled) AS enrolments, SUM(enrolled_done) - SUM(done_after) "
            "AS enrolments_completed, SUM(completed) AS completions, "
            "SUM(quiz_graded) AS quiz_graded, SUM(quiz_passed) AS quiz_passed, "
            "SUM(quiz_scored) AS quiz_scored, SUM(quiz_score_sum) AS quiz_score_sum, "
            "SUM(certificates_issued) - SUM(certificates_revoked) + SUM(revoked_after) "
            "AS certificates_valid, SUM(certificates_revoked) - SUM(revoked_after) "
            "AS certificates_revoked",
            " UNION ALL ".join(parts),
        )
        return sql, params, {0: tuple(self.summary_sets)}

    def summary_people(self):
        """Distinct people trained by placement: whole months from reports_participation, the
        partial months from the records."""
        first, after, _edges = self.summary
        params: list = []
        masks: dict[int, int] = {}
        month = first
        while month < after:
            masks[month.year] = masks.get(month.year, 0) | 1 << (month.month - 1)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        years = []
        for year, mask in sorted(masks.items()):
            years.append("(r.year = %s AND r.months & %s <> 0)")
            params += [year, mask]
        # One row per person and year: several years need DISTINCT, one does not.
        distinct = "DISTINCT " if len(masks) > 1 else ""
        parts = [
            f"SELECT {distinct}r.user_id AS uid FROM reports_participation r "
            f"WHERE {' OR '.join(years)}"
        ]
        t = self.t
        if self.summary[2]:
            parts.append(
                f"SELECT a.user_id FROM {t['attendance']} a "
                f"JOIN {t['session']} s ON s.id = a.session_id "
                f"WHERE a.status = 'present' AND {self._edges('s.starts_at', params)}"
            )
            parts.append(
                f"SELECT e.user_id FROM {t['enrolment']} e "
                f"WHERE {self._edges('e.completed_at', params)}"
            )
        source = (
            "SELECT p.audience_id AS pa, p.province_id AS pp, COALESCE(p.sex, '') AS ps "
            f"FROM ({' UNION '.join(parts)}) x{self.person_join('x.uid')}"
            f"{self.where_person('WHERE')}"
        )
        sql = self._summary_select("COUNT(*) AS people_trained", source)
        return sql, params, {0: tuple(self.summary_sets)}

    def all(self, lesson_courses):
        from_summary = (self.summary_figures(), self.summary_people()) if self.summary else ()
        return [
            q
            for q in (
                *from_summary,
                self.participations_by_person(),
                self.attendances_held(),
                self.participations_by_other(),
                self.enrolments(),
                self.attempts(lesson_courses),
                self.certificates(),
                self.registered(),
            )
            if q is not None
        ]


@contextmanager
def _enough_memory():
    """On PostgreSQL, let the grouping of this report use settings.REPORTS_WORK_MEM (default
    64MB) instead of the server's default (often 4MB): past about 100,000 people the per-person
    hash tables would otherwise spill to disk and time would grow faster than the data. JIT is
    off for these queries: compiling them costs more than it saves."""
    if connection.vendor != "postgresql":
        yield
        return
    work_mem = getattr(settings, "REPORTS_WORK_MEM", "64MB")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('work_mem', %s, true), set_config('jit', 'off', true)", [work_mem]
        )
        yield


def _run(sql: str, params: list, ids: dict, sink) -> None:
    # Raw SQL gets no field adaptation: SQLite compares datetimes as UTC text.
    params = [
        connection.ops.adapt_datetimefield_value(p) if isinstance(p, datetime) else p
        for p in params
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        assert names[1 : 1 + len(DIMS)] == DIMS, names
        measures = names[1 + len(DIMS) :]
        for row in cursor.fetchall():
            names = ids[row[0]]
            dims = dict(zip(DIMS, row[1 : 1 + len(DIMS)], strict=True))
            values = dict(zip(measures, row[1 + len(DIMS) :], strict=True))
            for name in names if isinstance(names, tuple) else (names,):
                sink(name, dims, values)


# ---------------------------------------------------------------- assembly


def _zero() -> dict:
    return dict.fromkeys(_SUMS, 0)


def _add(cell: dict, values: dict) -> None:
    for name, value in values.items():
        if value is not None:
            cell[name] = cell.get(name, 0) + (
                float(value) if name == "quiz_score_sum" else int(value)
            )


def _finish(cell: dict, not_applicable=()) -> dict:
    out = {}
    for metric in METRICS:
        if metric in RATES:
            continue
        out[metric] = None if metric in not_applicable else cell[metric]
    out["completion_rate"] = (
        round(100 * cell["enrolments_completed"] / cell["enrolments"], 1)
        if cell["enrolments"]
        else None
    )
    out["quiz_pass_rate"] = (
        round(100 * cell["quiz_passed"] / cell["quiz_graded"], 1) if cell["quiz_graded"] else None
    )
    out["quiz_mean_score"] = (
        round(cell["quiz_score_sum"] / cell["quiz_scored"], 1) if cell["quiz_scored"] else None
    )
    for base in BASES:
        out[base] = None if base in not_applicable else cell[base]
    for rate in RATES:
        if rate in not_applicable:
            out[rate] = None
    return {metric: out[metric] for metric in METRICS + BASES}


def _lesson_courses() -> dict[int, list[int]]:
    from courses.models import CoursePage, LessonPage

    courses = sorted(CoursePage.objects.values_list("pk", "path"), key=lambda c: -len(c[1]))
    mapping: dict[int, list[int]] = {}
    for lesson, path in LessonPage.objects.values_list("pk", "path"):
        for course, course_path in courses:
            if path.startswith(course_path):
                mapping.setdefault(course, []).append(lesson)
                break
    return mapping


def _classes(query: ReportQuery, units: Units, sql: _Sql):
    """Every class (id -> slug, title, mode, locality), and those held in the period and
    jurisdiction as (id, mode, locality, month). Two queries, whatever the number of classes."""
    from people.models import ClassSession, TrainingClass

    sessions = {
        row["training_class_id"]: (row["first_at"], row["n"])
        for row in ClassSession.objects.values("training_class_id").annotate(
            first_at=Min("starts_at", filter=Q(starts_at__gte=sql.start, starts_at__lt=sql.stop)),
            n=Count("pk"),
        )
    }
    if query.commune_code:
        commune = units.find(query.commune_code, "commune")

        def in_scope(locality):
            return units.current(locality) == commune

    elif query.province_code:
        province = units.find(query.province_code, "province")

        def in_scope(locality):
            return units.province(locality) == province

    else:

        def in_scope(locality):
            return True

    classes, held = {}, []
    for row in TrainingClass.objects.values(
        "pk", "slug", "title", "mode", "locality_id", "starts_on"
    ):
        classes[row["pk"]] = row
        first_at, count = sessions.get(row["pk"], (None, 0))
        if first_at is not None:
            month = timezone.localtime(first_at).strftime("%Y-%m")
        elif not count and query.start <= row["starts_on"] <= query.effective_end:
            month = row["starts_on"].strftime("%Y-%m")
        else:
            continue
        if in_scope(row["locality_id"]):
            held.append((row["pk"], row["mode"], row["locality_id"], month))
    return classes, held


def compute(query: ReportQuery, *, summary: bool | None = None) -> dict:
    """The report of `query` (see the module docstring for every metric's definition).

    `summary`: read whole months from reports.summary's tables (PostgreSQL); None: whenever
    they are available. False reads every record (tests compare the two)."""
    from people.models import AudienceGroup, TrainingClass

    query.validate()
    unknown = set(query.tables or ()) - set(TABLES)
    if unknown:
        raise ReportInputError(_("Unknown table: %(name)s.") % {"name": ", ".join(sorted(unknown))})
    units = Units()
    scope_label = _("National")
    scope_subject = _("ministries, sectors and localities")
    scope_place = ""  # where the people counted are recorded, for the paragraph
    if query.commune_code:
        commune = units.find(query.commune_code, "commune")
        if commune is None:
            raise ReportInputError(
                _("Unknown commune code: %(code)s.") % {"code": query.commune_code}
            )
        scope_label = units.name(commune)
        scope_place = _lower_first(scope_label)
        scope_subject = _("the People's Committee of %(unit)s") % {"unit": scope_place}
    elif query.province_code:
        province = units.find(query.province_code, "province")
        if province is None:
            raise ReportInputError(
                _("Unknown province code: %(code)s.") % {"code": query.province_code}
            )
        scope_label = units.name(province)
        name = scope_label
        if not name.lower().startswith(("thành phố", "tỉnh")):
            name = _("province %(name)s") % {"name": name}
        scope_place = _lower_first(name)
        scope_subject = _("the Department of Justice of %(unit)s") % {"unit": scope_place}
    if summary is None:
        # The summary holds the person set and the totals; when a table needs records by
        # commune, class, course, mode or month they are read anyway, so it would save little.
        summary = False
        if set(_sets_for(query.tables or TABLES)) <= {"person", "total"}:
            from . import summary as summary_tables

            summary = summary_tables.available()
    sql = _Sql(query, units, query.tables or TABLES, use_summary=summary)

    # Cells keyed by (breakdown, key); "total" is the whole report.
    cells: dict[tuple, dict] = {}

    def cell(name, key):
        found = cells.get((name, key))
        if found is None:
            found = cells[(name, key)] = _zero()
        return found

    def sink(set_name, dims, measures):
        if set_name == "person":
            audience, sex = dims["pa"], dims["ps"] or None
            province = units.province(dims["pp"])
            _add(cell("audience", audience), measures)
            _add(cell("sex", sex), measures)
            _add(cell("province", province), measures)
            _add(cell("province_audience", (province, audience)), measures)
        elif set_name == "held":
            province = units.province(dims["lo"])
            _add(cell("audience", dims["pa"]), measures)
            _add(cell("province", province), measures)
            _add(cell("commune", units.commune(dims["lo"])), measures)
            _add(cell("province_audience", (province, dims["pa"])), measures)
        elif set_name == "held_sex":
            _add(cell("sex", dims["ps"] or None), measures)
        elif set_name == "origin":
            _add(cell("origin", units.province(dims["pp"])), measures)
        elif set_name == "commune":
            _add(cell("commune", units.commune(dims["pc"])), measures)
        elif set_name == "class":
            _add(cell("class", dims["cl"]), measures)
        elif set_name == "course":
            _add(cell("course", dims["co"]), measures)
        elif set_name == "mode":
            _add(cell("mode", dims["md"]), measures)
        elif set_name == "monthly":
            if dims["mo"] is not None:  # None: an enrolment completed, not made, in the period
                measures = {k: v for k, v in measures.items() if k != "completions"}
                _add(cell("monthly", dims["mo"]), measures)
        elif set_name == "monthly_done":
            if dims["mc"] is not None:
                _add(cell("monthly", dims["mc"]), {"completions": measures["completions"]})
        else:
            _add(cell("total", None), measures)

    lesson_courses = _lesson_courses()
    with _enough_memory():
        for sql_text, params, ids in sql.all(lesson_courses):
            _run(sql_text, params, ids, sink)

    # Classes held: few rows (one per class), placed in Python.
    single = {
        row["trainingclass_id"]: row["course"]
        for row in TrainingClass.courses.through.objects.values("trainingclass_id")
        .annotate(n=Count("pk"), course=Min("coursepage_id"))
        .filter(n=1)
    }
    classes, held = _classes(query, units, sql)
    for pk, mode, locality, month in held:
        one = {"classes": 1}
        _add(cell("total", None), one)
        _add(cell("province", units.province(locality)), one)
        _add(cell("commune", units.commune(locality)), one)
        _add(cell("class", pk), one)
        _add(cell("course", single.get(pk)), one)
        _add(cell("mode", mode), one)
        _add(cell("monthly", month), one)

    def has_data(values):
        return any(values[name] for name in _SUMS)

    # Labels.
    audiences = {a.pk: a for a in AudienceGroup.objects.all()}
    course_ids = [key for (name, key) in cells if name == "course" and key is not None]
    from wagtail.models import Page

    courses = dict(Page.objects.filter(pk__in=course_ids).values_list("pk", "title"))
    mode_labels = mode_names()
    not_recorded = _("Not recorded")

    def rows_of(name, keys_always=()):
        keys = list(keys_always) + [
            key
            for (n, key) in cells
            if n == name and key not in keys_always and has_data(cells[(n, key)])
        ]
        return [(key, cells.get((name, key)) or _zero()) for key in keys]

    breakdowns: dict[str, list] = {}
    # Audience: every group in its order, then "not recorded" if anyone is.
    rows = []
    for key, values in rows_of("audience", list(audiences)):
        group = audiences.get(key)
        rows.append(
            {
                "key": group.slug if group else None,
                "label": group.name if group else not_recorded,
                **_finish(values, NOT_APPLICABLE.get("audience", ())),
            }
        )
    breakdowns["audience"] = rows
    # Province: the provinces in scope, then those with data.
    if query.commune_code:
        in_scope = [units.province(units.find(query.commune_code, "commune"))]
    elif query.province_code:
        in_scope = [units.find(query.province_code, "province")]
    else:
        in_scope = sorted(
            (pk for pk, row in units.rows.items() if row[2] == "province" and row[3]),
            key=lambda pk: units.rows[pk][0],
        )
    rows = []
    for key, values in rows_of("province", in_scope):
        rows.append({"key": units.code(key), "label": units.name(key), **_finish(values)})
    breakdowns["province"] = _nulls_last(rows)
    rows = []
    for key, values in rows_of("commune"):
        province = units.province(key) if key is not None else None
        rows.append(
            {
                "key": units.code(key),
                "label": units.name(key) if key is not None else _("Not recorded / province level"),
                "province": units.code(province),
                "province_label": units.name(province) if province else "",
                **_finish(values),
            }
        )
    breakdowns["commune"] = _nulls_last(
        sorted(rows, key=lambda r: (r["province"] or "", r["key"] or ""))
    )
    rows = []
    for key, values in rows_of("course"):
        rows.append(
            {
                "key": key,
                "label": courses.get(key, "")
                if key is not None
                else _("Classes with several courses or none"),
                **_finish(values, NOT_APPLICABLE["course"]),
            }
        )
    breakdowns["course"] = _nulls_last(sorted(rows, key=lambda r: (r["label"], r["key"] or 0)))
    rows = []
    for key, values in rows_of("class"):
        info = classes.get(key)
        rows.append(
            {
                "key": info["slug"] if info else None,
                "label": info["title"] if info else _("No class (self-study)"),
                "mode": info["mode"] if info else None,
                "province": units.code(units.province(info["locality_id"])) if info else None,
                **_finish(values, NOT_APPLICABLE["class"]),
            }
        )
    breakdowns["class"] = _nulls_last(sorted(rows, key=lambda r: (r["label"], r["key"] or "")))
    rows = []
    for key, values in rows_of("mode", MODES):
        rows.append(
            {
                "key": key,
                "label": mode_labels.get(key, key),
                **_finish(values, NOT_APPLICABLE["mode"]),
            }
        )
    breakdowns["mode"] = rows
    sex_labels = sex_names()
    rows = []
    for key, values in rows_of("sex", SEXES):
        rows.append(
            {
                "key": key,
                "label": sex_labels.get(key, key),
                **_finish(values, NOT_APPLICABLE["sex"]),
            }
        )
    breakdowns["sex"] = rows
    rows = [
        {
            "key": units.code(key),
            "label": units.name(key),
            **_finish(values, NOT_APPLICABLE["origin"]),
        }
        for key, values in rows_of("origin")
    ]
    breakdowns["origin"] = _nulls_last(sorted(rows, key=lambda r: r["key"] or ""))

    audience_order = {pk: i for i, pk in enumerate(audiences)}
    province_audience = []
    for (name, key), values in cells.items():
        if name != "province_audience" or not has_data(values):
            continue
        province, audience = key
        group = audiences.get(audience)
        province_audience.append(
            {
                "province": units.code(province),
                "province_label": units.name(province),
                "audience": group.slug if group else None,
                "audience_label": group.name if group else not_recorded,
                **_finish(values, NOT_APPLICABLE["province_audience"]),
            }
        )
    province_audience.sort(
        key=lambda r: (
            r["province"] is None,
            r["province"] or "",
            r["audience"] is None,
            audience_order.get(
                next((pk for pk, a in audiences.items() if a.slug == r["audience"]), None), 0
            ),
        )
    )
    monthly = [
        {
            "month": month,
            **_finish(cells.get(("monthly", month)) or _zero(), NOT_APPLICABLE["monthly"]),
        }
        for month, _upper in sql.months
    ]
    requested = set(query.tables or TABLES)
    breakdowns = {name: rows if name in requested else [] for name, rows in breakdowns.items()}
    if "province_audience" not in requested:
        province_audience = []
    if "monthly" not in requested:
        monthly = []
    return {
        "query": {
            **query.as_dict(),
            "scope_label": scope_label,
            "scope_subject": scope_subject,
            "scope_place": scope_place,
        },
        "totals": _finish(cells.get(("total", None)) or _zero()),
        "breakdowns": breakdowns,
        "province_audience": province_audience,
        "monthly": monthly,
        "not_additive": copy.deepcopy(NOT_ADDITIVE),
    }


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _nulls_last(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["key"] is not None] + [r for r in rows if r["key"] is None]


def mode_names() -> dict:
    return {
        "in_person": _("In person"),
        "online": _("Online"),
        "blended": _("Blended"),
        None: _("No class (self-study)"),
    }


def sex_names() -> dict:
    return {"female": _("Female"), "male": _("Male"), None: _("Not recorded")}


def metric_labels() -> dict:
    return {
        "classes": _("Classes held"),
        "attendances": _("Attendances"),
        "people_trained": _("People trained"),
        "enrolments": _("Enrolments"),
        "completions": _("Completions"),
        "completion_rate": _("Completion rate (%)"),
        "quiz_pass_rate": _("Quiz pass rate (%)"),
        "quiz_mean_score": _("Mean quiz score (%)"),
        "certificates_valid": _("Certificates (valid)"),
        "certificates_revoked": _("Certificates (revoked)"),
        "registered": _("People registered"),
        "enrolments_completed": _("Enrolments of the period completed"),
        "quiz_graded": _("Graded quiz attempts"),
    }


def breakdown_labels() -> dict:
    return {
        "audience": _("By audience group"),
        "province": _("By province"),
        "commune": _("By commune"),
        "course": _("By course"),
        "class": _("By training class"),
        "mode": _("By mode"),
        "sex": _("By sex"),
        "origin": _("Attendances by the attendee's province"),
        "province_audience": _("Province by audience group"),
        "monthly": _("By month"),
    }
