"""Serial numbers per issuing agency (step 1 of 3): the agency columns, empty for now, and the
letter-of-issue action. The old "one series per suffix" constraints go; 0004 adds the new ones
once 0003 has filled the columns."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("people", "0005_agency_search"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="certificate", name="certificate_serial_unique"),
        migrations.RemoveConstraint(model_name="serialcounter", name="serial_counter_unique"),
        migrations.AddField(
            model_name="certificate",
            name="issuing_agency",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="certificates",
                to="people.agency",
                verbose_name="issuing agency",
            ),
        ),
        migrations.AddField(
            model_name="certificatetemplate",
            name="issuing_agency",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="certificate_templates",
                to="people.agency",
                verbose_name="issuing agency",
            ),
        ),
        migrations.AddField(
            model_name="serialcounter",
            name="issuing_agency",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="people.agency",
            ),
        ),
        migrations.AlterField(
            model_name="certificateevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("issued", "issued"),
                    ("rendered", "rendered"),
                    ("revoked", "revoked"),
                    ("reissued", "reissued"),
                    ("mailed", "letter of issue sent"),
                    ("reminded", "expiry reminder sent"),
                ],
                max_length=10,
                verbose_name="action",
            ),
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="issuer_name",
            field=models.CharField(
                help_text="e.g. SỞ TƯ PHÁP TỈNH LẠNG SƠN",
                max_length=200,
                verbose_name="issuing agency as printed",
            ),
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="serial_suffix",
            field=models.CharField(
                help_text=(
                    "Printed after the number: 125/GCN-STP. One series per issuing agency, "
                    "suffix and year."
                ),
                max_length=30,
                verbose_name="serial number suffix",
            ),
        ),
    ]
