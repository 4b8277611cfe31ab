"""A class's certificates as one ZIP: one real PDF per valid certificate (missing ones rendered),
the same archive when built twice, progress for the page, and only the class's trainers and
admins may build or download it."""

import datetime
import io
import zipfile

import pypdfium2
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from certificates import bulk, services
from people.models import ClassMembership, TrainingClass
from people.roles import TRAINERS_GROUP

from .factories import CertificateTemplateFactory, completed_enrolment, course_with_template, holder

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CERTIFICATE_RENDER_ON_ISSUE = False


@pytest.fixture
def training_class(demo):
    course = course_with_template(template=CertificateTemplateFactory(serial_suffix="GCN-ZIP"))
    existing = TrainingClass.objects.first()
    training_class = TrainingClass.objects.create(
        slug="lop-tai-zip",
        title="Lớp tải giấy chứng nhận",
        organiser=existing.organiser,
        locality=existing.locality,
        starts_on=datetime.date(2026, 10, 1),
        ends_on=datetime.date(2026, 11, 30),
    )
    training_class.courses.add(course)
    names = ["Đặng Thị Thu Hà", "Vi Văn Tuấn", "Nông Thị Mai"]
    for name in names:
        member = holder(full_name=name)
        ClassMembership.objects.create(training_class=training_class, user=member)
        completed_enrolment(course=course, user=member, training_class=training_class)
    issued = services.certificates_issue_for_class(training_class_id=training_class.pk)
    assert len(issued) == 3
    services.certificate_pdf_render(certificate_id=issued[0].pk)  # stored; the others are not
    services.certificate_revoke(certificate_id=issued[2].pk, reason="Cấp nhầm", actor=None)
    return training_class


def _archive(training_class) -> zipfile.ZipFile:
    from django.core.files.storage import default_storage

    with default_storage.open(bulk.zip_storage_name(training_class.pk), "rb") as stored:
        return zipfile.ZipFile(io.BytesIO(stored.read()))


def test_the_zip_holds_one_real_pdf_per_valid_certificate(training_class):
    state = bulk.certificates_zip_task.delay(training_class.pk)
    assert state.get() == bulk.zip_storage_name(training_class.pk)

    archive = _archive(training_class)
    # Serial with "/" replaced, then the holder's name without diacritics ("Đ" -> "d").
    assert archive.namelist() == ["1-GCN-ZIP-dang-thi-thu-ha.pdf", "2-GCN-ZIP-vi-van-tuan.pdf"]
    for name in archive.namelist():
        document = pypdfium2.PdfDocument(archive.read(name))
        assert len(document) == 1
        document.close()
    progress = bulk.progress(training_class.pk)
    assert (progress["state"], progress["done"], progress["total"]) == ("done", 2, 2)

    first = _archive(training_class)
    bulk.certificates_zip_build(training_class_id=training_class.pk)  # run again
    second = _archive(training_class)
    assert second.namelist() == first.namelist()
    assert [second.read(n) for n in second.namelist()] == [first.read(n) for n in first.namelist()]


def test_a_build_under_way_is_not_started_twice():
    from django.core.cache import cache

    class_id = 987654
    cache.add(bulk._lock_key(class_id), "another worker", 60)
    bulk._report(class_id, state="running", done=1, total=2)
    assert bulk.certificates_zip_build(training_class_id=class_id)["state"] == "running"
    assert bulk.progress(class_id)["done"] == 1


def _storage_has(training_class) -> bool:
    from django.core.files.storage import default_storage

    return default_storage.exists(bulk.zip_storage_name(training_class.pk))


