"""report_summary [--check] [--rebuild] [--compact]

The pre-aggregated figures of `reports.summary` (PostgreSQL): compare them with the records
(--check, the default; exits 1 and lists the differences if any), recompute them from the
records (--rebuild: after restoring a dump made without triggers, or changing TIME_ZONE), or
merge their delta rows (--compact; the beat does it every 10 minutes).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Check, rebuild or compact the pre-aggregated training figures (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="compare with the records")
        parser.add_argument("--rebuild", action="store_true", help="recompute from the records")
        parser.add_argument("--compact", action="store_true", help="merge the delta rows")

    def handle(self, *args, check=False, rebuild=False, compact=False, **options):
        from reports import summary

        if connection.vendor != "postgresql":
            raise CommandError(
                "Số liệu tổng hợp sẵn chỉ có trên PostgreSQL; cơ sở dữ liệu này được tính trực "
                "tiếp từ hồ sơ. / The summary exists on PostgreSQL only."
            )
        if rebuild:
            summary.install()  # functions and triggers too, with the current TIME_ZONE
            self.stdout.write(f"rebuilt: {summary.rebuild()}")
        if compact:
            self.stdout.write(f"compacted: {summary.compact()} rows")
        if check or not (rebuild or compact):
            problems = summary.check()
            for line in problems[:50]:
                self.stdout.write(line)
            if problems:
                raise CommandError(
                    f"Số liệu tổng hợp sẵn lệch với hồ sơ ở {len(problems)} chỗ; chạy "
                    f"report_summary --rebuild. / The summary differs from the records."
                )
            self.stdout.write("summary = records")
