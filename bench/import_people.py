"""People-import benchmark: rows per second and peak memory, against a bare bulk insert.

    .venv/bin/python bench/import_people.py [--rows 10000]

Migrates a throwaway SQLite database (or the database in DATABASE_URL, which must be an empty
one made for benchmarking), writes N valid rows to an .xlsx (localities spelt with and without
diacritics, some under former provinces), then times `manage.py import_people` on it end to end:
reading, checks, matching, writing, audit. The baseline, in the same run, bulk-creates the same
users and profiles directly with everything already resolved, so the ratio shows what reading
and checking cost. Memory is measured in a second import with tracemalloc (which slows Python,
so it is not timed) and by the process's maximum RSS. Exits 1 below 1,000 rows/s or above 300 MB.
"""

import argparse
import io
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import setup_django  # noqa: E402

MIN_ROWS_PER_SECOND = 1_000
MAX_MEGABYTES = 300


def reference_data() -> tuple[list[str], list[tuple[str, str]]]:
    """Audience groups and an agency to name, and (province as typed, commune) pairs."""
    from people.models import AdministrativeUnit, Agency, AudienceGroup
    from people.text import fold

    audiences = []
    for n, name in enumerate(["Báo cáo viên pháp luật", "Công chức pháp chế", "Tuyên truyền viên pháp luật cấp xã"]):  # fmt: skip
        AudienceGroup.objects.get_or_create(name=name, defaults={"slug": f"bench-{n}"})
        audiences.append(name)
    lang_son = AdministrativeUnit.objects.get(level="province", code="20", is_current=True)
    Agency.objects.get_or_create(name="Sở Tư pháp tỉnh Lạng Sơn", province=lang_son)
    places = []
    communes = AdministrativeUnit.objects.filter(level="commune", is_current=True).select_related("parent")  # fmt: skip
    for commune in random.Random(407).sample(list(communes), 300):
        province = commune.parent.name
        places.append((province, commune.name))
        places.append((fold(province), fold(commune.name)))  # typed without diacritics
    for commune in communes.filter(parent__code="68")[:20]:  # former Đắk Nông, now Lâm Đồng
        places.append(("Dak Nong", commune.name))
    return audiences, places


def generate(rows: int, offset: int) -> list[list]:
    audiences, places = reference_data()
    pick = random.Random(offset)
    data = []
    for n in range(offset, offset + rows):
        province, commune = pick.choice(places)
        data.append(
            [
                f"Nguyễn Thị  Thử {n}",
                f"hocvien{n}@bench.example.vn",
                f"+84 9{n % 10**8:08d}",
                f"{n:012d}",
                pick.choice(audiences),
                "Sở Tư pháp tỉnh Lạng Sơn" if n % 3 == 0 else "",
                "Chuyên viên",
                province,
                commune,
                pick.choice(["Nam", "Nữ"]),
                1960 + n % 45,
                "Kinh",
            ]
        )
    return data


def write_xlsx(path: Path, data: list[list]) -> None:
    from openpyxl import Workbook

    from people.imports import COLUMNS

    workbook = Workbook()  # as Excel writes it: shared strings and a <dimension> element
    sheet = workbook.active
    sheet.append([column.header for column in COLUMNS])
    for row in data:
        sheet.append(row)
    workbook.save(path)


def import_file(path: Path) -> float:
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("import_people", str(path), stdout=io.StringIO())
    return time.perf_counter() - start


def bulk_create_directly(path: Path) -> float:
    """The baseline: the same users and profiles, already resolved, in two bulk inserts."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from people import imports
    from people.models import Profile

    with open(path, "rb") as handle:
        plans = imports.validate(handle, path.name).rows  # resolved outside the timing
    User = get_user_model()
    start = time.perf_counter()
    with transaction.atomic():
        users = [
            User(
                username=plan.username,
                email=plan.values.get("email", ""),
                first_name=plan.values["full_name"],
                password=imports.unusable_password(),
            )
            for plan in plans
        ]
        User.objects.bulk_create(users, batch_size=1_000)
        Profile.objects.bulk_create(
            [
                Profile(user=user, **{k: v for k, v in plan.values.items() if k != "email"})
                for user, plan in zip(users, plans, strict=True)
            ],
            batch_size=1_000,
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection

    # Three files of different people, so each run creates every row.
    folder = Path(tempfile.mkdtemp(prefix="lms-bench-import-"))
    timed, traced, direct = (folder / f"hoc-vien-{n}.xlsx" for n in range(3))
    for n, path in enumerate((timed, traced, direct)):
        # Written by a child process, so this process's maximum RSS is the imports' own.
        writer = multiprocessing.get_context("fork").Process(
            target=write_xlsx, args=(path, generate(args.rows, offset=1 + n * 10**7))
        )
        writer.start()
        writer.join()
    User = get_user_model()
    before = User.objects.count()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    seconds = import_file(timed)
    created = User.objects.count() - before
    assert created == args.rows, f"imported {created} of {args.rows} rows"

    tracemalloc.start()
    import_file(traced)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    baseline = bulk_create_directly(direct)
    path = timed
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    rate = args.rows / seconds
    print(f"database: {connection.vendor}; {args.rows} valid rows; .xlsx of {path.stat().st_size / 2**20:.1f} MB")  # fmt: skip
    print(f"{'':<36}{'seconds':>9}{'rows/s':>9}")
    print(f"{'import_people (end to end)':<36}{seconds:>9.2f}{rate:>9.0f}")
    print(f"{'baseline: bulk_create users+profiles':<36}{baseline:>9.2f}{args.rows / baseline:>9.0f}")  # fmt: skip
    print(f"import / baseline: {seconds / baseline:.1f}x")
    print(
        f"peak memory: tracemalloc {peak:.0f} MB; max RSS of the process {max_rss:.0f} MB "
        f"({rss_before:.0f} MB before the first import: Django and Wagtail loaded, rows generated)"
    )
    failures = []
    if rate < MIN_ROWS_PER_SECOND:
        failures.append(f"{rate:.0f} rows/s is below {MIN_ROWS_PER_SECOND}")
    if max(peak, max_rss) > MAX_MEGABYTES:
        failures.append(f"peak memory {max(peak, max_rss):.0f} MB is above {MAX_MEGABYTES} MB")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
