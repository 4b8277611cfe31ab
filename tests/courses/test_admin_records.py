"""Learner records in the admin: listed and inspected, never added or edited by hand."""

import pytest
from django.contrib.auth import get_user_model

from courses.models import Enrolment

pytestmark = pytest.mark.django_db


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_admins_list_and_inspect_enrolments_but_cannot_edit_them(client, demo):
    login(client, "admin")
    enrolment = Enrolment.objects.filter(user__username="hocvien").first()
    listing = client.get("/admin/enrolments/")
    assert listing.status_code == 200
    assert "hocvien" in listing.content.decode() or "Lê Hoàng Nam" in listing.content.decode()
    assert client.get(f"/admin/enrolments/inspect/{enrolment.pk}/").status_code == 200
    assert client.get(f"/admin/enrolments/edit/{enrolment.pk}/").status_code == 302
    assert client.get("/admin/enrolments/new/").status_code == 302
    response = client.post(f"/admin/enrolments/delete/{enrolment.pk}/")
    assert response.status_code == 302 and Enrolment.objects.filter(pk=enrolment.pk).exists()
    assert client.get("/admin/lesson_progress/").status_code == 200


def test_trainees_do_not_reach_learner_records(client, demo):
    login(client, "hocvien")
    assert client.get("/admin/enrolments/").status_code == 302
