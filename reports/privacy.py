"""Small cells: hide counts of fewer than 5 people so that no one can be recognised, or worked out.

`suppress_small(report)` returns a copy of a report (the dict of `reports.figures.compute`) safe
to publish; `suppress_small(report, tables={"origin"})` protects only the tables named (those
showing people outside the reader's jurisdiction, see `reports.access.tables_outside`).

Primary suppression: every count of people or of their records (`figures.PEOPLE_COUNTS` and the
bases of the rates) from 1 to `minimum - 1` becomes None and is listed in the row's
"suppressed"; it is shown as "<5". Zeros stay: they identify nobody.

Secondary suppression: the published tables are tied together by sums, so a hidden cell could
be recovered by subtraction. For each metric the sums are written as linear equations:

- every table adds up to the total (except where one person can be in several rows,
  `figures.NOT_ADDITIVE`: no exact sum holds there);
- province x audience: each province's cells add up to its row in the province table, each
  audience's cells to its row in the audience table;
- training classes: the classes of each mode add up to that mode's row; for attendances
  (placed where the class was held) the classes of each province add up to its province row.

The commune table adds up to the total only: its "province level / not recorded" row lumps
every province together, so the part of a province not recorded by commune is unknown and no
sum ties communes to their province's row. The hidden cells are the unknowns; any hidden cell
the equations fix (exact elimination, modulo a large prime) gets a neighbour hidden too (the
smallest non-zero cell of one of its equations), and so on until none is fixed. Those extra
cells, and rates whose base or numerator is hidden or under `minimum`, are listed in
"suppressed" and "suppressed_secondary" and shown as "x". The totals row is hidden only when
it is itself under `minimum`.

Not covered: bounds (a hidden cell is known to lie between 1 and 4), and differences between
two reports (another period or jurisdiction); publish one report per period and jurisdiction.
"""

from __future__ import annotations

import copy
from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from .figures import NOT_ADDITIVE, NOT_APPLICABLE, PEOPLE_COUNTS, RATES, breakdown_labels

MINIMUM = 5
COUNTS = PEOPLE_COUNTS + ["enrolments_completed", "quiz_graded"]
_PRIME = (1 << 61) - 1
TOTAL = ("totals", 0)


def suppress_small(report: dict, minimum: int = MINIMUM, tables=None) -> dict:
    """A copy of `report` in which no count of fewer than `minimum` people can be read or
    worked out (see the module docstring). `tables`: the names of the tables to protect (as in
    `figures.TABLES`); None protects every table and the totals."""
    safe = copy.deepcopy(report)
    rows = _rows(safe)
    eligible = {cell for cell in rows if tables is None or (cell[0] in tables and cell != TOTAL)}
    for metric in COUNTS:
        hidden, secondary = _protect(rows, metric, minimum, eligible)
        for cell in hidden:
            _hide(rows[cell], metric, cell in secondary)
    for cell, row in rows.items():
        if cell in eligible:
            _hide_rates(row, report_row(report, cell), minimum)
    safe["suppression"] = {
        "minimum": minimum,
        "tables": sorted(tables) if tables is not None else None,
    }
    return safe


def report_row(report: dict, cell) -> dict:
    name, index = cell
    if name == "totals":
        return report["totals"]
    if name in ("province_audience", "monthly"):
        return report[name][index]
    return report["breakdowns"][name][index]


def _rows(report: dict) -> dict:
    """{(table, index): row} for every row of every table, and the totals as ("totals", 0)."""
    rows = {TOTAL: report["totals"]}
    for name, table in report["breakdowns"].items():
        rows.update({(name, i): row for i, row in enumerate(table)})
    for name in ("province_audience", "monthly"):
        rows.update({(name, i): row for i, row in enumerate(report.get(name, []))})
    return rows


def _hide(row: dict, metric: str, secondary: bool) -> None:
    row[metric] = None
    row.setdefault("suppressed", [])
    if metric not in row["suppressed"]:
        row["suppressed"].append(metric)
    if secondary:
        row.setdefault("suppressed_secondary", [])
        if metric not in row["suppressed_secondary"]:
            row["suppressed_secondary"].append(metric)


def _hide_rates(row: dict, original: dict, minimum: int) -> None:
    """A rate goes with its base: hidden when the base or numerator is, or the base is small."""
    hidden = set(row.get("suppressed", ()))
    numerators = {"completion_rate": "enrolments_completed"}
    for rate, base in RATES.items():
        if row.get(rate) is None:
            continue
        base_value = original.get(base)
        if (
            base in hidden
            or numerators.get(rate) in hidden
            or base_value is None
            or base_value < minimum
        ):
            _hide(row, rate, True)


