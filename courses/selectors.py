"""Reads of the course catalogue that pages and other apps use. Constant query counts."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from .models import (
    CourseIndexPage,
    CourseModulePage,
    CoursePage,
    GuideChapterPage,
    GuidePage,
    LessonPage,
)
from .records import ActivityResult, Enrolment, LessonProgress


def _live_children_count(model, *, descendants: bool = False):
    """A subquery counting a page's live children (or all descendants) of `model`."""
    depth = {"depth__gt": OuterRef("depth")} if descendants else {"depth": OuterRef("depth") + 1}
    children = (
        model.objects.live()
        .filter(path__startswith=OuterRef("path"), **depth)
        .order_by()
        .values("live")  # all rows share it: one group, one count
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(children, output_field=IntegerField()), 0)


def course_catalogue(*, root: Page, audience_slug: str | None = None):
    """Live courses under `root`, with their audiences and lesson counts, in tree order."""
    courses = (
        CoursePage.objects.live()
        .descendant_of(root)
        .prefetch_related("audiences")
        .annotate(lesson_count=_live_children_count(LessonPage, descendants=True))
        .order_by("path")
    )
    if audience_slug:
        courses = courses.filter(audiences__slug=audience_slug).distinct()
    return courses


def guide_for_home(*, home: Page) -> GuidePage | None:
    """The guide shown on the home page, with its number of live chapters."""
    return (
        GuidePage.objects.live()
        .descendant_of(home)
        .annotate(chapter_count=_live_children_count(GuideChapterPage))
        .order_by("path")
        .first()
    )


# --- Learning: outlines, progress and the learner's views -------------------------------------

STEPLEN = 4  # treebeard's path step: a page's parent path is its path minus the last step


def course_of(lesson: LessonPage) -> CoursePage | None:
    """The course a lesson belongs to (its parent, or its module's parent). One query."""
    return CoursePage.objects.filter(path__in=_course_paths(lesson)).first()


def _course_paths(lesson: LessonPage) -> list[str]:
    """Where a lesson's course can be: its parent, or its module's parent."""
    return [lesson.path[:-STEPLEN], lesson.path[: -2 * STEPLEN]]


@dataclass(frozen=True)
class OutlineLesson:
    """A lesson as outlines, pagers and grids show it: a few columns, not a page object, so a
    course of 60 lessons costs no more to list than one of 5."""

    pk: int
    title: str
    path: str
    url: str
    required: bool
    estimated_minutes: int

    @property
    def id(self) -> int:
        return self.pk


@dataclass(frozen=True)
class OutlineModule:
    pk: int
    title: str


def course_outline(course: CoursePage, request=None) -> list[dict]:
    """Lessons in reading order, each {"lesson": OutlineLesson, "module": OutlineModule|None}.
    One query whatever the course's size (modules and lessons together, a few columns each);
    URLs are the course's URL plus the page's path below it, so no per-lesson URL lookups."""
    module_type = ContentType.objects.get_for_model(CourseModulePage).pk
    lesson_type = ContentType.objects.get_for_model(LessonPage).pk
    rows = (
        Page.objects.live()
        .descendant_of(course)
        .filter(content_type__in=[module_type, lesson_type])
        .order_by("path")
        .values(
            "pk",
            "title",
            "path",
            "url_path",
            "content_type",
            "lessonpage__required",
            "lessonpage__estimated_minutes",
        )
    )
    course_url = course.get_url(request) or ""
    modules: dict[str, OutlineModule] = {}
    outline = []
    for row in rows:
        if row["content_type"] == module_type:
            modules[row["path"]] = OutlineModule(pk=row["pk"], title=row["title"])
            continue
        lesson = OutlineLesson(
            pk=row["pk"],
            title=row["title"],
            path=row["path"],
            url=course_url + row["url_path"][len(course.url_path) :],
            required=row["lessonpage__required"],
            estimated_minutes=row["lessonpage__estimated_minutes"],
        )
        outline.append({"lesson": lesson, "module": modules.get(row["path"][:-STEPLEN])})
    return outline


NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"


def lesson_states(*, user, lesson_ids: list[int]) -> dict[int, dict]:
    """Per lesson: state and last-opened time for `user`. One query."""
    rows = LessonProgress.objects.filter(user=user, lesson_id__in=lesson_ids).values(
        "lesson_id", "completed_at", "last_opened_at", "first_opened_at"
    )
    return {
        row["lesson_id"]: {
            "state": COMPLETED if row["completed_at"] else IN_PROGRESS,
            "completed_at": row["completed_at"],
            "last_opened_at": row["last_opened_at"] or row["first_opened_at"],
        }
        for row in rows
    }


