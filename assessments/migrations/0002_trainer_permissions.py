"""Trainers write question banks and quizzes: give their group the model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRAINERS_GROUP = "Giảng viên"  # people.roles.TRAINERS_GROUP, as lms/0002 creates it
MODELS = ["questionbank", "questioncategory", "question", "quiz"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # a migration's stub has none
    try:
        create_permissions(app_config, verbosity=0, apps=apps)
    finally:
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=TRAINERS_GROUP)
    codenames = [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("lms", "0002_authoring_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
