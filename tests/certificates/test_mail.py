"""Letters to holders: one when a certificate is issued (Vietnamese, with the verification link
and the PDF once rendered), none without an e-mail address; one reminder before expiry, sent
once however often the daily task runs."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from certificates import mail as certificate_mail
from certificates import services
from certificates.models import Certificate, CertificateEvent

from .factories import HOLDER_NAME, completed_enrolment, course_with_template, holder

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.7\n% a stand-in: rendering has its own tests\n%%EOF\n"


@pytest.fixture(autouse=True)
def no_pdf_on_issue(settings):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False


def _issue(course, **user_fields):
    user = holder(**user_fields)
    enrolment = completed_enrolment(course=course, user=user)
    return services.certificate_issue(enrolment_id=enrolment.pk)


def test_issuing_sends_the_holder_one_vietnamese_letter(demo, django_capture_on_commit_callbacks):
    course = course_with_template(title="Truyền thông dự thảo chính sách")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = _issue(course, username="thu.nhan", email="thu.nhan@example.vn")

    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["thu.nhan@example.vn"]
    assert letter.subject == "Giấy chứng nhận của bạn: Truyền thông dự thảo chính sách"
    assert f"Kính gửi {HOLDER_NAME}," in letter.body
    assert certificate.serial in letter.body
    assert f"http://testserver/xac-minh/{certificate.code}/" in letter.body
    assert letter.attachments == []  # not rendered yet: the letter does not wait for it

    # A retried or duplicated task sends nothing more.
    certificate_mail.certificate_issued_mail_task.delay(certificate.pk)
    assert certificate_mail.certificate_issued_mail_send(certificate_id=certificate.pk) is False
    assert len(mail.outbox) == 1
    # The history says once that the letter went out, apart from the issue itself.
    assert list(certificate.events.values_list("action", flat=True)) == ["issued", "mailed"]
    assert certificate.events.filter(action=CertificateEvent.Action.MAILED).count() == 1


def test_the_letter_carries_the_pdf_once_rendered_and_skips_people_without_e_mail(demo):
    course = course_with_template()
    certificate = _issue(course, username="co.pdf", email="co.pdf@example.vn")
    certificate.pdf.save("rendered.pdf", ContentFile(FAKE_PDF))
    mail.outbox.clear()

    assert certificate_mail.certificate_issued_mail_send(certificate_id=certificate.pk)
    ((name, content, kind),) = mail.outbox[0].attachments
    assert name.endswith(".pdf") and content == FAKE_PDF and kind == "application/pdf"

    without = _issue(course, username="khong.thu", email="")
    mail.outbox.clear()
    assert certificate_mail.certificate_issued_mail_send(certificate_id=without.pk) is False
    assert mail.outbox == []


def test_a_reissued_certificate_says_so(demo, django_capture_on_commit_callbacks):
    course = course_with_template(title="Khoá cấp lại")
    certificate = _issue(course, username="cap.lai", email="cap.lai@example.vn")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_reissue(certificate_id=certificate.pk, reason="Sai tên", actor=None)
    (letter,) = mail.outbox
    assert letter.subject == "Giấy chứng nhận của bạn đã được cấp lại: Khoá cấp lại"


def test_holders_are_reminded_once_before_expiry(demo, settings):
    settings.CERTIFICATE_EXPIRY_REMINDER_DAYS = 30
    course = course_with_template(title="Khoá có thời hạn", validity_months=12)
    soon = _issue(course, username="sap.het", email="sap.het@example.vn")
    later = _issue(course, username="con.lau", email="con.lau@example.vn")
    gone = _issue(course, username="da.thu.hoi", email="da.thu.hoi@example.vn")
    now = timezone.now()
    Certificate.objects.filter(pk__in=[soon.pk, gone.pk]).update(
        expires_at=now + datetime.timedelta(days=10)
    )
    Certificate.objects.filter(pk=later.pk).update(expires_at=now + datetime.timedelta(days=90))
    services.certificate_revoke(certificate_id=gone.pk, reason="Cấp nhầm", actor=None)
    mail.outbox.clear()

    assert certificate_mail.certificate_expiry_reminders_task.delay().get() == 1
    (letter,) = mail.outbox
    assert letter.to == ["sap.het@example.vn"]
    expires = timezone.localdate(now + datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    assert letter.subject == f"Giấy chứng nhận của bạn hết hạn ngày {expires}: Khoá có thời hạn"
    assert f"sẽ hết hạn ngày {expires}" in letter.body

    # The next day's run (or a second run today) sends nothing again.
    assert certificate_mail.certificate_expiry_reminders_send() == 0
    assert len(mail.outbox) == 1
    soon.refresh_from_db()
    assert soon.expiry_reminded_at is not None
    assert soon.events.filter(action=CertificateEvent.Action.REMINDED).count() == 1


def test_a_failed_reminder_is_tried_again_next_time(demo, monkeypatch):
    course = course_with_template(validity_months=12)
    certificate = _issue(course, username="loi.thu", email="loi.thu@example.vn")
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + datetime.timedelta(days=3)
    )
    mail.outbox.clear()

    def broken(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", broken)
        assert certificate_mail.certificate_expiry_reminders_send() == 0
    certificate.refresh_from_db()
    assert certificate.expiry_reminded_at is None
    assert certificate_mail.certificate_expiry_reminders_send() == 1
    assert len(mail.outbox) == 1