def next_lesson(outline: list[dict], states: dict[int, dict]):
    """Where "continue" goes: the last lesson opened if unfinished, else the first unfinished
    lesson after it, else the first unfinished lesson; None when every lesson is complete."""
    unfinished = [
        i
        for i, item in enumerate(outline)
        if states.get(item["lesson"].pk, {}).get("state") != COMPLETED
    ]
    if not unfinished:
        return None
    opened = [
        (states[item["lesson"].pk]["last_opened_at"], i)
        for i, item in enumerate(outline)
        if item["lesson"].pk in states and states[item["lesson"].pk]["last_opened_at"]
    ]
    if opened:
        last = max(opened)[1]
        after = [i for i in unfinished if i >= last]
        if after:
            return outline[after[0]]["lesson"]
    return outline[unfinished[0]]["lesson"]


def progress_summary(outline: list[dict], states: dict[int, dict]) -> dict:
    """Required lessons done out of required lessons, as counts and a whole percentage."""
    required = [item["lesson"].pk for item in outline if item["lesson"].required]
    done = sum(1 for pk in required if states.get(pk, {}).get("state") == COMPLETED)
    total = len(required)
    return {"done": done, "total": total, "percent": round(100 * done / total) if total else 0}


def _annotate(outline: list[dict], states: dict[int, dict]) -> None:
    for item in outline:
        item["state"] = states.get(item["lesson"].pk, {}).get("state", NOT_STARTED)
        item["completed_at"] = states.get(item["lesson"].pk, {}).get("completed_at")


def is_course_staff(user) -> bool:
    """Authors, reviewers and admins read every lesson without enrolling (they write them)."""
    return bool(
        user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def enrolment_offer(*, user, course: CoursePage, enrolment) -> dict:
    """What a person who is not (or no longer) enrolled is offered on the course page."""
    from .services import missing_prerequisites

    missing = (
        missing_prerequisites(user=user, course=course)
        if user.is_authenticated and enrolment is None
        else []
    )
    return {
        "can_self_enrol": course.self_enrolment or enrolment is not None,
        "missing_prerequisites": missing,
    }


def course_view(*, user, course: CoursePage) -> dict:
    """Everything the course page shows: outline with each lesson's state for the viewer, the
    enrolment, progress, where to continue and what enrolling needs. Constant queries."""
    outline = course_outline(course)
    enrolment = (
        Enrolment.objects.filter(user=user, course=course).first()
        if user.is_authenticated
        else None
    )
    states = (
        lesson_states(user=user, lesson_ids=[i["lesson"].pk for i in outline])
        if enrolment is not None
        else {}
    )
    _annotate(outline, states)
    active = enrolment if enrolment is not None and enrolment.is_active else None
    context = {
        "outline": outline,
        "lessons": [item["lesson"] for item in outline],
        "enrolment": enrolment,
        "active_enrolment": active,
        "can_read": active is not None or is_course_staff(user),
        "progress": progress_summary(outline, states),
        "continue_lesson": next_lesson(outline, states) if active else None,
        **enrolment_offer(user=user, course=course, enrolment=active),
    }
    return context


def lesson_view(*, user, lesson: LessonPage) -> dict | None:
    """What a lesson page needs, and whether `user` may read it: enrolled (progress recorded)
    or course staff (no progress). None when the lesson has no course. Constant queries."""
    # The enrolment and its course in one query; the course alone for everyone else.
    enrolment = (
        Enrolment.objects.filter(
            user=user, unenrolled_at__isnull=True, course__path__in=_course_paths(lesson)
        )
        .select_related("course")
        .first()
        if user.is_authenticated
        else None
    )
    course = enrolment.course if enrolment is not None else course_of(lesson)
    if course is None:
        return None
    allowed = enrolment is not None or is_course_staff(user)
    view = {"course": course, "enrolment": enrolment, "allowed": allowed}
    if not allowed:
        view.update(enrolment_offer(user=user, course=course, enrolment=None))
        return view
    outline = course_outline(course)
    states = (
        lesson_states(user=user, lesson_ids=[i["lesson"].pk for i in outline])
        if enrolment is not None
        else {}
    )
    if enrolment is not None:
        _record_opening(user=user, lesson=lesson, course=course, states=states)
    _annotate(outline, states)
    position = next((i for i, item in enumerate(outline) if item["lesson"].pk == lesson.pk), 0)
    view.update(
        outline=outline,
        position=position + 1,
        lesson_count=len(outline),
        previous_page=outline[position - 1]["lesson"] if position > 0 else None,
        next_page=outline[position + 1]["lesson"] if position + 1 < len(outline) else None,
        lesson_state=outline[position]["state"] if outline else NOT_STARTED,
        progress=progress_summary(outline, states),
        activities=_activity_states(
            user=user, lesson=lesson, course=course, enrolled=enrolment is not None
        ),
    )
    return view


# Re-opening a lesson within this many seconds does not write "last opened" again: a reload
# or a quick look back should not cost a write per page view.
OPENING_RESOLUTION_SECONDS = 60


def _record_opening(*, user, lesson: LessonPage, course: CoursePage, states: dict) -> None:
    from .services import lesson_open

    now = timezone.now()
    known = states.get(lesson.pk)
    last = known["last_opened_at"] if known else None
    if last is not None and (now - last).total_seconds() < OPENING_RESOLUTION_SECONDS:
        return
    lesson_open(user=user, lesson=lesson, course=course)
    if known is None:
        states[lesson.pk] = {"state": IN_PROGRESS, "completed_at": None, "last_opened_at": now}
    else:
        known["last_opened_at"] = now


def _activity_states(*, user, lesson: LessonPage, course: CoursePage, enrolled: bool) -> list[dict]:
    required = lesson.required_activities()
    if not required:
        return []
    results = (
        dict(ActivityResult.objects.filter(user=user, lesson=lesson).values_list("key", "passed"))
        if enrolled
        else {}
    )
    done = satisfied_activity_keys(results=results, course=course)
    return [
        {
            "requirement": r,
            "passed": results.get(r.key) is True,
            "done": r.key in done,  # satisfied without a pass: an advisory H5P activity
        }
        for r in required
    ]


def satisfied_activity_keys(*, results: dict[str, bool], course: CoursePage) -> set[str]:
    """Which of a trainee's activity results ({key: passed}) satisfy a lesson's requirement:
    a pass; and, where the course does not let H5P scores count (they come from the browser),
    any H5P result, since the player records one only once the activity is completed or
    answered."""
    advisory = not getattr(course, "h5p_scores_count", False)
    return {
        key
        for key, passed in results.items()
        if passed or (advisory and key.startswith(f"{ActivityResult.Kind.H5P}:"))
    }


def _lessons_by_course(courses: list[CoursePage]) -> dict[int, list[LessonPage]]:
    """The live lessons of several courses in one query, grouped by course, in order."""
    if not courses:
        return {}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__gt=course.depth)
    lessons = LessonPage.objects.live().filter(condition).defer_streamfields().order_by("path")
    grouped: dict[int, list[LessonPage]] = {course.pk: [] for course in courses}
    by_path = sorted(courses, key=lambda c: len(c.path), reverse=True)
    for lesson in lessons:
        owner = next(c for c in by_path if lesson.path.startswith(c.path))
        grouped[owner.pk].append(lesson)
    return grouped


