"""Reporting periods (data, not code) and the frozen snapshots of submitted figures."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ReportingPeriod(models.Model):
    """A period figures are reported for: a calendar year, six months, or any range.

    `cutoff` is the actual-data cut-off (six-month report: 31/5; annual: 30/11 or 31/10): figures
    count records up to min(end, cutoff); the rest of the period is estimated by hand.
    `deadline` is when the report is due (Lạng Sơn: before 20/11), for information.
    """

    class Kind(models.TextChoices):
        YEAR = "year", _("calendar year")
        HALF = "half", _("six months")
        CUSTOM = "custom", _("custom range")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.YEAR)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    cutoff = models.DateField(
        _("actual data up to"),
        null=True,
        blank=True,
        help_text=_("Records after this date are not counted. Empty: up to the last day."),
    )
    deadline = models.DateField(_("report due by"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("cutoff"),
        FieldPanel("deadline"),
    ]

    class Meta:
        ordering = ["-start", "end"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lte=F("end")), name="period_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(cutoff__isnull=True) | Q(cutoff__gte=F("start")),
                name="period_cutoff_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        errors = {}
        if self.start and self.end and self.start > self.end:
            errors["end"] = _("The last day must not be before the first day.")
        if self.cutoff and self.start and self.cutoff < self.start:
            errors["cutoff"] = _("The cut-off date must not be before the first day.")
        if errors:
            raise ValidationError(errors)

    @property
    def effective_end(self):
        return min(self.end, self.cutoff) if self.cutoff else self.end

    def query(self, province_code=None, commune_code=None):
        from .figures import ReportQuery

        return ReportQuery(
            start=self.start,
            end=self.end,
            cutoff=self.cutoff,
            province_code=province_code or None,
            commune_code=commune_code or None,
        )


class ReportSnapshot(models.Model):
    """The figures of a period and jurisdiction as submitted, frozen: never changed afterwards.

    Freezing the same period and jurisdiction again makes a new `version`; earlier versions stay.
    Empty `province_code` and `commune_code` mean national.
    """

    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("reporting period"),
        on_delete=models.PROTECT,
        related_name="snapshots",
    )
    province_code = models.CharField(_("province code"), max_length=10, blank=True)
    commune_code = models.CharField(_("commune code"), max_length=10, blank=True)
    scope_label = models.CharField(_("jurisdiction"), max_length=150, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    data = models.JSONField(_("figures"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    frozen_at = models.DateTimeField(_("frozen at"), auto_now_add=True)

    class Meta:
        ordering = ["-frozen_at", "-version"]
        verbose_name = _("submitted figures")
        verbose_name_plural = _("submitted figures")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "province_code", "commune_code", "version"],
                name="snapshot_version_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} – {self.scope_label or _('National')} (v{self.version})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A frozen snapshot is never changed: freeze again for a new version.")
        super().save(*args, **kwargs)

    def query(self):
        return self.period.query(self.province_code, self.commune_code)


class MonthlyFigure(models.Model):
    """Signed counts of people's records by local month and by the person's recorded province,
    audience group and sex: written only by the database triggers of `reports.summary`, read by
    `reports.figures` on PostgreSQL. Several rows may share a key until `summary.compact()`
    merges them; their sums are the figures."""

    month = models.DateField()
    province_id = models.BigIntegerField(null=True)
    audience_id = models.BigIntegerField(null=True)
    sex = models.CharField(max_length=10, blank=True)
    enrolled = models.IntegerField(default=0)
    enrolled_done = models.IntegerField(default=0)
    completed = models.IntegerField(default=0)
    quiz_graded = models.IntegerField(default=0)
    quiz_passed = models.IntegerField(default=0)
    quiz_scored = models.IntegerField(default=0)
    quiz_score_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    certificates_issued = models.IntegerField(default=0)
    certificates_revoked = models.IntegerField(default=0)

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["month"], name="reports_monthlyfigure_month")]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y} {self.province_id}/{self.audience_id}/{self.sex}"


class Participation(models.Model):
    """The months of a calendar year in which a person took part in training (bit m-1 for month
    m: present at a session, or completed a course): written only by the triggers of
    `reports.summary`, for counting distinct people trained."""

    user_id = models.BigIntegerField()
    year = models.SmallIntegerField()
    months = models.IntegerField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["user_id", "year"], name="participation_unique")
        ]
        indexes = [models.Index(fields=["year"], name="reports_participation_year")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.year}: {self.months:012b}"
