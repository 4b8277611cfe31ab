"""Importing questions (GIFT and our .xlsx template) with `import_questions`, exporting them with
`export_questions`, and the admin's upload → preview → confirm. Every file is real, in tmp_path."""

import io
import random
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from assessments import gift, imports, question_xlsx
from assessments.models import Choice, Question, QuestionBank, QuestionCategory

pytestmark = pytest.mark.django_db
User = get_user_model()
BANK = "Ngân hàng nhập thử"
# Every Vietnamese vowel with every tone mark, and đ, in upper and lower case.
VIETNAMESE = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ"
VIETNAMESE += " " + VIETNAMESE.upper()

SUPPORTED = f"""// Ngân hàng câu hỏi chuyên đề 1
$CATEGORY: $course$/top/Chuyên đề 1/Khái niệm

// [tag:luật]
::Thời hạn lấy ý kiến::Dự thảo được đăng tải
trong bao lâu? {{
  =30 ngày#Đúng rồi
  ~10 ngày#Chưa đúng
  ~%-50%5 ngày
  ####Ít nhất 30 ngày.
}}

::Kênh truyền thông::[html]<p>Những <b>kênh</b> nào?</p> {{~%50%Cổng thông tin ~%50%Hội nghị ~%-100%Thư riêng#Không công khai}}

$CATEGORY: Chuyên đề 2

::Hiệu lực::Dự thảo đã có hiệu lực.{{FALSE#Sai rồi#Chính xác}}

::Đúng::Luật có hiệu lực.{{T}}

::Số quyết định:: Số hiệu quyết định? {{=407/QĐ-TTg =%50%407}}

::Kế hoạch::Trình bày kế hoạch\\: các bước \\{{1\\}} \\= \\~ \\#.{{}}

Thủ đô của Việt Nam là {{=Hà Nội ~Huế}} phải không?

::Tiếng Việt::{VIETNAMESE}{{={VIETNAMESE} ~Không}}
"""

UNSUPPORTED = (
    SUPPORTED
    + """
::Ghép::Ghép đôi {=Hà Nội -> Thủ đô =Huế -> Cố đô}

::Số::Hai cộng hai bằng {#4:0}

Chỉ là một đoạn mô tả, không có câu trả lời.
"""
)


def run(*args) -> str:
    out = io.StringIO()
    call_command(*map(str, args), stdout=out)
    return out.getvalue()


def refused(*args) -> tuple[str, str]:
    """The command's output and its one-line reason for refusing."""
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(*map(str, args), stdout=out)
    message = str(caught.value)
    assert "\n" not in message, message
    return out.getvalue(), message


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def counts() -> tuple:
    return (QuestionBank.objects.count(), QuestionCategory.objects.count(), Question.objects.count(), Choice.objects.count())  # fmt: skip


def snapshot(bank: QuestionBank) -> list:
    """Every question of a bank as data, to compare banks."""
    paths = {pk: path for path, pk in imports._category_paths(bank.pk).items()}
    return sorted(
        (
            paths.get(q.category_id, ()),
            q.title,
            q.kind,
            q.text,
            q.explanation,
            Decimal(q.points),
            q.ignore_case,
            q.ignore_diacritics,
            tuple(sorted(q.tags.names())),
            tuple((c.text, Decimal(c.weight), c.feedback) for c in q.choices.all()),
        )
        for q in Question.objects.filter(bank=bank)
    )


def choices(question: Question) -> list:
    return [(c.text, int(c.weight), c.feedback) for c in question.choices.all()]


# --- GIFT -----------------------------------------------------------------------------------------


def test_unsupported_types_are_reported_with_their_lines_and_nothing_is_saved(db, tmp_path):
    path = write(tmp_path / "bank.gift", UNSUPPORTED)
    lines = UNSUPPORTED.splitlines()
    before = counts()

    out, message = refused("import_questions", path, "--bank", BANK)

    matching = lines.index("::Ghép::Ghép đôi {=Hà Nội -> Thủ đô =Huế -> Cố đô}") + 1
    numeric = lines.index("::Số::Hai cộng hai bằng {#4:0}") + 1
    description = lines.index("Chỉ là một đoạn mô tả, không có câu trả lời.") + 1
    assert f"Line {matching}: Matching questions are not supported" in out
    assert f"Line {numeric}: Numerical questions are not supported" in out
    assert f"Line {description}: Descriptions (text without answers) are not supported" in out
    assert out.count("Line ") == 3
    assert "3 error(s) in bank.gift, nothing was saved." in message
    assert counts() == before