def learner_dashboard(*, user) -> dict:
    """The trainee's dashboard: current courses with progress and the next lesson, completed
    courses with their date and score, deadlines from their classes, activity results.
    A constant number of queries however many courses the trainee takes."""
    enrolments = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course", "training_class")
        .order_by("-enrolled_at")
    )
    lessons = _lessons_by_course([e.course for e in enrolments])
    all_ids = [lesson.pk for group in lessons.values() for lesson in group]
    states = lesson_states(user=user, lesson_ids=all_ids)
    results = list(
        ActivityResult.objects.filter(user=user, course__in=[e.course_id for e in enrolments])
        .select_related("lesson")
        .order_by("-updated_at")
    )
    current, completed, left = [], [], []
    for enrolment in enrolments:
        outline = [{"lesson": lesson, "module": None} for lesson in lessons[enrolment.course_id]]
        card = {
            "enrolment": enrolment,
            "course": enrolment.course,
            "progress": progress_summary(outline, states),
            "next_lesson": next_lesson(outline, states),
            "deadline": enrolment.training_class.completion_deadline
            if enrolment.training_class
            else None,
            "results": [r for r in results if r.course_id == enrolment.course_id],
        }
        if enrolment.completed_at:
            completed.append(card)
        elif enrolment.is_active:
            current.append(card)
        else:
            left.append(card)
    current.sort(key=lambda card: (card["deadline"] is None, card["deadline"] or 0))
    return {
        "current": current,
        "completed": completed,
        "left": left,
        "classes": _my_classes(user),
        "results": results,
        "catalogue": CourseIndexPage.objects.live().first(),
        "certificates": _my_certificates(user),
    }


def _my_certificates(user) -> list:
    """The trainee's certificates, newest first (one query; see certificates.selectors)."""
    from certificates.selectors import certificates_of_user

    return list(certificates_of_user(user))


def _my_classes(user) -> list:
    """The trainee's current training classes with their dates and deadlines."""
    from people.models import ClassMembership

    return [
        m.training_class
        for m in ClassMembership.objects.filter(user=user, removed_at__isnull=True)
        .select_related("training_class")
        .order_by("training_class__starts_on")
    ]
