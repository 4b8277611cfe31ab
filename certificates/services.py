"""Writes about certificates: issuing (one, or a whole class at once), revoking, reissuing and
rendering the PDF.

Exactly once: issuing locks the enrolment row (`SELECT ... FOR UPDATE`) and looks again for a
valid certificate before writing, and the partial unique index "one valid certificate per
enrolment" stands behind it, so a task retried or run twice at once finds the first one's
certificate. Serial numbers are taken from the (issuing agency, suffix, year) counter row under
a row lock in the same transaction as the certificates they number: a rollback gives the numbers
back, so each agency's series has no gaps and no duplicates. Locks are always taken enrolments
first (by id), then the counters (by agency and suffix), so two issuers never wait on each other
in a cycle.
"""

from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage
from courses.records import Enrolment

from . import texts
from .models import Certificate, CertificateEvent, CertificateTemplate, SerialCounter
from .signals import certificate_issued

VALID = Certificate.Status.VALID
REVOKED = Certificate.Status.REVOKED


class NotIssuable(ValueError):
    """The enrolment cannot have a certificate (not completed, no template, revoked); the
    message says why, in the user's language."""


# Building blocks ----------------------------------------------------------------------------


def verify_url(code: str) -> str:
    """The absolute address printed in the QR code."""
    base = getattr(settings, "CERTIFICATE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + _verify_path(get_script_prefix()).replace("CODE", code)


@lru_cache(maxsize=4)
def _verify_path(script_prefix: str) -> str:
    """Reversed once with a placeholder: a class's thousand certificates share the pattern."""
    return reverse("certificates:verify", args=["CODE"])


def _holder(user) -> tuple[str, str, str]:
    """(full name, birth year or "", audience) of a user whose profile is selected."""
    profile = getattr(user, "profile", None)
    name = (profile.full_name if profile else "") or user.get_full_name() or user.username
    if profile is None:
        return name, "", ""
    audience = profile.audience.name if profile.audience_id else ""
    return name, texts.birth_text(profile.birth_year), audience


def revision_titles(revision_ids: Iterable[int | None]) -> dict[int, str]:
    """The page title each revision recorded (one query for a whole class)."""
    from wagtail.models import Revision

    ids = {pk for pk in revision_ids if pk is not None}
    if not ids:
        return {}
    rows = Revision.objects.filter(pk__in=ids).values_list("pk", "content__title")
    return {pk: title for pk, title in rows if title}


def _course_title(enrolment: Enrolment, titles: dict[int, str] | None) -> str:
    """The title of the course as the trainee completed it (the revision recorded at
    completion), else its title today."""
    if titles is None:
        titles = revision_titles([enrolment.completed_revision_id])
    return titles.get(enrolment.completed_revision_id) or enrolment.course.title


def snapshot_build(
    *,
    certificate: Certificate,
    enrolment: Enrolment,
    template: CertificateTemplate,
    titles: dict[int, str] | None = None,
) -> dict:
    """Everything printed on the certificate, frozen at issue (see the contract's key list).
    `titles` are the revisions' course titles when the caller has read them already."""
    name, birth, audience = _holder(enrolment.user)
    issued_on = timezone.localdate(certificate.issued_at)
    expires = certificate.expires_at
    return {
        "holder_name": name,
        "birth_date": birth,
        "course_title": _course_title(enrolment, titles),
        "course_revision_id": enrolment.completed_revision_id,
        "audience": audience,
        "result": texts.result_text(enrolment.score),
        "place": template.place,
        "date_text": texts.date_text(template.place, issued_on),
        "issued_on": issued_on.isoformat(),
        "expires_on": timezone.localdate(expires).isoformat() if expires else None,
        "governing_body": template.governing_body,
        "issuer_name": template.issuer_name,
        "title": template.title,
        "body_text": template.body_text,
        "signer_title": template.signer_title,
        "signer_name": template.signer_name,
        "serial": certificate.serial,
        "code": certificate.code,
        "verify_url": verify_url(certificate.code),
        "signature_image": template.signature_image.name or "",
        "seal_image": template.seal_image.name or "",
        "background_image": template.background_image.name or "",
    }


def serials_take(*, agency_id: int, suffix: str, year: int, count: int = 1) -> int:
    """Reserve `count` consecutive serial numbers of an agency's series and return the first.
    Must run inside the transaction that writes the certificates: the counter row stays locked
    until it ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("serials_take must run inside the issuing transaction")
    key = {"issuing_agency_id": agency_id, "serial_suffix": suffix, "year": year}
    try:
        with transaction.atomic():
            SerialCounter.objects.get_or_create(**key)
    except IntegrityError:
        pass  # another issuer made the row first: it is there now
    counter = SerialCounter.objects.select_for_update().get(**key)
    first = counter.last_number + 1
    SerialCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + count)
    return first


def _new_certificate(
    *,
    enrolment: Enrolment,
    template: CertificateTemplate,
    number: int,
    now,
    training_class=None,
    titles: dict[int, str] | None = None,
) -> Certificate:
    """An unsaved certificate with its number, dates and snapshot."""
    months = enrolment.course.certificate_validity_months
    certificate = Certificate(
        enrolment=enrolment,
        user_id=enrolment.user_id,
        course_id=enrolment.course_id,
        training_class=training_class or enrolment.training_class,
        template=template,
        issuing_agency_id=template.issuing_agency_id,
        serial_suffix=template.serial_suffix,
        serial_year=timezone.localdate(now).year,
        serial_number=number,
        issued_at=now,
        expires_at=texts.add_months(now, months) if months else None,
    )
    certificate.snapshot = snapshot_build(
        certificate=certificate, enrolment=enrolment, template=template, titles=titles
    )
    return certificate


def _after_issue(certificate_ids: list[int]) -> None:
    """On commit: render the PDFs (a task each) and tell listeners (the e-mail)."""
    from .tasks import certificate_render_task

    def run():
        for certificate_id in certificate_ids:
            if getattr(settings, "CERTIFICATE_RENDER_ON_ISSUE", True):
                certificate_render_task.delay(certificate_id)
            certificate_issued.send(sender=Certificate, certificate_id=certificate_id)

    transaction.on_commit(run)


def _refusal(enrolment: Enrolment, template, revoked: bool) -> str | None:
    """Why `enrolment` cannot get a certificate now, or None."""
    if enrolment.completed_at is None:
        return _("The trainee has not completed this course yet.")
    if template is None:
        return _("This course has no certificate template.")
    if revoked:
        return _("The certificate of this enrolment was revoked; reissue it instead.")
    return None


def _lone_revoked(enrolment_ids: Iterable[int]) -> set[int]:
    """Enrolments whose last certificate was revoked and not replaced: issuing again must be a
    deliberate reissue, never a side effect of a retried task or a class action."""
    return set(
        Certificate.objects.filter(
            enrolment_id__in=list(enrolment_ids), status=REVOKED, replaced_by__isnull=True
        ).values_list("enrolment_id", flat=True)
    )


# Issuing ------------------------------------------------------------------------------------


def certificate_issue(*, enrolment_id: int, actor=None, issued_at=None) -> Certificate:
    """Issue the certificate of a completed enrolment, or return the valid one it already has.
    Raises NotIssuable when the enrolment is not complete or its course has no template.
    `issued_at` (default: now) dates it, its serial year and expiry: the demo's 2026 story."""
    existing = Certificate.objects.filter(enrolment_id=enrolment_id, status=VALID).first()
    if existing is not None:
        return existing
    try:
        return _issue_locked(enrolment_id=enrolment_id, actor=actor, issued_at=issued_at)
    except IntegrityError:
        # Only possible where row locks do not exist; the other issuer's row is the answer.
        return Certificate.objects.get(enrolment_id=enrolment_id, status=VALID)


@transaction.atomic
def _issue_locked(
    *,
    enrolment_id: int,
    actor=None,
    replaces: Certificate | None = None,
    reason: str = "",
    issued_at=None,
) -> Certificate:
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course__certificate_template", "user__profile__audience")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None:
        raise NotIssuable(_("This enrolment does not exist."))
    existing = Certificate.objects.filter(enrolment=enrolment, status=VALID).first()
    if existing is not None:
        return existing
    revoked = replaces is None and bool(_lone_revoked([enrolment.pk]))
    template = enrolment.course.certificate_template or (replaces.template if replaces else None)
    refusal = _refusal(enrolment, template, revoked)
    if refusal:
        raise NotIssuable(refusal)
    now = issued_at or timezone.now()
    number = serials_take(
        agency_id=template.issuing_agency_id,
        suffix=template.serial_suffix,
        year=timezone.localdate(now).year,
    )
    certificate = _new_certificate(
        enrolment=enrolment,
        template=template,
        number=number,
        now=now,
        training_class=replaces.training_class if replaces else None,
    )
    certificate.replaces = replaces
    certificate.save()
    action = CertificateEvent.Action.REISSUED if replaces else CertificateEvent.Action.ISSUED
    CertificateEvent.objects.create(
        certificate=certificate, action=action, actor=actor, reason=reason
    )
    _after_issue([certificate.pk])
    return certificate


def _class_enrolments(training_class_id: int, course_id: int | None):
    """Completed enrolments of the class's current members in its courses (or one of them)."""
    courses = CoursePage.objects.filter(training_classes=training_class_id)
    if course_id is not None:
        courses = courses.filter(pk=course_id)
    members = get_user_model().objects.filter(
        class_memberships__training_class=training_class_id,
        class_memberships__removed_at__isnull=True,
    )
    return Enrolment.objects.filter(
        course__in=courses,
        user__in=members,
        completed_at__isnull=False,
        course__certificate_template__isnull=False,
    )


# What the snapshot reads of an enrolment and its holder.
ENROLMENT_FIELDS = (
    "id",
    "user_id",
    "course_id",
    "training_class_id",
    "completed_at",
    "completed_revision_id",
    "score",
    "user__username",
    "user__first_name",
    "user__last_name",
    "user__profile__full_name",
    "user__profile__birth_year",
    "user__profile__audience__name",
)


@transaction.atomic
def certificates_issue_for_class(
    *, training_class_id: int, course_id: int | None = None, actor=None
) -> list[Certificate]:
    """Issue the missing certificates of a class (its members' completed enrolments in its
    courses, or in one course): one counter update per series for all the serial numbers and
    one INSERT for all the certificates. Returns the certificates issued now; enrolments that
    already have one (or whose certificate was revoked) are left as they are."""
    # Course pages are costly to build: read each once, not once per enrolment.
    courses = CoursePage.objects.filter(training_classes=training_class_id).select_related(
        "certificate_template"
    )
    courses = {course.pk: course for course in courses}
    enrolments = list(
        _class_enrolments(training_class_id, course_id)
        .select_for_update(of=("self",))
        .select_related("user__profile__audience")
        .only(*ENROLMENT_FIELDS)
        .order_by("pk")
    )
    for enrolment in enrolments:
        enrolment.course = courses[enrolment.course_id]
    done = set(
        Certificate.objects.filter(
            enrolment__in=[e.pk for e in enrolments], status=VALID
        ).values_list("enrolment_id", flat=True)
    )
    skipped = done | _lone_revoked(e.pk for e in enrolments)
    todo = [e for e in enrolments if e.pk not in skipped]
    if not todo:
        return []
    from people.models import TrainingClass

    training_class = TrainingClass.objects.get(pk=training_class_id)
    now = timezone.now()
    year = timezone.localdate(now).year
    titles = revision_titles(e.completed_revision_id for e in todo)
    certificates = []
    by_series: dict[tuple[int, str], list[Enrolment]] = {}
    for enrolment in todo:
        template = enrolment.course.certificate_template
        series = (template.issuing_agency_id, template.serial_suffix)
        by_series.setdefault(series, []).append(enrolment)
    for (agency_id, suffix), group in sorted(by_series.items()):
        first = serials_take(agency_id=agency_id, suffix=suffix, year=year, count=len(group))
        for offset, enrolment in enumerate(group):
            certificates.append(
                _new_certificate(
                    enrolment=enrolment,
                    template=enrolment.course.certificate_template,
                    number=first + offset,
                    now=now,
                    training_class=training_class,
                    titles=titles,
                )
            )
    Certificate.objects.bulk_create(certificates)
    if any(c.pk is None for c in certificates):  # back-ends that return no ids on bulk insert
        ids = dict(
            Certificate.objects.filter(code__in=[c.code for c in certificates]).values_list(
                "code", "pk"
            )
        )
        for certificate in certificates:
            certificate.pk = ids[certificate.code]
    CertificateEvent.objects.bulk_create(
        CertificateEvent(certificate=c, action=CertificateEvent.Action.ISSUED, actor=actor)
        for c in certificates
    )
    _after_issue([c.pk for c in certificates])
    return certificates


# Revoking and reissuing ---------------------------------------------------------------------


def _reason_checked(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise NotIssuable(_("Give the reason."))
    return reason


@transaction.atomic
def certificate_revoke(*, certificate_id: int, reason: str, actor) -> Certificate:
    """Revoke a valid certificate with a reason (required), recorded in its history. Revoking
    a revoked certificate changes nothing."""
    reason = _reason_checked(reason)
    certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
    if certificate.status == REVOKED:
        return certificate
    certificate.status = REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = actor
    certificate.save(update_fields=["status", "revoked_at", "revoked_reason", "revoked_by"])
    CertificateEvent.objects.create(
        certificate=certificate, action=CertificateEvent.Action.REVOKED, actor=actor, reason=reason
    )
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate_id: int, reason: str, actor, issued_at=None) -> Certificate:
    """Replace a certificate (say, a misspelt name now corrected) with a new one: new number,
    new code, snapshot from today's records. The old one is revoked with the reason. Reissuing
    a certificate already replaced returns its replacement. `issued_at` as for
    `certificate_issue`."""
    reason = _reason_checked(reason)
    old = Certificate.objects.select_for_update().get(pk=certificate_id)
    replacement = Certificate.objects.filter(replaces=old).first()
    if replacement is not None:
        return replacement
    certificate_revoke(certificate_id=old.pk, reason=reason, actor=actor)
    new = _issue_locked(
        enrolment_id=old.enrolment_id,
        actor=actor,
        replaces=old,
        reason=reason,
        issued_at=issued_at,
    )
    CertificateEvent.objects.create(
        certificate=old, action=CertificateEvent.Action.REISSUED, actor=actor, reason=reason
    )
    return new


# The PDF ------------------------------------------------------------------------------------


def pdf_filename(certificate: Certificate) -> str:
    return f"giay-chung-nhan-{certificate.serial_number}-{certificate.serial_suffix}.pdf"


def certificate_pdf_render(*, certificate_id: int) -> Certificate:
    """Render the PDF from the snapshot and store it (replacing an earlier file). Safe to run
    twice: the second run writes the same document again."""
    from .pdf import render_pdf

    certificate = Certificate.objects.get(pk=certificate_id)
    content = render_pdf(certificate.snapshot)
    old_name = certificate.pdf.name
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(content), save=False)
    certificate.pdf_rendered_at = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=certificate.pdf.name, pdf_rendered_at=certificate.pdf_rendered_at
    )
    if old_name and old_name != certificate.pdf.name:
        certificate.pdf.storage.delete(old_name)
    CertificateEvent.objects.create(
        certificate=certificate, action=CertificateEvent.Action.RENDERED
    )
    return certificate


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes:
    """The stored PDF, rendered again from the snapshot first if it is missing."""
    if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
        with certificate.pdf.open("rb") as stored:
            return stored.read()
    certificate = certificate_pdf_render(certificate_id=certificate.pk)
    with certificate.pdf.open("rb") as stored:
        return stored.read()
