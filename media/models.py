"""H5P packages, the libraries they share, xAPI statements and saved state.

A package (`H5PContent`) is validated completely before anything is written (media/h5p/
validation.py), then extracted by a Celery task into the configured storage: its own content
under `h5p/content/<id>/`, and each library version it brings under `h5p/libraries/<Machine-M.m>/`
once, shared by every package that uses it (`H5PLibrary`). xAPI statements the player emits are
stored as they came, with the actor replaced by the logged-in person; results that count reach
`courses.services.activity_result_record`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PLibrary(models.Model):
    """One installed H5P library version (machineName major.minor). A newer patch release
    replaces the files of the same major.minor, as H5P core does."""

    machine_name = models.CharField(_("machine name"), max_length=127)
    major_version = models.PositiveSmallIntegerField(_("major version"))
    minor_version = models.PositiveSmallIntegerField(_("minor version"))
    patch_version = models.PositiveSmallIntegerField(_("patch version"), default=0)
    title = models.CharField(_("title"), max_length=255)
    runnable = models.BooleanField(_("runnable"), default=False)
    allowed = models.BooleanField(
        _("allowed"),
        default=True,
        help_text=_(
            "Blocked libraries are not installed again, and content using them does not play."
        ),
    )
    # library.json as uploaded: preloadedJs/Css, dependencies, embedTypes.
    metadata = models.JSONField(_("library.json"), default=dict)
    dependencies = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="dependants"
    )
    files_ready = models.BooleanField(_("files stored"), default=False)
    installed_at = models.DateTimeField(_("installed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="h5p_library_version_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.version}"

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        """The folder name H5P uses for this library: Machine.Name-1.2."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PContent(models.Model):
    """One uploaded .h5p package and its extracted content."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be extracted")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    title = models.CharField(_("title"), max_length=255)
    package = models.FileField(_("package"), upload_to="h5p/packages/")
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    error = models.TextField(_("error"), blank=True)
    main_library = models.ForeignKey(
        H5PLibrary,
        verbose_name=_("main library"),
        null=True,
        on_delete=models.PROTECT,
        related_name="main_of",
    )
    libraries = models.ManyToManyField(H5PLibrary, blank=True, related_name="contents")
    # h5p.json as uploaded (title, language, mainLibrary, preloadedDependencies, embedTypes...).
    h5p_json = models.JSONField(default=dict)
    language = models.CharField(_("language"), max_length=10, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("H5P content")
        verbose_name_plural = _("H5P content")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def storage_prefix(self) -> str:
        return f"h5p/content/{self.pk}/"


class XAPIStatement(models.Model):
    """An xAPI statement from the H5P player, stored as received except for the actor, which is
    always the logged-in person. `is_sub` marks statements about a sub-question (their object
    id carries `subContentId`), which never change the activity's score."""

    statement_id = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_statements"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="statements")
    lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="xapi_statements",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("verb"), max_length=255)
    object_id = models.CharField(_("object"), max_length=500)
    is_sub = models.BooleanField(_("about a sub-question"), default=False)
    score_scaled = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    success = models.BooleanField(null=True)
    completion = models.BooleanField(null=True)
    statement = models.JSONField()
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["stored", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "statement_id"], name="xapi_statement_unique_per_user"
            )
        ]
        indexes = [
            models.Index(fields=["course", "stored"]),
            models.Index(fields=["content", "user"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.verb} {self.object_id}"


class H5PState(models.Model):
    """Where a person left an H5P activity (the player's saved state), to resume from it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_states"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="states")
    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "content"], name="h5p_state_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.content_id}"
