"""The statistics API (/api/v1/): its OpenAPI document, authentication, and the jurisdiction rules.

Actors come from the demo: the Lạng Sơn statistician `thongke` (province 20); a Lâm Đồng
statistician (province 68, whose trainees include people recorded under the former Đắk Nông);
a national statistician; a trainee.
"""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from people.models import AdministrativeUnit, Jurisdiction
from people.roles import STATISTICIANS_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANG_SON, LAM_DONG = "20", "68"
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


def statistician(username: str, province_code: str | None):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=STATISTICIANS_GROUP))
    province = (
        AdministrativeUnit.objects.get(level="province", code=province_code, is_current=True)
        if province_code
        else None
    )
    Jurisdiction.objects.create(user=user, province=province)
    return user


def token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def stat_ls(demo):
    return get_user_model().objects.get(username="thongke")


def test_openapi_document_is_valid_openapi_3_listing_every_endpoint(client):
    from drf_spectacular.validation import validate_schema

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    validate_schema(document)  # raises on an invalid OpenAPI 3 document
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/reports/training",
        "/api/v1/periods",
        "/api/v1/periods/{period_id}/report",
        "/api/v1/snapshots",
        "/api/v1/snapshots/{snapshot_id}",
    }
    training = document["paths"]["/api/v1/reports/training"]["get"]
    names = {parameter["name"] for parameter in training["parameters"]}
    assert names == {"from", "to", "province", "commune", "cutoff", "suppress", "tables"}
    assert {"200", "400", "401", "403"} <= set(training["responses"])
    totals = document["components"]["schemas"]["Metrics"]["properties"]
    assert {"people_trained", "attendances", "completion_rate", "registered"} <= set(totals)


def test_no_credentials_is_401_and_a_wrong_token_too(db):
    assert APIClient().get("/api/v1/reports/training", YEAR).status_code == 401
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert client.get("/api/v1/periods").status_code == 401


def test_token_gives_the_statisticians_own_province_figures(stat_ls):
    from reports.figures import ReportQuery, compute

    response = token_client(stat_ls).get("/api/v1/reports/training", {**YEAR, "province": LANG_SON})
    assert response.status_code == 200, response.content
    body = response.json()
    expected = compute(
        ReportQuery(
            start=datetime.date(2026, 1, 1),
            end=datetime.date(2026, 12, 31),
            cutoff=None,
            province_code=LANG_SON,
            commune_code=None,
        )
    )
    assert body["totals"] == json.loads(json.dumps(expected["totals"], default=str))
    assert body["totals"]["registered"] > 0
    assert set(body) >= {"query", "totals", "breakdowns", "province_audience", "monthly"}


def test_session_authentication_works_too(client, stat_ls):
    client.force_login(stat_ls)
    response = client.get("/api/v1/reports/training", {**YEAR, "province": LANG_SON})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_provincial_statistician_cannot_read_another_province_nor_national(stat_ls):
    client = token_client(stat_ls)
    other = client.get("/api/v1/reports/training", {**YEAR, "province": LAM_DONG})
    assert other.status_code == 403
    assert "totals" not in other.json() and other.json()["detail"]
    # Naming no province never gives the national figures: it gives the statistician's own.
    unnamed = client.get("/api/v1/reports/training", YEAR)
    assert unnamed.status_code == 200
    assert unnamed.json()["query"]["province_code"] == LANG_SON
    own = client.get("/api/v1/reports/training", {**YEAR, "province": LANG_SON})
    assert unnamed.json()["totals"] == own.json()["totals"]


def test_national_statistician_reads_any_province_and_the_nation(db, demo):
    client = token_client(statistician("thongke.tw", None))
    national = client.get("/api/v1/reports/training", YEAR)
    lam_dong = client.get("/api/v1/reports/training", {**YEAR, "province": LAM_DONG})
    lang_son = client.get("/api/v1/reports/training", {**YEAR, "province": LANG_SON})
    assert national.status_code == lam_dong.status_code == lang_son.status_code == 200
    # People recorded under the former Đắk Nông count in Lâm Đồng: both provinces have people.
    registered = [r.json()["totals"]["registered"] for r in (national, lam_dong, lang_son)]
    assert registered[1] > 0 and registered[2] > 0
    assert registered[0] >= registered[1] + registered[2]


@pytest.mark.parametrize(
    "params",
    [
        {**YEAR, "province": "99"},
        {"from": "2026-12-31", "to": "2026-01-01", "province": LANG_SON},
        {"from": "2026-02-30", "to": "2026-12-31", "province": LANG_SON},
        {"from": "2026-01-01", "province": LANG_SON},
    ],
    ids=["unknown province", "start after end", "impossible date", "no end date"],
)
def test_bad_input_is_400_with_a_vietnamese_message_and_no_figures(stat_ls, params):
    response = token_client(stat_ls).get("/api/v1/reports/training", params)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail"}
    assert any(ch in body["detail"] for ch in "ạảãàáâầấậăằắặđêềếệôồốộơờớợưừứự"), body


def test_unknown_commune_is_400(stat_ls):
    response = token_client(stat_ls).get(
        "/api/v1/reports/training", {**YEAR, "province": LANG_SON, "commune": "00000"}
    )
    assert response.status_code == 400


def test_a_trainee_gets_403_even_with_a_token(demo):
    trainee = get_user_model().objects.get(username="ls.hoa")
    response = token_client(trainee).get("/api/v1/reports/training", YEAR)
    assert response.status_code == 403
    assert "totals" not in response.json()


