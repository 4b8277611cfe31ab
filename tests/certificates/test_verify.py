"""The public verification page: what the QR code leads to, for anyone, without logging in."""

import datetime
import logging

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate

from .factories import HOLDER_NAME, completed_enrolment, course_with_template, holder
from .test_pdf import pdf_text_and_qr

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(demo, settings):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False
    course = course_with_template(title="Truyền thông chính sách cơ sở")
    user = holder(birth_year=1975, email="anh.nguyen@example.vn")
    return services.certificate_issue(enrolment_id=completed_enrolment(course=course, user=user).pk)


def test_the_qr_code_leads_to_a_page_saying_valid_then_revoked(client, certificate):
    """Done when: decode the QR code from the PDF; the page it points to says valid; after
    revocation the same page says revoked, with the reason."""
    content = services.certificate_pdf_bytes(certificate=certificate)
    _, codes, _ = pdf_text_and_qr(content)
    assert len(codes) == 1 and codes[0].startswith("http://testserver/xac-minh/")
    path = codes[0].removeprefix("http://testserver")

    page = client.get(path).content.decode()
    assert "Giấy chứng nhận này còn hiệu lực." in page
    assert HOLDER_NAME in page
    assert "Truyền thông chính sách cơ sở" in page
    assert "Sở Tư pháp tỉnh Lạng Sơn" in page
    assert timezone.localdate().strftime("%d/%m/%Y") in page
    # Nothing more than the paper says: no birth year, no e-mail. (The issuer's public key,
    # shown further down, is random hexadecimal that could hold any four digits.)
    facts = page.split('class="verify-credential"')[0]
    for private in ("1975", "anh.nguyen@example.vn", "Năm sinh", "sinh"):
        assert private not in facts
    assert "anh.nguyen@example.vn" not in page

    services.certificate_revoke(
        certificate_id=certificate.pk, reason="Cấp nhầm người học", actor=None
    )
    page = client.get(path).content.decode()
    assert "đã bị thu hồi" in page
    assert "Cấp nhầm người học" in page
    assert "còn hiệu lực" not in page


def test_an_expired_certificate_says_so(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    page = client.get(f"/xac-minh/{certificate.code}/").content.decode()
    assert "đã hết hiệu lực" in page
    assert "còn hiệu lực." not in page


@pytest.mark.parametrize(
    "code",
    ["ABCDEFGHJKLMNPQRSTUV", "abc", "0" * 20, "Ố" * 20, "A" * 300, "..%2F..%2Fetc", "%00"],
)
def test_unknown_or_malformed_codes_get_a_plain_not_found(client, db, code):
    response = client.get(f"/xac-minh/{code}/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_lookups_are_rate_limited_per_address(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE = 5
    url = f"/xac-minh/{certificate.code}/"
    assert [client.get(url).status_code for _ in range(5)] == [200] * 5
    limited = client.get(url)
    assert limited.status_code == 429
    assert "Vui lòng chờ một phút" in limited.content.decode()
    # Another address is not held back.
    assert client.get(url, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, certificate, settings):
    # Every request comes from the proxy's address; nginx says who the visitor is.
    settings.CERTIFICATE_VERIFY_RATE = 2
    settings.TRUSTED_PROXY_COUNT = 1
    url = f"/xac-minh/{certificate.code}/"
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    first = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert [client.get(url, **first).status_code for _ in range(3)] == [200, 200, 429]
    second = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.4"}
    assert client.get(url, **second).status_code == 200
    # Sending another address in the header does not escape the limit.
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    assert client.get(url, **forged).status_code == 429


def test_a_typed_code_is_found_whatever_its_case_and_spacing(client, certificate):
    form = client.get("/xac-minh/")
    assert form.status_code == 200 and "Mã xác minh" in form.content.decode()
    typed = " ".join(certificate.code[i : i + 4] for i in range(0, 20, 4)).lower()
    response = client.get("/xac-minh/", {"ma": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/xac-minh/{certificate.code}/"
    wrong = client.get("/xac-minh/", {"ma": "KHONGCOMANAY"}).content.decode()
    assert "Không có giấy chứng nhận nào mang mã này" in wrong


def test_without_a_readable_signing_key_the_page_still_answers(
    client, certificate, settings, caplog
):
    settings.CERTIFICATE_SIGNING_KEY = (
        "-----BEGIN PRIVATE KEY-----\nhỏng\n-----END PRIVATE KEY-----"
    )
    url = f"/xac-minh/{certificate.code}/"
    with caplog.at_level(logging.ERROR):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Giấy chứng nhận này còn hiệu lực." in page and HOLDER_NAME in page
    assert "did:key" not in page and "openbadge.json" not in page
    assert "CERTIFICATE_SIGNING_KEY" in caplog.text
    # The credential and the key cannot be had for now: said plainly, not a server error.
    for address in (f"{url}openbadge.json", "/xac-minh/khoa-cong-khai.json"):
        unavailable = client.get(address)
        assert unavailable.status_code == 503
        assert "tạm thời" in unavailable.content.decode()
