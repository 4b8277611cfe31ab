"""Taking a quiz: what the page reveals, how answers score, what is refused."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, Question, TamperingEvent
from courses.models import Enrolment, LessonProgress
from courses.services import enrolments_create
from tests.assessments.factories import question, quiz_in_lesson
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client, demo):
    quiz, lesson, course, bank = quiz_in_lesson()
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    client.force_login(user)
    return {"quiz": quiz, "lesson": lesson, "course": course, "bank": bank, "user": user}


def start(client, s) -> Attempt:
    response = client.post(reverse("assessments:start", args=[s["quiz"].pk, s["lesson"].pk]))
    assert response.status_code == 302, response
    return Attempt.objects.filter(user=s["user"]).latest("pk")


def post(client, attempt, answers: dict, action="submit"):
    data = {"questions": [str(q.pk) for q in answers], "action": action}
    for q, value in answers.items():
        if isinstance(value, str):
            data[f"q-{q.pk}-text"] = value
        else:
            data[f"q-{q.pk}"] = [str(c) for c in value]
    return client.post(reverse("assessments:attempt", args=[attempt.pk]), data)


def choice(q: Question, text: str) -> int:
    return q.choices.get(text=text).pk


def right_answers(bank) -> dict:
    return {
        bank["single"]: [choice(bank["single"], "30 ngày")],
        bank["multiple"]: [
            choice(bank["multiple"], "Cổng thông tin"),
            choice(bank["multiple"], "Loa truyền thanh"),
        ],
        bank["truefalse"]: [choice(bank["truefalse"], "Sai")],
        bank["short"]: "407/qđ-ttg",
    }


def test_the_quiz_page_never_shows_the_correct_answers(client, setup):
    attempt = start(client, setup)
    page = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    html = page[page.index('<form method="post" class="quiz-form"') :]
    html = html[: html.index("</form>")]
    for text in ("30 ngày", "Loa truyền thanh", "Số quyết định?"):
        assert text in html
    # No feedback, correctness, weight or accepted answer, in text or attributes.
    for secret in ("Phản hồi", "choice--correct", "407/Q", "weight", "100.00", "correct"):
        assert secret not in html, secret


def test_right_answers_pass_and_complete_the_lesson_and_course(client, setup):
    attempt = start(client, setup)
    response = post(client, attempt, right_answers(setup["bank"]))
    assert response.url == reverse("assessments:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == "graded" and attempt.percent == 100 and attempt.passed
    result = client.get(response.url).content.decode()
    assert "100%" in result and "Phản hồi 30 ngày" in result  # review after the attempt
    client.post(reverse("learning:progress", args=[setup["lesson"].pk]), {"event": "done"})
    progress = LessonProgress.objects.get(user=setup["user"], lesson=setup["lesson"])
    assert progress.completed_at is not None
    enrolment = Enrolment.objects.get(user=setup["user"], course=setup["course"])
    assert enrolment.completed_at is not None and enrolment.score == 100


def test_partial_credit_and_wrong_choices_never_go_below_zero(client, setup):
    bank = setup["bank"]
    attempt = start(client, setup)
    post(
        client,
        attempt,
        {
            bank["single"]: [choice(bank["single"], "10 ngày")],
            bank["multiple"]: [choice(bank["multiple"], "Cổng thông tin")],  # half
            bank["truefalse"]: [choice(bank["truefalse"], "Đúng")],
            bank["short"]: "  407  ",
        },
    )
    attempt.refresh_from_db()
    assert attempt.score == Decimal("1.50") and attempt.percent == Decimal("37.50")
    assert attempt.passed is False
    attempt = start(client, setup)
    post(
        client,
        attempt,
        {
            bank["multiple"]: [
                choice(bank["multiple"], "Thư riêng"),
                choice(bank["multiple"], "Cổng thông tin"),
            ]
        },
    )
    attempt.refresh_from_db()
    assert attempt.score == 0


def test_a_failed_quiz_holds_the_lesson_until_a_retry_passes(client, setup):
    bank = setup["bank"]
    client.post(reverse("learning:progress", args=[setup["lesson"].pk]), {"event": "done"})
    first = start(client, setup)
    post(client, first, {bank["single"]: [choice(bank["single"], "5 ngày")]})
    progress = LessonProgress.objects.get(user=setup["user"], lesson=setup["lesson"])
    assert progress.completed_at is None
    second = start(client, setup)
    assert second.number == 2
    post(client, second, right_answers(bank))
    progress.refresh_from_db()
    assert progress.completed_at is not None


def test_a_reload_or_second_start_resumes_the_same_attempt(client, setup):
    first = start(client, setup)
    second = start(client, setup)
    assert first.pk == second.pk
    post(
        client,
        first,
        {setup["bank"]["single"]: [choice(setup["bank"]["single"], "30 ngày")]},
        action="save",
    )
    html = client.get(reverse("assessments:attempt", args=[first.pk])).content.decode()
    assert "checked" in html


def test_a_replayed_submission_is_refused_and_logged(client, setup):
    attempt = start(client, setup)
    post(client, attempt, right_answers(setup["bank"]))
    bank = setup["bank"]
    post(client, attempt, {bank["single"]: [choice(bank["single"], "5 ngày")]})
    attempt.refresh_from_db()
    assert attempt.percent == 100
    assert TamperingEvent.objects.filter(reason="replayed submission").exists()


def test_tampered_posts_are_refused_logged_and_never_scored(client, setup, demo):
    bank = setup["bank"]
    attempt = start(client, setup)
    stranger = question(bank["single"].bank, None, "single", "Câu ngoài đề", [("A", 100)])
    post(client, attempt, {stranger: [choice(stranger, "A")]}, action="save")
    post(client, attempt, {bank["single"]: [choice(bank["multiple"], "Thư riêng")]}, action="save")
    post(
        client,
        attempt,
        {bank["single"]: [choice(bank["single"], "30 ngày"), choice(bank["single"], "5 ngày")]},
        action="save",
    )
    reasons = set(TamperingEvent.objects.values_list("reason", flat=True))
    assert {
        "question not on paper",
        "choice of another question",
        "several choices for a single-choice question",
    } <= reasons
    other = UserFactory()
    client.force_login(other)
    assert client.get(reverse("assessments:attempt", args=[attempt.pk])).status_code == 404
    assert post(client, attempt, right_answers(bank)).status_code == 404
    assert TamperingEvent.objects.filter(reason="not own attempt", user=other).exists()
    attempt.refresh_from_db()
    assert attempt.state == "in_progress" and attempt.score is None


def test_answers_after_the_time_limit_are_not_counted(client, demo):
    quiz, lesson, course, bank = quiz_in_lesson(time_limit=10)
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    client.force_login(user)
    s = {"quiz": quiz, "lesson": lesson, "user": user}
    attempt = start(client, s)
    post(client, attempt, {bank["single"]: [choice(bank["single"], "30 ngày")]}, action="save")
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=1))
    post(client, attempt, right_answers(bank))
    attempt.refresh_from_db()
    assert attempt.state == "graded" and attempt.score == 1  # only the answer saved in time
    assert attempt.submitted_at <= attempt.deadline_at + services.GRACE


def test_the_attempt_limit_holds(client, demo):
    quiz, lesson, course, bank = quiz_in_lesson(max_attempts=2)
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    client.force_login(user)
    s = {"quiz": quiz, "lesson": lesson, "user": user}
    for _ in range(2):
        post(client, start(client, s), {})
    client.post(reverse("assessments:start", args=[quiz.pk, lesson.pk]))
    assert Attempt.objects.filter(user=user).count() == 2


def test_a_trainee_not_enrolled_cannot_start(client, demo):
    quiz, lesson, course, bank = quiz_in_lesson()
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("assessments:start", args=[quiz.pk, lesson.pk]))
    assert not Attempt.objects.filter(user=user).exists()


def test_essays_wait_for_marking_then_complete(client, demo):
    def essay(bank):
        return question(bank["single"].bank, None, "essay", "Viết đoạn văn", points=2)

    quiz, lesson, course, bank = quiz_in_lesson(essay=essay, pass_mark=50)
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    client.force_login(user)
    s = {"quiz": quiz, "lesson": lesson, "user": user}
    attempt = start(client, s)
    essay_q = Question.objects.get(kind="essay", title="Viết đoạn văn")
    post(client, attempt, {**right_answers(bank), essay_q: "Bài viết của tôi."})
    attempt.refresh_from_db()
    assert attempt.state == "needs_marking" and attempt.passed is None
    answer = attempt.paper.get(question=essay_q).answer
    from django.contrib.auth import get_user_model

    services.answer_mark(
        marker=get_user_model().objects.get(username="giangvien"),
        answer=answer,
        score=Decimal(1),
        comment="Khá",
    )
    attempt.refresh_from_db()
    assert attempt.state == "graded" and attempt.percent == Decimal("83.33") and attempt.passed


@pytest.mark.parametrize(
    ("grading", "expected"),
    [("highest", 100), ("last", 25), ("first", 50), ("average", Decimal("58.33"))],
)
def test_grading_methods(client, setup, grading, expected):
    bank = setup["bank"]
    setup["quiz"].grading = grading
    setup["quiz"].save()
    half = {
        bank["single"]: [choice(bank["single"], "30 ngày")],
        bank["truefalse"]: [choice(bank["truefalse"], "Sai")],
    }
    for answers in (
        half,
        right_answers(bank),
        {bank["single"]: [choice(bank["single"], "30 ngày")]},
    ):
        post(client, start(client, setup), answers)
    grade, _passed = services.quiz_grade(
        user=setup["user"], quiz=setup["quiz"], lesson=setup["lesson"]
    )
    assert grade == expected


def test_overdue_attempts_are_closed_by_the_beat_task_once(client, demo):
    from assessments.tasks import close_overdue_attempts

    quiz, lesson, course, bank = quiz_in_lesson(time_limit=5)
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    client.force_login(user)
    attempt = start(client, {"quiz": quiz, "lesson": lesson, "user": user})
    post(client, attempt, right_answers(bank), action="save")
    assert close_overdue_attempts.delay().get() == 0  # still within its time
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=1))
    assert close_overdue_attempts.delay().get() == 1
    assert close_overdue_attempts.delay().get() == 0
    attempt.refresh_from_db()
    assert attempt.state == "graded" and attempt.passed


def test_a_class_override_opens_a_closed_quiz_for_its_members_only(client, demo):
    from assessments.models import QuizClassOverride
    from people.models import TrainingClass
    from people.services import class_members_add

    past = timezone.now() - timedelta(days=1)
    quiz, lesson, course, bank = quiz_in_lesson(closes_at=past)
    training_class = TrainingClass.objects.get(slug="ls-bao-cao-vien-2026")
    QuizClassOverride.objects.create(
        quiz=quiz, training_class=training_class, closes_at=timezone.now() + timedelta(days=7)
    )
    member, outsider = UserFactory(), UserFactory()
    class_members_add(training_class=training_class, users=[member])
    enrolments_create(users=[member, outsider], courses=[course])
    with pytest.raises(services.QuizClosed):
        services.attempt_start(user=outsider, quiz=quiz, lesson=lesson)
    attempt = services.attempt_start(user=member, quiz=quiz, lesson=lesson)
    assert attempt.deadline_at > timezone.now()  # the override's close bounds the attempt


def test_feedback_after_each_question_locks_that_answer(client, demo):
    quiz, lesson, course, bank = quiz_in_lesson(feedback="each")
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    client.force_login(user)
    attempt = start(client, {"quiz": quiz, "lesson": lesson, "user": user})
    single, truefalse = bank["single"], bank["truefalse"]
    page = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    assert f'value="check-{single.pk}"' in page and "Phản hồi" not in page
    post(client, attempt, {single: [choice(single, "10 ngày")]}, action=f"check-{single.pk}")
    page = client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    assert "Phản hồi 10 ngày" in page  # the feedback of the chosen answer, now shown
    assert "Phản hồi Sai" not in page  # other questions stay closed
    post(
        client,
        attempt,
        {single: [choice(single, "30 ngày")], truefalse: [choice(truefalse, "Sai")]},
    )
    attempt.refresh_from_db()
    assert attempt.score == 1  # the checked answer kept "10 ngày"; true/false counted


def test_saving_answers_costs_the_same_queries_for_one_question_or_all(
    client, setup, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bank = setup["bank"]
    attempt = start(client, setup)
    one = {bank["single"]: [choice(bank["single"], "30 ngày")]}
    everything = right_answers(bank)
    with CaptureQueriesContext(connection) as first:
        post(client, attempt, one, action="save")
    with django_assert_num_queries(len(first)):
        post(client, attempt, everything, action="save")
