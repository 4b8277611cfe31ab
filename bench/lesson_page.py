"""Lesson-page benchmark: an enrolled trainee's lesson against a plain page with the same body.

    make bench            (or: .venv/bin/python bench/lesson_page.py [--requests N])

Target (issue 4): a lesson page for an enrolled trainee renders in at most 1.5x the time of a
plain Wagtail page with the same body, and costs the same number of queries in a course of 5
lessons and in one of 60. The plain page is a guide chapter (no enrolment, no progress) with
the lesson's body, requested by the same logged-in trainee, so session and user lookups are
in both. Each lesson visit also records "last opened" (one UPDATE), as in production.
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import count_queries, setup_django, timed_samples  # noqa: E402

TARGET_RATIO = 1.5


def build(lessons_per_course: tuple[int, ...]):
    """Courses of the given sizes whose lessons share one real demo body, a guide chapter with
    the same body, and a trainee enrolled in every course with a few lessons done."""
    from django.contrib.auth import get_user_model

    from courses import services
    from courses.models import CourseIndexPage, CoursePage, GuideChapterPage, GuidePage, LessonPage
    from lms.demo.seed import seed_demo

    seed_demo()
    body = LessonPage.objects.live().order_by("path").first().body.raw_data
    guide = GuidePage.objects.live().get()
    chapter = GuideChapterPage(
        title="Trang đối chứng", slug="trang-doi-chung", number=99, body=list(body)
    )
    guide.add_child(instance=chapter)
    chapter.save_revision().publish()
    catalogue = CourseIndexPage.objects.get()
    user = get_user_model().objects.create_user("bench.trainee", password="x")
    courses = {}
    for size in lessons_per_course:
        course = CoursePage(title=f"Khoá {size} bài", slug=f"khoa-{size}-bai", summary="Đo.")
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        for n in range(size):
            lesson = LessonPage(title=f"Bài {n + 1}", slug=f"bai-{n + 1}", body=list(body))
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
        services.enrolments_create(users=[user], courses=[course])
        lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
        for lesson in lessons[:3]:
            services.lesson_progress_record(user=user, lesson_id=lesson.pk, event="done")
        courses[size] = lessons[len(lessons) // 2]
    return user, chapter, courses


def time_page(client, path: str, requests: int) -> float:
    return statistics.median(timed_samples(client, path, requests))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    user, chapter, lessons = build((5, 60))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    pages = {"baseline: plain page, same body": chapter.url}
    pages.update({f"lesson, course of {size}": lesson.url for size, lesson in lessons.items()})
    print(f"database: {connection.vendor}; {args.requests} requests per page; enrolled trainee")
    print(f"{'page':<34}{'median ms':>10}{'x baseline':>11}{'queries':>9}")
    baseline = None
    results = {}
    for name, path in pages.items():
        median = time_page(client, path, args.requests)
        baseline = baseline or median
        results[name] = (median / baseline, count_queries(client, path))
        print(f"{name:<34}{median:>10.2f}{median / baseline:>11.2f}{results[name][1]:>9}")
    lesson_rows = [v for k, v in results.items() if k.startswith("lesson")]
    worst = max(ratio for ratio, _ in lesson_rows)
    same_queries = len({queries for _, queries in lesson_rows}) == 1
    print(
        f"target: <= {TARGET_RATIO}x baseline -> worst {worst:.2f}x "
        f"{'OK' if worst <= TARGET_RATIO else 'ABOVE TARGET'}; "
        f"queries equal for 5 and 60 lessons: {'yes' if same_queries else 'NO'}"
    )
    if not same_queries or worst > TARGET_RATIO:
        sys.exit(1)


if __name__ == "__main__":
    main()
