"""Print how much of each Wagtail catalogue reads in Vietnamese, before and after our catalogues.

    .venv/bin/python locale/wagtail/coverage.py

Columns, as translated/total msgids of the catalogue (a plural entry counts once):
  wagtail   Wagtail's own locale/vi alone;
  before    plus the project's locale/vi (what the admin showed without locale/wagtail);
  after     plus locale/wagtail/vi: what the admin shows now (the .po files, not the .mo).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import po  # noqa: E402

PROJECT = {d: po.translations(HERE.parent / "vi" / "LC_MESSAGES" / f"{d}.po") for d in po.DOMAINS}
OURS = {d: po.translations(HERE / "vi" / "LC_MESSAGES" / f"{d}.po") for d in po.DOMAINS}


def counts(label: str) -> tuple[int, int, int, int]:
    keys = [e.key for e in po.read(po.catalogue(label, "en"))]
    wagtail = po.translations(po.catalogue(label, "vi"))
    project, ours = PROJECT[po.domain(label)], OURS[po.domain(label)]
    own = sum(k in wagtail for k in keys)
    before = sum(k in wagtail or k in project for k in keys)
    after = sum(k in wagtail or k in project or k in ours for k in keys)
    return len(keys), own, before, after


def main() -> None:
    print(f"{'catalogue':<18}{'wagtail':>16}{'before':>16}{'after':>16}")
    totals = [0, 0, 0, 0]
    for label in po.CATALOGUES:
        if not po.catalogue(label, "en").exists():
            continue
        total, own, before, after = counts(label)
        mark = " *" if label in po.AUTHOR_CATALOGUES else ""
        row = [f"{n}/{total} {100 * n // total:>3}%" for n in (own, before, after)]
        print(f"{label + mark:<18}" + "".join(f"{cell:>16}" for cell in row))
        if mark:
            totals = [a + b for a, b in zip(totals, (total, own, before, after), strict=True)]
    total, *rest = totals
    row = [f"{n}/{total} {100 * n // total:>3}%" for n in rest]
    print(f"{'* author screens':<18}" + "".join(f"{cell:>16}" for cell in row))


if __name__ == "__main__":
    main()
