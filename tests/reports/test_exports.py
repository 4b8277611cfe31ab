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
from reports.exports import report_docx, report_json, report_xlsx
from reports.figures import ReportQuery, compute

from .dataset import CLASSES, CUTOFF, END, START, build, expected, zero_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build()


def query(**kwargs):
    return ReportQuery(start=START, end=END, cutoff=CUTOFF, **kwargs)


# What a Vietnamese reader sees, written out here rather than taken from the reports code.
METRIC_HEADERS = {
    "classes": "Số lớp đã tổ chức",
    "attendances": "Số lượt người tham dự",
    "people_trained": "Số người được bồi dưỡng",
    "enrolments": "Ghi danh",
    "completions": "Hoàn thành khoá học",
    "completion_rate": "Tỷ lệ hoàn thành (%)",
    "quiz_pass_rate": "Tỷ lệ đạt bài kiểm tra (%)",
    "quiz_mean_score": "Điểm kiểm tra trung bình (%)",
    "certificates_valid": "Giấy chứng nhận còn hiệu lực",
    "certificates_revoked": "Giấy chứng nhận bị thu hồi",
    "registered": "Số người đăng ký trên hệ thống",
    "enrolments_completed": "Số ghi danh trong kỳ đã hoàn thành",
    "quiz_graded": "Số lượt làm bài kiểm tra đã chấm",
}
ALL = list(METRIC_HEADERS)
COLUMNS = {  # the metrics each sheet shows
    "audience": [m for m in ALL if m != "classes"],
    "sex": [m for m in ALL if m != "classes"],
    "province_audience": [m for m in ALL if m != "classes"],
    "course": [m for m in ALL if m != "registered"],
    "class": [m for m in ALL if m != "registered"],
    "mode": [m for m in ALL if m != "registered"],
    "monthly": [m for m in ALL if m != "registered"],
    "origin": ["attendances"],
}
SHEETS = {
    "audience": "Theo đối tượng",
    "province": "Theo tỉnh",
    "commune": "Theo xã",
    "course": "Theo khoá học",
    "class": "Theo lớp",
    "mode": "Theo hình thức",
    "sex": "Theo giới tính",
    "origin": "Tỉnh của người tham dự",
    "province_audience": "Tỉnh × đối tượng",
    "monthly": "Theo tháng",
}
LEAD = {
    "commune": ["Mã xã", "Xã, phường, đặc khu", "Mã tỉnh", "Tỉnh, thành phố"],
    "class": ["Mã", "Lớp bồi dưỡng", "Hình thức", "Mã tỉnh"],
    "province_audience": ["Mã tỉnh", "Tỉnh, thành phố", "Mã đối tượng", "Nhóm đối tượng"],
    "monthly": ["Tháng"],
}
NOT_ADDITIVE = {"course", "class", "mode", "monthly"}  # people_trained: a person in many rows
MODES = {
    "in_person": "Trực tiếp",
    "online": "Trực tuyến",
    "blended": "Kết hợp",
    None: "Không theo lớp (tự học)",
}
SEXES = {"female": "Nữ", "male": "Nam", None: "Không ghi"}
SCOPES = ["national", "LS", "commune A"]


def scope_kwargs(world, scope) -> dict:
    return {
        "national": {},
        "LS": {"province_code": world.units["LS"].code},
        "LD": {"province_code": world.units["LD"].code},
        "commune A": {"commune_code": world.units["A"].code},
    }[scope]


def expected_of(world, scope) -> dict:
    return {
        "national": lambda: expected(world),
        "LS": lambda: expected(world, "LS"),
        "LD": lambda: expected(world, "LD"),
        "commune A": lambda: expected(world, commune="A"),
    }[scope]()


def vn(n) -> str:
    return f"{n:,}".replace(",", ".")


def lower_first(text):
    return text[:1].lower() + text[1:]


