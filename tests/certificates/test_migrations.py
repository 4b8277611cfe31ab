"""The move to one series per issuing agency keeps what was issued: templates get the agency
their printed issuer names, certificates their template's agency, each series continues after
its highest number, and letters recorded the old way become MAILED events."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("certificates", "0001_initial")]
AFTER = [("certificates", "0004_issuing_agency_required")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def _latest_schema_after():
    """Going back to BEFORE also unapplies what depends on later certificate migrations (the
    reports summary's triggers among them); the tests after this one need all of it back."""
    yield
    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())


def _old_rows(apps):
    """Two issuers sharing the suffix "GCN-STP" under the old single counter: the demo's Lạng
    Sơn Department of Justice, printed in capitals, and Cao Bằng's, not yet an agency."""
    from tests.factories import UserFactory

    Agency = apps.get_model("people", "Agency")
    Template = apps.get_model("certificates", "CertificateTemplate")
    Certificate = apps.get_model("certificates", "Certificate")
    Counter = apps.get_model("certificates", "SerialCounter")
    Event = apps.get_model("certificates", "CertificateEvent")
    Enrolment = apps.get_model("courses", "Enrolment")
    CoursePage = apps.get_model("courses", "CoursePage")
    lang_son = Agency.objects.get(name="Sở Tư pháp tỉnh Lạng Sơn")  # the demo's
    common = {"serial_suffix": "GCN-STP", "signer_title": "GĐ", "signer_name": "A", "place": "X"}
    templates = [
        Template.objects.create(name="LS", issuer_name="SỞ TƯ PHÁP TỈNH LẠNG SƠN", **common),
        Template.objects.create(name="CB", issuer_name="Sở Tư pháp tỉnh Cao Bằng", **common),
    ]
    course = CoursePage.objects.first()
    certificates = []
    for number, template in enumerate([*templates, templates[0]], 1):
        user = UserFactory()
        enrolment = Enrolment.objects.create(user_id=user.pk, course=course)
        certificates.append(
            Certificate.objects.create(
                code=f"MA{number}",
                enrolment=enrolment,
                user_id=user.pk,
                course=course,
                template=template,
                serial_suffix="GCN-STP",
                serial_year=2026,
                serial_number=number,
                issued_at=datetime.datetime(2026, 11, 20, tzinfo=datetime.UTC),
            )
        )
    Counter.objects.create(serial_suffix="GCN-STP", year=2026, last_number=3)
    Event.objects.create(
        certificate=certificates[0],
        action="issued",
        reason="Đã gửi thư báo cấp giấy chứng nhận tới người nhận.",
    )
    return lang_son, certificates


def test_existing_certificates_keep_their_numbers_in_their_agency_series(demo):
    from certificates.models import Certificate as Current
    from certificates.models import SerialCounter as CurrentCounter

    # The demo's two agencies both print "GCN-STP": the old schema could not hold them.
    Current.objects.all().delete()
    CurrentCounter.objects.all().delete()
    apps = _migrate(BEFORE)
    try:
        lang_son, old = _old_rows(apps)
        apps = _migrate(AFTER)
    finally:
        _migrate(AFTER)
    Template = apps.get_model("certificates", "CertificateTemplate")
    Certificate = apps.get_model("certificates", "Certificate")
    Counter = apps.get_model("certificates", "SerialCounter")
    Event = apps.get_model("certificates", "CertificateEvent")

    # The capitals and missing diacritics of the printed name still find the agency.
    assert Template.objects.get(name="LS").issuing_agency_id == lang_son.pk
    cao_bang = Template.objects.get(name="CB").issuing_agency
    assert cao_bang.name == "Sở Tư pháp tỉnh Cao Bằng"
    certificates = Certificate.objects.filter(pk__in=[c.pk for c in old]).order_by("pk")
    assert [(c.issuing_agency_id, c.serial_number) for c in certificates] == [
        (lang_son.pk, 1),
        (cao_bang.pk, 2),
        (lang_son.pk, 3),
    ]
    counters = {
        c.issuing_agency_id: c.last_number for c in Counter.objects.filter(serial_suffix="GCN-STP")
    }
    assert counters[lang_son.pk] == 3 and counters[cao_bang.pk] == 2
    assert Event.objects.get(certificate_id=old[0].pk).action == "mailed"
