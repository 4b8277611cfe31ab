"""The demo's H5P activity: a true/false question in the second lesson of the first course.

The package is the H5P TrueFalse fixture (lms/demo/files/truefalse-h5p-standalone-test.h5p,
libraries included) with its question and its buttons and feedback written in Vietnamese: the
fixture's content.json is English and its language/vi.json files are untranslated copies, so
the texts are put into content/content.json here, the way an author would in the H5P editor.
It goes through `media.services.h5p_package_import`, the same validation and extraction as an
upload, as an operator (allowed to install the libraries it brings). The block is optional (`required` off), so the demo's finished trainee and the tests
that finish a demo course need not play it.

Idempotent: the package is found by its SHA-256 (the rebuilt zip is byte-for-byte the same on
every run) and the block is added only when the lesson does not hold this content yet.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import zipfile
from pathlib import Path

FIXTURE = Path(__file__).parent / "files" / "truefalse-h5p-standalone-test.h5p"
TITLE = "Câu hỏi Đúng/Sai: văn bản phê duyệt Đề án 407"
CAPTION = "Chọn Đúng hoặc Sai rồi bấm Kiểm tra. Kết quả chỉ để bạn tự ôn tập."

CONTENT_VI = {
    "question": (
        "<p>Đề án “Tổ chức truyền thông chính sách có tác động lớn đến xã hội trong quá trình "
        "xây dựng văn bản quy phạm pháp luật giai đoạn 2022 - 2027” được phê duyệt bằng Nghị "
        "định số 09/2017/NĐ-CP của Chính phủ.</p>\n"
    ),
    "correct": "false",
    "l10n": {
        "trueText": "Đúng",
        "falseText": "Sai",
        "score": "Bạn được @score/@total điểm",
        "checkAnswer": "Kiểm tra",
        "showSolutionButton": "Xem đáp án",
        "tryAgain": "Làm lại",
        "wrongAnswerMessage": "Chưa đúng: Đề án được phê duyệt bằng Quyết định số 407/QĐ-TTg "
        "ngày 30/3/2022 của Thủ tướng Chính phủ.",
        "correctAnswerMessage": "Chính xác: Đề án được phê duyệt bằng Quyết định số "
        "407/QĐ-TTg ngày 30/3/2022 của Thủ tướng Chính phủ.",
        "scoreBarLabel": "Bạn được :num/:total điểm",
    },
    "confirmCheck": {
        "header": "Nộp bài?",
        "body": "Bạn có chắc muốn nộp câu trả lời?",
        "cancelLabel": "Huỷ",
        "confirmLabel": "Nộp bài",
    },
    "confirmRetry": {
        "header": "Làm lại?",
        "body": "Bạn có chắc muốn làm lại?",
        "cancelLabel": "Huỷ",
        "confirmLabel": "Làm lại",
    },
}


@functools.cache
def vietnamese_package() -> bytes:
    """The fixture with Vietnamese content.json and h5p.json (language vi, Vietnamese title);
    every other file copied as it is, each name once. Built once per process (0.2 s): the
    browser tests seed the demo again after each of them."""
    out = io.BytesIO()
    seen = set()
    with zipfile.ZipFile(FIXTURE) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in seen:
                continue
            seen.add(info.filename)
            data = source.read(info)
            if info.filename == "content/content.json":
                data = json.dumps({**json.loads(data), **CONTENT_VI}, ensure_ascii=False).encode()
            elif info.filename == "h5p.json":
                manifest = {**json.loads(data), "title": TITLE, "language": "vi"}
                data = json.dumps(manifest, ensure_ascii=False).encode()
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            target.writestr(copy, data)
    return out.getvalue()


@functools.cache
def package_digest() -> str:
    """The SHA-256 of `vietnamese_package()`, computed once per process: seed_demo runs before
    many tests and must stay cheap when there is nothing to do."""
    return hashlib.sha256(vietnamese_package()).hexdigest()


def seed_h5p(report) -> None:
    """Import the demo package once and put it, optional, at the end of the second lesson of
    the first demo course."""
    from django.core.files.base import ContentFile

    from courses.models import CoursePage, LessonPage
    from media.models import H5PContent
    from media.services import h5p_package_import

    course = CoursePage.objects.live().order_by("path").first()
    lessons = (
        list(LessonPage.objects.descendant_of(course).live().order_by("path")[:2]) if course else []
    )
    if len(lessons) < 2:
        return
    content = H5PContent.objects.filter(sha256=package_digest()).first()
    if content is None:
        package = ContentFile(vietnamese_package(), name="cau-hoi-dung-sai.h5p")
        # seed_demo runs as an operator: it may install the package's libraries.
        content = h5p_package_import(file=package, install_libraries=True)
        report.add(f"H5P: {content.title}")
    lesson = lessons[1].specific
    held = [b["value"].get("content") for b in lesson.body.raw_data if b["type"] == "h5p"]
    if content.pk in held:
        return
    block = lesson.body.stream_block.child_blocks["h5p"]
    lesson.body.append(
        ("h5p", block.to_python({"content": content.pk, "required": False, "caption": CAPTION}))
    )
    lesson.save_revision().publish()
    report.add(f"H5P block: {content.title} → {lesson.title}")