def test_supported_types_are_imported_with_their_kinds_weights_feedback_and_categories(
    db, tmp_path
):
    path = write(tmp_path / "bank.gift", SUPPORTED)

    out = run("import_questions", path, "--bank", BANK)

    assert "8 created, 0 updated, 0 unchanged" in out
    bank = QuestionBank.objects.get(name=BANK)
    top = QuestionCategory.objects.get(bank=bank, name="Chuyên đề 1", parent=None)
    concepts = QuestionCategory.objects.get(bank=bank, name="Khái niệm", parent=top)
    second = QuestionCategory.objects.get(bank=bank, name="Chuyên đề 2", parent=None)
    assert QuestionCategory.objects.filter(bank=bank).count() == 3
    q = {question.title: question for question in Question.objects.filter(bank=bank)}

    single = q["Thời hạn lấy ý kiến"]
    assert (single.kind, single.category) == ("single", concepts)
    assert single.text == "<p>Dự thảo được đăng tải<br/>trong bao lâu?</p>"
    assert choices(single) == [("30 ngày", 100, "Đúng rồi"), ("10 ngày", 0, "Chưa đúng"), ("5 ngày", -50, "")]  # fmt: skip
    assert single.explanation == "<p>Ít nhất 30 ngày.</p>"
    assert list(single.tags.names()) == ["luật"]

    multiple = q["Kênh truyền thông"]
    assert (multiple.kind, multiple.category) == ("multiple", concepts)
    assert multiple.text == "<p>Những <b>kênh</b> nào?</p>"  # [html] kept as HTML
    assert choices(multiple) == [("Cổng thông tin", 50, ""), ("Hội nghị", 50, ""), ("Thư riêng", -100, "Không công khai")]  # fmt: skip

    false = q["Hiệu lực"]
    assert (false.kind, false.category) == ("truefalse", second)
    # {FALSE#feedback when wrong#feedback when right}, as Moodle reads it
    assert choices(false) == [("Đúng", 0, "Sai rồi"), ("Sai", 100, "Chính xác")]
    assert choices(q["Đúng"]) == [("Đúng", 100, ""), ("Sai", 0, "")]

    short = q["Số quyết định"]
    assert short.kind == "short"
    assert choices(short) == [("407/QĐ-TTg", 100, ""), ("407", 50, "")]

    essay = q["Kế hoạch"]
    assert essay.kind == "essay" and not essay.choices.exists()
    assert essay.text == "<p>Trình bày kế hoạch: các bước {1} = ~ #.</p>"  # escapes

    blank = q["Thủ đô của Việt Nam là _____ phải không?"]  # missing word: title from the text
    assert (
        blank.kind == "single" and blank.text == "<p>Thủ đô của Việt Nam là _____ phải không?</p>"
    )

    vietnamese = q["Tiếng Việt"]
    assert vietnamese.text == f"<p>{VIETNAMESE}</p>"
    assert vietnamese.choices.first().text == VIETNAMESE
    assert unicodedata.is_normalized("NFC", vietnamese.text)


def test_decomposed_vietnamese_is_stored_composed(db, tmp_path):
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert decomposed != VIETNAMESE
    path = write(tmp_path / "nfd.gift", f"::Dấu::{decomposed}{{={decomposed} ~Không}}\n")

    run("import_questions", path, "--bank", BANK)

    question = Question.objects.get(title="Dấu", bank__name=BANK)
    assert question.text == f"<p>{VIETNAMESE}</p>"
    assert question.choices.first().text == VIETNAMESE


MALFORMED = {
    "unclosed": ("::A::Câu một {=a ~b}\n\n::B::Câu hai\nvẫn câu hai {=a ~b\n~c\n", 4, "never closed"),
    "no right answer": ("::A::Câu một {=a ~b}\n\n::B::Câu hai {~a ~b}\n", 3, "no right answer"),
    "short partial only": ("\n::A::Câu một {=%50%a =%20%b}\n", 2, "one accepted answer at 100%"),
    "two right single": ("::A::Câu {=a ~%100%b ~c}\n", 1, "exactly one right answer"),
    "weights": ("::A::Câu {~%50%a ~%30%b ~c}\n", 1, "add up to 100%; they add up to 80%"),
    "weight range": ("::A::Câu {~%150%a ~b}\n", 1, "outside -100% to 100%"),
    "stray": ("::A::Câu } {=a ~b}\n", 1, "without its"),
    "title": ("::A Câu {=a ~b}\n", 1, "title opened"),
    "essay with choices": ("::A::Câu {=a}\n\n::A::Câu {=b}\n", 3, "Same category and title as the question on line 1"),
    "bad answers": ("::A::Câu {có}\n", 1, "must start with ="),
}  # fmt: skip


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_file_names_the_line_and_saves_nothing(db, tmp_path, name):
    text, line, words = MALFORMED[name]
    path = write(tmp_path / "bad.gift", text)
    before = counts()

    out, message = refused("import_questions", path, "--bank", BANK)

    assert f"Line {line}: " in out and words in out, out
    assert "nothing was saved" in message
    assert counts() == before


