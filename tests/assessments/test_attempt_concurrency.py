"""Two tabs, double clicks and retries at once never make a second attempt or a second grade."""

import pytest

from assessments import services
from assessments.models import Answer, Attempt
from courses.models import ActivityResult
from courses.services import enrolments_create
from tests.assessments.factories import quiz_in_lesson
from tests.courses.test_completion_concurrency import race
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_parallel_starts_submissions_and_retries_respect_the_rules(demo):
    quiz, lesson, course, bank = quiz_in_lesson(max_attempts=2)
    user = UserFactory()
    enrolments_create(users=[user], courses=[course])
    single = bank["single"]
    right = {single.pk: {"choices": [single.choices.get(text="30 ngày").pk]}}

    # Eight tabs press "start" together: one attempt, which all of them resume.
    started = []
    errors = race(
        lambda: started.append(services.attempt_start(user=user, quiz=quiz, lesson=lesson).pk)
    )
    assert errors == [] and len(set(started)) == 1
    attempt_id = started[0]

    # Eight submissions of it together: graded once, answers stored once.
    errors = race(lambda: services.attempt_submit(user=user, attempt_id=attempt_id, answers=right))
    assert all(isinstance(e, services.Refused) for e in errors)
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.state == "graded" and attempt.score == 1
    assert Answer.objects.filter(paper_question__attempt=attempt).count() == 1
    assert ActivityResult.objects.filter(user=user, lesson=lesson).count() == 1

    # Eight retries at once, with one attempt left: exactly one more attempt, never a third.
    def retry():
        try:
            new = services.attempt_start(user=user, quiz=quiz, lesson=lesson)
            services.attempt_submit(user=user, attempt_id=new.pk, answers=right)
        except services.Refused:
            pass

    errors = race(retry)
    assert errors == []
    assert Attempt.objects.filter(user=user, quiz=quiz).count() == 2
    assert list(
        Attempt.objects.filter(user=user).values_list("number", flat=True).order_by("number")
    ) == [1, 2]
