"""Who learns, where they belong, and the classes they are trained in.

Every record keeps the administrative unit it was made with; `AdministrativeUnit.current()`
rolls a pre-2025 unit up to the unit that replaced it, so figures can be counted either way.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..roles import STATISTICIANS_GROUP, TRAINERS_GROUP
from ..text import clean_text, fold


class AudienceGroup(index.Indexed, models.Model):
    """A group the programme trains (press, legal rapporteurs, commune propagandists, ...).

    A configurable list: the defaults come from DOMAIN.md and are loaded by `seed_demo`; a
    province may add its own. Reports break every figure down by these groups.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("audience group")
        verbose_name_plural = _("audience groups")

    def __str__(self) -> str:
        return self.name


class AdministrativeUnit(models.Model):
    """A province, district or commune, current (since 1/7/2025) or historical.

    Current units come from the `vietnam-provinces` package (`load_units`); historical ones from
    a mapping file, each pointing at the current unit that took over its territory.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        DISTRICT = "district", _("district")
        COMMUNE = "commune", _("commune")

    code = models.CharField(_("official code"), max_length=10)
    name = models.CharField(_("name"), max_length=120)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    division_type = models.CharField(_("type"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_current = models.BooleanField(_("current"), default=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("succeeded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_(
            "For a unit that no longer exists: the current unit that took over its territory."
        ),
    )

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code", "is_current"], name="unit_code_unique_per_era"
            ),
            models.CheckConstraint(
                condition=Q(is_current=True) | Q(successor__isnull=False),
                name="old_unit_has_successor",
            ),
        ]

    def __str__(self) -> str:
        return self.name if self.is_current else f"{self.name} (cũ)"

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def current(self) -> "AdministrativeUnit":
        """The current unit this one is, or was merged into."""
        unit = self
        while not unit.is_current and unit.successor_id:
            unit = unit.successor
        return unit

    def current_province(self) -> "AdministrativeUnit | None":
        unit = self.current()
        if unit.level == self.Level.PROVINCE:
            return unit
        return unit.parent.current() if unit.parent_id else None


class Agency(models.Model):
    """An organisation people work for, in a tree: a Sở Tư pháp and its divisions, a newspaper, a
    commune People's Committee. Configurable by admins; classes are organised by agencies."""

    class Kind(models.TextChoices):
        JUSTICE = "justice", _("Department of Justice")
        DEPARTMENT = "department", _("department or sector")
        PRESS = "press", _("press agency")
        COMMUNE = "commune", _("commune People's Committee")
        MINISTRY = "ministry", _("ministry or central agency")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province"},
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("parent"), FieldPanel("province")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(fields=["name", "province"], name="agency_unique_per_province")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)


class Profile(models.Model):
    """Everything the programme records about a person, beside their log-in (auth.User).

    Ethnicity is sensitive personal data (Law 91/2025/QH15): optional, and never shown outside
    aggregate figures. `anonymised_at` marks a profile whose personal fields were erased at the
    person's request; its counts in reports stay.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    audience = models.ForeignKey(
        AudienceGroup,
        verbose_name=_("audience group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="profiles",
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="profiles",
    )
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commune = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    national_id = models.CharField(_("national ID number"), max_length=12, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Staff screens leave out ethnicity: sensitive data, shown only inside aggregate figures.
    panels = [
        FieldPanel("full_name"), FieldPanel("audience"), FieldPanel("position"), FieldPanel("agency"),
        FieldPanel("province"), FieldPanel("commune"), FieldPanel("phone"), FieldPanel("national_id"),
        FieldPanel("sex"), FieldPanel("birth_year"),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["phone"], condition=~Q(phone=""), name="profile_phone_unique"
            ),
            models.UniqueConstraint(
                fields=["national_id"],
                condition=~Q(national_id=""),
                name="profile_national_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = clean_text(self.full_name)
        self.position = clean_text(self.position)
        super().save(*args, **kwargs)


class Jurisdiction(models.Model):
    """Where a statistician may see people and figures: one province, or the whole country."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jurisdiction",
        limit_choices_to={"groups__name": STATISTICIANS_GROUP},
    )
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
        help_text=_("Leave empty for national jurisdiction."),
    )

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self) -> str:
        return str(self.province) if self.province_id else str(_("National"))


