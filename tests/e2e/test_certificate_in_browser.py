"""A trainee finishes a demo course on a phone, downloads the certificate from the course page,
and the QR code on it leads to the public page saying the certificate is valid; an administrator
revokes it in the admin, and the same page then says revoked, with the reason."""

from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.urls import reverse

from certificates.models import Certificate
from courses import selectors
from courses.models import CourseIndexPage, CoursePage, LessonPage
from courses.services import enrolments_create, lesson_progress_record
from lms.demo.people import pass_quizzes
from lms.demo.seed import DEMO_PASSWORD
from tests.certificates.factories import HOLDER_NAME, CertificateTemplateFactory, holder

pytestmark = pytest.mark.e2e


def test_trainee_completes_a_course_and_downloads_a_certificate_that_verifies(
    site, phone, tmp_path
):
    course = CoursePage.objects.live().descendant_of(CourseIndexPage.objects.get()).first()
    course.certificate_template = CertificateTemplateFactory(serial_suffix="GCN-E2E")
    course.save(update_fields=["certificate_template"])
    user = holder(username="hoc.vien.cn", email="hoc.vien.cn@example.vn")
    enrolments_create(users=[user], courses=[course])
    # Quickly through everything but the last step, as the trainee's clicks would have done.
    lessons = [LessonPage.objects.get(pk=i["lesson"].pk) for i in selectors.course_outline(course)]
    for lesson in lessons:
        pass_quizzes(user=user, lesson=lesson)
    for lesson in lessons[:-1]:
        lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
    assert not Certificate.objects.filter(user=user).exists()

    phone.goto(site + "/accounts/login/")
    phone.fill("input[name=login]", "hoc.vien.cn@example.vn")
    phone.fill("input[name=password]", "Demo@407")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")

    # The last step in the browser completes the course; its certificate is issued.
    phone.goto(site + lessons[-1].url)
    phone.get_by_role("button", name="Đánh dấu đã học xong bài này").click()
    phone.get_by_text("Bạn đã hoàn thành bài học này.").wait_for()

    phone.goto(site + course.url)
    link = phone.get_by_role("link", name="Tải giấy chứng nhận (PDF)")
    with phone.expect_download() as download_info:
        link.click()
    saved = tmp_path / "giay-chung-nhan.pdf"
    download_info.value.save_as(saved)

    document = pdfium.PdfDocument(saved.read_bytes())
    text = document[0].get_textpage().get_text_range()
    image = document[0].render(scale=2).to_pil()
    document.close()
    assert HOLDER_NAME in text and course.title.split()[0] in text
    codes = [code.text for code in zxingcpp.read_barcodes(image)]
    certificate = Certificate.objects.get(user=user)
    assert codes == [certificate.snapshot["verify_url"]]

    # Anyone (logged in or not) opening the QR code's address sees it valid.
    verifier = phone.context.browser.new_page()
    verifier.goto(site + urlsplit(codes[0]).path)
    assert "Giấy chứng nhận này còn hiệu lực." in verifier.inner_text("main")

    # An administrator revokes it on the certificate's admin screen, giving the reason.
    admin = phone.context.browser.new_page()
    admin.goto(site + "/admin/login/")
    admin.get_by_label("Tên đăng nhập").fill("admin")
    admin.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    admin.get_by_role("button", name="Đăng nhập").click()
    admin.wait_for_url(site + "/admin/")
    admin.goto(site + reverse("certificates_admin_detail", args=[certificate.pk]))
    admin.locator("#id_revoke-reason").fill("Cấp nhầm: học viên chưa dự buổi thực hành")
    admin.get_by_role("button", name="Thu hồi giấy chứng nhận này").click()
    admin.get_by_text(f"Đã thu hồi giấy chứng nhận số {certificate.serial}.").wait_for()
    admin.close()

    # The same page, reloaded, now says revoked and why.
    verifier.reload()
    shown = verifier.inner_text("main")
    assert "Giấy chứng nhận này đã bị thu hồi ngày" in shown
    assert "Cấp nhầm: học viên chưa dự buổi thực hành" in shown
    assert "còn hiệu lực" not in shown
    verifier.close()
