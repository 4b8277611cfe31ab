"""A trainer takes attendance on a phone: log in, open the class from My classes, mark someone
absent in the grid with the keyboard, save."""

from pathlib import Path

import pytest

from lms.demo.seed import DEMO_PASSWORD
from people.models import Attendance

pytestmark = pytest.mark.e2e

LS_CLASS = "ls-bao-cao-vien-2026"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def accessibility_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]


def log_in(page, site: str, username: str) -> None:
    page.goto(site + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(site + "/admin/")


def test_trainer_marks_a_member_absent_on_a_phone(site, phone):
    log_in(phone, site, "giangvien")
    phone.goto(site + "/admin/lop-hoc/")
    phone.get_by_role("link", name="Lạng Sơn năm 2026").click()
    phone.wait_for_url(site + "/admin/lop-hoc/*/")
    phone.locator("nav.class-nav a[href$='/diem-danh/']:not([href*='/in/'])").click()
    phone.wait_for_url(site + "/admin/lop-hoc/*/diem-danh/")

    assert accessibility_violations(phone) == []
    cell = phone.get_by_label("Hoàng Thị Hoa, Buổi 1")
    assert cell.input_value() == "present"
    cell.focus()
    phone.keyboard.press("ArrowDown")  # present -> absent, from the keyboard
    assert cell.input_value() == "absent"
    # The grid scrolls inside its own box; the page itself never scrolls sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.locator("#attendance-grid button[type=submit]").click()
    phone.wait_for_load_state()

    assert phone.get_by_label("Hoàng Thị Hoa, Buổi 1").input_value() == "absent"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    record = Attendance.objects.get(
        session__training_class__slug=LS_CLASS, session__title="Buổi 1", user__username="ls.hoa"
    )
    assert record.status == Attendance.Status.ABSENT
    assert record.recorded_by.username == "giangvien"