class TrainingClass(models.Model):
    """A training class (lớp bồi dưỡng, tập huấn): a cohort of people taking given courses.

    For the reports a class is a dissemination session; its in-person sessions carry attendance.
    """

    class Mode(models.TextChoices):
        ONLINE = "online", _("online")
        IN_PERSON = "in_person", _("in person")
        BLENDED = "blended", _("blended")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=255)
    organiser = models.ForeignKey(
        Agency,
        verbose_name=_("organising agency"),
        on_delete=models.PROTECT,
        related_name="classes",
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    locality = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("locality"),
        on_delete=models.PROTECT,
        related_name="classes",
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="classes_run",
        limit_choices_to={"groups__name": TRAINERS_GROUP},
    )
    courses = models.ManyToManyField(
        "courses.CoursePage", verbose_name=_("courses"), blank=True, related_name="training_classes"
    )
    audiences = models.ManyToManyField(
        AudienceGroup, verbose_name=_("audiences"), blank=True, related_name="classes"
    )
    completion_deadline = models.DateField(_("completion deadline"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="class_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ClassMembership(models.Model):
    """A person in a training class. Removing them keeps the row (`removed_at`) for history."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_memberships"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("class member")
        verbose_name_plural = _("class members")
        constraints = [
            models.UniqueConstraint(fields=["training_class", "user"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.training_class}"


class ClassSession(models.Model):
    """One in-person (or live online) meeting of a class, on which attendance is taken."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")

    def __str__(self) -> str:
        return self.title or f"{self.training_class} {self.starts_at:%d/%m/%Y}"


class Attendance(models.Model):
    """Whether a member was at a session: one row per (session, person), updated in place."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        ABSENT = "absent", _("absent")
        EXCUSED = "excused", _("excused")

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.session}: {self.get_status_display()}"


class ConsentRecord(models.Model):
    """A person's consent to processing of their personal data, with the policy version they saw."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    policy_version = models.CharField(_("policy version"), max_length=20)
    purpose = models.CharField(_("purpose"), max_length=60, default="training")
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.user} – {self.policy_version}"


class DataRequest(models.Model):
    """A data-subject request (Decree 356/2025): a copy of my data, or erase it.

    Acknowledged within 2 working days; an erasure anonymises the profile, keeping counts.
    """

    class Kind(models.TextChoices):
        EXPORT = "export", _("copy of my data")
        ERASURE = "erasure", _("erasure")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        DONE = "done", _("done")
        REJECTED = "rejected", _("rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_requests"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.RECEIVED
    )
    reason = models.TextField(_("reason"), blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.user}"


class AuditEvent(models.Model):
    """Who read or changed whose personal data, and when (written by `people.audit.record`)."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CHANGE = "change", _("changed")
        EXPORT = "export", _("exported")
        IMPORT = "import", _("imported")
        ERASE = "erase", _("erased")

    # Wagtail's reference index would cost four queries per event and helps nobody here.
    wagtail_reference_index_ignore = True

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.actor} {self.get_action_display()} {self.object_repr}"


class ImportJob(models.Model):
    """An upload of people (`import_people` or the admin): validated first, applied once.

    Large files are applied by a Celery task that updates `processed_rows` for the progress bar.
    """

    class Status(models.TextChoices):
        VALIDATED = "validated", _("validated, waiting for confirmation")
        RUNNING = "running", _("importing")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(_("file"), upload_to="people/imports/")
    original_name = models.CharField(_("file name"), max_length=255)
    training_class = models.ForeignKey(
        TrainingClass, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    valid_rows_only = models.BooleanField(_("import the valid rows only"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALIDATED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import of people")
        verbose_name_plural = _("imports of people")

    def __str__(self) -> str:
        return self.original_name