def expected_workbook(world, scope) -> dict:
    """{sheet name: [row, ...]} with every cell the XLSX must hold, from dataset.expected."""
    from people.models import AdministrativeUnit, AudienceGroup

    want = expected_of(world, scope)
    total = want["total"][None]
    audiences = list(AudienceGroup.objects.all())
    # Current provinces' names (a former province may have had the same code).
    provinces = {
        u.code: u.name
        for u in AdministrativeUnit.objects.filter(level="province").order_by("is_current")
    }
    current = AdministrativeUnit.objects.filter(level="province", is_current=True)
    if scope == "national":
        province_keys = sorted(current.values_list("code", flat=True))
        label, place = "Toàn quốc", ""
        subject = "các bộ, ngành, địa phương"
    elif scope == "LS":
        province_keys = [world.units["LS"].code]
        label, place = world.units["LS"].name, f"tỉnh {world.units['LS'].name}"
        subject = f"Sở Tư pháp {place}"
    else:
        province_keys = [world.units["LS"].code]
        label = world.units["A"].name
        place = lower_first(label)
        subject = f"Ủy ban nhân dân {place}"
    communes = {
        u.code: u for u in AdministrativeUnit.objects.filter(level="commune").order_by("is_current")
    }
    classes = {c.slug: c for c in world.classes.values()}

    def keys(table, always=()):
        found = [k for k in want.get(table, {}) if k not in always]
        return list(always) + found

    def nulls_last(rows_keys):
        return [k for k in rows_keys if k is not None] + [k for k in rows_keys if k is None]

    lead_of = {
        "audience": lambda k: [k, next((a.name for a in audiences if a.slug == k), "Không ghi")],
        "province": lambda k: [k, provinces[k] if k else "Không ghi"],
        "commune": lambda k: [
            k,
            communes[k].name if k else "Không ghi xã / cấp tỉnh",
            communes[k].parent.code if k else None,
            communes[k].parent.name if k else None,
        ],
        "course": lambda k: [
            k,
            next((c.title for c in world.courses.values() if c.pk == k), None)
            or "Lớp học nhiều khoá học hoặc chưa gắn khoá học",
        ],
        "class": lambda k: [
            k,
            classes[k].title if k else "Không theo lớp (tự học)",
            MODES[classes[k].mode if k else None],
            provinces_of_class(world, k),
        ],
        "mode": lambda k: [k, MODES[k]],
        "sex": lambda k: [k, SEXES[k]],
        "origin": lambda k: [k, provinces[k] if k else "Không ghi"],
        "province_audience": lambda k: [
            k[0],
            provinces[k[0]] if k[0] else "Không ghi",
            k[1],
            next((a.name for a in audiences if a.slug == k[1]), "Không ghi"),
        ],
        "monthly": lambda k: [k],
    }
    order = {
        "audience": keys("audience", [a.slug for a in audiences]),
        "province": nulls_last(keys("province", province_keys)),
        "commune": nulls_last(sorted(want.get("commune", {}), key=lambda k: (
            communes[k].parent.code if k else "", k or ""))),
        "course": nulls_last(sorted(want.get("course", {}), key=lambda k: (
            lead_of["course"](k)[1], k or 0))),
        "class": nulls_last(sorted(want.get("class", {}), key=lambda k: (
            lead_of["class"](k)[1], k or ""))),
        "mode": keys("mode", ["in_person", "online", "blended"]),
        "sex": keys("sex", ["female", "male"]),
        "origin": nulls_last(sorted(want.get("origin", {}), key=lambda k: k or "")),
        "province_audience": sorted(want.get("province_audience", {}), key=lambda k: (
            k[0] is None, k[0] or "", k[1] is None,
            [a.slug for a in audiences].index(k[1]) if k[1] else 0)),
        "monthly": [f"2025-{m:02d}" for m in range(1, 12)],
    }  # fmt: skip
    sheets = {}
    for name, title in SHEETS.items():
        columns = COLUMNS.get(name, ALL)
        lead = LEAD.get(name, ["Mã", "Tên"])
        rows = [tuple(lead + [METRIC_HEADERS[m] for m in columns])]
        for key in order[name]:
            cells = want.get(name, {}).get(key) or zero_row(name)
            rows.append(tuple(lead_of[name](key) + [cells[m] for m in columns]))
        first = "Tổng cộng (mỗi người tính một lần)" if name in NOT_ADDITIVE else "Tổng cộng"
        rows.append(tuple([first] + [None] * (len(lead) - 1) + [total[m] for m in columns]))
        if name in NOT_ADDITIVE:
            rows.append(
                ("Ghi chú: một người có thể có mặt ở nhiều dòng của bảng này; dòng tổng cộng "
                 "tính mỗi người một lần.",)
            )  # fmt: skip
        sheets[title] = rows
    mode_classes = {k: (want["mode"].get(k) or zero_row("mode"))["classes"] for k in MODES}
    people = [
        f"{vn(want['audience'][a.slug]['people_trained'])} {lower_first(a.name)}"
        for a in audiences
        if want["audience"].get(a.slug, {}).get("people_trained")
    ]
    if want["audience"].get(None, {}).get("people_trained"):
        people.append(f"{vn(want['audience'][None]['people_trained'])} không ghi")
    trained = (
        f"{vn(total['people_trained'])} người thuộc {place} được bồi dưỡng"
        if place
        else f"trên cả nước có {vn(total['people_trained'])} người được bồi dưỡng"
    )
    paragraph = (
        f"Năm 2025, {subject} đã tổ chức {vn(total['classes'])} lớp bồi dưỡng, tập huấn "
        f"(trong đó {vn(mode_classes['in_person'])} lớp trực tiếp, "
        f"{vn(mode_classes['online'])} lớp trực tuyến, {vn(mode_classes['blended'])} lớp kết "
        f"hợp) cho {vn(total['attendances'])} lượt cán bộ; {trained} (tham dự lớp hoặc hoàn "
        f"thành khoá học), trong đó: {'; '.join(people)}. Có {vn(total['enrolments'])} lượt "
        f"ghi danh khoá học và {vn(total['completions'])} lượt hoàn thành (tỷ lệ hoàn thành "
        f"{str(total['completion_rate']).replace('.', ',')}%); cấp "
        f"{vn(total['certificates_valid'])} giấy chứng nhận còn hiệu lực, "
        f"{vn(total['certificates_revoked'])} giấy chứng nhận bị thu hồi. Số liệu thực tế "
        "tính đến ngày 30/11/2025."
    )
    sheets["Tổng hợp"] = [
        ("Báo cáo kết quả bồi dưỡng", "Giá trị"),
        ("Địa bàn", label),
        ("Từ ngày", "01/01/2025"),
        ("Đến ngày", "31/12/2025"),
        ("Số liệu thực tế đến ngày", "30/11/2025"),
        *[(METRIC_HEADERS[m], total[m]) for m in ALL],
        (None, None),
        ("Đoạn tổng hợp", None),
        (paragraph, None),
    ]
    return sheets


