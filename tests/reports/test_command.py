"""training_report: writes the report; bad input ends with one Vietnamese line and no file.

A CommandError is what manage.py prints as one line on stderr with exit status 1, so the bad
inputs are checked through call_command (a subprocess would cost seconds per case)."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from .dataset import build

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("training_report", *args, stdout=out)
    return out.getvalue()


def test_it_writes_the_report_of_a_province(db, tmp_path):
    world = build()
    target = tmp_path / "lam-dong.xlsx"
    code = world.units["LD"].code
    output = run("--from", "2025-01-01", "--to", "2025-12-31", "--cutoff", "2025-11-30",
                 "--province", code, "--format", "xlsx", "-o", str(target))  # fmt: skip
    assert "3 người được bồi dưỡng" in output
    book = load_workbook(target)
    provinces = list(book["Theo tỉnh"].iter_rows(values_only=True))
    assert provinces[1][:2] == (code, "Lâm Đồng")
    json_target = tmp_path / "r.json"
    run("--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "-o", str(json_target))
    assert json_target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    "args, reason",
    [
        (["--from", "2025-06-01", "--to", "2025-01-01"], "sau ngày kết thúc"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--province", "99"], "Không có tỉnh"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--province", "67"], "không còn là đơn vị"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--commune", "x1"], "Không có xã"),
        (["--from", "2025-02-30", "--to", "2025-12-31"], "không phải là ngày hợp lệ"),
        (["--from", "2025-01-01"], "Hãy nhập --to"),
        (["--from", "2025-01-01", "--to", "2025-12-31", "--cutoff", "2024-01-01"], "trước ngày bắt đầu"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_one_vietnamese_line(db, tmp_path, args, reason):
    target = tmp_path / "out.xlsx"
    with pytest.raises(CommandError) as refused:
        run(*args, "--format", "xlsx", "-o", str(target))
    message = str(refused.value)
    assert reason in message and "\n" not in message
    assert not target.exists()


def test_an_unknown_format_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="định dạng pdf"):
        run(
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "x"),
        )


def test_suppress_writes_the_published_copy_with_marks(db, tmp_path):
    build()
    target = tmp_path / "cong-bo.xlsx"
    run("--from", "2025-01-01", "--to", "2025-12-31", "--cutoff", "2025-11-30",
        "--province", "20", "--format", "xlsx", "--suppress", "-o", str(target))  # fmt: skip
    book = load_workbook(target)
    cells = [
        v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
    ]
    assert "<5" in cells
    assert any("dưới 5 người" in str(v) for v in cells)  # the note saying what "<5" and "x" mean


def test_tables_writes_only_those_tables_as_json(db, tmp_path):
    import json

    world = build()
    target = tmp_path / "tinh-doi-tuong.json"
    run("--from", "2025-01-01", "--to", "2025-12-31", "--cutoff", "2025-11-30",
        "--tables", "province_audience", "--format", "json", "-o", str(target))  # fmt: skip
    report = json.loads(target.read_text(encoding="utf-8"))
    rows = {(r["province"], r["audience"]): r for r in report["province_audience"]}
    ls = rows[(world.units["LS"].code, "bao-cao-vien")]
    assert ls["people_trained"] == 2  # p1 and p3 (p7 took part in nothing)
    assert report["breakdowns"]["course"] == []
    with pytest.raises(CommandError, match="chỉ dùng với --format json"):
        run("--from", "2025-01-01", "--to", "2025-12-31", "--tables", "province",
            "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))  # fmt: skip
    assert not (tmp_path / "x.xlsx").exists()
