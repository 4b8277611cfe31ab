"""The audit trail of staff reading or changing personal data (Law 91/2025/QH15)."""

from .models import AuditEvent


def record(*, actor, action: str, subject=None, obj=None, **detail) -> AuditEvent:
    """Write one audit event. `subject` is the person whose data it is; `obj` what was touched."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        subject=subject,
        object_repr=str(obj or subject or "")[:255],
        detail=detail,
    )
