"""What a person sees in Chromium on a 360 px phone: the home page and the admin log-in."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from lms.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def accessibility_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]


def test_home_page_on_a_phone(site, phone):
    phone.goto(site + "/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    heading = phone.locator("h1")
    assert heading.is_visible()
    assert "407" in phone.locator("body").inner_text()

    # Everything fits the screen: nothing to scroll sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # The self-hosted font with Vietnamese glyphs is the one in use.
    # (document.fonts.check would also want the unused overlapping latin-ext faces loaded.)
    phone.evaluate("document.fonts.ready")
    loaded = phone.evaluate(
        "Array.from(document.fonts).filter(f => f.status === 'loaded')"
        ".map(f => f.family + ' ' + f.weight + ' ' + f.unicodeRange)"
    )
    assert any("Be Vietnam Pro" in face and "U+1EA0-1EF9" in face for face in loaded), loaded
    fonts = [url for url in phone.requests_made if url.endswith(".woff2")]
    assert any("be-vietnam-pro-vietnamese" in url for url in fonts)
    # The budget of a page on mobile data: Vietnamese text needs no latin-ext file.
    assert not any("latin-ext" in url for url in fonts), fonts

    # Nothing was requested from another host.
    host = urlsplit(site).netloc
    assert [url for url in phone.requests_made if urlsplit(url).netloc not in (host, "")] == []

    assert accessibility_violations(phone) == []


def test_keyboard_user_can_skip_to_content_and_reach_a_course(site, phone):
    phone.goto(site + "/")
    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"
    first_course = phone.locator(".card__title a").first
    title = first_course.inner_text()
    first_course.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text() == title
    assert accessibility_violations(phone) == []


def test_switching_to_english(site, phone):
    phone.goto(site + "/")
    phone.get_by_role("button", name="English").click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.get_by_role("link", name="Skip to content").count() == 1


def test_admin_log_in_in_vietnamese(site, phone):
    phone.goto(site + "/admin/login/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    phone.get_by_label("Tên đăng nhập").fill("giangvien")
    phone.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url(site + "/admin/")
    dashboard = phone.locator("body").inner_text()
    assert "Tổng quan trang web" in dashboard
    assert "Site summary" not in dashboard
    host = urlsplit(site).netloc
    assert [url for url in phone.requests_made if urlsplit(url).netloc not in (host, "")] == []


def test_wrong_password_is_explained_in_vietnamese(site, phone):
    phone.goto(site + "/accounts/login/")
    phone.get_by_label("Thư điện tử hoặc số điện thoại").fill("hocvien@demo.lms.local")
    phone.get_by_label("Mật khẩu").fill("sai-mat-khau")
    phone.locator("main form button[type=submit]").click()
    assert "không chính xác" in phone.locator("main .errorlist").inner_text()


def test_trainee_logs_in_by_phone_number(site, phone):
    phone.goto(site + "/accounts/login/")
    phone.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912 000 001")
    phone.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")
    assert "Lê Hoàng Nam" in phone.locator("header").inner_text()
