"""Issuing: what a certificate records, exactly once, automatically on completion, for a class,
from the command line; revocation and reissue with their history; expiry."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from certificates import services
from certificates.models import Certificate, CertificateEvent, SerialCounter
from certificates.texts import add_months, date_text, result_text
from courses import services as course_services
from courses.models import LessonPage
from people.models import Agency, ClassMembership, TrainingClass
from tests.factories import UserFactory

from .factories import (
    HOLDER_NAME,
    CertificateTemplateFactory,
    completed_enrolment,
    course_with_template,
    holder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_pdf_on_issue(settings):
    """PDFs have their own tests; issuing here need not render them."""
    settings.CERTIFICATE_RENDER_ON_ISSUE = False


def test_vietnamese_date_and_result_texts():
    assert (
        date_text("Lạng Sơn", datetime.date(2026, 11, 20)) == "Lạng Sơn, ngày 20 tháng 11 năm 2026"
    )
    # Days below 10 and months below 3 take a leading zero on administrative documents.
    assert date_text("Hà Nội", datetime.date(2027, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2027"
    assert result_text(None) == "Hoàn thành"
    assert result_text(87.5) == "Hoàn thành, điểm 87,5/100"
    assert add_months(datetime.datetime(2026, 1, 31), 1) == datetime.datetime(2026, 2, 28)


def test_a_certificate_records_everything_it_prints(demo):
    course = course_with_template(validity_months=24, title="Truyền thông dự thảo chính sách")
    enrolment = completed_enrolment(course=course, score=87.5)
    certificate = services.certificate_issue(enrolment_id=enrolment.pk)

    snapshot = certificate.snapshot
    template = course.certificate_template
    assert snapshot["holder_name"] == HOLDER_NAME
    assert snapshot["birth_date"] == "1988"
    assert snapshot["course_title"] == "Truyền thông dự thảo chính sách"
    assert snapshot["result"] == "Hoàn thành, điểm 87,5/100"
    today = timezone.localdate()
    assert snapshot["date_text"] == date_text("Lạng Sơn", today)
    assert snapshot["issued_on"] == today.isoformat()
    assert snapshot["serial"] == f"1/{template.serial_suffix}" == certificate.serial
    assert snapshot["verify_url"] == f"http://testserver/xac-minh/{certificate.code}/"
    assert snapshot["issuer_name"] == template.issuer_name
    assert snapshot["signer_name"] == template.signer_name
    assert len(certificate.code) == 20
    # Valid for 24 months from the day of issue.
    assert certificate.expires_at.date() == add_months(certificate.issued_at, 24).date()
    assert snapshot["expires_on"] == timezone.localdate(certificate.expires_at).isoformat()
    assert list(certificate.events.values_list("action", flat=True)) == ["issued"]

    # Later edits to the person or the course never change an issued certificate.
    enrolment.user.profile.full_name = "Tên Đã Sửa"
    enrolment.user.profile.save()
    certificate.refresh_from_db()
    assert certificate.snapshot["holder_name"] == HOLDER_NAME


def test_the_certificate_prints_the_course_title_the_trainee_completed(demo):
    course = course_with_template(title="Kỹ năng truyền thông (bản 2026)")
    members = [holder(full_name=f"Học Viên {n}") for n in range(2)]
    enrolments = [completed_enrolment(course=course, user=m) for m in members]
    completed_at = course.latest_revision
    for enrolment in enrolments:
        enrolment.completed_revision = completed_at
        enrolment.save(update_fields=["completed_revision"])
    course.title = "Kỹ năng truyền thông (bản 2027)"
    course.save_revision().publish()

    one = services.certificate_issue(enrolment_id=enrolments[0].pk)
    assert one.snapshot["course_title"] == "Kỹ năng truyền thông (bản 2026)"
    training_class = _class_with(course, members)
    (other,) = services.certificates_issue_for_class(training_class_id=training_class.pk)
    assert other.snapshot["course_title"] == "Kỹ năng truyền thông (bản 2026)"
    # Without a recorded revision, the course's current title.
    later = completed_enrolment(course=course)
    certificate = services.certificate_issue(enrolment_id=later.pk)
    assert certificate.snapshot["course_title"] == "Kỹ năng truyền thông (bản 2027)"


def test_issuing_twice_returns_the_same_certificate_and_serials_follow_on(demo):
    template = CertificateTemplateFactory(serial_suffix="GCN-LAI")
    course = course_with_template(template=template)
    first = completed_enrolment(course=course)
    second = completed_enrolment(course=course)
    one = services.certificate_issue(enrolment_id=first.pk)
    again = services.certificate_issue(enrolment_id=first.pk)
    two = services.certificate_issue(enrolment_id=second.pk)
    assert again.pk == one.pk
    assert Certificate.objects.filter(enrolment=first).count() == 1
    assert (one.serial, two.serial) == ("1/GCN-LAI", "2/GCN-LAI")
    assert SerialCounter.objects.get(serial_suffix="GCN-LAI").last_number == 2


def test_each_agency_numbers_its_certificates_from_one_whatever_the_suffix(demo):
    # Every provincial Department of Justice prints the same suffix: each has its own series.
    lang_son = Agency.objects.get(name="Sở Tư pháp tỉnh Lạng Sơn")
    lam_dong = Agency.objects.get(name="Sở Tư pháp tỉnh Lâm Đồng")
    courses = {
        agency: course_with_template(
            template=CertificateTemplateFactory(serial_suffix="GCN-TP", issuing_agency=agency),
            title=f"Khoá của {agency.name}",
        )
        for agency in (lang_son, lam_dong)
    }
    issued = {lang_son: [], lam_dong: []}
    for _ in range(3):  # interleaved, as completions arrive
        for agency, course in courses.items():
            enrolment = completed_enrolment(course=course)
            issued[agency].append(services.certificate_issue(enrolment_id=enrolment.pk))
    for agency, certificates in issued.items():
        assert [c.serial for c in certificates] == ["1/GCN-TP", "2/GCN-TP", "3/GCN-TP"]
        assert {c.issuing_agency_id for c in certificates} == {agency.pk}

    # The class action numbers each agency's certificates in that agency's series too.
    members = [holder(full_name=f"Học Viên {n}") for n in range(2)]
    training_class = _class_with(courses[lang_son], members)
    training_class.courses.add(courses[lam_dong])
    for member in members:
        for course in courses.values():
            completed_enrolment(course=course, user=member)
    in_class = services.certificates_issue_for_class(training_class_id=training_class.pk)
    numbers = sorted((c.issuing_agency_id, c.serial_number) for c in in_class)
    assert numbers == [(a.pk, n) for a in sorted(courses, key=lambda a: a.pk) for n in (4, 5)]
    assert (
        SerialCounter.objects.get(issuing_agency=lam_dong, serial_suffix="GCN-TP").last_number == 5
    )


def test_refusals_say_why_in_vietnamese(demo):
    course = course_with_template()
    user = holder()
    course_services.enrolments_create(users=[user], courses=[course])
    enrolment = user.enrolments.get()
    with translation.override("vi"), pytest.raises(services.NotIssuable) as refused:
        services.certificate_issue(enrolment_id=enrolment.pk)
    assert "chưa hoàn thành" in str(refused.value)
    course.certificate_template = None
    course.save(update_fields=["certificate_template"])
    enrolment = completed_enrolment(course=course, user=user)
    with translation.override("vi"), pytest.raises(services.NotIssuable) as refused:
        services.certificate_issue(enrolment_id=enrolment.pk)
    assert "mẫu giấy chứng nhận" in str(refused.value)
    assert not Certificate.objects.filter(course=course).exists()


def test_completing_a_course_issues_its_certificate_automatically(
    demo, django_capture_on_commit_callbacks
):
    course = course_with_template()
    lesson = LessonPage.objects.child_of(course).get()
    user = holder()
    course_services.enrolments_create(users=[user], courses=[course])
    with django_capture_on_commit_callbacks(execute=True):
        course_services.lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
    certificate = Certificate.objects.get(user=user)
    assert certificate.course_id == course.pk
    assert certificate.snapshot["holder_name"] == HOLDER_NAME
    # The task running again (a retry, a redelivery) changes nothing.
    from certificates.tasks import certificate_issue_task

    assert certificate_issue_task.delay(certificate.enrolment_id).get() == certificate.pk
    assert Certificate.objects.filter(user=user).count() == 1


def test_a_course_without_template_issues_nothing_on_completion(
    demo, django_capture_on_commit_callbacks
):
    course = course_with_template()
    course.certificate_template = None
    course.save(update_fields=["certificate_template"])
    lesson = LessonPage.objects.child_of(course).get()
    user = holder()
    course_services.enrolments_create(users=[user], courses=[course])
    with django_capture_on_commit_callbacks(execute=True):
        course_services.lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
    assert user.enrolments.get().completed_at is not None
    assert not Certificate.objects.filter(user=user).exists()


def _class_with(course, members):
    existing = TrainingClass.objects.first()
    training_class = TrainingClass.objects.create(
        slug=f"lop-cn-{course.pk}",
        title="Lớp cấp chứng nhận",
        organiser=existing.organiser,
        locality=existing.locality,
        starts_on=datetime.date(2026, 10, 1),
        ends_on=datetime.date(2026, 11, 30),
    )
    training_class.courses.add(course)
    for member in members:
        ClassMembership.objects.create(training_class=training_class, user=member)
    return training_class


def test_a_class_gets_its_missing_certificates_with_consecutive_serials(demo):
    template = CertificateTemplateFactory(serial_suffix="GCN-LOP")
    course = course_with_template(template=template)
    members = [holder(full_name=f"Học Viên {n}") for n in range(5)]
    training_class = _class_with(course, members)
    done = [completed_enrolment(course=course, user=m) for m in members[:4]]
    already = services.certificate_issue(enrolment_id=done[0].pk)  # 1/GCN-LOP
    revoked = services.certificate_issue(enrolment_id=done[1].pk)  # 2/GCN-LOP
    services.certificate_revoke(certificate_id=revoked.pk, reason="Cấp nhầm", actor=None)

    issued = services.certificates_issue_for_class(training_class_id=training_class.pk)

    # Members 2 and 3: new; member 0 kept theirs, member 1's revoked one is not silently
    # replaced, member 4 has not finished.
    assert sorted(c.serial for c in issued) == ["3/GCN-LOP", "4/GCN-LOP"]
    assert {c.user_id for c in issued} == {members[2].pk, members[3].pk}
    assert all(c.training_class_id == training_class.pk for c in issued)
    assert Certificate.objects.filter(enrolment=done[0]).get().pk == already.pk
    assert CertificateEvent.objects.filter(certificate__in=issued, action="issued").count() == 2
    assert services.certificates_issue_for_class(training_class_id=training_class.pk) == []
    assert SerialCounter.objects.get(serial_suffix="GCN-LOP").last_number == 4


def test_revoke_and_reissue_keep_a_history_with_reasons(demo):
    course = course_with_template()
    enrolment = completed_enrolment(course=course)
    admin = UserFactory(username="quantri.cn", is_superuser=True)
    original = services.certificate_issue(enrolment_id=enrolment.pk)

    with pytest.raises(services.NotIssuable):
        services.certificate_revoke(certificate_id=original.pk, reason="  ", actor=admin)
    new = services.certificate_reissue(
        certificate_id=original.pk, reason="Sửa họ tên viết sai", actor=admin
    )
    original.refresh_from_db()
    assert original.status == "revoked"
    assert original.revoked_reason == "Sửa họ tên viết sai"
    assert original.revoked_by == admin
    assert new.replaces_id == original.pk
    assert new.status == "valid" and new.code != original.code
    assert new.serial_number == original.serial_number + 1
    assert list(original.events.values_list("action", "reason")) == [
        ("issued", ""),
        ("revoked", "Sửa họ tên viết sai"),
        ("reissued", "Sửa họ tên viết sai"),
    ]
    assert list(new.events.values_list("action", "actor")) == [("reissued", admin.pk)]
    # Reissuing again returns the replacement; issuing returns the valid one.
    assert services.certificate_reissue(certificate_id=original.pk, reason="x", actor=admin) == new
    assert services.certificate_issue(enrolment_id=enrolment.pk) == new


def test_a_revoked_certificate_is_not_issued_again_by_a_retried_task(demo):
    course = course_with_template()
    enrolment = completed_enrolment(course=course)
    certificate = services.certificate_issue(enrolment_id=enrolment.pk)
    services.certificate_revoke(certificate_id=certificate.pk, reason="Gian lận", actor=None)
    with pytest.raises(services.NotIssuable):
        services.certificate_issue(enrolment_id=enrolment.pk)
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_the_command_issues_missing_certificates_and_refuses_unknown_slugs(demo, capsys):
    course = course_with_template()
    enrolments = [completed_enrolment(course=course) for _ in range(3)]
    call_command("issue_certificates", "--course", course.slug, "--dry-run")
    assert "Sẽ cấp 3" in capsys.readouterr().out
    assert not Certificate.objects.filter(course=course).exists()
    call_command("issue_certificates", "--course", course.slug)
    assert "Đã cấp 3" in capsys.readouterr().out
    assert Certificate.objects.filter(enrolment__in=enrolments).count() == 3
    call_command("issue_certificates", "--course", course.slug)
    assert "Đã cấp 0" in capsys.readouterr().out

    with pytest.raises(CommandError, match="không-co-khoa"):
        call_command("issue_certificates", "--course", "không-co-khoa")
    with pytest.raises(CommandError, match="lop-khong-co"):
        call_command("issue_certificates", "--course", course.slug, "--class", "lop-khong-co")


def test_a_persons_copy_of_their_data_lists_their_certificates(demo):
    from people.data_rights import personal_data_collect

    enrolment = completed_enrolment(course=course_with_template(title="Khoá dữ liệu cá nhân"))
    certificate = services.certificate_issue(enrolment_id=enrolment.pk)
    rows = personal_data_collect(user=enrolment.user)["certificates"]
    assert [(r["serial"], r["course"]) for r in rows] == [
        (certificate.serial, "Khoá dữ liệu cá nhân")
    ]
