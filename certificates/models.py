"""Certificates: templates, the certificates themselves, serial counters and their history.

A certificate is issued once per enrolment: a partial unique index allows one *valid*
certificate per enrolment, so a task retried or run twice at once finds the row the first run
wrote. Serial numbers come from one counter row per (issuing agency, suffix, year), taken under
a row lock, so they have no gaps and no duplicates: every provincial Department of Justice may
print "GCN-STP" and still number its own certificates 1, 2, 3... Everything printed on the certificate is copied into
`snapshot` when it is issued: later edits to the person, the course or the template never
change a certificate already issued, and the PDF can be rendered again from the snapshot alone.

Reports read `Certificate` (issued_at, status, course, training_class, user) through
`certificates.selectors`, never the other way round.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin

# 20 characters from a 32-letter alphabet without look-alikes: 100 bits, never guessable.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 20


def new_code() -> str:
    # 256 is a multiple of 32, so each random byte picks a letter uniformly (5 bits each).
    return "".join(CODE_ALPHABET[byte % 32] for byte in secrets.token_bytes(CODE_LENGTH))


class CertificateTemplate(PreviewableMixin, models.Model):
    """The layout and the issuer of a certificate (a Wagtail snippet, previewed live as HTML or
    as the real PDF with a sample holder: see certificates/preview.py).

    The issuing agency (`issuing_agency`, a people.Agency) numbers its certificates: the serial
    "125/GCN-STP" is that agency's 125th certificate under the suffix "GCN-STP" in a year.
    `issuer_name` is the agency's name as printed (usually in capitals)."""

    name = models.CharField(_("name"), max_length=150)
    issuing_agency = models.ForeignKey(
        "people.Agency",
        verbose_name=_("issuing agency"),
        on_delete=models.PROTECT,
        related_name="certificate_templates",
        help_text=_(
            "The agency that issues and numbers these certificates: each agency has its own "
            "series of serial numbers."
        ),
    )
    governing_body = models.CharField(
        _("governing body"),
        max_length=200,
        blank=True,
        help_text=_("The body above the issuer, printed first, e.g. UBND TỈNH LẠNG SƠN."),
    )
    issuer_name = models.CharField(
        _("issuing agency as printed"),
        max_length=200,
        help_text=_("e.g. SỞ TƯ PHÁP TỈNH LẠNG SƠN"),
    )
    serial_suffix = models.CharField(
        _("serial number suffix"),
        max_length=30,
        help_text=_(
            "Printed after the number: 125/GCN-STP. One series per issuing agency, suffix and year."
        ),
    )
    place = models.CharField(
        _("place of issue"), max_length=100, help_text=_("Printed before the date: Lạng Sơn")
    )
    title = models.CharField(_("title"), max_length=100, default="GIẤY CHỨNG NHẬN")
    body_text = models.TextField(
        _("text"),
        blank=True,
        default="Đã hoàn thành khóa bồi dưỡng",
        help_text=_("Printed before the course title."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=150)
    signer_name = models.CharField(_("signer's name"), max_length=150)
    signature_image = models.ImageField(
        _("signature"), upload_to="certificates/templates/", blank=True
    )
    seal_image = models.ImageField(_("seal"), upload_to="certificates/templates/", blank=True)
    background_image = models.ImageField(
        _("background"), upload_to="certificates/templates/", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def preview_modes(self):
        return [("", _("Certificate")), ("pdf", _("PDF"))]

    @property
    def preview_sizes(self):
        return [
            {
                "name": "a4",
                "icon": "desktop",
                "device_width": 1123,  # A4 landscape at 96 px per inch
                "label": _("Preview at A4 size"),
            }
        ]

    def get_preview_template(self, request, mode_name):
        return "certificates/pdf.html"

    def get_preview_context(self, request, mode_name):
        from .preview import preview_context

        return preview_context(self)

    def serve_preview(self, request, mode_name):
        from .preview import serve_preview

        return serve_preview(self, request, mode_name) or super().serve_preview(request, mode_name)


class SerialCounter(models.Model):
    """The last serial number one issuing agency used under one suffix in one year."""

    issuing_agency = models.ForeignKey("people.Agency", on_delete=models.PROTECT, related_name="+")
    serial_suffix = models.CharField(max_length=30)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_agency", "serial_suffix", "year"],
                name="serial_counter_unique_per_agency",
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuing_agency_id} {self.serial_suffix} {self.year}: {self.last_number}"


class Certificate(models.Model):
    """One certificate for one enrolment. Revoked certificates stay (with the reason); a reissue
    is a new row pointing at the one it replaces."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")

    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_code, editable=False
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, related_name="certificates"
    )
    # Copied from the enrolment so that reports group certificates without joining it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="certificates"
    )
    training_class = models.ForeignKey(
        "people.TrainingClass",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    # The agency whose series the serial number belongs to (copied from the template, which
    # may later change or go).
    issuing_agency = models.ForeignKey(
        "people.Agency",
        verbose_name=_("issuing agency"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    serial_suffix = models.CharField(_("serial number suffix"), max_length=30)
    serial_year = models.PositiveSmallIntegerField(_("serial number year"))
    serial_number = models.PositiveIntegerField(_("serial number"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    # Everything printed on the certificate, as it was at issue: holder, birth date, course,
    # audience, result, place and date, issuer, signer, serial, verification URL, image paths.
    snapshot = models.JSONField(_("snapshot"), default=dict)
    pdf = models.FileField(_("PDF"), upload_to="certificates/pdf/", blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    expiry_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status="valid"),
                name="certificate_one_valid_per_enrolment",
            ),
            models.UniqueConstraint(
                fields=["issuing_agency", "serial_suffix", "serial_year", "serial_number"],
                name="certificate_serial_unique_per_agency",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "issued_at"]),
            models.Index(fields=["training_class", "issued_at"]),
            models.Index(fields=["user"]),
            # Reports: certificates revoked after a period ended.
            models.Index(
                fields=["revoked_at"],
                condition=Q(status="revoked"),
                name="certificate_revoked_at",
            ),
        ]

    def __str__(self) -> str:
        return self.serial

    @property
    def serial(self) -> str:
        return f"{self.serial_number}/{self.serial_suffix}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class CertificateEvent(models.Model):
    """The audit trail of a certificate: issued, rendered, revoked, reissued, the letter
    announcing it sent (or deliberately not sent), the expiry reminder sent."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("issued")
        RENDERED = "rendered", _("rendered")
        REVOKED = "revoked", _("revoked")
        REISSUED = "reissued", _("reissued")
        MAILED = "mailed", _("letter of issue sent")
        REMINDED = "reminded", _("expiry reminder sent")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.certificate_id} {self.action}"
