"""Serial numbers per issuing agency (step 2 of 3): fill the agency columns of what exists.

Each template gets the agency whose name matches its printed issuer (compared without case or
diacritics), or a new agency of that name; each certificate gets its template's agency (or, when
its template is gone, the agency of the issuer printed in its snapshot). Counters are rebuilt
per (agency, suffix, year) from the certificates: each series continues after its highest
number, so nothing issued changes and no number is used twice. Letters of issue recorded as
ISSUED events with a special reason become MAILED events.
"""

import unicodedata

from django.db import migrations
from django.db.models import Max

MAIL_REASONS = [
    "Đã gửi thư báo cấp giấy chứng nhận tới người nhận.",
    "Không gửi thư báo cấp giấy chứng nhận (dữ liệu mẫu).",
]


def _fold(text: str) -> str:
    text = " ".join((text or "").split()).lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class _Agencies:
    """Agencies by folded name, created on demand."""

    def __init__(self, Agency):
        self.Agency = Agency
        self.by_name = {}
        for agency in Agency.objects.order_by("pk"):
            self.by_name.setdefault(_fold(agency.name), agency)

    def get(self, name: str):
        name = " ".join((name or "").split()) or "Cơ quan cấp giấy chứng nhận"
        key = _fold(name)
        if key not in self.by_name:
            self.by_name[key] = self.Agency.objects.create(name=name, name_folded=key)
        return self.by_name[key]


def forwards(apps, schema_editor):
    Agency = apps.get_model("people", "Agency")
    Template = apps.get_model("certificates", "CertificateTemplate")
    Certificate = apps.get_model("certificates", "Certificate")
    Counter = apps.get_model("certificates", "SerialCounter")
    Event = apps.get_model("certificates", "CertificateEvent")
    agencies = _Agencies(Agency)
    for template in Template.objects.filter(issuing_agency__isnull=True):
        template.issuing_agency = agencies.get(template.issuer_name)
        template.save(update_fields=["issuing_agency"])
    for certificate in Certificate.objects.filter(issuing_agency__isnull=True).select_related(
        "template"
    ):
        if certificate.template_id is not None:
            certificate.issuing_agency_id = certificate.template.issuing_agency_id
        else:
            issuer = (certificate.snapshot or {}).get("issuer_name", "")
            certificate.issuing_agency = agencies.get(issuer)
        certificate.save(update_fields=["issuing_agency"])
    _rebuild_counters(Certificate, Counter)
    Event.objects.filter(action="issued", reason__in=MAIL_REASONS).update(action="mailed")


def _rebuild_counters(Certificate, Counter):
    old = {(c.serial_suffix, c.year): c.last_number for c in Counter.objects.all()}
    series = (
        Certificate.objects.values("issuing_agency_id", "serial_suffix", "serial_year")
        .annotate(last=Max("serial_number"))
        .order_by()
    )
    agencies_per_suffix = {}
    for row in series:
        key = (row["serial_suffix"], row["serial_year"])
        agencies_per_suffix[key] = agencies_per_suffix.get(key, 0) + 1
    Counter.objects.all().delete()
    for row in series:
        key = (row["serial_suffix"], row["serial_year"])
        last = row["last"]
        if agencies_per_suffix[key] == 1:  # the series was this agency's alone: keep its count
            last = max(last, old.get(key, 0))
        Counter.objects.create(
            issuing_agency_id=row["issuing_agency_id"],
            serial_suffix=row["serial_suffix"],
            year=row["serial_year"],
            last_number=last,
        )


def backwards(apps, schema_editor):
    Event = apps.get_model("certificates", "CertificateEvent")
    Event.objects.filter(action="mailed").update(action="issued")
    # Going back to one series per suffix: the numbers of agencies sharing a suffix may
    # collide, which 0002's reversal would refuse; the counters take the highest number.
    Counter = apps.get_model("certificates", "SerialCounter")
    merged = {}
    for counter in Counter.objects.all():
        key = (counter.serial_suffix, counter.year)
        merged[key] = max(merged.get(key, 0), counter.last_number)
    Counter.objects.all().delete()
    for (suffix, year), last in merged.items():
        Counter.objects.create(serial_suffix=suffix, year=year, last_number=last)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0002_issuing_agency")]

    operations = [migrations.RunPython(forwards, backwards)]