def test_the_class_trainer_builds_watches_and_downloads(
    client, training_class, django_capture_on_commit_callbacks
):
    trainer = get_user_model().objects.get(username="giangvien")
    training_class.trainers.add(trainer)
    client.force_login(trainer)
    page_url = reverse("certificates_class_zip", args=[training_class.pk])
    page = client.get(page_url)
    assert page.status_code == 200
    assert "Chưa chuẩn bị tệp ZIP nào." in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the task runs at once in tests
        assert client.post(page_url).status_code == 302
    status = client.get(reverse("certificates_class_zip_status", args=[training_class.pk])).json()
    assert (status["state"], status["percent"], status["outdated"]) == ("done", 100, False)
    download = client.get(status["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    assert len(names) == 2
    assert "Tệp ZIP đã sẵn sàng." in client.get(page_url).content.decode()


def test_with_a_real_broker_the_page_shows_the_build_queued_and_polls(
    client, training_class, django_capture_on_commit_callbacks, monkeypatch
):
    # A broker takes the task and a worker runs it later: nothing has run when the trainer
    # lands back on the page.
    queued: list[int] = []
    monkeypatch.setattr(bulk.certificates_zip_task, "delay", queued.append)
    client.force_login(get_user_model().objects.get(username="admin"))
    page_url = reverse("certificates_class_zip", args=[training_class.pk])
    status_url = reverse("certificates_class_zip_status", args=[training_class.pk])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(page_url)
    assert response.status_code == 302
    assert queued == []  # enqueued only once the request's transaction commits
    for callback in callbacks:
        callback()
    assert queued == [training_class.pk]

    page = client.get(response["Location"]).content.decode()
    assert 'data-state="queued"' in page
    assert "Đang chờ" in page
    assert "certificates/bulk-progress.js" in page
    status = client.get(status_url).json()
    assert (status["state"], status["percent"], status["download_url"]) == ("queued", 0, "")

    bulk.certificates_zip_task.run(queued[0])  # the worker gets to it
    status = client.get(status_url).json()
    assert (status["state"], status["done"], status["total"]) == ("done", 2, 2)


def test_one_holder_with_the_same_serial_in_two_series_gets_two_files(training_class):
    from people.models import Agency

    other = course_with_template(
        template=CertificateTemplateFactory(
            serial_suffix="GCN-ZIP",
            issuing_agency=Agency.objects.get(name="Sở Tư pháp tỉnh Lâm Đồng"),
        ),
        title="Khoá thứ hai",
    )
    training_class.courses.add(other)
    member = training_class.memberships.order_by("pk").first().user
    completed_enrolment(course=other, user=member, training_class=training_class)
    services.certificates_issue_for_class(training_class_id=training_class.pk)
    bulk.certificates_zip_build(training_class_id=training_class.pk)
    names = _archive(training_class).namelist()
    assert len(names) == len(set(names)) == 3
    assert "1-GCN-ZIP-dang-thi-thu-ha.pdf" in names and "1-GCN-ZIP-dang-thi-thu-ha-2.pdf" in names


def test_others_are_refused(client, training_class):
    other_trainer = holder(username="gv.khac")
    other_trainer.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    trainee = get_user_model().objects.get(username="hocvien")
    urls = [
        reverse(name, args=[training_class.pk])
        for name in (
            "certificates_class_zip",
            "certificates_class_zip_status",
            "certificates_class_zip_file",
        )
    ]
    client.force_login(other_trainer)
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[0]).status_code == 403
    assert not _storage_has(training_class)
    client.force_login(trainee)
    for url in urls:
        assert client.get(url).status_code in (302, 403)
    client.logout()
    for url in urls:
        assert client.get(url).status_code == 302


def test_the_page_says_when_the_zip_is_out_of_date(client, training_class):
    bulk.certificates_zip_build(training_class_id=training_class.pk)
    client.force_login(get_user_model().objects.get(username="admin"))
    status_url = reverse("certificates_class_zip_status", args=[training_class.pk])
    assert client.get(status_url).json()["outdated"] is False
    certificate = bulk.class_certificates(training_class.pk).first()
    services.certificate_revoke(certificate_id=certificate.pk, reason="Sai tên", actor=None)
    assert client.get(status_url).json()["outdated"] is True
