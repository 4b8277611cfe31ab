"""The triggers that keep reports_monthlyfigure and reports_participation exact (PostgreSQL),
and the first fill of both from the records already there. A no-op on other databases.

The SQL comes from reports.summary at the time this migration runs; a later change to it comes
with a migration that runs `summary.install` again (CREATE OR REPLACE, then a rebuild)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from reports import summary

    summary.install(schema_editor)


def backwards(apps, schema_editor):
    from reports import summary

    summary.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_monthlyfigure_participation"),
        ("courses", "0011_enrolment_enrolment_enrolled_at_and_more"),
        ("assessments", "0003_attempt_attempt_submitted_at"),
        ("certificates", "0005_certificate_certificate_revoked_at"),
        ("people", "0005_agency_search"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
