"""The trainee's dashboard lists their certificates: serial, course, date, status, and for valid
ones the PDF and the Open Badge; at a constant number of queries."""

import json
import re

import pytest
from django.urls import reverse

from certificates import badges, services

from .factories import completed_enrolment, course_with_template, holder

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_pdf_on_issue(settings):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False


def _issue(user, title, **course_fields):
    course = course_with_template(title=title, **course_fields)
    enrolment = completed_enrolment(course=course, user=user)
    return services.certificate_issue(enrolment_id=enrolment.pk)


def _section(html: str) -> str:
    found = re.search(r'<section aria-labelledby="certificates-heading">.*?</section>', html, re.S)
    assert found, "no certificate list on the dashboard"
    return found.group(0)


def test_the_dashboard_lists_my_certificates_with_their_downloads(client, demo):
    user = holder(username="co.chung.nhan")
    valid = _issue(user, "Khoá còn hiệu lực", validity_months=24)
    revoked = _issue(user, "Khoá bị thu hồi")
    services.certificate_revoke(certificate_id=revoked.pk, reason="Cấp nhầm khoá", actor=None)
    other = _issue(holder(username="nguoi.khac"), "Khoá của người khác")
    client.force_login(user)

    section = _section(client.get(reverse("learning:dashboard")).content.decode())
    assert "Giấy chứng nhận của tôi" in section
    assert "Khoá còn hiệu lực" in section and "Khoá bị thu hồi" in section
    assert f"Số {valid.serial}, cấp ngày {valid.issued_at.astimezone():%d/%m/%Y}" in section
    assert f"Còn hiệu lực · đến ngày {valid.expires_at.astimezone():%d/%m/%Y}" in section
    assert "Đã thu hồi ngày" in section and "Cấp nhầm khoá" in section
    assert "Khoá của người khác" not in section
    pdf_url = reverse("certificates:download", args=[valid.code])
    badge_url = reverse("certificates:holder_badge", args=[valid.code])
    assert pdf_url in section and badge_url in section
    assert reverse("certificates:download", args=[revoked.code]) not in section
    assert reverse("certificates:holder_badge", args=[revoked.code]) not in section
    assert other.code not in section

    pdf = client.get(pdf_url)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert badges.verify_credential(json.loads(client.get(badge_url).content))


def test_a_trainee_without_certificates_sees_no_empty_list(client, demo):
    client.force_login(holder(username="chua.co"))
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert 'id="certificates-heading"' not in html


def test_more_certificates_cost_no_more_queries(client, demo, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = holder(username="nhieu.chung.nhan")
    _issue(user, "Khoá thứ nhất")
    client.force_login(user)
    url = reverse("learning:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    count = len(one)  # now: the next request empties the log this reads from
    for n in range(3):
        _issue(user, f"Khoá thêm {n}")
    client.get(url)
    with django_assert_num_queries(count):
        html = client.get(url).content.decode()
    assert _section(html).count('class="card"') == 4
