"""Factories for certificate tests (the certificates-extras tests use them too)."""

import factory
from django.utils import timezone

from certificates.models import CertificateTemplate
from courses.models import CourseIndexPage
from courses.records import Enrolment
from people.models import Agency, Profile
from tests.factories import UserFactory, add_course

HOLDER_NAME = "Nguyễn Thị Ngọc Ánh"
ISSUER = "Sở Tư pháp tỉnh Lạng Sơn"


def issuing_agency() -> Agency:
    """The demo's Lạng Sơn Department of Justice when the demo is loaded, else one like it."""
    agency = Agency.objects.filter(name=ISSUER).order_by("pk").first()
    return agency or Agency.objects.create(name=ISSUER, kind=Agency.Kind.JUSTICE)


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Mẫu giấy chứng nhận {n}")
    governing_body = "UBND tỉnh Lạng Sơn"
    issuing_agency = factory.LazyFunction(issuing_agency)
    issuer_name = ISSUER
    serial_suffix = factory.Sequence(lambda n: f"GCN-T{n}")
    place = "Lạng Sơn"
    signer_title = "Giám đốc"
    signer_name = "Hoàng Văn Dũng"


def course_with_template(*, template=None, validity_months=None, title="Khoá có chứng nhận"):
    """A published one-lesson course that issues certificates in `template` (made if None)."""
    course = add_course(CourseIndexPage.objects.get(), title, lessons=1)
    course.certificate_template = template or CertificateTemplateFactory()
    course.certificate_validity_months = validity_months
    course.save(update_fields=["certificate_template", "certificate_validity_months"])
    return course


def holder(*, full_name: str = HOLDER_NAME, birth_year: int | None = 1988, **kwargs):
    """A user with a profile (what the certificate prints)."""
    user = UserFactory(**kwargs)
    Profile.objects.update_or_create(
        user=user, defaults={"full_name": full_name, "birth_year": birth_year}
    )
    return user


def completed_enrolment(*, course, user=None, score=None, training_class=None) -> Enrolment:
    """An enrolment already completed (written directly: the completion rules have their own
    tests; these tests start where a certificate is due)."""
    enrolment, _ = Enrolment.objects.update_or_create(
        user=user or holder(),
        course=course,
        defaults={
            "completed_at": timezone.now(),
            "score": score,
            "training_class": training_class,
        },
    )
    return enrolment
