"""A new trainee signs up on a phone, finding their commune by typing it without diacritics."""

import pytest
from django.contrib.auth import get_user_model

from people.models import Profile

pytestmark = pytest.mark.e2e


def test_trainee_signs_up_choosing_a_commune(site, phone):
    phone.goto(site + "/accounts/signup/")
    phone.fill("input[name=email]", "tuyen.truyen.vien@example.vn")
    phone.fill("input[name=phone]", "0987 111 222")
    phone.get_by_label("Họ và tên").fill("Đinh Thị Hằng")
    phone.get_by_label("Nhóm đối tượng").select_option(label="Tuyên truyền viên pháp luật cấp xã")
    phone.get_by_label("Xã, phường, đặc khu nơi công tác").fill("luong van tri")
    phone.get_by_role("option", name="Phường Lương Văn Tri, Lạng Sơn").click()
    phone.check("input[name=consent]")
    phone.fill("input[name=password1]", "Tuyen-truyen-2026!")
    phone.fill("input[name=password2]", "Tuyen-truyen-2026!")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(site + "/")
    assert "Đinh Thị Hằng" in phone.locator("header").inner_text()
    profile = Profile.objects.get(
        user=get_user_model().objects.get(email="tuyen.truyen.vien@example.vn")
    )
    assert (profile.commune.name, profile.province.name, profile.phone) == (
        "Phường Lương Văn Tri",
        "Lạng Sơn",
        "0987111222",
    )