def test_periods_and_a_periods_report(stat_ls):
    from reports.models import ReportingPeriod

    period = ReportingPeriod.objects.create(
        name="Năm 2026 (thử)",
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        cutoff=datetime.date(2026, 11, 30),
    )
    client = token_client(stat_ls)
    periods = client.get("/api/v1/periods").json()
    mine = next(p for p in periods if p["id"] == period.pk)
    assert (mine["start"], mine["end"], mine["cutoff"]) == (
        "2026-01-01",
        "2026-12-31",
        "2026-11-30",
    )
    report = client.get(f"/api/v1/periods/{period.pk}/report", {"province": LANG_SON})
    assert report.status_code == 200
    assert report.json()["totals"]["registered"] > 0
    assert (
        client.get(f"/api/v1/periods/{period.pk}/report", {"province": LAM_DONG}).status_code == 403
    )
    assert client.get("/api/v1/periods/999999/report", {"province": LANG_SON}).status_code == 404


def test_snapshots_lists_only_the_callers_jurisdiction(stat_ls):
    from reports.models import ReportingPeriod
    from reports.services import report_freeze

    period = ReportingPeriod.objects.get(name="Năm 2026")
    national = statistician("thongke.tw", None)
    report_freeze(period_id=period.pk, actor=stat_ls, province_code=LANG_SON)
    report_freeze(period_id=period.pk, actor=national, province_code=LAM_DONG)
    mine = token_client(stat_ls).get("/api/v1/snapshots")
    assert mine.status_code == 200
    assert [s["province"] for s in mine.json()] == [LANG_SON]
    assert "report" not in mine.json()[0]  # the figures are at the snapshot's own address
    detail = token_client(stat_ls).get(mine.json()[0]["url"])
    assert detail.status_code == 200
    assert detail.json()["report"]["totals"]["registered"] > 0
    everyone = token_client(national).get("/api/v1/snapshots", {"period": period.pk}).json()
    assert {s["province"] for s in everyone} == {LANG_SON, LAM_DONG}
    # Lâm Đồng's snapshot is not within the Lạng Sơn statistician's reach.
    other = next(s for s in everyone if s["province"] == LAM_DONG)
    assert token_client(stat_ls).get(other["url"]).status_code == 404


def test_the_snapshot_list_costs_the_same_queries_for_one_snapshot_or_many(stat_ls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.models import ReportingPeriod, ReportSnapshot

    client = token_client(stat_ls)
    period = ReportingPeriod.objects.get(name="Năm 2026")
    data = {"query": {}, "totals": {}, "breakdowns": {}, "province_audience": [], "monthly": []}

    def snapshot(version):
        ReportSnapshot.objects.create(
            period=period, province_code=LANG_SON, version=version, data=data, frozen_by=stat_ls
        )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/snapshots").status_code == 200
        return len(queries)

    snapshot(1)
    count()
    one = count()
    for version in range(2, 6):
        snapshot(version)
    assert count() == one
    listed = client.get("/api/v1/snapshots").json()
    assert len(listed) == 5 and all(s["frozen_by"] == "thongke" for s in listed)


def test_people_from_outside_the_province_are_protected_and_publishing_protects_all(stat_ls):
    """A Lạng Sơn statistician sees their own figures in full, but the table of where the
    attendees of their classes come from hides the one Lâm Đồng attendee; ?suppress=1 (for
    publishing) hides every small cell; the ministry sees the origin table in full."""
    from .dataset import build

    world = build()
    period = {"from": "2025-01-01", "to": "2025-12-31", "cutoff": "2025-11-30"}
    own = token_client(stat_ls).get("/api/v1/reports/training", {**period, "province": LANG_SON})
    body = own.json()
    origin = {row["key"]: row for row in body["breakdowns"]["origin"]}
    assert origin[LAM_DONG]["attendances"] is None
    assert "attendances" in origin[LAM_DONG]["suppressed"]
    assert body["suppression"] == {"minimum": 5, "tables": ["origin"]}
    audiences = body["breakdowns"]["audience"]
    assert all("suppressed" not in row for row in audiences)
    assert any(0 < (row["people_trained"] or 0) < 5 for row in audiences)  # shown: their own

    published = (
        token_client(stat_ls)
        .get("/api/v1/reports/training", {**period, "province": LANG_SON, "suppress": "1"})
        .json()
    )
    assert published["suppression"]["tables"] is None
    for row in published["breakdowns"]["audience"]:
        assert (
            row["people_trained"] is None
            or row["people_trained"] == 0
            or (row["people_trained"] >= 5)
        )

    ministry = token_client(statistician("thongke.tw", None))
    national = ministry.get("/api/v1/reports/training", {**period, "province": LANG_SON}).json()
    assert "suppression" not in national
    origin = {row["key"]: row for row in national["breakdowns"]["origin"]}
    assert origin[LAM_DONG]["attendances"] == 1
    assert world.units["LD"].code == LAM_DONG


def test_tables_limits_the_answer_to_the_tables_asked_for(stat_ls):
    client = token_client(stat_ls)
    whole = client.get("/api/v1/reports/training", {**YEAR, "province": LANG_SON}).json()
    part = client.get(
        "/api/v1/reports/training",
        {**YEAR, "province": LANG_SON, "tables": "province_audience, audience"},
    ).json()
    assert part["province_audience"] == whole["province_audience"] != []
    assert part["breakdowns"]["audience"] == whole["breakdowns"]["audience"]
    assert part["totals"] == whole["totals"]
    assert part["breakdowns"]["course"] == [] != whole["breakdowns"]["course"]
    assert part["monthly"] == []
    bad = client.get("/api/v1/reports/training", {**YEAR, "tables": "province,nonsense"})
    assert bad.status_code == 400
    assert bad.json() == {"detail": "Không có bảng số liệu: nonsense."}
