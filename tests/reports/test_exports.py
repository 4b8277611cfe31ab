"""Exports: every cell of the XLSX equals the independently computed report; the DOCX paragraph's
numbers are the tables' numbers; JSON round-trips; the background export reports progress."""

import io
import json
import re

import pytest
from django.core.files.storage import default_storage
from docx import Document
from openpyxl import load_workbook

from reports import services
from reports.exports import SHEET_ORDER, report_docx, report_json, report_xlsx, sheet_titles
from reports.figures import ReportQuery, compute, metric_labels

from .dataset import CUTOFF, END, START, build, expected, zero_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build()


def query(**kwargs):
    return ReportQuery(start=START, end=END, cutoff=CUTOFF, **kwargs)


def read_sheet(sheet, table):
    """{row key: {metric: value}} and the totals row of one breakdown sheet."""
    by_label = {label: metric for metric, label in metric_labels().items()}
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    metric_at = {i: by_label[h] for i, h in enumerate(header) if h in by_label}
    body, totals = {}, None
    for values in rows[1:]:
        if values[0] is None and all(v is None for v in values):
            continue
        if isinstance(values[0], str) and values[0].startswith("Tổng cộng"):
            totals = {m: values[i] for i, m in metric_at.items()}
            continue
        if isinstance(values[0], str) and values[0].startswith("Ghi chú"):
            continue
        key = (values[0], values[2]) if table == "province_audience" else values[0]
        body[key] = {m: values[i] for i, m in metric_at.items()}
    return header, body, totals


@pytest.mark.parametrize("province", [None, "LD"])
def test_every_cell_of_the_xlsx_matches_the_independent_computation(world, province):
    code = world.units[province].code if province else None
    want = expected(world, province)
    book = load_workbook(io.BytesIO(report_xlsx(compute(query(province_code=code)))))
    titles = sheet_titles()
    assert book.sheetnames == [titles["summary"]] + [titles[name] for name in SHEET_ORDER]
    assert book.sheetnames[:3] == ["Tổng hợp", "Theo đối tượng", "Theo tỉnh"]
    table_of = {"monthly": "monthly", "province_audience": "province_audience"}
    checked = 0
    for name in SHEET_ORDER:
        sheet = book[titles[name]]
        assert sheet.freeze_panes is not None  # the header stays in view
        header, body, totals = read_sheet(sheet, table_of.get(name, name))
        assert "Số lượt người tham dự" in header and "Số người được bồi dưỡng" in header
        wanted = want.get(name, {})
        assert set(wanted) <= set(body), name
        for key, cells in body.items():
            row = wanted.get(key, zero_row(name))
            for metric, value in cells.items():
                assert value == row[metric], (name, key, metric)
                checked += 1
        for metric, value in totals.items():
            assert value == want["total"][None][metric], (name, metric)
    assert checked > 300
    # The summary sheet: every metric with its total.
    summary = {r[0]: r[1] for r in book[titles["summary"]].iter_rows(values_only=True) if r[0]}
    for metric, label in metric_labels().items():
        assert summary[label] == want["total"][None][metric]


PARAGRAPH = re.compile(
    r"^Năm 2025, (?P<subject>.+?) đã tổ chức (?P<classes>[\d.]+) lớp bồi dưỡng, tập huấn "
    r"\(trong đó (?P<in_person>[\d.]+) lớp trực tiếp, (?P<online>[\d.]+) lớp trực tuyến, "
    r"(?P<blended>[\d.]+) lớp kết hợp\) cho (?P<attendances>[\d.]+) lượt cán bộ; "
    r"(?P<people>[\d.]+) người được bồi dưỡng, trong đó: (?P<audiences>.+)\. "
    r"Có (?P<enrolments>[\d.]+) lượt ghi danh khoá học và (?P<completions>[\d.]+) lượt hoàn "
    r"thành \(tỷ lệ hoàn thành (?P<rate>[\d,]+)%\); cấp (?P<valid>[\d.]+) giấy chứng nhận còn "
    r"hiệu lực, (?P<revoked>[\d.]+) giấy chứng nhận bị thu hồi\. "
    r"Số liệu thực tế tính đến ngày 30/11/2025\.$"
)


