"""allauth's account pages read in Vietnamese (people/allauth_vi.py, locale/vi_allauth.py)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def heading(html: str) -> str:
    return re.search(r"<h1>\s*(.*?)\s*</h1>", html, re.S).group(1)


def test_log_in_page_is_in_vietnamese(client):
    html = page(client, "/accounts/login/")
    assert heading(html) == "Đăng nhập"
    assert "Nếu chưa có tài khoản, bạn vui lòng" in html
    assert "Thư điện tử hoặc số điện thoại" in html
    assert "Quên mật khẩu?" in html
    assert "Ghi nhớ đăng nhập" in html
    for english in ("Sign In", "Forgot your password?", "Remember Me", "Email or phone"):
        assert english not in html


def test_sign_up_page_is_in_vietnamese(client):
    html = page(client, "/accounts/signup/")
    assert heading(html) == "Đăng ký"
    assert "Bạn đã có tài khoản? Vui lòng" in html
    assert "Địa chỉ thư điện tử" in html
    for english in ("Sign Up", "Signup", "Already have an account?", "Email address"):
        assert english not in html


def test_password_reset_page_is_in_vietnamese(client):
    html = page(client, "/accounts/password/reset/")
    assert heading(html) == "Đặt lại mật khẩu"
    assert "Gửi thư đặt lại mật khẩu" in html
    assert "Bạn quên mật khẩu? Hãy nhập địa chỉ thư điện tử đã đăng ký" in html
    for english in ("Password Reset", "Reset My Password", "Forgotten your password?"):
        assert english not in html


def test_a_wrong_password_is_refused_in_vietnamese(client):
    user = get_user_model().objects.create_user("an", "an@example.vn", "Mat-khau-dung-2026")
    EmailAddress.objects.create(user=user, email="an@example.vn", primary=True, verified=True)
    response = client.post("/accounts/login/", {"login": "an@example.vn", "password": "sai"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Địa chỉ thư điện tử hoặc mật khẩu không chính xác." in html
    assert "are not correct" not in html


def test_a_short_password_is_refused_in_vietnamese(client):
    response = client.post(
        "/accounts/signup/", {"email": "moi@example.vn", "password1": "1234", "password2": "1234"}
    )
    html = response.content.decode()
    assert "Mật khẩu quá ngắn: cần có ít nhất 8 ký tự." in html
    assert "This password is too short" not in html
