from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people.models import AdministrativeUnit
from people.units import OLD_UNITS_CSV, load_current_units, load_old_units


class Command(BaseCommand):
    help = (
        "Load the current provinces and communes from vietnam-provinces, and units from before "
        "the 2025 reform with their successors (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--old",
            type=Path,
            default=OLD_UNITS_CSV,
            help="CSV of former units and their successors",
        )

    def handle(self, *args, old: Path, **options):
        if not old.exists():
            raise CommandError(f"Không tìm thấy tệp / file not found: {old}")
        new_current = load_current_units(AdministrativeUnit)
        try:
            new_old = load_old_units(AdministrativeUnit, old)
        except (KeyError, ValueError, AdministrativeUnit.DoesNotExist) as exc:
            raise CommandError(f"{old.name}: dòng không hợp lệ / invalid row ({exc})") from None
        self.stdout.write(f"Đơn vị hiện hành mới: {new_current}; đơn vị trước 2025 mới: {new_old}.")