def as_int(text: str) -> int:
    return int(text.replace(".", ""))


@pytest.mark.parametrize(
    "province, subject", [(None, "các bộ, ngành, địa phương"), ("LD", "Sở Tư pháp tỉnh Lâm Đồng")]
)
def test_the_docx_paragraph_numbers_are_the_tables_numbers(world, province, subject):
    code = world.units[province].code if province else None
    report = compute(query(province_code=code))
    book = load_workbook(io.BytesIO(report_xlsx(report)))
    titles = sheet_titles()
    _h, modes, totals = read_sheet(book[titles["mode"]], "mode")
    _h, audiences, _t = read_sheet(book[titles["audience"]], "audience")
    audience_names = {
        r[0]: r[1] for r in book[titles["audience"]].iter_rows(min_row=2, values_only=True)
    }
    document = Document(io.BytesIO(report_docx(report)))
    texts = [p.text for p in document.paragraphs if p.text.startswith("Năm 2025")]
    assert len(texts) == 1
    found = PARAGRAPH.match(texts[0])
    assert found, texts[0]
    assert found["subject"] == subject
    assert as_int(found["classes"]) == totals["classes"]
    assert as_int(found["in_person"]) == modes["in_person"]["classes"]
    assert as_int(found["online"]) == modes["online"]["classes"]
    assert as_int(found["blended"]) == modes["blended"]["classes"]
    assert as_int(found["attendances"]) == totals["attendances"]
    assert as_int(found["people"]) == totals["people_trained"]
    mentioned = {}
    for part in found["audiences"].split("; "):
        number, _space, name = part.partition(" ")
        mentioned[name] = as_int(number)
    in_table = {
        audience_names[key][:1].lower() + audience_names[key][1:]: cells["people_trained"]
        for key, cells in audiences.items()
        if cells["people_trained"]
    }
    assert mentioned == in_table
    assert sum(mentioned.values()) == totals["people_trained"]
    assert as_int(found["enrolments"]) == totals["enrolments"]
    assert as_int(found["completions"]) == totals["completions"]
    assert float(found["rate"].replace(",", ".")) == totals["completion_rate"]
    assert as_int(found["valid"]) == totals["certificates_valid"]
    assert as_int(found["revoked"]) == totals["certificates_revoked"]
    # The tables are in the document too, with Vietnamese headers.
    assert any(t.rows[0].cells[0].text == "Chỉ tiêu" for t in document.tables)


def test_the_json_export_is_the_report(world):
    report = compute(query())
    assert json.loads(report_json(report)) == json.loads(json.dumps(report))
    assert "Lâm Đồng" in report_json(report).decode("utf-8")


def test_a_background_export_reports_progress_and_stores_the_file(
    world, django_capture_on_commit_callbacks
):
    user = world.users["p1"]
    with django_capture_on_commit_callbacks(execute=True):
        job = services.report_export_start(user=user, query=query(), fmt="xlsx", suppress=True)
    status = services.report_export_status(job)
    assert status["state"] == "done" and status["percent"] == 100
    assert status["user_id"] == user.pk and status["url"]
    with default_storage.open(status["file_name"]) as stored:
        book = load_workbook(io.BytesIO(stored.read()))
    summary = [r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[0]]
    assert any("dưới 5 người" in str(r[1]) for r in summary)  # the published (suppressed) copy
    default_storage.delete(status["file_name"])


def test_an_export_of_a_bad_period_is_refused_before_queueing(world):
    from reports.figures import ReportInputError

    with pytest.raises(ReportInputError):
        services.report_export_start(
            user=world.users["p1"], query=ReportQuery(start=END, end=START), fmt="xlsx"
        )
    with pytest.raises(ValueError):
        services.report_export_start(user=world.users["p1"], query=query(), fmt="pdf")
