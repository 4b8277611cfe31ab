"""Page-serving benchmark: how fast the public pages render, against a baseline in the same run.

    make bench            (or: .venv/bin/python bench/run.py [--requests N])

Builds the demo in a throwaway SQLite database (or the database in DATABASE_URL, which must be
an empty one made for benchmarking), then times each page through Django's full middleware
stack with the test client. The baseline is /healthz, which crosses the same middleware and
makes one query, so the ratio shows what a page itself costs. It also prints each page's query
count before and after the catalogue grows by 30 courses: the counts must not change.
Lessons need an enrolled trainee: bench/lesson_page.py measures them.
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import count_queries, setup_django, timed_samples  # noqa: E402


def setup_demo() -> None:
    setup_django()
    from lms.demo.seed import seed_demo

    seed_demo()


def time_page(client, path: str, requests: int) -> tuple[float, float]:
    """Median and 90th percentile milliseconds for `requests` GETs of `path`."""
    samples = timed_samples(client, path, requests)
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def grow_catalogue(extra: int) -> None:
    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from people.models import AudienceGroup

    catalogue = CourseIndexPage.objects.get()
    audiences = list(AudienceGroup.objects.all()[:2])
    for n in range(extra):
        course = CoursePage(title=f"Khoá đo hiệu năng {n}", slug=f"khoa-do-{n}", summary="Tóm tắt.")
        catalogue.add_child(instance=course)
        course.audiences.set(audiences)
        course.save_revision().publish()
        lesson = LessonPage(title=f"Bài {n}", slug="bai-1", body="[]")
        course.add_child(instance=lesson)
        lesson.save_revision().publish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    setup_demo()
    from django.test import Client

    from courses.models import CoursePage, GuideChapterPage

    client = Client(HTTP_HOST="localhost")
    course = CoursePage.objects.live().first()
    pages = {
        "baseline /healthz": "/healthz",
        "home": "/",
        "course catalogue": "/khoa-hoc/",
        "course": course.url,
        "guide chapter": GuideChapterPage.objects.live().first().url,
    }
    queries_before = {name: count_queries(client, path) for name, path in pages.items()}
    grow_catalogue(30)
    queries_after = {name: count_queries(client, path) for name, path in pages.items()}

    from django.db import connection

    print(
        f"database: {connection.vendor}; {args.requests} requests per page; 30 courses added before timing"
    )
    print(
        f"{'page':<20}{'median ms':>10}{'p90 ms':>9}{'req/s':>8}{'x baseline':>11}{'queries':>9}{'after +30':>10}"
    )
    baseline = None
    for name, path in pages.items():
        median, p90 = time_page(client, path, args.requests)
        baseline = baseline or median
        print(
            f"{name:<20}{median:>10.2f}{p90:>9.2f}{1000 / median:>8.0f}{median / baseline:>11.2f}"
            f"{queries_before[name]:>9}{queries_after[name]:>10}"
        )
    grown = [name for name in pages if queries_after[name] != queries_before[name]]
    if grown:
        print("QUERY COUNT GREW WITH THE CATALOGUE:", ", ".join(grown))
        sys.exit(1)


if __name__ == "__main__":
    main()
