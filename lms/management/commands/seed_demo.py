import logging

from django.core.management.base import BaseCommand

from lms.demo.seed import DEMO_LOGINS, DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Build the Vietnamese demo site (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        # Wagtail logs every page it creates at INFO; here that would bury the log-ins below.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        try:
            report = seed_demo()
        finally:
            wagtail_log.setLevel(level)
        if report.created:
            self.stdout.write(
                f"Đã tạo {len(report.created)} mục dữ liệu mẫu (created {len(report.created)} items)."
            )
        else:
            self.stdout.write(
                "Dữ liệu mẫu đã có sẵn, không thay đổi gì (demo already present, nothing changed)."
            )
        self.stdout.write(
            f"\nTài khoản dùng thử / demo log-ins (mật khẩu / password: {DEMO_PASSWORD}):"
        )
        for login in DEMO_LOGINS:
            self.stdout.write(
                f"  {login.role:<32} {login.username:<10} {login.email:<26} {login.full_name}"
            )
        self.stdout.write(
            "Quản trị (tên đăng nhập) / admin by username: http://127.0.0.1:8000/admin/\n"
            "Học viên (email hoặc số điện thoại 0912000001) / trainees by e-mail or phone: "
            "http://127.0.0.1:8000/accounts/login/"
        )
