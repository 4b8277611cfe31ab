"""The certificates section of a person's copy of their data (people/data_rights.py)."""

from django.utils.translation import gettext_lazy as _

from people.data_rights import personal_data_section

from .models import Certificate


@personal_data_section(
    "certificates",
    title=_("Certificates"),
    columns={
        "serial": _("Serial number"),
        "course": _("Course"),
        "issued_at": _("Issued on"),
        "expires_at": _("Valid until"),
        "status": _("Status"),
        "revoked_reason": _("Reason for revocation"),
        "verify_url": _("Verification address"),
    },
)
def _certificates(user) -> list[dict]:
    return [
        {
            "serial": certificate.serial,
            "course": certificate.snapshot.get("course_title", ""),
            "issued_at": certificate.issued_at,
            "expires_at": certificate.expires_at,
            "status": certificate.get_status_display(),
            "revoked_reason": certificate.revoked_reason,
            "verify_url": certificate.snapshot.get("verify_url", ""),
        }
        for certificate in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
    ]