def provinces_of_class(world, slug):
    if slug is None:
        return None
    place = {"A": "LS", "B": "LS", "C": "LD", "LS": "LS", "DN": "LD", "LD": "LD"}
    spec = {f"rep-{k}": v for k, v in CLASSES.items()}[slug]
    return world.units[place[spec[1]]].code


def blank(value):
    return None if value == "" else value


def read_book(content: bytes) -> dict:
    book = load_workbook(io.BytesIO(content))
    return {
        sheet.title: [
            tuple(blank(v) for v in row)
            for row in sheet.iter_rows(values_only=True)
            if any(v not in (None, "") for v in row) or row == (None, None)
        ]
        for sheet in book.worksheets
    }


@pytest.mark.parametrize("scope", SCOPES)
def test_every_cell_of_every_sheet_is_the_independently_computed_one(world, scope):
    report = compute(query(**scope_kwargs(world, scope)))
    content = report_xlsx(report)
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Tổng hợp", *SHEETS.values()]
    assert all(sheet.freeze_panes for sheet in book.worksheets)  # the header stays in view
    got, want = read_book(content), expected_workbook(world, scope)
    for title, rows in want.items():
        width = max(len(r) for r in rows)
        shown = [tuple(list(r) + [None] * (width - len(r)))[:width] for r in got[title]]
        rows = [tuple(list(r) + [None] * (width - len(r))) for r in rows]
        assert len(shown) == len(rows), title
        for got_row, want_row in zip(shown, rows, strict=True):
            assert got_row == want_row, title
    assert sum(len(rows) * len(rows[0]) for rows in want.values()) > 500  # cells compared


