"""Freezing: the submitted figures stay as they were; later changes show as differences."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from courses.records import Enrolment
from reports.models import ReportingPeriod, ReportSnapshot
from reports.services import report_freeze, snapshot_diff
from tests.factories import UserFactory

from .dataset import CUTOFF, END, START, at, build
from .test_access import statistician

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(db):
    return ReportingPeriod.objects.create(
        name="Năm 2025", kind="year", start=START, end=END, cutoff=CUTOFF
    )


def test_the_2026_periods_are_there_as_data(db):
    periods = {p.name: p for p in ReportingPeriod.objects.all()}
    assert periods["Năm 2026"].start == date(2026, 1, 1)
    assert periods["Năm 2026"].end == date(2026, 12, 31)
    half = periods["6 tháng đầu năm 2026"]
    assert (half.kind, half.end, half.cutoff) == ("half", date(2026, 6, 30), date(2026, 5, 31))


def test_a_period_ending_before_it_starts_is_refused_in_vietnamese(db):
    period = ReportingPeriod(name="Sai", start=date(2026, 6, 1), end=date(2026, 1, 1))
    with pytest.raises(ValidationError) as refused:
        period.full_clean()
    assert "Ngày kết thúc không được trước ngày bắt đầu" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        period.save()


def test_later_changes_show_as_differences_and_never_touch_the_snapshot(period):
    world = build()
    lam_dong = world.units["LD"].code
    officer = statistician("rep-stat-ld", lam_dong)
    snapshot = report_freeze(period_id=period.pk, actor=officer)  # their province by default
    assert (snapshot.province_code, snapshot.version) == (lam_dong, 1)
    frozen = snapshot.data
    assert snapshot_diff(snapshot) == []
    # Freezing again without changes gives the same snapshot (a double click makes one).
    assert report_freeze(period_id=period.pk, actor=officer).pk == snapshot.pk

    # A late completion recorded for a Lâm Đồng person, inside the period.
    Enrolment.objects.filter(pk=world.enrolments["e4"].pk).update(completed_at=at(2025, 11, 2))
    changes = snapshot_diff(snapshot)
    cells = {(c["table"], c["key"], c["metric"]): (c["frozen"], c["current"]) for c in changes}
    assert cells[("totals", None, "completions")] == (
        frozen["totals"]["completions"],
        frozen["totals"]["completions"] + 1,
    )
    assert (
        cells[("province", lam_dong, "completions")][1]
        == cells[("province", lam_dong, "completions")][0] + 1
    )
    assert all(c["metric_label"] for c in changes)
    snapshot.refresh_from_db()
    assert snapshot.data == frozen  # the submitted figures are untouched

    # Freezing again keeps version 1 and makes version 2.
    second = report_freeze(period_id=period.pk, actor=officer)
    assert second.version == 2 and second.pk != snapshot.pk
    assert second.data["totals"]["completions"] == frozen["totals"]["completions"] + 1
    assert ReportSnapshot.objects.get(pk=snapshot.pk).data == frozen
    with pytest.raises(ValueError):
        snapshot.save()


def test_only_the_jurisdictions_holder_freezes_it(period):
    officer = statistician("rep-stat-ls", "20")
    with pytest.raises(PermissionDenied):
        report_freeze(period_id=period.pk, actor=officer, province_code="68")
    with pytest.raises(PermissionDenied):
        report_freeze(period_id=period.pk, actor=UserFactory(username="rep-nobody"))
    assert not ReportSnapshot.objects.exists()


def test_statisticians_manage_periods_in_the_admin_in_vietnamese(client, period):
    officer = statistician("rep-stat-admin", "20")
    client.force_login(officer)
    listing = client.get("/admin/snippets/reports/reportingperiod/")
    assert listing.status_code == 200
    assert "Năm 2025" in listing.content.decode()
    response = client.post(
        "/admin/snippets/reports/reportingperiod/add/",
        {"name": "Sai ngày", "kind": "custom", "start": "2026-06-01", "end": "2026-01-01"},
    )
    assert response.status_code == 200  # the form again, with the reason
    assert "Ngày kết thúc không được trước ngày bắt đầu" in response.content.decode()
    assert not ReportingPeriod.objects.filter(name="Sai ngày").exists()


def test_differences_compare_with_the_snapshots_own_dates_after_the_period_is_edited(period):
    """Statisticians may edit a period after freezing it (a wrong cut-off, say): the snapshot
    is still compared with today's figures for the dates it was frozen with."""
    build()
    officer = statistician("rep-stat-ld2", "68")
    snapshot = report_freeze(period_id=period.pk, actor=officer)
    assert snapshot_diff(snapshot) == []
    ReportingPeriod.objects.filter(pk=period.pk).update(
        start=date(2025, 7, 1), cutoff=date(2025, 10, 31)
    )
    snapshot = ReportSnapshot.objects.get(pk=snapshot.pk)
    assert snapshot_diff(snapshot) == []