def test_a_file_that_is_not_utf8_is_refused_naming_the_line(db, tmp_path):
    path = tmp_path / "cp1258.gift"
    path.write_bytes(
        "::A::Câu một {=a ~b}\n\n".encode() + "::B::Câu hai {=ă ~b}\n".encode("cp1258")
    )
    before = counts()

    _out, message = refused("import_questions", path, "--bank", BANK)

    assert "cp1258.gift: " in message and "Line 3 is not UTF-8 text" in message
    assert counts() == before


def test_gift_round_trip_gives_back_the_same_questions(db, tmp_path):
    run("import_questions", write(tmp_path / "bank.gift", SUPPORTED), "--bank", BANK)
    bank = QuestionBank.objects.get(name=BANK)
    single = Question.objects.get(title="Thời hạn lấy ý kiến", bank__name=BANK)
    single.explanation = "<p>Dòng một</p><p>Dòng {hai} = ~ # : \\ //không phải chú thích</p>"
    single.title = "Tiêu đề: có {ngoặc}"
    single.save()
    exported = tmp_path / "export.gift"

    run("export_questions", "--bank", BANK, "--format", "gift", "-o", exported)
    out = run("import_questions", exported, "--bank", "Bản sao")

    assert "8 created" in out
    assert snapshot(QuestionBank.objects.get(name="Bản sao")) == snapshot(bank)
    # and into the same bank: nothing changes
    assert "0 created, 0 updated, 8 unchanged" in run("import_questions", exported, "--bank", BANK)


def test_gift_writer_output_is_parsed_as_written(db):
    bank = QuestionBank.objects.create(name=BANK)
    question = Question(bank=bank, kind="short", title="Ngắn", text="<p>Hỏi?</p>")
    question.choices = [Choice(text="%50% là chữ", weight=100), Choice(text="a#b", weight=Decimal("33.33"))]  # fmt: skip
    question.save()

    parsed = gift.parse(gift.write(bank).encode())

    assert not parsed.problems
    assert [(c.text, c.weight) for c in parsed.questions[0].choices] == [
        ("%50% là chữ", 100),
        ("a#b", Decimal("33.33")),
    ]


def test_a_moodle_export_with_html_answers_and_comments_is_read(db):
    moodle = """// question: 12  name: Kênh
// [id:abc]
$CATEGORY: $course$/top/Default for Khoá 1/Chuyên đề 1

// question: 13  name: Thời hạn
::Thời hạn::[html]<p>Bao lâu?</p>{
\t=[html]<p>30 ngày</p>#[html]<p>Đúng &amp; đủ</p>
\t~<p>10 ngày</p>
}
"""
    parsed = gift.parse(moodle.encode())

    assert not parsed.problems
    question = parsed.questions[0]
    assert question.category == ("Default for Khoá 1", "Chuyên đề 1")
    assert [(c.text, c.feedback) for c in question.choices] == [("30 ngày", "Đúng & đủ"), ("10 ngày", "")]  # fmt: skip
    assert question.line == 6


# --- Re-import and dry run --------------------------------------------------------------------


