"""Reads about certificates that pages and other apps need."""

from django.db.models import QuerySet

from .models import CODE_ALPHABET, CODE_LENGTH, Certificate


def certificates_of_user(user) -> QuerySet:
    """A person's certificates, newest first, with their course (for lists and the dashboard)."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(user=user).select_related("course").order_by("-issued_at")


def code_normalised(code: str) -> str | None:
    """The code as stored, from what someone typed (spaces, dashes, lower case), or None when
    it cannot be a code at all."""
    code = "".join(ch for ch in (code or "").upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def certificate_by_code(code: str) -> Certificate | None:
    code = code_normalised(code)
    if code is None:
        return None
    return Certificate.objects.filter(code=code).first()


def certificate_for_enrolment(enrolment) -> Certificate | None:
    """The valid certificate of an enrolment, if it has one."""
    if enrolment is None or enrolment.completed_at is None:
        return None
    return Certificate.objects.filter(enrolment=enrolment, status=Certificate.Status.VALID).first()


def can_download(user, certificate: Certificate) -> bool:
    """The holder while the certificate is valid; admins and the trainers of its class always."""
    from people.permissions import ClassPolicy
    from people.roles import is_admin

    if is_admin(user):
        return True
    if certificate.user_id == user.pk and certificate.status == Certificate.Status.VALID:
        return True
    training_class = certificate.training_class
    return training_class is not None and ClassPolicy.can_manage(user, training_class)
