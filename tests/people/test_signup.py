"""Signing up: the profile, the commune chosen by search without diacritics, and consent."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from people.models import AdministrativeUnit, AudienceGroup, ConsentRecord, Profile

pytestmark = pytest.mark.django_db


def test_commune_search_works_without_diacritics(client):
    results = client.get("/don-vi-hanh-chinh/tim/", {"q": "luong van tri"}).json()["results"]
    assert [r["label"] for r in results] == ["Phường Lương Văn Tri, Lạng Sơn"]
    assert (
        client.get("/don-vi-hanh-chinh/tim/", {"q": "Lương Văn Tri"}).json()["results"] == results
    )
    assert client.get("/don-vi-hanh-chinh/tim/", {"q": "a"}).json()["results"] == []


def test_former_units_are_not_offered_at_sign_up(client):
    labels = [
        r["label"]
        for r in client.get("/don-vi-hanh-chinh/tim/", {"q": "gia nghia"}).json()["results"]
    ]
    assert labels and all("(cũ)" not in label for label in labels)


def signup_data(**overrides):
    commune = AdministrativeUnit.objects.get(level="commune", code="05983", is_current=True)
    data = {
        "email": "nguoi.moi@example.vn",
        "phone": "+84 987 654 321",
        "full_name": "  Nguyễn   Văn  Mới ",
        "audience": AudienceGroup.objects.get(slug="tuyen-truyen-vien-xa").pk,
        "position": "Tuyên truyền viên",
        "commune": commune.pk,
        "consent": "on",
        "password1": "Bo-tu-phap-2026!",
        "password2": "Bo-tu-phap-2026!",
    }
    data.update(overrides)
    return data


def test_sign_up_records_profile_locality_and_consent(client, demo):
    response = client.post("/accounts/signup/", signup_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(email="nguoi.moi@example.vn")
    profile = Profile.objects.get(user=user)
    assert profile.full_name == "Nguyễn Văn Mới"
    assert profile.phone == "0987654321"
    assert (profile.commune.code, profile.province.code) == ("05983", "20")
    consent = ConsentRecord.objects.get(user=user)
    assert consent.policy_version == settings.PRIVACY_POLICY_VERSION
    client.logout()
    assert (
        client.post(
            "/accounts/login/", {"login": "0987654321", "password": "Bo-tu-phap-2026!"}
        ).status_code
        == 302
    )


def test_sign_up_without_consent_saves_nothing(client, demo):
    data = signup_data()
    del data["consent"]
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="nguoi.moi@example.vn").exists()


def test_a_phone_number_cannot_be_used_twice(client, demo):
    response = client.post(
        "/accounts/signup/", signup_data(phone="0912 000 001")
    )  # the demo trainee's
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="nguoi.moi@example.vn").exists()
    assert Profile.objects.filter(phone="0912000001").count() == 1


def test_agency_search_works_without_diacritics(client, demo):
    labels = [
        r["label"]
        for r in client.get("/co-quan/tim/", {"q": "so tu phap lang son"}).json()["results"]
    ]
    assert "Sở Tư pháp tỉnh Lạng Sơn" in labels
    assert all("Lạng Sơn" in label and "Tư pháp" in label for label in labels)


def test_sign_up_with_an_agency_found_by_search(client, demo):
    agency_id = client.get("/co-quan/tim/", {"q": "bao lang son"}).json()["results"][0]["id"]
    response = client.post("/accounts/signup/", signup_data(agency=agency_id))
    assert response.status_code == 302
    profile = Profile.objects.get(user__email="nguoi.moi@example.vn")
    assert profile.agency.name == "Báo Lạng Sơn"


def test_repeated_wrong_passwords_lock_the_log_in(client, demo):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "hocvien@demo.lms.local", "password": "sai"})
    locked = client.post(
        "/accounts/login/", {"login": "hocvien@demo.lms.local", "password": "Demo@407"}
    )
    assert locked.status_code == 200  # even the right password is refused for now
    assert "đăng nhập sai quá nhiều lần" in locked.content.decode()
    assert "_auth_user_id" not in client.session
