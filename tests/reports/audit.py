"""An attacker's view of a published report: every sum a reader can write down from the tables,
and which hidden cells those sums give away. Written from the report's published shape only
(the JSON a reader gets), with exact fractions: no code of reports.privacy is used.

The sums a reader knows:
- each table's rows add up to its total row (the report's totals), except the metrics a table
  lists under `not_additive` (one person in several rows);
- province x audience: a province's cells add up to its row of the province table, an
  audience's cells to its row of the audience table;
- training classes: the classes of a mode add up to that mode's row; their attendances, by the
  province column, to that province's row;
- communes: the communes of a province, plus an unknown part recorded at province level, add
  up to the province's row, and those unknown parts add up to the "not recorded" row.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

COUNTS = [
    "attendances",
    "people_trained",
    "enrolments",
    "completions",
    "certificates_valid",
    "certificates_revoked",
    "registered",
    "enrolments_completed",
    "quiz_graded",
]


def tables(report: dict) -> dict[str, list[dict]]:
    found = dict(report["breakdowns"])
    found["province_audience"] = report["province_audience"]
    found["monthly"] = report["monthly"]
    return found


def hidden(row: dict, metric: str) -> bool:
    return metric in row.get("suppressed", ())


def equations(report: dict, metric: str) -> list[tuple[dict, Fraction]]:
    """[({unknown: coefficient}, known constant)]: sum(coefficient * unknown) = constant."""
    found = []

    def equation(terms):
        """terms: [(row, or ("free", name) for an unpublished unknown, sign)]."""
        unknowns, constant = defaultdict(Fraction), Fraction(0)
        for row, sign in terms:
            if isinstance(row, tuple):
                unknowns[row] += sign
            elif hidden(row, metric):
                unknowns[id(row)] += sign
            elif row.get(metric) is not None:
                constant -= sign * row[metric]
        found.append(({k: v for k, v in unknowns.items() if v}, constant))

    totals = report["totals"]
    all_tables = tables(report)
    for name, rows in all_tables.items():
        if not rows or metric in report.get("not_additive", {}).get(name, []):
            continue
        if all(row.get(metric) is None and not hidden(row, metric) for row in rows):
            continue  # not broken down this way
        equation([(row, 1) for row in rows] + [(totals, -1)])

    def by(rows, field):
        groups = defaultdict(list)
        for row in rows:
            groups[row.get(field)].append(row)
        return groups

    provinces = {row["key"]: row for row in all_tables["province"]}
    audiences = {row["key"]: row for row in all_tables["audience"]}
    modes = {row["key"]: row for row in all_tables["mode"]}
    if metric != "classes":
        for key, rows in by(all_tables["province_audience"], "province").items():
            equation([(r, 1) for r in rows] + [(provinces[key], -1)])
        for key, rows in by(all_tables["province_audience"], "audience").items():
            equation([(r, 1) for r in rows] + [(audiences[key], -1)])
    class_additive = metric not in report.get("not_additive", {}).get("class", [])
    if class_additive and metric != "registered":
        for key, rows in by(all_tables["class"], "mode").items():
            equation([(r, 1) for r in rows] + ([(modes[key], -1)] if key in modes else []))
        if metric == "attendances":
            for key, rows in by(all_tables["class"], "province").items():
                parent = [(provinces[key], -1)] if key in provinces else []
                equation([(r, 1) for r in rows] + parent)
    communes = all_tables["commune"]
    if communes and metric != "classes":
        places = by([r for r in communes if r["key"]], "province")
        for key, province in provinces.items():
            free = (("free", key), 1)
            equation([(r, 1) for r in places.get(key, [])] + [free, (province, -1)])
        not_recorded = [r for r in communes if not r["key"]]
        equation([(("free", key), 1) for key in provinces] + [(r, -1) for r in not_recorded])
    return found


def recoverable(report: dict) -> list[tuple[str, str]]:
    """(row label, metric) of every hidden cell that the sums fix to one value."""
    rows_by_id = {id(row): row for rows in tables(report).values() for row in rows}
    rows_by_id[id(report["totals"])] = report["totals"]
    found = []
    for metric in COUNTS:
        system = equations(report, metric)
        for unknown in _fixed([terms for terms, _constant in system]):
            if unknown in rows_by_id:
                found.append((rows_by_id[unknown].get("label", "total"), metric))
    return found


def _fixed(rows: list[dict]) -> set:
    """The unknowns set by the equations: those alone in a row of the reduced echelon form."""
    pivots: dict = {}
    for row in rows:
        row = dict(row)
        for unknown in [u for u in row if u in pivots]:
            factor = row.get(unknown, 0)
            for u, v in pivots[unknown].items():
                row[u] = row.get(u, 0) - factor * v
            row = {u: v for u, v in row.items() if v}
        if not row:
            continue
        pivot = next(iter(row))
        scale = row[pivot]
        row = {u: v / scale for u, v in row.items()}
        for other in pivots.values():
            factor = other.get(pivot, 0)
            if factor:
                for u, v in row.items():
                    other[u] = other.get(u, 0) - factor * v
                for u in [u for u, v in other.items() if not v]:
                    del other[u]
        pivots[pivot] = row
    return {u for u, row in pivots.items() if len(row) == 1}


def subtractions(report: dict) -> list[tuple[str, str]]:
    """The simplest attack on its own: a sum with a single hidden cell gives it away."""
    rows_by_id = {id(row): row for rows in tables(report).values() for row in rows}
    found = []
    for metric in COUNTS:
        for terms, _constant in equations(report, metric):
            if len(terms) == 1:
                (unknown,) = terms
                if unknown in rows_by_id:
                    found.append((rows_by_id[unknown].get("label"), metric))
    return found
