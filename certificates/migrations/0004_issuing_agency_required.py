"""Serial numbers per issuing agency (step 3 of 3): every template, counter and certificate now
has its agency; the series are unique per (agency, suffix, year)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("certificates", "0003_issuing_agency_data")]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="issuing_agency",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="certificates",
                to="people.agency",
                verbose_name="issuing agency",
            ),
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="issuing_agency",
            field=models.ForeignKey(
                help_text=(
                    "The agency that issues and numbers these certificates: each agency has "
                    "its own series of serial numbers."
                ),
                on_delete=django.db.models.deletion.PROTECT,
                related_name="certificate_templates",
                to="people.agency",
                verbose_name="issuing agency",
            ),
        ),
        migrations.AlterField(
            model_name="serialcounter",
            name="issuing_agency",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="people.agency"
            ),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.UniqueConstraint(
                fields=("issuing_agency", "serial_suffix", "serial_year", "serial_number"),
                name="certificate_serial_unique_per_agency",
            ),
        ),
        migrations.AddConstraint(
            model_name="serialcounter",
            constraint=models.UniqueConstraint(
                fields=("issuing_agency", "serial_suffix", "year"),
                name="serial_counter_unique_per_agency",
            ),
        ),
    ]