def docx_tables(document) -> dict:
    """{heading: [[cell text, ...], ...]}: each table under the heading before it."""
    tables, heading = {}, None
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            style = child.xpath("string(.//w:pStyle/@w:val)")
            if style.startswith("Heading"):
                heading = child.xpath("string(.)")
        elif tag == "tbl":
            rows = [
                [cell.xpath("string(.)") for cell in row.xpath("./w:tc")]
                for row in child.xpath("./w:tr")
            ]
            tables[heading] = rows
    return tables


PARAGRAPH = re.compile(
    r"^Năm 2025, (?P<subject>.+?) đã tổ chức (?P<classes>[\d.]+) lớp bồi dưỡng, tập huấn "
    r"\(trong đó (?P<in_person>[\d.]+) lớp trực tiếp, (?P<online>[\d.]+) lớp trực tuyến, "
    r"(?P<blended>[\d.]+) lớp kết hợp\) cho (?P<attendances>[\d.]+) lượt cán bộ; "
    r"(?:trên cả nước có )?(?P<people>[\d.]+) người (?:thuộc .+? )?được bồi dưỡng \(tham dự "
    r"lớp hoặc hoàn thành khoá học\), trong đó: (?P<audiences>.+)\. "
    r"Có (?P<enrolments>[\d.]+) lượt ghi danh khoá học và (?P<completions>[\d.]+) lượt hoàn "
    r"thành \(tỷ lệ hoàn thành (?P<rate>[\d,]+)%\); cấp (?P<valid>[\d.]+) giấy chứng nhận còn "
    r"hiệu lực, (?P<revoked>[\d.]+) giấy chứng nhận bị thu hồi\. "
    r"Số liệu thực tế tính đến ngày 30/11/2025\.$"
)


def as_int(text: str) -> int:
    return int(text.replace(".", ""))


@pytest.mark.parametrize("scope", SCOPES + ["LD"])
def test_the_docx_paragraph_numbers_are_the_docx_tables_numbers(world, scope):
    report = compute(query(**scope_kwargs(world, scope)))
    document = Document(io.BytesIO(report_docx(report)))
    texts = [p.text for p in document.paragraphs if p.text.startswith("Năm 2025")]
    assert len(texts) == 1
    found = PARAGRAPH.match(texts[0])
    assert found, texts[0]
    tables = docx_tables(document)
    summary = {row[0]: row[1] for row in tables["Tổng hợp"][1:]}

    def column(table, header):
        rows = tables[SHEETS[table]]
        at = rows[0].index(header)
        return {row[0]: row[at] for row in rows[1:]}

    modes = column("mode", "Số lớp đã tổ chức")
    assert as_int(found["classes"]) == as_int(summary["Số lớp đã tổ chức"])
    assert as_int(found["in_person"]) == as_int(modes["Trực tiếp"])
    assert as_int(found["online"]) == as_int(modes["Trực tuyến"])
    assert as_int(found["blended"]) == as_int(modes["Kết hợp"])
    assert as_int(found["attendances"]) == as_int(summary["Số lượt người tham dự"])
    assert as_int(found["people"]) == as_int(summary["Số người được bồi dưỡng"])
    mentioned = {}
    for part in found["audiences"].split("; "):
        number, _space, name = part.partition(" ")
        mentioned[name] = as_int(number)
    people = column("audience", "Số người được bồi dưỡng")
    in_table = {
        lower_first(name): as_int(value)
        for name, value in people.items()
        if not name.startswith("Tổng cộng") and as_int(value)
    }
    assert mentioned == in_table
    assert sum(mentioned.values()) == as_int(found["people"])
    assert as_int(found["enrolments"]) == as_int(summary["Ghi danh"])
    assert as_int(found["completions"]) == as_int(summary["Hoàn thành khoá học"])
    assert found["rate"] == summary["Tỷ lệ hoàn thành (%)"]
    assert as_int(found["valid"]) == as_int(summary["Giấy chứng nhận còn hiệu lực"])
    assert as_int(found["revoked"]) == as_int(summary["Giấy chứng nhận bị thu hồi"])


