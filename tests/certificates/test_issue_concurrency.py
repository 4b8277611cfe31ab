"""Exactly one certificate per enrolment and gapless serial numbers, with real concurrency on
PostgreSQL (threads with their own connections, released together)."""

import itertools
import threading

import pytest

from certificates import services
from certificates.models import Certificate, SerialCounter
from tests.courses.test_completion_concurrency import RACERS, race

from .factories import CertificateTemplateFactory, completed_enrolment, course_with_template, holder
from .test_issue import _class_with

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_racing_issuers_make_one_certificate_each_and_no_gaps(demo, settings):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False

    # Eight tasks issuing for the same enrolment at once (a retry racing the first delivery).
    course = course_with_template(template=CertificateTemplateFactory(serial_suffix="GCN-DUA"))
    enrolment = completed_enrolment(course=course)
    results: list[int] = []
    errors = race(lambda: results.append(services.certificate_issue(enrolment_id=enrolment.pk).pk))
    assert errors == []
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert len(results) == RACERS and len(set(results)) == 1
    assert SerialCounter.objects.get(serial_suffix="GCN-DUA").last_number == 1

    # A class's certificates issued by two trainers' class actions while the completion tasks
    # of its members run one by one: each enrolment gets one certificate, numbered 2..N+1.
    members = [holder(full_name=f"Người Học {n}") for n in range(16)]
    training_class = _class_with(course, members)
    enrolments = [completed_enrolment(course=course, user=m) for m in members]
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
    issued = Certificate.objects.filter(course=course)
    assert issued.count() == len(enrolments) + 1
    for e in enrolments:
        assert issued.filter(enrolment=e).count() == 1
    numbers = sorted(issued.values_list("serial_number", flat=True))
    assert numbers == list(range(1, len(enrolments) + 2))
    assert SerialCounter.objects.get(serial_suffix="GCN-DUA").last_number == len(enrolments) + 1
