"""The demo's reporting periods and statisticians' rights (called by `seed_demo`): the same as
migration 0002 makes, so they come back after a `flush`. Idempotent and quick."""

import importlib

from django.apps import apps


def seed_reports(report) -> None:
    from .models import ReportingPeriod

    before = ReportingPeriod.objects.count()
    importlib.import_module("reports.migrations.0002_periods_and_roles").forwards(apps, None)
    added = ReportingPeriod.objects.count() - before
    if added:
        report.add(f"reporting periods: {added}")
