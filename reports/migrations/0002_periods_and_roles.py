"""The reporting periods of 2026, and statisticians' rights on periods and snapshots."""

from datetime import date

from django.contrib.auth.management import create_permissions
from django.db import migrations

STATISTICIANS_GROUP = "Thống kê viên"
PERIODS = [
    # name, kind, start, end, actual-data cut-off, deadline
    ("Năm 2026", "year", date(2026, 1, 1), date(2026, 12, 31), date(2026, 11, 30), date(2026, 12, 15)),
    ("6 tháng đầu năm 2026", "half", date(2026, 1, 1), date(2026, 6, 30), date(2026, 5, 31), date(2026, 6, 15)),
]  # fmt: skip
RIGHTS = {
    "reportingperiod": ["add", "change", "delete", "view"],
    "reportsnapshot": ["view"],
}


def forwards(apps, schema_editor):
    period_model = apps.get_model("reports", "ReportingPeriod")
    for name, kind, start, end, cutoff, deadline in PERIODS:
        period_model.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "start": start,
                "end": end,
                "cutoff": cutoff,
                "deadline": deadline,
            },
        )
    app_config = apps.get_app_config("reports")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # a migration's stub has none
    try:
        create_permissions(app_config, verbosity=0, apps=apps)
    finally:
        app_config.models_module = models_module
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.get_or_create(name=STATISTICIANS_GROUP)
    for model, actions in RIGHTS.items():
        for action in actions:
            permission = permission_model.objects.filter(
                content_type__app_label="reports", codename=f"{action}_{model}"
            ).first()
            if permission is not None:
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
