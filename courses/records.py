"""Learner records: enrolment, lesson progress and activity results.

Plain models, not pages (HOUSE_STYLE: page models hold presentation). Each row is unique per
(person, thing), so the same event arriving twice finds the row it already wrote, and
completion columns are only ever set by an `UPDATE ... WHERE completed_at IS NULL` in
`courses.services`, which lets exactly one writer win.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A person taking a course: once per (person, course), whether they enrolled themselves or
    a training class enrolled them. Unenrolling keeps the row (`unenrolled_at`) for history."""

    class Source(models.TextChoices):
        SELF = "self", _("self-enrolled")
        CLASS = "class", _("training class")
        IMPORT = "import", _("import")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments"
    )
    training_class = models.ForeignKey(
        "people.TrainingClass",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.SELF
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    unenrolled_at = models.DateTimeField(_("unenrolled at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # The course as it stood when the trainee completed it: authors keep editing published
    # courses, and a certificate must name the version that was actually learned.
    completed_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("course version at completion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    score = models.DecimalField(
        _("overall score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique")]
        indexes = [
            models.Index(fields=["course", "completed_at"]),
            # Reports: the days of a partial month, and enrolments completed after a period.
            models.Index(fields=["enrolled_at"], name="enrolment_enrolled_at"),
            models.Index(fields=["completed_at", "enrolled_at"], name="enrolment_completed_at"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"

    @property
    def is_active(self) -> bool:
        return self.unenrolled_at is None


class LessonProgress(models.Model):
    """What one person has done in one lesson: opened, read to the end, marked done, completed.

    Keyed on the lesson page, not a revision, so an author's later edits never take progress
    away. `course` is the lesson's course when the row was made, for per-course reads."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="progress"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="lesson_progress"
    )
    first_opened_at = models.DateTimeField(_("first opened"), auto_now_add=True)
    last_opened_at = models.DateTimeField(_("last opened"), null=True, blank=True)
    read_at = models.DateTimeField(_("read to the end"), null=True, blank=True)
    marked_done_at = models.DateTimeField(_("marked done"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_progress_unique")
        ]
        indexes = [models.Index(fields=["user", "course"]), models.Index(fields=["course"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.lesson_id}"


class ActivityResult(models.Model):
    """The result of an activity embedded in a lesson (a quiz, an H5P activity), one row per
    (person, lesson, activity). The Assessments and H5P apps write it through
    `courses.services.activity_result_record`; lesson and course completion read it."""

    class Kind(models.TextChoices):
        QUIZ = "quiz", _("quiz")
        H5P = "h5p", _("H5P activity")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_results"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="activity_results"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="activity_results"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(_("activity"), max_length=64)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("activity result")
        verbose_name_plural = _("activity results")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "key"], name="activity_result_unique")
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.key}"
