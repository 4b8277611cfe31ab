"""Exactly one certificate per enrolment and gapless serial numbers per issuing agency, with
real concurrency on PostgreSQL (threads with their own connections, released together)."""

import itertools
import threading

import pytest

from certificates import services
from certificates.models import Certificate, SerialCounter
from people.models import Agency
from tests.courses.test_completion_concurrency import RACERS, race

from .factories import CertificateTemplateFactory, completed_enrolment, course_with_template, holder
from .test_issue import _class_with

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_racing_issuers_make_one_certificate_each_and_no_gaps(demo, settings):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False
    lang_son = Agency.objects.get(name="Sở Tư pháp tỉnh Lạng Sơn")
    lam_dong = Agency.objects.get(name="Sở Tư pháp tỉnh Lâm Đồng")

    # Eight tasks issuing for the same enrolment at once (a retry racing the first delivery).
    course = course_with_template(
        template=CertificateTemplateFactory(serial_suffix="GCN-DUA", issuing_agency=lang_son)
    )
    enrolment = completed_enrolment(course=course)
    results: list[int] = []
    errors = race(lambda: results.append(services.certificate_issue(enrolment_id=enrolment.pk).pk))
    assert errors == []
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert len(results) == RACERS and len(set(results)) == 1
    assert (
        SerialCounter.objects.get(issuing_agency=lang_son, serial_suffix="GCN-DUA").last_number == 1
    )

    # A class with a course of each agency, both printing "GCN-DUA": two trainers' class actions
    # race the completion tasks of its members, which run one by one, each enrolment of each
    # course in turn. Each enrolment gets one certificate; each agency's series has no gap.
    other = course_with_template(
        template=CertificateTemplateFactory(serial_suffix="GCN-DUA", issuing_agency=lam_dong),
        title="Khoá của Lâm Đồng",
    )
    members = [holder(full_name=f"Người Học {n}") for n in range(12)]
    training_class = _class_with(course, members)
    training_class.courses.add(other)
    enrolments = [completed_enrolment(course=c, user=m) for m in members for c in (course, other)]
    queue = itertools.cycle(enrolments)
    racers = itertools.count()
    lock = threading.Lock()
    class_actions: list[int] = []

    def next_enrolment():
        with lock:
            return next(queue)

    def work():
        with lock:
            number = next(racers)
        if number < 2:
            issued = services.certificates_issue_for_class(training_class_id=training_class.pk)
            class_actions.append(len(issued))
        for _ in range(len(enrolments) // (RACERS - 2) + 1):
            services.certificate_issue(enrolment_id=next_enrolment().pk)

    errors = race(work)
    assert errors == []
    assert len(class_actions) == 2
    for e in enrolments:
        assert Certificate.objects.filter(enrolment=e).count() == 1
    expected = {lang_son: len(members) + 1, lam_dong: len(members)}
    for agency, last in expected.items():
        issued = Certificate.objects.filter(issuing_agency=agency, serial_suffix="GCN-DUA")
        numbers = sorted(issued.values_list("serial_number", flat=True))
        assert numbers == list(range(1, last + 1))
        counter = SerialCounter.objects.get(issuing_agency=agency, serial_suffix="GCN-DUA")
        assert counter.last_number == last
