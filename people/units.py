"""Loading administrative units: current ones from `vietnam-provinces`, older ones from a CSV.

Both loaders are idempotent: units already present are updated in place, never duplicated.
"""

import csv
import datetime
from pathlib import Path

from .text import clean_text, fold

OLD_UNITS_CSV = Path(__file__).parent / "data" / "units_before_2025.csv"


def load_current_units(unit_model) -> int:
    """The 34 provinces and 3,321 communes in force since 1/7/2025. Returns how many were new.

    Takes the model as an argument so a data migration can call it with its historical model.
    """
    from vietnam_provinces import Province, Ward

    existing = {(u.level, u.code): u for u in unit_model.objects.filter(is_current=True)}
    new = []
    provinces = {}
    for province in Province.iter_all():
        code = f"{int(province.code):02d}"
        unit = existing.get(("province", code))
        if unit is None:
            unit = unit_model(level="province", code=code, is_current=True)
            new.append(unit)
        unit.name, unit.division_type = clean_text(province.name), str(province.division_type.value)
        unit.name_folded = fold(unit.name)
        provinces[code] = unit
    unit_model.objects.bulk_create([u for u in new if u.level == "province"])
    unit_model.objects.bulk_update(
        list(provinces.values()), ["name", "name_folded", "division_type"]
    )
    communes = []
    for ward in Ward.iter_all():
        code = f"{int(ward.code):05d}"
        unit = existing.get(("commune", code)) or unit_model(
            level="commune", code=code, is_current=True
        )
        if unit.pk is None:
            new.append(unit)
        unit.name, unit.division_type = clean_text(ward.name), str(ward.division_type.value)
        unit.name_folded = fold(unit.name)
        unit.parent = provinces[f"{int(ward.province_code):02d}"]
        communes.append(unit)
    unit_model.objects.bulk_create([u for u in communes if u.pk is None], batch_size=1000)
    unit_model.objects.bulk_update(
        [u for u in communes if u.pk is not None],
        ["name", "name_folded", "division_type", "parent"],
        batch_size=1000,
    )
    return len(new)


def load_old_units(unit_model, path: Path = OLD_UNITS_CSV) -> int:
    """Units that no longer exist, each mapped to the current unit that took over its territory.

    Columns: level, code, name, division_type, parent_code (an old unit's old parent),
    successor_level, successor_code (a current unit), valid_until (YYYY-MM-DD).
    """
    created = 0
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # Provinces first, so districts and communes find their old parent.
    order = {"province": 0, "district": 1, "commune": 2}
    for row in sorted(rows, key=lambda r: order[r["level"]]):
        successor = unit_model.objects.get(
            level=row["successor_level"], code=row["successor_code"], is_current=True
        )
        parent = None
        if row["parent_code"]:
            parent_level = "province" if row["level"] == "district" else "district"
            parent = unit_model.objects.get(
                level=parent_level, code=row["parent_code"], is_current=False
            )
        name = clean_text(row["name"])
        _unit, was_created = unit_model.objects.update_or_create(
            level=row["level"], code=row["code"], is_current=False,
            defaults={
                "name": name, "name_folded": fold(name), "division_type": row["division_type"],
                "parent": parent, "successor": successor,
                "valid_until": datetime.date.fromisoformat(row["valid_until"]),
            },
        )  # fmt: skip
        created += was_created
    return created
