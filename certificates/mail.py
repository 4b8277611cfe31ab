"""E-mail to certificate holders: a letter when a certificate is issued (with the PDF when it
is rendered) and one reminder before a certificate expires.

Both are safe to run twice. The issue letter is marked sent by a MAILED event, written in the
same transaction that sends it, under a row lock on the certificate, so a retried or duplicated
task finds the mark and sends nothing (whoever issues a certificate that must not be announced,
like the demo, writes the mark first with `NO_MAIL_REASON`). The reminder is
claimed by a conditional UPDATE (`expiry_reminded_at IS NULL`); only the run whose UPDATE
changed the row sends it, and a failed send rolls the claim back for the next day's run.

Letters are Vietnamese whatever the language of the request that caused them.
"""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Certificate, CertificateEvent

logger = logging.getLogger(__name__)

# The reason of the MAILED mark written by whoever issues a certificate that must not be
# announced (the demo's).
NO_MAIL_REASON = "Không gửi thư báo cấp giấy chứng nhận (dữ liệu mẫu)."
RETRY = {"autoretry_for": (OperationalError,), "retry_backoff": 5, "max_retries": 5}


def _site_url() -> str:
    base = getattr(settings, "CERTIFICATE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/")


def _context(certificate: Certificate) -> dict:
    snapshot = certificate.snapshot or {}
    site = _site_url()
    return {
        "certificate": certificate,
        "holder_name": snapshot.get("holder_name", ""),
        "course_title": snapshot.get("course_title", ""),
        "issuer_name": snapshot.get("issuer_name", ""),
        "serial": certificate.serial,
        "issued_on": timezone.localdate(certificate.issued_at),
        "expires_on": timezone.localdate(certificate.expires_at)
        if certificate.expires_at
        else None,
        "verify_url": snapshot.get("verify_url")
        or site + reverse("certificates:verify", args=[certificate.code]),
        "dashboard_url": site + reverse("learning:dashboard"),
        "badge_url": site + reverse("certificates:badge", args=[certificate.code]),
        "reissued": certificate.replaces_id is not None,
    }


def _pdf_attachment(certificate: Certificate) -> tuple[str, bytes] | None:
    """The stored PDF, if it has been rendered (the letter never waits for a render)."""
    from .services import pdf_filename

    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        return None
    with certificate.pdf.open("rb") as stored:
        return pdf_filename(certificate), stored.read()


def pdf_is_rendered(certificate_id: int) -> bool:
    certificate = Certificate.objects.only("pdf").get(pk=certificate_id)
    return bool(certificate.pdf) and certificate.pdf.storage.exists(certificate.pdf.name)


def certificate_issued_mail_send(*, certificate_id: int) -> bool:
    """Send the holder the letter announcing their certificate, once. Returns whether a letter
    went out now (False: no e-mail address, revoked meanwhile, or already sent)."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=certificate_id)
        )
        email = certificate.user.email.strip()
        if not email or certificate.status != Certificate.Status.VALID:
            return False
        sent = CertificateEvent.objects.filter(
            certificate=certificate, action=CertificateEvent.Action.MAILED
        )
        if sent.exists():
            return False
        with translation.override("vi"):
            context = _context(certificate)
            subject = (
                _("Your certificate has been reissued: %(course)s")
                if context["reissued"]
                else _("Your certificate: %(course)s")
            ) % {"course": context["course_title"]}
            body = render_to_string("certificates/mail_issued.txt", context)
        message = EmailMessage(subject, body, to=[email])
        attachment = _pdf_attachment(certificate)
        if attachment:
            message.attach(attachment[0], attachment[1], "application/pdf")
        message.send()
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateEvent.Action.MAILED
        )
    return True


def _remind_one(certificate_id: int, now: datetime.datetime) -> bool:
    with transaction.atomic():
        claimed = Certificate.objects.filter(
            pk=certificate_id, expiry_reminded_at__isnull=True
        ).update(expiry_reminded_at=now)
        if not claimed:
            return False  # another run has it
        certificate = Certificate.objects.select_related("user").get(pk=certificate_id)
        with translation.override("vi"):
            context = _context(certificate)
            subject = _("Your certificate expires on %(date)s: %(course)s") % {
                "date": context["expires_on"].strftime("%d/%m/%Y"),
                "course": context["course_title"],
            }
            body = render_to_string("certificates/mail_expiring.txt", context)
        EmailMessage(subject, body, to=[certificate.user.email.strip()]).send()
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateEvent.Action.REMINDED
        )
    return True


def certificate_expiry_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind, once each, the holders of valid certificates that expire within
    settings.CERTIFICATE_EXPIRY_REMINDER_DAYS. Returns how many letters went out. A letter that
    fails is logged and tried again on the next run."""
    now = now or timezone.now()
    days = getattr(settings, "CERTIFICATE_EXPIRY_REMINDER_DAYS", 30)
    due = (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            expiry_reminded_at__isnull=True,
            expires_at__gt=now,
            expires_at__lte=now + datetime.timedelta(days=days),
        )
        .exclude(user__email="")
        .order_by("expires_at")
        .values_list("pk", flat=True)
    )
    sent = 0
    for certificate_id in list(due):
        try:
            sent += _remind_one(certificate_id, now)
        except Exception:  # noqa: BLE001 - one bad address must not stop the others
            logger.exception("expiry reminder for certificate %s failed", certificate_id)
    return sent


# Tasks and the receiver ---------------------------------------------------------------------


@shared_task(bind=True, name="certificates.mail.certificate_issued_mail_task", **RETRY)
def certificate_issued_mail_task(self, certificate_id: int) -> bool:
    """The letter for a newly issued certificate. With a broker, the PDF is rendered by its own
    task: wait for it a little (three times 30 s) so that the letter can carry it."""
    rendering = getattr(settings, "CERTIFICATE_RENDER_ON_ISSUE", True)
    waiting = rendering and not self.request.is_eager and self.request.retries < 3
    if waiting and not pdf_is_rendered(certificate_id):
        raise self.retry(countdown=30, max_retries=3)
    return certificate_issued_mail_send(certificate_id=certificate_id)


@shared_task(name="certificates.mail.certificate_expiry_reminders_task", **RETRY)
def certificate_expiry_reminders_task() -> int:
    """Daily (beat): the expiry reminders."""
    return certificate_expiry_reminders_send()


def mail_on_issue(sender, certificate_id: int, **kwargs) -> None:
    """`certificate_issued` receiver: the letter goes out in the background after commit."""
    transaction.on_commit(lambda: certificate_issued_mail_task.delay(certificate_id))