def test_reimport_updates_instead_of_duplicating(db, tmp_path):
    path = write(tmp_path / "bank.gift", SUPPORTED)
    run("import_questions", path, "--bank", BANK)
    first = set(Question.objects.values_list("pk", flat=True))
    kept_choice = Choice.objects.get(text="30 ngày", question__bank__name=BANK).pk

    changed = SUPPORTED.replace("~10 ngày#Chưa đúng", "~15 ngày#Chưa đúng").replace(
        "Số hiệu quyết định?", "Số hiệu của quyết định?"
    )
    out = run("import_questions", write(tmp_path / "bank2.gift", changed), "--bank", BANK)

    assert "0 created, 2 updated, 6 unchanged" in out
    assert set(Question.objects.values_list("pk", flat=True)) == first
    single = Question.objects.get(title="Thời hạn lấy ý kiến", bank__name=BANK)
    assert [c[0] for c in choices(single)] == ["30 ngày", "15 ngày", "5 ngày"]
    assert single.choices.get(text="30 ngày").pk == kept_choice  # the same row, kept
    assert (
        Question.objects.get(title="Số quyết định", bank__name=BANK).text
        == "<p>Số hiệu của quyết định?</p>"
    )
    assert QuestionCategory.objects.filter(bank__name=BANK).count() == 3


def test_dry_run_saves_nothing(db, tmp_path):
    path = write(tmp_path / "bank.gift", SUPPORTED)
    before = counts()

    out = run("import_questions", path, "--bank", BANK, "--dry-run")

    assert "Dry run, nothing saved: would create 8, update 0, leave 0 unchanged" in out
    assert counts() == before
    run("import_questions", path, "--bank", BANK)
    after = counts()
    assert "would create 0, update 0, leave 8 unchanged" in run(
        "import_questions", path, "--bank", BANK, "--dry-run"
    )
    assert counts() == after


def test_command_exit_codes(db, tmp_path):
    good = write(tmp_path / "good.gift", "::A::Câu {=a ~b}\n")
    bad = write(tmp_path / "bad.gift", "::A::Câu {=a ~b\n")
    _out, message = refused("import_questions", tmp_path / "missing.gift", "--bank", BANK)
    assert "missing.gift" in message
    _out, message = refused("import_questions", write(tmp_path / "a.doc", "x"), "--bank", BANK)
    assert "Only GIFT" in message
    _out, message = refused("export_questions", "--bank", "Không có", "--format", "gift", "-o", tmp_path / "x.gift")  # fmt: skip
    assert "Không có" in message
    # The exit codes, as `manage.py` sets them (in this process, on the test database).
    assert exit_code("import_questions", good, "--bank", BANK, "--dry-run") == 0
    assert exit_code("import_questions", bad, "--bank", BANK) == 1
    assert exit_code("import_questions", good, "--bank", BANK) == 0
    assert Question.objects.filter(bank__name=BANK).count() == 1


def exit_code(*args) -> int:
    from unittest import mock

    from django.core.management import execute_from_command_line

    # run_from_argv closes the connections when it ends, which would end the test's transaction.
    try:
        with mock.patch("django.core.management.base.connections.close_all"):
            execute_from_command_line(["manage.py", *map(str, args)])
    except SystemExit as exit:
        return exit.code
    return 0


# --- .xlsx ----------------------------------------------------------------------------------------


