"""The Wagtail admin reads in Vietnamese and asks nothing of other hosts."""

import unicodedata

import pytest

from lms.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_vietnamese(client):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="vi"' in html
    assert "Đăng nhập" in html


def test_admin_dashboard_is_vietnamese_and_offers_english(client, demo):
    client.login(username="admin", password=DEMO_PASSWORD)
    html = client.get("/admin/").content.decode()
    assert 'lang="vi"' in html
    # Django spells some language names in decomposed Unicode: compare in NFC, as people read.
    account = unicodedata.normalize("NFC", client.get("/admin/account/").content.decode())
    assert "English" in account
    assert "Tiếng Việt" in account


def test_admin_never_asks_gravatar_for_avatars(client, demo):
    client.login(username="admin", password=DEMO_PASSWORD)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
