"""Load the current provinces and communes, and the units they replaced in 2025.

The same loaders back `manage.py load_units`, which refreshes them after a package update.
"""

from django.db import migrations


def load(apps, schema_editor):
    from people.units import load_current_units, load_old_units

    unit = apps.get_model("people", "AdministrativeUnit")
    load_current_units(unit)
    load_old_units(unit)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_people_places_classes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