def write_xlsx(path: Path, rows: list[list], headers=None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Câu hỏi"
    sheet.append(headers or question_xlsx.headers(3))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


XLSX_ROWS = [
    ["Chuyên đề 1/Khái niệm", "Một lựa chọn", "Thời hạn", "Bao lâu?\nTrả lời ngắn gọn.", 2, "30 ngày", 100, "Đúng", "10 ngày", 0, "", "", "", "", "Luật quy định.", "luật, thời hạn", "Có", "Không"],
    ["Chuyên đề 1", "multiple", "Kênh", "Kênh nào?", 1, "Cổng", 50, "", "Hội nghị", "50%", "", "Thư", -100, "Sai", "", "", "", ""],
    ["Chuyên đề 2", "Đúng-Sai", "Hiệu lực", "Dự thảo có hiệu lực?", "", "Sai", "", "Dự thảo chưa có hiệu lực.", "", "", "", "", "", "", "", "", "", ""],
    ["", "Trả lời ngắn", "Số", VIETNAMESE, 1, "407/QĐ-TTg", "", "", "407", 50, "", "", "", "", "", "", "Không", "Có"],
    ["", "Tự luận", "", "Trình bày kế hoạch.", 5, "", "", "", "", "", "", "", "", "", "", "", "", ""],
]  # fmt: skip


def test_xlsx_is_imported_with_row_checks(db, tmp_path):
    path = write_xlsx(tmp_path / "cau-hoi.xlsx", XLSX_ROWS)

    out = run("import_questions", path, "--bank", BANK)

    assert "5 created" in out
    q = {question.title: question for question in Question.objects.filter(bank__name=BANK)}
    single = q["Thời hạn"]
    assert single.text == "<p>Bao lâu?<br/>Trả lời ngắn gọn.</p>" and single.points == 2
    assert choices(single) == [("30 ngày", 100, "Đúng"), ("10 ngày", 0, "")]
    assert sorted(single.tags.names()) == ["luật", "thời hạn"]
    assert single.category.name == "Khái niệm" and single.category.parent.name == "Chuyên đề 1"
    assert choices(q["Kênh"]) == [("Cổng", 50, ""), ("Hội nghị", 50, ""), ("Thư", -100, "Sai")]
    assert choices(q["Hiệu lực"]) == [("Đúng", 0, ""), ("Sai", 100, "Dự thảo chưa có hiệu lực.")]
    short = q["Số"]
    assert short.text == f"<p>{VIETNAMESE}</p>"
    assert (short.ignore_case, short.ignore_diacritics) == (False, True)
    assert choices(short) == [("407/QĐ-TTg", 100, ""), ("407", 50, "")]
    assert q["Trình bày kế hoạch."].kind == "essay"


def test_xlsx_errors_name_their_rows_and_save_nothing(db, tmp_path):
    rows = [
        XLSX_ROWS[0],
        ["", "Câu đố", "A", "Hỏi?", 1, "a", 100, "", "", "", "", "", "", "", "", "", "", ""],
        ["", "single", "B", "Hỏi?", "một", "a", 100, "", "b", 100, "", "", "", "", "", "", "", ""],
        ["", "essay", "C", "Hỏi?", 1, "", 100, "", "", "", "", "", "", "", "", "", "", ""],
    ]
    before = counts()

    out, message = refused("import_questions", write_xlsx(tmp_path / "x.xlsx", rows), "--bank", BANK)  # fmt: skip

    assert "Row 3: Unknown type “Câu đố”" in out
    assert "Row 4: The points “một” are not a number" in out
    assert "Row 4: A single-choice question needs exactly one right answer" in out
    assert "Row 5: Weight or feedback 1 is filled in, but choice 1 is empty." in out
    assert "nothing was saved" in message and counts() == before


def test_xlsx_round_trip_gives_back_the_same_questions(db, tmp_path):
    run("import_questions", write(tmp_path / "bank.gift", SUPPORTED), "--bank", BANK)
    bank = QuestionBank.objects.get(name=BANK)
    single = Question.objects.get(title="Thời hạn lấy ý kiến", bank__name=BANK)
    single.points, single.ignore_diacritics = Decimal("2.5"), True
    single.save()
    exported = tmp_path / "export.xlsx"

    run("export_questions", "--bank", BANK, "--format", "xlsx", "-o", exported)
    out = run("import_questions", exported, "--bank", "Bản sao")

    assert "8 created" in out
    assert snapshot(QuestionBank.objects.get(name="Bản sao")) == snapshot(bank)
    assert "0 created, 0 updated, 8 unchanged" in run("import_questions", exported, "--bank", BANK)


def test_the_template_has_a_guide_and_its_examples_import(db, tmp_path):
    workbook = openpyxl.load_workbook(io.BytesIO(question_xlsx.template()))
    assert workbook.sheetnames == ["Câu hỏi", "Hướng dẫn"]
    assert [c.value for c in workbook["Câu hỏi"][1]][:6] == ["Danh mục", "Loại", "Tiêu đề", "Câu hỏi", "Điểm", "Phương án 1"]  # fmt: skip
    guide = list(workbook["Hướng dẫn"].values)
    start = next(i for i, row in enumerate(guide) if row[0] == "Danh mục" and row[1] == "Loại")
    examples = [list(row) for row in guide[start + 1 :] if any(row)]
    path = write_xlsx(tmp_path / "mau.xlsx", examples, headers=list(guide[start]))

    assert "5 created" in run("import_questions", path, "--bank", BANK)
    assert sorted(Question.objects.filter(bank__name=BANK).values_list("kind", flat=True)) == sorted(["single", "multiple", "truefalse", "short", "essay"])  # fmt: skip


def minimal_zip(path: Path, **members: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_file_named_xlsx_that_is_not_a_zip_is_refused_before_opening(db, tmp_path, monkeypatch):
    path = tmp_path / "gia.xlsx"
    path.write_bytes(random.randbytes(20_000))
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("opened"))

    _out, message = refused("import_questions", path, "--bank", BANK)

    assert "not a valid .xlsx workbook" in message


def test_a_zip_bomb_is_refused_from_its_directory(db, tmp_path, monkeypatch):
    path = minimal_zip(tmp_path / "bom.xlsx", **{"xl/workbook.xml": b"<workbook/>"})
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(200):
            member.write(b"\0" * (1 << 20))
    assert path.stat().st_size < 2_000_000
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("opened"))
    before = counts()

    _out, message = refused("import_questions", path, "--bank", BANK)

    assert "unpack" in message and counts() == before


