"""Builds the Vietnamese demo site from lms/demo/content.py. Idempotent: what exists is kept.

A second run creates nothing and edits nothing, so a trainer's changes to demo pages survive.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site, Workflow

from courses.models import CourseIndexPage, CoursePage, GuideChapterPage, GuidePage, LessonPage
from lms.models import HomePage
from people.models import AudienceGroup
from people.roles import REVIEWERS_GROUP, STATISTICIANS_GROUP, TRAINERS_GROUP

from . import content, people

DEMO_PASSWORD = "Demo@407"

# The roles and the approval workflow are defined once, in the migration that creates them.
roles_migration = importlib.import_module("lms.migrations.0002_authoring_roles")


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    full_name: str
    email: str


DEMO_LOGINS = [
    DemoLogin("Quản trị hệ thống (admin)", "admin", "Quản trị hệ thống", "admin@demo.lms.local"),
    DemoLogin("Giảng viên (trainer)", "giangvien", "Nguyễn Thị Lan", "giangvien@demo.lms.local"),
    DemoLogin("Người duyệt nội dung (reviewer)", "duyet", "Phạm Thu Hà", "duyet@demo.lms.local"),
    DemoLogin("Thống kê viên (statistician)", "thongke", "Trần Văn Minh", "thongke@demo.lms.local"),
    DemoLogin("Học viên (trainee)", "hocvien", "Lê Hoàng Nam", "hocvien@demo.lms.local"),
]


def stream(blocks: list[tuple[str, object]]) -> str:
    """Content blocks as StreamField raw JSON."""
    return json.dumps(
        [{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False
    )


def _publish_child(parent: Page, page: Page, report: SeedReport) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"{page._meta.verbose_name}: {page.title}")
    return page


def _child_by_slug(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def seed_audiences(report: SeedReport) -> dict[str, AudienceGroup]:
    groups = {}
    for order, item in enumerate(content.AUDIENCES):
        group, created = AudienceGroup.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item["description"],
                "sort_order": order,
            },
        )
        if created:
            report.add(f"audience group: {group.name}")
        groups[group.slug] = group
    return groups


def ensure_wagtail_roots() -> Page:
    """The rows Wagtail's migrations create (default locale, root page, root collection).

    They are gone after `manage.py flush`; the demo can still be built on such a database.
    """
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def seed_home(report: SeedReport) -> HomePage:
    """The home page as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = ensure_wagtail_roots()
    data = content.HOME
    welcome = (
        Page.objects.child_of(root).filter(slug="home").exclude(content_type__model="homepage")
    )
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage(
        title=data["title"],
        slug="trang-chu",
        hero_title=data["hero_title"],
        hero_text=data["hero_text"],
        body=stream(data["body"]),
    )
    _publish_child(root, home, report)
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Bồi dưỡng truyền thông chính sách",
        )
    else:
        site.root_page = home
        site.site_name = "Bồi dưỡng truyền thông chính sách"
        site.save()
    for page in welcome:
        page.delete()
    return home


def seed_guide(home: HomePage, report: SeedReport) -> GuidePage:
    data = content.GUIDE
    guide = _child_by_slug(home, GuidePage, data["slug"])
    if guide is None:
        guide = _publish_child(
            home,
            GuidePage(
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                show_in_menus=True,
                menu_title="Cẩm nang",
            ),
            report,
        )
    for chapter in data["chapters"]:
        if _child_by_slug(guide, GuideChapterPage, chapter["slug"]) is None:
            _publish_child(
                guide,
                GuideChapterPage(
                    title=chapter["title"],
                    slug=chapter["slug"],
                    number=chapter["number"],
                    summary=chapter["summary"],
                    body=stream(chapter["body"]),
                ),
                report,
            )
    return guide


def seed_courses(home: HomePage, audiences: dict[str, AudienceGroup], report: SeedReport) -> None:
    catalogue = _child_by_slug(home, CourseIndexPage, "khoa-hoc")
    if catalogue is None:
        catalogue = _publish_child(
            home,
            CourseIndexPage(
                title="Khoá học",
                slug="khoa-hoc",
                show_in_menus=True,
                intro="Mỗi khoá học dành cho một nhóm đối tượng. Chọn nhóm của bạn để xem khoá phù hợp.",
            ),
            report,
        )
    for data in content.COURSES:
        course = _child_by_slug(catalogue, CoursePage, data["slug"])
        if course is None:
            course = CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                estimated_minutes=data["estimated_minutes"],
                outcomes=stream([("outcome", text) for text in data["outcomes"]]),
            )
            course.audiences = [audiences[slug] for slug in data["audiences"]]
            _publish_child(catalogue, course, report)
        for lesson in data["lessons"]:
            if _child_by_slug(course, LessonPage, lesson["slug"]) is None:
                _publish_child(
                    course,
                    LessonPage(
                        title=lesson["title"],
                        slug=lesson["slug"],
                        summary=lesson["summary"],
                        estimated_minutes=lesson["estimated_minutes"],
                        body=stream(lesson["body"]),
                    ),
                    report,
                )


def seed_groups(home: HomePage, report: SeedReport) -> dict[str, Group]:
    """The authoring roles: migration lms/0002 creates them on every install. They are rebuilt
    here only when missing (after `manage.py flush`), so a second run edits nothing.

    Page permissions are on the root page, not on `home`: trainers save drafts and submit them,
    reviewers approve and publish (the "Biên soạn và duyệt" workflow).
    """
    names = {
        "trainer": TRAINERS_GROUP,
        "reviewer": REVIEWERS_GROUP,
        "statistician": STATISTICIANS_GROUP,
    }
    existing = set(Group.objects.filter(name__in=names.values()).values_list("name", flat=True))
    if (
        len(existing) < len(names)
        or not Workflow.objects.filter(name=roles_migration.WORKFLOW_NAME).exists()
    ):
        roles_migration.ensure_authoring_roles(django_apps)
        h5p_roles = importlib.import_module("media.migrations.0002_h5p_roles")
        h5p_roles.ensure_h5p_permissions(django_apps)
        for name in names.values():
            if name not in existing:
                report.add(f"group: {name}")
    return {role: Group.objects.get(name=name) for role, name in names.items()}


def seed_users(groups: dict[str, Group], report: SeedReport) -> None:
    User = get_user_model()
    role_groups = {
        "giangvien": groups["trainer"],
        "duyet": groups["reviewer"],
        "thongke": groups["statistician"],
    }
    for login in DEMO_LOGINS:
        if User.objects.filter(username=login.username).exists():
            continue
        is_admin = login.username == "admin"
        user = User(
            username=login.username,
            email=login.email,
            first_name=login.full_name,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        if login.username in role_groups:
            user.groups.add(role_groups[login.username])
        report.add(f"user: {login.username}")


@transaction.atomic
def seed_demo() -> SeedReport:
    """Create whatever part of the demo site is missing, in one transaction."""
    report = SeedReport()
    audiences = seed_audiences(report)
    home = seed_home(report)
    seed_guide(home, report)
    seed_courses(home, audiences, report)
    groups = seed_groups(home, report)
    seed_users(groups, report)
    people.seed_units(report)
    agencies = people.seed_agencies(report)
    trainees = people.seed_profiles(agencies, report)
    people.seed_classes(agencies, trainees, report)
    importlib.import_module("lms.demo.questions").seed_questions(report)
    importlib.import_module("lms.demo.h5p").seed_h5p(report)
    people.seed_progress(report)
    importlib.import_module("lms.demo.certificates").seed_certificates(report)
    importlib.import_module("reports.demo").seed_reports(report)
    return report
