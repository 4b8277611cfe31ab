"""Question banks, quizzes, attempts and answers. Scoring happens on the server only.

Banks, categories, questions and quizzes are authored in the Wagtail admin (snippets). Attempts
and answers are learner records: one row per attempt, one per question put on the paper, one
per answer and one per selected choice, never delimited strings.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

RICH = ["bold", "italic", "ol", "ul", "link"]


class QuestionBank(models.Model):
    """A named pool of questions, such as "Cẩm nang – chuyên đề 1–5"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class QuestionCategory(models.Model):
    """A category within a bank (a topic); quizzes draw N questions from a category, and
    results are reported per category."""

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="categories", verbose_name=_("bank")
    )
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("parent category"),
    )

    panels = [FieldPanel("bank"), FieldPanel("name"), FieldPanel("parent")]

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["bank", "name"]
        constraints = [
            models.UniqueConstraint(fields=["bank", "parent", "name"], name="category_unique")
        ]

    def __str__(self) -> str:
        return f"{self.parent} / {self.name}" if self.parent_id else self.name


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey("assessments.Question", related_name="tagged_items")


class Question(ClusterableModel):
    """One question. Choices (and, for short answers, the accepted answers) are its rows."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple response")
        TRUE_FALSE = "truefalse", _("true / false")
        SHORT = "short", _("short answer")
        ESSAY = "essay", _("essay (marked by a person)")

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="questions", verbose_name=_("bank")
    )
    category = models.ForeignKey(
        QuestionCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        verbose_name=_("category"),
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(
        _("short title"), max_length=255, help_text=_("For lists and reports; not shown.")
    )
    text = RichTextField(_("question"), features=RICH)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    explanation = RichTextField(_("general explanation"), features=RICH, blank=True)
    points = models.DecimalField(
        _("points"),
        max_digits=6,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    ignore_case = models.BooleanField(_("short answer: ignore case"), default=True)
    ignore_diacritics = models.BooleanField(
        _("short answer: ignore Vietnamese diacritics"), default=False
    )
    tags = ClusterTaggableManager(through=QuestionTag, blank=True, verbose_name=_("tags"))
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("bank"),
        FieldPanel("category"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldPanel("points"),
        InlinePanel("choices", label=_("Choices or accepted answers")),
        MultiFieldPanel(
            [FieldPanel("ignore_case"), FieldPanel("ignore_diacritics")],
            heading=_("Short answer matching"),
        ),
        FieldPanel("explanation"),
        FieldPanel("tags"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["bank", "category", "pk"]

    def __str__(self) -> str:
        return self.title


class Choice(Orderable):
    """A choice of a choice question, or an accepted answer of a short-answer question.

    `weight` is the share of the question's points the choice carries, in percent: for single
    choice and true/false the correct choice has 100; for multiple response the correct choices
    share 100 and wrong ones may subtract (negative weights; the question never scores below
    0); for short answers each accepted answer has its weight (100 for a full answer)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=1000)
    weight = models.DecimalField(
        _("weight (%)"),
        max_digits=6,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
    )
    feedback = models.CharField(_("feedback"), max_length=1000, blank=True)

    panels = [FieldPanel("text"), FieldPanel("weight"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text

    @property
    def is_correct(self) -> bool:
        return self.weight > 0


class Quiz(ClusterableModel):
    """A quiz placed in lessons: which questions, how often, how long, how it is graded."""

    class Grading(models.TextChoices):
        HIGHEST = "highest", _("highest attempt")
        LAST = "last", _("last attempt")
        FIRST = "first", _("first attempt")
        AVERAGE = "average", _("average of attempts")

    class Feedback(models.TextChoices):
        END = "end", _("at the end of the attempt")
        EACH = "each", _("after each question")

    class Review(models.TextChoices):
        AFTER_ATTEMPT = "after_attempt", _("after the attempt")
        AFTER_CLOSE = "after_close", _("after the quiz closes")
        NEVER = "never", _("never")

    title = models.CharField(_("title"), max_length=255)
    intro = RichTextField(_("instructions"), features=RICH, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    grading = models.CharField(
        _("grade from"), max_length=10, choices=Grading.choices, default=Grading.HIGHEST
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("random question order"), default=True)
    shuffle_choices = models.BooleanField(_("random choice order"), default=True)
    feedback = models.CharField(
        _("feedback"), max_length=10, choices=Feedback.choices, default=Feedback.END
    )
    review = models.CharField(
        _("show correct answers"),
        max_length=20,
        choices=Review.choices,
        default=Review.AFTER_ATTEMPT,
    )
    success_text = RichTextField(_("text when passed"), features=RICH, blank=True)
    fail_text = RichTextField(_("text when not passed"), features=RICH, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("fixed_questions", label=_("Questions always asked")),
        InlinePanel("draws", label=_("Random questions from a category")),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("grading"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
            ],
            heading=_("Rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("feedback"),
                FieldPanel("review"),
            ],
            heading=_("Presentation"),
        ),
        FieldPanel("success_text"),
        FieldPanel("fail_text"),
        InlinePanel("class_overrides", label=_("Dates for particular classes")),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return self.title


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )

    panels = [FieldPanel("question")]


class QuizDraw(Orderable):
    """Draw `count` questions at random from a category for each attempt."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="draws")
    category = models.ForeignKey(
        QuestionCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    count = models.PositiveSmallIntegerField(_("how many"), default=5)

    panels = [FieldPanel("category"), FieldPanel("count")]


class QuizClassOverride(Orderable):
    """Other dates (and attempts) for one training class."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="class_overrides")
    training_class = models.ForeignKey(
        "people.TrainingClass",
        on_delete=models.CASCADE,
        related_name="quiz_overrides",
        verbose_name=_("training class"),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), null=True, blank=True)

    panels = [
        FieldPanel("training_class"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        FieldPanel("max_attempts"),
    ]


class Attempt(models.Model):
    """One attempt of one person at one quiz in one lesson. At most one is in progress per
    (quiz, person, lesson) and attempt numbers are unique: the database refuses a second."""

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        NEEDS_MARKING = "needs_marking", _("waiting for marking")
        GRADED = "graded", _("graded")

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    state = models.CharField(
        _("state"), max_length=15, choices=State.choices, default=State.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    deadline_at = models.DateTimeField(_("time limit ends"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    score = models.DecimalField(_("points"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(
        _("points available"), max_digits=8, decimal_places=2, default=0
    )
    percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "lesson", "number"], name="attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["quiz", "user", "lesson"],
                condition=Q(state="in_progress"),
                name="attempt_one_open",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "state"]),
            models.Index(fields=["submitted_at"], name="attempt_submitted_at"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} – {self.user} – {self.number}"


class AttemptQuestion(models.Model):
    """A question as put on one attempt's paper: its position and the order of its choices."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="paper")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    points = models.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="paper_question_unique"),
            models.UniqueConstraint(fields=["attempt", "position"], name="paper_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position}"


class AttemptChoice(models.Model):
    """The order in which one choice was shown on one paper."""

    paper_question = models.ForeignKey(
        AttemptQuestion, on_delete=models.CASCADE, related_name="choice_order"
    )
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["paper_question", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper_question", "choice"], name="attempt_choice_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.paper_question_id}: {self.choice_id}"


class Answer(models.Model):
    """A trainee's answer to one question of one attempt: the text (short answer, essay) or the
    selected choices (rows in SelectedChoice), its score and, for essays, the marking."""

    paper_question = models.OneToOneField(
        AttemptQuestion, on_delete=models.CASCADE, related_name="answer"
    )
    text = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), auto_now=True)
    # Set when the trainee asked for feedback on this question ("after each question"): the
    # answer can no longer change, so the feedback cannot be used to improve it.
    locked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    score = models.DecimalField(_("points"), max_digits=6, decimal_places=2, null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked"), null=True, blank=True)
    comment = models.TextField(_("marker's comment"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.paper_question_id}"


class SelectedChoice(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="selected")
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "choice"], name="selected_choice_unique")
        ]

    def __str__(self) -> str:
        return f"{self.answer_id}: {self.choice_id}"


class TamperingEvent(models.Model):
    """A refused post (an answer to a question not on the paper, a choice of another question,
    after the time limit, a replay, someone else's attempt): kept for whoever investigates."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempt_id_claimed = models.BigIntegerField(null=True)
    reason = models.CharField(max_length=200)
    detail = models.JSONField(default=dict)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("refused submission")
        verbose_name_plural = _("refused submissions")

    def __str__(self) -> str:
        return self.reason