# --- The admin ------------------------------------------------------------------------------------


def test_admin_uploads_previews_and_confirms(client, demo, tmp_path):
    client.force_login(User.objects.get(username="admin"))
    page = client.get("/admin/assessments/import/")
    assert page.status_code == 200
    path = write(tmp_path / "bank.gift", SUPPORTED)

    with open(path, "rb") as handle:
        preview = client.post("/admin/assessments/import/", {"new_bank": BANK, "file": handle})

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Chuyên đề 1 / Khái niệm" in html and "Chuyên đề 2" in html
    assert preview.context["counts"]["create"] == 8
    assert dict(preview.context["per_kind"])
    assert not QuestionBank.objects.filter(name=BANK).exists()  # nothing saved yet
    token = preview.context["token"]

    done = client.post("/admin/assessments/import/confirm/", {"token": token})

    assert done.status_code == 302
    assert Question.objects.filter(bank__name=BANK).count() == 8
    assert client.post("/admin/assessments/import/confirm/", {"token": token}).status_code == 302
    assert Question.objects.filter(bank__name=BANK).count() == 8  # a second confirm adds nothing
    bank = QuestionBank.objects.get(name=BANK)
    listing = client.get("/admin/assessments/import/").content.decode()
    assert f"/admin/assessments/import/export/{bank.pk}/gift/" in listing
    exported = client.get(f"/admin/assessments/import/export/{bank.pk}/gift/")
    assert exported.status_code == 200 and "::Thời hạn lấy ý kiến::" in exported.content.decode()
    xlsx = client.get(f"/admin/assessments/import/export/{bank.pk}/xlsx/")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    template = client.get("/admin/assessments/import/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_admin_preview_lists_errors_with_lines_and_offers_no_confirmation(client, demo, tmp_path):
    client.force_login(User.objects.get(username="admin"))
    bank = QuestionBank.objects.create(name=BANK)
    path = write(tmp_path / "bank.gift", UNSUPPORTED)

    with open(path, "rb") as handle:
        preview = client.post("/admin/assessments/import/", {"bank": bank.pk, "file": handle})

    html = preview.content.decode()
    assert preview.context["counts"]["errors"] == 3
    lines = [line for line, _message in preview.context["problems"]]
    assert len(lines) == 3 and all(isinstance(line, int) for line in lines)
    matching = imports.Message(imports.MESSAGES["unsupported_matching"]).in_language("vi")
    assert matching in html and matching != imports.MESSAGES["unsupported_matching"]
    assert "/admin/assessments/import/confirm/" not in html
    assert client.post("/admin/assessments/import/confirm/", {"token": preview.context["token"]}).status_code == 302  # fmt: skip
    assert not Question.objects.filter(bank=bank).exists()


def test_admin_refuses_a_hostile_file_on_the_form(client, demo, tmp_path):
    client.force_login(User.objects.get(username="admin"))
    path = tmp_path / "gia.xlsx"
    path.write_bytes(b"not a zip at all" * 100)

    with open(path, "rb") as handle:
        page = client.post("/admin/assessments/import/", {"new_bank": BANK, "file": handle})

    assert page.status_code == 200
    errors = " ".join(page.context["form"].non_field_errors())
    assert "not a valid .xlsx" in errors or "không phải là bảng tính .xlsx" in errors
    assert not QuestionBank.objects.filter(name=BANK).exists()


def test_admin_users_without_the_permission_are_refused(client, demo):
    from django.contrib.auth.models import Permission

    user = User.objects.create_user("bientapvien", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/assessments/import/").status_code == 403
    assert client.get("/admin/assessments/import/template.xlsx").status_code == 403


# --- The Vietnamese -----------------------------------------------------------------------------


def test_every_message_has_its_vietnamese():
    import runpy

    vi = runpy.run_path(str(Path(__file__).parents[2] / "locale" / "vi_questions_import.py"))["VI"]
    missing = [msgid for msgid in imports.MESSAGES.values() if msgid not in vi]
    assert not missing
