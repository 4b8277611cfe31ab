"""Who may do what with H5P, on every install: trainers ("Giảng viên") upload H5P content, edit
its title and see the installed libraries; only superusers (admins) allow or block libraries and
delete content. Get-or-create only, so running it again changes nothing; `seed_demo` calls
`ensure_h5p_permissions` again after a `flush` removed the groups' permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRAINERS_GROUP = "Giảng viên"  # people.roles.TRAINERS_GROUP
TRAINER_PERMISSIONS = [
    "add_h5pcontent",
    "change_h5pcontent",
    "view_h5pcontent",
    "view_h5plibrary",
]


def ensure_h5p_permissions(apps, schema_editor=None) -> None:
    """Give the trainers group its H5P permissions (creating the group if missing)."""
    app_config = apps.get_app_config("media")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # a migration's stub has none
    try:
        create_permissions(app_config, verbosity=0, apps=apps)
    finally:
        app_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=TRAINERS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="media", codename__in=TRAINER_PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("lms", "0002_authoring_roles"),
    ]

    operations = [migrations.RunPython(ensure_h5p_permissions, migrations.RunPython.noop)]