def _equations(rows: dict, metric: str) -> list[list[tuple]]:
    """The sums that tie the cells of `metric` together, each as [(cell, +1 | -1), ...]."""
    tables = defaultdict(list)
    for cell, row in rows.items():
        if cell != TOTAL:
            tables[cell[0]].append((cell, row))
    equations = []
    for name, members in tables.items():
        if metric in NOT_APPLICABLE.get(name, ()) or metric in NOT_ADDITIVE.get(name, ()):
            continue
        equations.append([(cell, 1) for cell, _row in members] + [(TOTAL, -1)])

    def grouped(name, field, parent_table, parent_field="key"):
        parents = {row[parent_field]: cell for cell, row in tables.get(parent_table, [])}
        groups = defaultdict(list)
        for cell, row in tables.get(name, []):
            groups[row.get(field)].append((cell, 1))
        for key, children in groups.items():
            parent = parents.get(key)
            equations.append(children + ([(parent, -1)] if parent else []))

    if metric not in NOT_APPLICABLE["province_audience"]:
        grouped("province_audience", "province", "province")
        grouped("province_audience", "audience", "audience")
    if metric not in NOT_APPLICABLE["class"] and metric not in NOT_ADDITIVE.get("class", ()):
        grouped("class", "mode", "mode")
        if metric == "attendances":  # placed where the class was held, as in the province table
            grouped("class", "province", "province")
    return equations


def _protect(rows: dict, metric: str, minimum: int, eligible: set) -> tuple[set, set]:
    """The cells of `metric` to hide: the small ones, and enough others that none of those can
    be worked out from the equations. Returns (all hidden, hidden only to protect others)."""
    values = {cell: row.get(metric) for cell, row in rows.items()}
    hidden = {cell for cell in eligible if values[cell] is not None and 0 < values[cell] < minimum}
    if not hidden:
        return set(), set()
    primary = set(hidden)
    equations = _equations(rows, metric)
    by_cell = defaultdict(list)
    for equation in equations:
        for cell, _coeff in equation:
            by_cell[cell].append(equation)
    while True:
        fixed = _determined(equations, hidden)
        if not fixed:
            break
        added = set()
        for cell in sorted(fixed, key=str):
            candidates = {
                other
                for equation in by_cell[cell]
                for other, _coeff in equation
                if other in eligible
                and other != TOTAL
                and other not in hidden
                and (values[other] or 0) > 0
            }
            if candidates:
                added.add(min(candidates, key=lambda c: (values[c], str(c))))
        if not added:
            # Nothing left to hide beside it: the cell's equations hold only hidden cells,
            # zeros and the total, which is then small itself (and hidden when eligible).
            break
        hidden |= added
    return hidden, hidden - primary


def _determined(equations: list, hidden: set) -> set:
    """The hidden cells whose value the equations fix: reduced row echelon form over the
    hidden cells (the other cells are known numbers), modulo a large prime; a cell is fixed
    when a reduced row holds it alone."""
    rows = []
    for equation in equations:
        row: dict = {}
        for cell, coeff in equation:
            if cell in hidden:
                row[cell] = (row.get(cell, 0) + coeff) % _PRIME
        row = {cell: value for cell, value in row.items() if value}
        if row:
            rows.append(row)
    occurrences = Counter(cell for row in rows for cell in row)
    pivots: dict = {}
    for row in sorted(rows, key=len):
        for cell in [c for c in row if c in pivots]:
            _subtract(row, pivots[cell], row[cell])
        if not row:
            continue
        # A cell seen in few equations makes the least fill-in.
        pivot = min(row, key=lambda c: (occurrences[c], str(c)))
        inverse = pow(row[pivot], _PRIME - 2, _PRIME)
        for cell in row:
            row[cell] = row[cell] * inverse % _PRIME
        for other in pivots.values():
            if pivot in other:
                _subtract(other, row, other[pivot])
        pivots[pivot] = row
    return {cell for cell, row in pivots.items() if len(row) == 1}


def _subtract(row: dict, pivot_row: dict, factor: int) -> None:
    """row -= factor * pivot_row (modulo the prime), dropping zeros."""
    for cell, value in pivot_row.items():
        new = (row.get(cell, 0) - factor * value) % _PRIME
        if new:
            row[cell] = new
        else:
            row.pop(cell, None)


def suppress_for(report: dict, *, published: bool, outside=()) -> dict:
    """The report as a reader may see it: `published`, every table protected; otherwise the
    tables in `outside` (those showing people outside the reader's jurisdiction), if any."""
    if published:
        return suppress_small(report)
    if outside:
        return suppress_small(report, tables=set(outside))
    return report


def privacy_note(report: dict) -> str:
    """What "<5" and "x" mean in this report, or "" when nothing is hidden."""
    suppression = report.get("suppression")
    if not suppression:
        return ""
    note = _(
        "<%(n)s: fewer than %(n)s people, hidden so that nobody can be recognised; x: hidden "
        "so that such a figure cannot be worked out by subtraction."
    ) % {"n": suppression["minimum"]}
    if suppression.get("tables"):
        labels = breakdown_labels()
        note += " " + _("Applies to: %(tables)s (people outside your jurisdiction).") % {
            "tables": ", ".join(str(labels.get(name, name)) for name in suppression["tables"])
        }
    return note
