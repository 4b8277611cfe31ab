"""factory_boy factories and page helpers shared by the suite."""

import itertools

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, LessonPage
from people.models import AudienceGroup


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"hocvien{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.vn")
    first_name = factory.Faker("name", locale="vi_VN")
    password = factory.django.Password("Demo@407")


class AudienceGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AudienceGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Nhóm đối tượng {n}")
    slug = factory.Sequence(lambda n: f"nhom-{n}")


def publish_child(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` and publish it, as an author would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


_course_numbers = itertools.count(1)


def add_course(
    catalogue: CourseIndexPage, title: str, audiences=(), lessons: int = 1
) -> CoursePage:
    """A published course with `lessons` published lessons."""
    course = CoursePage(
        title=title, slug=f"khoa-{next(_course_numbers)}", summary=f"Tóm tắt {title}."
    )
    course.audiences = list(audiences)
    publish_child(catalogue, course)
    for n in range(lessons):
        publish_child(course, LessonPage(title=f"Bài {n + 1}", slug=f"bai-{n + 1}", body="[]"))
    return course
