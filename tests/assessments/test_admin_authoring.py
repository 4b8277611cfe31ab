"""Trainers build question banks and quizzes in the admin; a quiz goes into a lesson."""

import pytest
from django.contrib.auth import get_user_model

from assessments.models import Question, QuestionBank

pytestmark = pytest.mark.django_db


def test_a_trainer_adds_a_question_with_its_choices_in_the_admin(client, demo):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    client.force_login(get_user_model().objects.get(username="giangvien"))
    bank = QuestionBank.objects.create(name="Ngân hàng của giảng viên")
    assert client.get("/admin/snippets/assessments/question/").status_code == 200
    data = nested_form_data(
        {
            "bank": bank.pk,
            "category": "",
            "kind": "single",
            "title": "Thời hạn lấy ý kiến",
            "text": rich_text("<p>Toàn văn dự thảo được đăng tối thiểu bao nhiêu ngày?</p>"),
            "points": "1",
            "explanation": rich_text(""),
            "tags": "",
            "ignore_case": "on",
            "choices": inline_formset(
                [
                    {"text": "30 ngày", "weight": "100", "feedback": "Đúng."},
                    {"text": "7 ngày", "weight": "0", "feedback": ""},
                ]
            ),
        }
    )
    response = client.post("/admin/snippets/assessments/question/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(title="Thời hạn lấy ý kiến")
    assert [(c.text, int(c.weight)) for c in question.choices.all()] == [
        ("30 ngày", 100),
        ("7 ngày", 0),
    ]


def test_trainees_do_not_reach_the_question_banks(client, demo):
    client.force_login(get_user_model().objects.get(username="hocvien"))
    assert client.get("/admin/snippets/assessments/question/").status_code == 302