def test_a_published_export_marks_hidden_cells_instead_of_leaving_them_blank(world):
    from reports.privacy import suppress_small

    report = suppress_small(compute(query(province_code=world.units["LS"].code)))
    book = read_book(report_xlsx(report))
    marks = [v for rows in book.values() for row in rows for v in row if v in ("<5", "x")]
    assert "<5" in marks
    audience = book["Theo đối tượng"]
    people = [row[audience[0].index("Số người được bồi dưỡng")] for row in audience[1:]]
    assert None not in people  # every row's figure is a number or a mark
    document = Document(io.BytesIO(report_docx(report)))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "<5" in cells
    paragraph = next(p.text for p in document.paragraphs if p.text.startswith("Năm 2025"))
    assert "(ẩn)" not in paragraph and "None" not in paragraph


def test_the_json_export_is_the_report(world):
    report = compute(query())
    assert json.loads(report_json(report)) == json.loads(json.dumps(report))
    assert "Lâm Đồng" in report_json(report).decode("utf-8")


def test_a_background_export_reports_progress_and_stores_the_file(
    world, django_capture_on_commit_callbacks
):
    user = world.users["p1"]
    with django_capture_on_commit_callbacks(execute=True):
        job = services.report_export_start(user=user, query=query(), fmt="xlsx", published=True)
    status = services.report_export_status(job)
    assert status["state"] == "done" and status["percent"] == 100
    assert status["user_id"] == user.pk and "url" not in status
    with default_storage.open(status["file_name"]) as stored:
        book = load_workbook(io.BytesIO(stored.read()))
    summary = [r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[0]]
    assert any("dưới 5 người" in str(r[1]) for r in summary)  # the published (protected) copy
    default_storage.delete(status["file_name"])


def test_an_export_of_a_bad_period_is_refused_before_queueing(world):
    from reports.figures import ReportInputError

    with pytest.raises(ReportInputError):
        services.report_export_start(
            user=world.users["p1"], query=ReportQuery(start=END, end=START), fmt="xlsx"
        )
    with pytest.raises(ValueError):
        services.report_export_start(user=world.users["p1"], query=query(), fmt="pdf")


def test_exported_files_are_deleted_after_a_day_and_purging_twice_is_harmless(
    world, django_capture_on_commit_callbacks
):
    import os
    import time

    with django_capture_on_commit_callbacks(execute=True):
        old = services.report_export_start(user=world.users["p1"], query=query(), fmt="json")
        new = services.report_export_start(user=world.users["p1"], query=query(), fmt="json")
    old_name = services.report_export_status(old)["file_name"]
    new_name = services.report_export_status(new)["file_name"]
    day_ago = time.time() - 24 * 3600 - 60
    os.utime(default_storage.path(old_name), (day_ago, day_ago))
    assert services.report_exports_purge() == 1
    assert services.report_exports_purge() == 0
    assert not default_storage.exists(old_name) and default_storage.exists(new_name)
    assert not os.path.isdir(os.path.dirname(default_storage.path(old_name)))
    default_storage.delete(new_name)
