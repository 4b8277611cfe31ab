"""Small cells: hidden whenever a table is published or shows people outside the reader's
jurisdiction, and never recoverable by subtraction across the published tables."""

import copy

import pytest

from reports.figures import BASES, METRICS, NOT_ADDITIVE, ReportQuery, compute
from reports.privacy import suppress_small

from .audit import COUNTS, recoverable, subtractions, tables
from .dataset import CUTOFF, END, START, build

pytestmark = pytest.mark.django_db


def row(key, label, **values) -> dict:
    cells = dict.fromkeys(METRICS + BASES, 0)
    cells.update(completion_rate=None, quiz_pass_rate=None, quiz_mean_score=None, classes=None)
    cells.update(values)
    return {"key": key, "label": label, **cells}


def hand_made() -> dict:
    """The audit's example: P1/A = 3 and P2/A = 2 are small; P1 = 33 with P1/B = 10 and
    P1/C = 20 would give P1/A away by subtraction."""
    grid = {
        ("P1", "A"): 3, ("P1", "B"): 10, ("P1", "C"): 20,
        ("P2", "A"): 2, ("P2", "B"): 15, ("P2", "C"): 30,
        ("P3", "A"): 12, ("P3", "B"): 8, ("P3", "C"): 9,
    }  # fmt: skip
    provinces = {p: sum(v for (q, _a), v in grid.items() if q == p) for p in ("P1", "P2", "P3")}
    audiences = {a: sum(v for (_p, b), v in grid.items() if b == a) for a in ("A", "B", "C")}
    total = sum(grid.values())
    pa = [
        {
            "province": p,
            "province_label": p,
            "audience": a,
            "audience_label": a,
            **row(None, "", registered=v),
        }
        for (p, a), v in grid.items()
    ]
    for entry in pa:
        del entry["key"], entry["label"]
    return {
        "query": {},
        "totals": row(None, "total", registered=total),
        "breakdowns": {
            "province": [row(p, p, registered=v) for p, v in provinces.items()],
            "audience": [row(a, a, registered=v) for a, v in audiences.items()],
            "commune": [],
            "course": [],
            "class": [],
            "mode": [],
            "sex": [],
            "origin": [],
        },
        "province_audience": pa,
        "monthly": [],
        "not_additive": copy.deepcopy(NOT_ADDITIVE),
    }


def test_the_audits_example_is_caught_and_then_protected():
    report = hand_made()
    # Without protection beyond the small cells, P1/A comes out of P1's row by subtraction.
    naive = copy.deepcopy(report)
    for entry in naive["province_audience"]:
        if entry["registered"] < 5:
            entry["registered"] = None
            entry["suppressed"] = ["registered"]
    assert (None, "registered") in subtractions(naive)  # a province x audience cell
    assert recoverable(naive)

    safe = suppress_small(report)
    cells = {(e["province"], e["audience"]): e for e in safe["province_audience"]}
    assert cells[("P1", "A")]["registered"] is None and cells[("P2", "A")]["registered"] is None
    assert "registered" not in cells[("P1", "A")].get("suppressed_secondary", [])
    assert recoverable(safe) == []
    assert subtractions(safe) == []
    # Some cells of 5 or more had to go too; they are marked as such; the total stays.
    secondary = [e for e in safe["province_audience"] if e.get("suppressed_secondary")]
    assert secondary and all(e["suppressed"] == ["registered"] for e in secondary)
    assert safe["totals"]["registered"] == report["totals"]["registered"]


@pytest.fixture
def world(db):
    return build()


def query(**kwargs):
    return ReportQuery(start=START, end=END, cutoff=CUTOFF, **kwargs)


@pytest.mark.parametrize("scope", ["national", "LS", "LD", "commune A"])
def test_no_hidden_cell_of_a_published_report_can_be_worked_out(world, scope):
    kwargs = {
        "national": {},
        "LS": {"province_code": world.units["LS"].code},
        "LD": {"province_code": world.units["LD"].code},
        "commune A": {"commune_code": world.units["A"].code},
    }[scope]
    report = compute(query(**kwargs))
    safe = suppress_small(report)
    hidden = 0
    for name, rows in tables(safe).items():
        for entry in rows + [safe["totals"]]:
            for metric in COUNTS:
                value = entry.get(metric)
                # Nothing under 5 is shown (zeros identify nobody).
                assert value is None or value == 0 or value >= 5, (name, entry, metric)
                hidden += metric in entry.get("suppressed", ())
    assert hidden > 0
    assert recoverable(safe) == []
    # The original report is untouched.
    assert not any("suppressed" in r for rows in tables(report).values() for r in rows)


def test_a_rate_goes_with_its_small_base(world):
    safe = suppress_small(compute(query()))
    for rows in tables(safe).values():
        for entry in rows:
            if "enrolments" in entry.get("suppressed", ()):
                assert entry["completion_rate"] is None
            if "quiz_graded" in entry.get("suppressed", ()):
                assert entry["quiz_pass_rate"] is None and entry["quiz_mean_score"] is None


def test_protecting_one_table_leaves_the_others_as_they_are(world):
    """A provincial statistician's own figures are shown in full; only the table of where the
    attendees of their classes come from (people outside their jurisdiction) is protected."""
    report = compute(query(province_code=world.units["LS"].code))
    origin = {r["key"]: r["attendances"] for r in report["breakdowns"]["origin"]}
    assert origin[world.units["LD"].code] == 1  # p5, from Lâm Đồng, at class c1
    safe = suppress_small(report, tables={"origin"})
    for name, rows in tables(safe).items():
        if name != "origin":
            assert rows == tables(report)[name], name
    assert safe["totals"] == report["totals"]
    shown = {r["key"]: r for r in safe["breakdowns"]["origin"]}
    assert shown[world.units["LD"].code]["attendances"] is None
    assert recoverable(safe) == []
    assert safe["suppression"] == {"minimum": 5, "tables": ["origin"]}
