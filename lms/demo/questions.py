"""The demo question bank about the skills guide (cẩm nang), and a quiz for each demo course.

Pure data plus `seed_questions(report)`, called by `lms.demo.seed.seed_demo`. Every question is
checked against the guide chapters in `lms/demo/content.py` and the programme documents (Decision
407/QĐ-TTg of 30/3/2022 and the provincial plans): no other laws or figures are used.

Weights follow `assessments.models.Choice`: a single-choice or true/false question has one choice
at 100; a multiple-response question shares 100 among its correct choices and takes points off
for each wrong one; a short-answer question lists its accepted answers at 100.

Idempotent: the bank, categories and quizzes are found by name or title, questions by bank and
title, and a lesson gets a quiz block only when it does not hold that quiz yet.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from django.db import transaction

BANK_NAME = "Cẩm nang truyền thông dự thảo chính sách"
BANK_DESCRIPTION = (
    "Câu hỏi về nội dung Cẩm nang kỹ năng truyền thông chính sách theo Quyết định số "
    "407/QĐ-TTg ngày 30/3/2022 của Thủ tướng Chính phủ, chia theo các chuyên đề của cẩm nang."
)

# Key -> category name. The first five follow the guide's chapters; essays are kept apart so
# that no course quiz, which draws from the chapter categories, ever puts one on a paper.
CATEGORIES = {
    "chung": "Những vấn đề chung",
    "ke-hoach": "Lập kế hoạch truyền thông",
    "phan-hoi": "Cung cấp thông tin, tiếp nhận và phản hồi ý kiến",
    "tai-lieu": "Xây dựng tài liệu truyền thông",
    "khung-hoang": "Vấn đề còn ý kiến khác nhau và khủng hoảng truyền thông",
    "tu-luan": "Bài tập tự luận",
}

TRUE, FALSE = "Đúng", "Sai"


def _p(text: str) -> str:
    return text if text.startswith("<") else f"<p>{text}</p>"


def single(category, title, text, choices, explanation):
    """`choices`: (text, correct, feedback); exactly one is correct."""
    return {
        "category": category,
        "kind": "single",
        "title": title,
        "text": _p(text),
        "choices": [(c, 100 if ok else 0, fb) for c, ok, fb in choices],
        "explanation": _p(explanation),
    }


def truefalse(category, title, statement, is_true, explanation, if_true="", if_false=""):
    """A statement to mark "Đúng" or "Sai"; `if_true`/`if_false`: feedback on each choice."""
    return {
        "category": category,
        "kind": "truefalse",
        "title": title,
        "text": _p(statement),
        "choices": [
            (TRUE, 100 if is_true else 0, if_true),
            (FALSE, 0 if is_true else 100, if_false),
        ],
        "explanation": _p(explanation),
    }


def multiple(category, title, text, choices, explanation):
    """`choices`: (text, correct, feedback). The correct ones share 100 (the last takes the
    rounding); each wrong one takes off as much as one correct choice is worth."""
    correct = sum(1 for _, ok, _ in choices if ok)
    share = (Decimal(100) / correct).quantize(Decimal("0.01"))
    rows, given = [], Decimal(0)
    seen = 0
    for text_, ok, fb in choices:
        if ok:
            seen += 1
            weight = Decimal(100) - given if seen == correct else share
            given += weight
        else:
            weight = -share
        rows.append((text_, weight, fb))
    return {
        "category": category,
        "kind": "multiple",
        "title": title,
        "text": _p(text),
        "choices": rows,
        "explanation": _p(explanation),
    }


def short(category, title, text, answers, explanation, ignore_diacritics=True):
    """`answers`: the accepted answers, each worth the full points."""
    return {
        "category": category,
        "kind": "short",
        "title": title,
        "text": _p(text),
        "choices": [(a, 100, "") for a in answers],
        "explanation": _p(explanation),
        "ignore_diacritics": ignore_diacritics,
    }


def essay(category, title, text, explanation, points=5):
    return {
        "category": category,
        "kind": "essay",
        "title": title,
        "text": _p(text),
        "choices": [],
        "explanation": _p(explanation),
        "points": points,
    }


CRITERIA = [
    "Là chính sách trong văn bản quy phạm pháp luật phải lập đề nghị xây dựng trước khi soạn thảo, trừ nội dung thuộc bí mật nhà nước",
    "Tác động trực tiếp, làm phát sinh, thay đổi hoặc chấm dứt quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp",
    "Là vấn đề khó, nhạy cảm, được dư luận quan tâm hoặc có nhiều ý kiến khác nhau",
    "Có tác động trên phạm vi toàn tỉnh (văn bản của địa phương) hoặc cả nước (văn bản ở trung ương)",
]

QUESTIONS = [
    # --- 1. Những vấn đề chung -------------------------------------------------------------
    single(
        "chung",
        "Văn bản phê duyệt Đề án",
        "Đề án “Tổ chức truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật giai đoạn 2022 - 2027” được phê duyệt bằng văn bản nào?",
        [
            ("Quyết định số 407/QĐ-TTg ngày 30/3/2022 của Thủ tướng Chính phủ", True, "Chính xác."),
            (
                "Nghị định số 09/2017/NĐ-CP của Chính phủ",
                False,
                "Nghị định này quy định việc phát ngôn và cung cấp thông tin cho báo chí, không phê duyệt Đề án.",
            ),
            (
                "Thông tư số 03/2019/TT-BTP của Bộ Tư pháp",
                False,
                "Thông tư này quy định về thống kê của ngành Tư pháp, trong đó có số liệu phổ biến, giáo dục pháp luật.",
            ),
            (
                "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
                False,
                "Luật này về bảo vệ dữ liệu cá nhân, có hiệu lực từ ngày 1/1/2026.",
            ),
        ],
        "Ngày 30/3/2022, Thủ tướng Chính phủ ban hành Quyết định số 407/QĐ-TTg phê duyệt Đề án, thường gọi tắt là Đề án 407.",
    ),
    short(
        "chung",
        "Năm kết thúc giai đoạn của Đề án",
        "Đề án 407 được thực hiện trong giai đoạn từ năm 2022 đến năm nào? (Ghi năm bằng số, ví dụ: 2030)",
        ["2027", "năm 2027"],
        "Tên Đề án ghi rõ giai đoạn 2022 - 2027; kế hoạch triển khai của các tỉnh cũng xác định thời gian thực hiện từ năm 2022 đến năm 2027.",
    ),
    single(
        "chung",
        "Mục tiêu năm 2022",
        "Theo Đề án 407, trong năm 2022 ít nhất bao nhiêu phần trăm dự thảo chính sách thuộc phạm vi phải được tổ chức truyền thông?",
        [
            ("50%", False, "Chưa đúng: mục tiêu năm 2022 cao hơn."),
            ("70%", True, "Chính xác."),
            ("90%", False, "Chưa đúng: Đề án không đặt mốc 90%."),
            ("100%", False, "100% là mục tiêu từ năm 2023, không phải năm 2022."),
        ],
        "Đề án đặt hai mốc: ít nhất 70% dự thảo chính sách thuộc phạm vi được truyền thông trong năm 2022 và 100% từ năm 2023.",
    ),
    short(
        "chung",
        "Mục tiêu từ năm 2023",
        "Từ năm 2023, bao nhiêu phần trăm dự thảo chính sách thuộc phạm vi Đề án phải được tổ chức truyền thông? (Ghi số)",
        ["100", "100%", "100 %", "100 phần trăm", "một trăm", "một trăm phần trăm"],
        "Từ năm 2023, 100% dự thảo chính sách thuộc phạm vi được tổ chức truyền thông; năm 2022 mục tiêu là ít nhất 70%.",
    ),
    multiple(
        "chung",
        "Bốn tiêu chí xác định phạm vi",
        "Những tiêu chí nào thuộc bốn tiêu chí để xác định một dự thảo chính sách phải được tổ chức truyền thông theo Đề án 407? (Chọn tất cả các đáp án đúng)",
        [
            (CRITERIA[0], True, "Đúng: đây là tiêu chí thứ nhất."),
            (CRITERIA[1], True, "Đúng: đây là tiêu chí thứ hai."),
            (CRITERIA[2], True, "Đúng: đây là tiêu chí thứ ba."),
            (CRITERIA[3], True, "Đúng: đây là tiêu chí thứ tư."),
            (
                "Văn bản đã được thông qua và sắp có hiệu lực",
                False,
                "Sai: Đề án yêu cầu truyền thông trong quá trình xây dựng văn bản, không đợi đến khi văn bản được thông qua.",
            ),
            (
                "Chỉ điều chỉnh công việc nội bộ giữa các cơ quan nhà nước",
                False,
                "Sai: chính sách thuộc phạm vi phải tác động trực tiếp đến quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp.",
            ),
        ],
        "Một dự thảo chính sách thuộc phạm vi Đề án khi đáp ứng đồng thời bốn tiêu chí: là chính sách phải lập đề nghị xây dựng trước khi soạn thảo (trừ bí mật nhà nước); tác động trực tiếp đến quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp; là vấn đề khó, nhạy cảm, dư luận quan tâm hoặc có nhiều ý kiến khác nhau; có tác động trên phạm vi toàn tỉnh hoặc cả nước.",
    ),
    truefalse(
        "chung",
        "Phải đáp ứng đồng thời bốn tiêu chí",
        "Một dự thảo chính sách chỉ cần đáp ứng một trong bốn tiêu chí là đã thuộc phạm vi phải tổ chức truyền thông theo Đề án 407.",
        False,
        "Dự thảo chính sách thuộc phạm vi Đề án khi đáp ứng <b>đồng thời</b> cả bốn tiêu chí.",
        if_true="Chưa đúng: thiếu một tiêu chí thì dự thảo không thuộc phạm vi Đề án.",
        if_false="Chính xác: phải đáp ứng đồng thời cả bốn tiêu chí.",
    ),
    truefalse(
        "chung",
        "Nội dung thuộc bí mật nhà nước",
        "Nội dung thuộc bí mật nhà nước không thuộc phạm vi truyền thông dự thảo chính sách theo Đề án 407.",
        True,
        "Tiêu chí thứ nhất loại trừ các nội dung thuộc bí mật nhà nước theo quy định của pháp luật. Các kế hoạch triển khai cũng yêu cầu quán triệt quy định về bảo vệ bí mật nhà nước khi truyền thông.",
        if_true="Chính xác.",
        if_false="Chưa đúng: tiêu chí thứ nhất loại trừ nội dung thuộc bí mật nhà nước.",
    ),
    single(
        "chung",
        "Dự thảo sửa quy chế nội bộ",
        "Dự thảo quyết định của UBND tỉnh sửa quy chế phối hợp gửi báo cáo định kỳ giữa các sở có thuộc phạm vi phải tổ chức truyền thông theo Đề án 407 không?",
        [
            (
                "Không, vì nó không tác động trực tiếp đến quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp",
                True,
                "Chính xác: quy chế nội bộ giữa các sở thiếu tiêu chí thứ hai.",
            ),
            (
                "Có, vì mọi văn bản của UBND tỉnh đều thuộc phạm vi Đề án",
                False,
                "Chưa đúng: chỉ dự thảo đáp ứng đồng thời bốn tiêu chí mới thuộc phạm vi.",
            ),
            (
                "Có, vì quy chế áp dụng cho nhiều sở trên toàn tỉnh",
                False,
                "Phạm vi toàn tỉnh chỉ là một trong bốn tiêu chí; dự thảo còn phải tác động trực tiếp đến quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp.",
            ),
            (
                "Không, vì văn bản của địa phương không bao giờ thuộc phạm vi Đề án",
                False,
                "Chưa đúng: văn bản của HĐND, UBND tỉnh thuộc phạm vi khi đáp ứng bốn tiêu chí, với tiêu chí tác động trên phạm vi toàn tỉnh.",
            ),
        ],
        "Cần xét đủ bốn tiêu chí. Một quy chế làm việc giữa các cơ quan nhà nước không làm phát sinh, thay đổi hay chấm dứt quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp. Dù vậy, dự thảo vẫn phải được công khai, lấy ý kiến theo Luật Ban hành văn bản quy phạm pháp luật.",
    ),
    single(
        "chung",
        "Khoản phí chỉ áp dụng ở một xã",
        "Một nghị quyết quy định khoản phí chỉ áp dụng tại một khu du lịch thuộc một xã. Vì sao dự thảo này không thuộc phạm vi Đề án 407?",
        [
            (
                "Vì nó không có tác động trên phạm vi toàn tỉnh",
                True,
                "Chính xác: khoản phí chỉ áp dụng trong một xã.",
            ),
            (
                "Vì khoản phí không làm phát sinh nghĩa vụ của ai",
                False,
                "Chưa đúng: một khoản phí mới làm phát sinh nghĩa vụ nộp phí, nên tiêu chí này không phải là lý do.",
            ),
            (
                "Vì mọi khoản phí đều thuộc bí mật nhà nước",
                False,
                "Chưa đúng: khoản phí không phải nội dung thuộc bí mật nhà nước.",
            ),
            (
                "Dự thảo vẫn thuộc phạm vi, vì mọi khoản phí đều phải truyền thông",
                False,
                "Chưa đúng: Đề án không đặt quy tắc riêng cho khoản phí; dự thảo phải đáp ứng đồng thời bốn tiêu chí.",
            ),
        ],
        "Với văn bản của địa phương, tiêu chí thứ tư đòi hỏi chính sách có tác động trên phạm vi toàn tỉnh. Dự thảo không thuộc phạm vi Đề án vẫn phải được đăng tải, lấy ý kiến theo Luật Ban hành văn bản quy phạm pháp luật.",
    ),
    multiple(
        "chung",
        "Nội dung phải truyền thông",
        "Nội dung truyền thông một dự thảo chính sách gồm những vấn đề chủ yếu nào? (Chọn tất cả các đáp án đúng)",
        [
            (
                "Sự cần thiết ban hành chính sách; mục đích, quan điểm xây dựng; phạm vi điều chỉnh, đối tượng áp dụng",
                True,
                "Đúng.",
            ),
            ("Nội dung cơ bản của chính sách", True, "Đúng."),
            (
                "Nội dung mới hoặc được sửa đổi, bổ sung, bãi bỏ so với quy định hiện hành về quyền, lợi ích hợp pháp và nghĩa vụ; chú trọng vấn đề khó, còn nhiều ý kiến khác nhau",
                True,
                "Đúng: đây là nội dung người dân quan tâm nhất nhưng hay bị làm sơ sài.",
            ),
            (
                "Những nội dung khác cần thông tin rộng rãi đến người dân, tổ chức, doanh nghiệp (nếu có)",
                True,
                "Đúng.",
            ),
            (
                "Chỉ những điểm có lợi cho người dân, để tránh gây tranh luận",
                False,
                "Sai: phải nói cả quyền lợi lẫn nghĩa vụ, nhất là điểm còn nhiều ý kiến khác nhau.",
            ),
            (
                "Ý kiến riêng của từng cán bộ tham gia soạn thảo",
                False,
                "Sai: đây không phải nội dung truyền thông dự thảo chính sách.",
            ),
        ],
        "Bốn nhóm nội dung: vì sao cần chính sách, mục đích, phạm vi và đối tượng; nội dung cơ bản; điểm mới hoặc thay đổi về quyền, nghĩa vụ so với hiện hành, nhất là điểm khó, còn nhiều ý kiến khác nhau; các thông tin khác xã hội cần biết.",
    ),
    single(
        "chung",
        "Cơ quan chịu trách nhiệm chính",
        "Theo Đề án 407, ai chịu trách nhiệm chính về truyền thông một dự thảo chính sách?",
        [
            (
                "Cơ quan chủ trì soạn thảo văn bản",
                True,
                "Chính xác: từ lập kế hoạch, xây dựng tài liệu đến tiếp nhận và xử lý góp ý.",
            ),
            (
                "Sở Tư pháp",
                False,
                "Sở Tư pháp đôn đốc, tổng hợp, tập huấn, hướng dẫn, nhưng không làm thay cơ quan soạn thảo.",
            ),
            (
                "Báo, đài của tỉnh",
                False,
                "Báo, đài mở chuyên trang, chuyên mục và phối hợp, nhưng không chịu trách nhiệm chính.",
            ),
            (
                "Ủy ban nhân dân cấp xã",
                False,
                "Cấp xã đưa thông tin đến khu dân cư và tổng hợp ý kiến người dân, nhưng không chịu trách nhiệm chính.",
            ),
        ],
        "Cơ quan chủ trì soạn thảo chịu trách nhiệm chính về truyền thông dự thảo chính sách; Sở Tư pháp, báo, đài, Mặt trận Tổ quốc, các đoàn thể và Ủy ban nhân dân cấp xã phối hợp theo vai trò của mình.",
    ),
    truefalse(
        "chung",
        "Dự thảo ngoài phạm vi vẫn lấy ý kiến",
        "Dự thảo không đáp ứng đủ bốn tiêu chí của Đề án thì không cần đăng tải để lấy ý kiến.",
        False,
        "Dự thảo không đủ bốn tiêu chí vẫn phải được đăng tải, lấy ý kiến theo Luật Ban hành văn bản quy phạm pháp luật. Bốn tiêu chí chỉ xác định những dự thảo cần được tổ chức truyền thông theo Đề án.",
        if_true="Chưa đúng: việc công khai, lấy ý kiến vẫn theo Luật Ban hành văn bản quy phạm pháp luật.",
        if_false="Chính xác.",
    ),
    short(
        "chung",
        "Nghĩa của chữ viết tắt PBGDPL",
        "Trong các kế hoạch triển khai Đề án, chữ viết tắt “PBGDPL” là viết tắt của cụm từ nào?",
        ["phổ biến, giáo dục pháp luật", "phổ biến giáo dục pháp luật"],
        "PBGDPL là phổ biến, giáo dục pháp luật. Sở Tư pháp là cơ quan thường trực của Hội đồng phối hợp PBGDPL tỉnh.",
    ),
    single(
        "chung",
        "Chính quyền địa phương từ 1/7/2025",
        "Từ ngày 1/7/2025, chính quyền địa phương được tổ chức như thế nào?",
        [
            ("Hai cấp: 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu", True, "Chính xác."),
            (
                "Ba cấp: tỉnh, huyện và xã",
                False,
                "Chưa đúng: từ ngày 1/7/2025 không còn cấp huyện.",
            ),
            (
                "Hai cấp: tỉnh và huyện; các xã nhập vào huyện",
                False,
                "Chưa đúng: cấp bị bỏ là cấp huyện, không phải cấp xã.",
            ),
            (
                "Một cấp: chỉ còn cấp tỉnh",
                False,
                "Chưa đúng: vẫn còn cấp xã, gồm xã, phường, đặc khu.",
            ),
        ],
        "Sau sắp xếp, chính quyền địa phương có hai cấp. Những việc các kế hoạch năm 2022 giao cho cấp huyện, như tập huấn tuyên truyền viên pháp luật cấp xã, nay do cấp tỉnh và cấp xã thực hiện theo phân công của từng địa phương.",
    ),
    # --- 2. Lập kế hoạch truyền thông -------------------------------------------------------
    single(
        "ke-hoach",
        "Thời điểm bắt đầu lập kế hoạch",
        "Kế hoạch truyền thông một dự thảo chính sách nên được bắt đầu từ khi nào?",
        [
            ("Từ khi lập đề nghị xây dựng văn bản", True, "Chính xác."),
            (
                "Khi dự thảo sắp trình cơ quan có thẩm quyền thông qua",
                False,
                "Quá muộn: người chịu tác động không còn đủ thời gian để góp ý.",
            ),
            (
                "Sau khi văn bản được thông qua",
                False,
                "Lúc đó là phổ biến văn bản, không còn là truyền thông dự thảo chính sách.",
            ),
            (
                "Khi báo chí bắt đầu đặt câu hỏi",
                False,
                "Chưa đúng: kế hoạch phải chủ động, không chờ dư luận lên tiếng.",
            ),
        ],
        "Kế hoạch tốt bắt đầu từ khi lập đề nghị xây dựng văn bản, không phải khi dự thảo sắp trình. Cơ quan chủ trì soạn thảo cần có kế hoạch hằng năm, và dự thảo lớn nên có kế hoạch riêng.",
    ),
    multiple(
        "ke-hoach",
        "Các câu hỏi của bản kế hoạch",
        "Những nội dung nào nằm trong bảy câu hỏi của một bản kế hoạch truyền thông dự thảo chính sách? (Chọn tất cả các đáp án đúng)",
        [
            (
                "Đối tượng: ai chịu tác động, ai ảnh hưởng đến dư luận, ai là người truyền tin trung gian",
                True,
                "Đúng.",
            ),
            ("Thông điệp: ba đến năm ý chính, nói thống nhất", True, "Đúng."),
            ("Kênh: kênh nào đến được từng nhóm", True, "Đúng."),
            ("Kinh phí: bao nhiêu, từ nguồn nào", True, "Đúng."),
            (
                "Dự đoán kết quả biểu quyết của HĐND",
                False,
                "Sai: kế hoạch truyền thông không dự đoán kết quả biểu quyết.",
            ),
            (
                "Danh sách những người dân có thể phản đối dự thảo",
                False,
                "Sai: không lập danh sách cá nhân; kế hoạch xác định các nhóm đối tượng.",
            ),
        ],
        "Bảy câu hỏi của một bản kế hoạch: mục tiêu, đối tượng, thông điệp, kênh, thời gian, kinh phí và phân công.",
    ),
    single(
        "ke-hoach",
        "Số ý chính của thông điệp",
        "Theo cẩm nang, phần thông điệp trong kế hoạch truyền thông nên gồm bao nhiêu ý chính?",
        [
            ("Ba đến năm ý chính, nói thống nhất", True, "Chính xác."),
            (
                "Một ý duy nhất, không cần giải thích",
                False,
                "Chưa đúng: thông điệp cần ba đến năm ý chính.",
            ),
            (
                "Mười đến mười lăm ý, bám sát từng điều của dự thảo",
                False,
                "Quá nhiều: người nghe sẽ không nhớ được.",
            ),
            (
                "Càng nhiều càng tốt, mỗi kênh dùng một bộ ý riêng",
                False,
                "Chưa đúng: thông điệp phải ngắn và thống nhất trên mọi kênh.",
            ),
        ],
        "Thông điệp gồm ba đến năm ý chính, mỗi ý viết thành một câu ngắn. Nếu người không làm pháp luật nghe xong nhắc lại được ý chính, thông điệp đã đạt.",
    ),
    truefalse(
        "ke-hoach",
        "Ghi đối tượng cụ thể",
        "Trong kế hoạch truyền thông, nên ghi đối tượng chung chung là “người dân, doanh nghiệp” để không bỏ sót ai.",
        False,
        "Cần liệt kê cụ thể các nhóm chịu tác động, ví dụ với chính sách hỗ trợ nông nghiệp: hộ trồng trọt, hộ chăn nuôi, hợp tác xã, doanh nghiệp thu mua. Mỗi nhóm có mối quan tâm và kênh tiếp cận riêng.",
        if_true="Chưa đúng: viết chung chung thì không chọn được thông điệp và kênh cho từng nhóm.",
        if_false="Chính xác: cần liệt kê cụ thể từng nhóm chịu tác động.",
    ),
    single(
        "ke-hoach",
        "Ba câu hỏi của thông điệp chính",
        "Thông điệp chính về một dự thảo cần trả lời những câu hỏi nào của người chịu tác động?",
        [
            (
                "Vì sao cần chính sách này? Điều gì thay đổi với tôi? Tôi góp ý ở đâu, đến khi nào?",
                True,
                "Chính xác.",
            ),
            (
                "Ai soạn thảo? Soạn thảo mất bao lâu? Tốn bao nhiêu kinh phí?",
                False,
                "Đây không phải điều người chịu tác động cần biết trước tiên.",
            ),
            (
                "Văn bản có bao nhiêu điều? Căn cứ pháp lý là gì? Ai ký ban hành?",
                False,
                "Chưa đúng: thông điệp viết cho người dân, không phải cho người soạn thảo.",
            ),
            (
                "Chính sách có được thông qua không? Khi nào có hiệu lực? Ai sẽ bị xử phạt?",
                False,
                "Chưa đúng: dự thảo chưa được thông qua, không nên nói như thể đã chắc chắn.",
            ),
        ],
        "Thông điệp chính trả lời ba câu hỏi: vì sao cần chính sách này; điều gì thay đổi với tôi, gia đình tôi, doanh nghiệp của tôi; tôi góp ý ở đâu, đến khi nào.",
    ),
    single(
        "ke-hoach",
        "Nguồn kinh phí truyền thông",
        "Kinh phí truyền thông dự thảo chính sách ở mỗi cấp được bảo đảm thế nào?",
        [
            (
                "Do ngân sách cấp đó bảo đảm; cơ quan bố trí trong dự toán được giao, có thể lồng ghép với chương trình PBGDPL và huy động nguồn hợp pháp khác",
                True,
                "Chính xác.",
            ),
            (
                "Ngân sách trung ương cấp riêng cho từng dự thảo",
                False,
                "Chưa đúng: kinh phí ở cấp nào do ngân sách cấp đó bảo đảm.",
            ),
            (
                "Người dân và doanh nghiệp chịu tác động đóng góp",
                False,
                "Chưa đúng: không thu tiền của người được lấy ý kiến.",
            ),
            (
                "Cơ quan báo chí tự chi trả",
                False,
                "Chưa đúng: báo, đài phối hợp, nhưng kinh phí do cơ quan nhà nước bố trí.",
            ),
        ],
        "Kinh phí thực hiện ở cấp nào do ngân sách cấp đó bảo đảm; cơ quan chủ động bố trí trong dự toán được giao, có thể lồng ghép với các chương trình PBGDPL và huy động nguồn hợp pháp khác.",
    ),
    truefalse(
        "ke-hoach",
        "Số liệu báo cáo khớp với minh chứng",
        "Số cuộc, số lớp và số lượt người tham dự ghi trong báo cáo phải khớp với hồ sơ minh chứng được lưu.",
        True,
        "Kế hoạch nên ghi ngay cách lưu minh chứng. Bài sơ kết hai năm của tỉnh Đắk Nông nêu có nơi báo cáo có số liệu nhưng kiểm tra thì không có tài liệu, bài, nội dung tuyên truyền cụ thể.",
        if_true="Chính xác.",
        if_false="Chưa đúng: số liệu không có minh chứng là biểu hiện của làm hình thức.",
    ),
    multiple(
        "ke-hoach",
        "Minh chứng cần lưu",
        "Khi lập kế hoạch, nên ghi cách lưu những minh chứng nào? (Chọn tất cả các đáp án đúng)",
        [
            ("Bài đã đăng và bản ghi phát thanh", True, "Đúng."),
            ("Ảnh bảng tin đã niêm yết", True, "Đúng."),
            ("Danh sách tham dự hội nghị, đối thoại", True, "Đúng."),
            ("Sổ tổng hợp ý kiến góp ý", True, "Đúng."),
            (
                "Chỉ cần con số trong báo cáo, không cần tài liệu kèm theo",
                False,
                "Sai: con số phải khớp với hồ sơ minh chứng.",
            ),
        ],
        "Cần lưu bài đã đăng, bản ghi phát thanh, ảnh bảng tin, danh sách tham dự và sổ tổng hợp ý kiến, để số liệu báo cáo khớp với hồ sơ lưu.",
    ),
    single(
        "ke-hoach",
        "Việc làm trong giai đoạn lấy ý kiến",
        "Trong giai đoạn soạn thảo và lấy ý kiến, hoạt động truyền thông nào là trọng tâm?",
        [
            (
                "Đăng toàn văn dự thảo trong thời hạn luật định; đưa tin trên báo chí, tổ chức hội nghị, đối thoại, truyền thông ở cơ sở",
                True,
                "Chính xác.",
            ),
            (
                "Phổ biến văn bản đã có hiệu lực, giải đáp vướng mắc khi thi hành",
                False,
                "Đây là việc sau khi văn bản được thông qua.",
            ),
            (
                "Công bố kết quả tiếp thu, giải trình",
                False,
                "Đây là việc ở giai đoạn tiếp thu, chỉnh lý, trình.",
            ),
            (
                "Chỉ giới thiệu vấn đề và các phương án chính sách",
                False,
                "Đây là trọng tâm khi lập đề nghị xây dựng văn bản.",
            ),
        ],
        "Thời gian biểu gắn với quy trình xây dựng văn bản: đề nghị xây dựng (giới thiệu vấn đề, phương án); soạn thảo, lấy ý kiến (đăng toàn văn, báo chí, hội nghị, đối thoại, cơ sở); tiếp thu, chỉnh lý, trình (công bố kết quả tiếp thu, giải trình); sau khi thông qua (phổ biến, giải đáp).",
    ),
    single(
        "ke-hoach",
        "Phân công trong kế hoạch",
        "Trong phần phân công của kế hoạch truyền thông, cần ghi rõ những ai?",
        [
            (
                "Một người đầu mối, người phát ngôn, người tổng hợp ý kiến góp ý và người liên hệ với báo chí",
                True,
                "Chính xác.",
            ),
            (
                "Chỉ tên cơ quan chủ trì, không cần người cụ thể",
                False,
                "Chưa đúng: cần có người đầu mối cụ thể, nhất là khi người làm truyền thông đều kiêm nhiệm.",
            ),
            (
                "Toàn bộ cán bộ của cơ quan, mỗi người một phần việc như nhau",
                False,
                "Chưa đúng: kế hoạch cần vừa sức và có người chịu trách nhiệm rõ ràng.",
            ),
            (
                "Chỉ phóng viên của báo, đài địa phương",
                False,
                "Chưa đúng: báo, đài là bên phối hợp; cơ quan soạn thảo phải phân công người của mình.",
            ),
        ],
        "Phân công cần ghi rõ một người đầu mối, người phát ngôn, người tổng hợp ý kiến góp ý và người liên hệ với báo chí; ai làm, ai phối hợp, ai chịu trách nhiệm.",
    ),
    # --- 3. Cung cấp thông tin, tiếp nhận và phản hồi ý kiến -----------------------------------
    short(
        "phan-hoi",
        "Thời hạn đăng toàn văn dự thảo",
        "Theo các kế hoạch triển khai Đề án cấp tỉnh, toàn văn dự thảo văn bản của HĐND, UBND tỉnh được đăng trên Cổng thông tin điện tử của tỉnh ít nhất bao nhiêu ngày? (Ghi số)",
        ["30", "30 ngày", "ba mươi", "ba mươi ngày"],
        "Các kế hoạch cấp tỉnh (ví dụ tỉnh Lạng Sơn) yêu cầu đăng toàn văn dự thảo ít nhất 30 ngày để cơ quan, tổ chức, cá nhân góp ý. Trước khi lập kế hoạch cho từng dự thảo, hãy kiểm tra quy định hiện hành về thời hạn lấy ý kiến.",
    ),
    truefalse(
        "phan-hoi",
        "Đăng tải là cần nhưng chưa đủ",
        "Chỉ cần đăng toàn văn dự thảo trên Cổng thông tin điện tử là đã đủ để người dân biết và góp ý.",
        False,
        "Đăng tải là điều kiện cần nhưng chưa đủ: người dân chỉ góp ý khi biết dự thảo tồn tại và hiểu được nội dung. Vì thế cần bản tóm tắt, hỏi – đáp, báo chí, hội nghị, đối thoại và truyền thông ở cơ sở.",
        if_true="Chưa đúng: Đề án yêu cầu truyền thông để người dân biết và hiểu, không chỉ đăng trên mạng.",
        if_false="Chính xác.",
    ),
    single(
        "phan-hoi",
        "Văn bản về phát ngôn với báo chí",
        "Việc phát ngôn và cung cấp thông tin cho báo chí về dự thảo chính sách được thực hiện theo văn bản nào?",
        [
            ("Nghị định số 09/2017/NĐ-CP", True, "Chính xác."),
            (
                "Quyết định số 407/QĐ-TTg",
                False,
                "Quyết định này phê duyệt Đề án, không quy định việc phát ngôn.",
            ),
            (
                "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
                False,
                "Luật này về bảo vệ dữ liệu cá nhân.",
            ),
            (
                "Thông tư số 03/2019/TT-BTP",
                False,
                "Thông tư này quy định về thống kê của ngành Tư pháp.",
            ),
        ],
        "Việc phát ngôn và cung cấp thông tin cho báo chí thực hiện theo Nghị định số 09/2017/NĐ-CP; thông tin về dự thảo là thông tin công khai theo Luật Tiếp cận thông tin, trừ nội dung thuộc bí mật nhà nước.",
    ),
    multiple(
        "phan-hoi",
        "Nội dung của trang lấy ý kiến",
        "Một trang lấy ý kiến về dự thảo trên cổng thông tin nên có những gì? (Chọn tất cả các đáp án đúng)",
        [
            ("Tên dự thảo, cơ quan chủ trì, ngày đăng, hạn cuối nhận góp ý", True, "Đúng."),
            ("Bản tóm tắt dễ hiểu và bộ câu hỏi thường gặp", True, "Đúng."),
            ("Toàn văn dự thảo và tài liệu kèm theo", True, "Đúng."),
            (
                "Cách góp ý: biểu mẫu trực tuyến, thư điện tử, địa chỉ, số điện thoại đầu mối",
                True,
                "Đúng.",
            ),
            (
                "Họ tên và số điện thoại của những người đã góp ý",
                False,
                "Sai: chỉ công bố tên người góp ý khi họ đồng ý, và không công bố số điện thoại.",
            ),
        ],
        "Trang lấy ý kiến cần đủ thông tin để người dân hiểu và góp ý: tên dự thảo, cơ quan chủ trì, ngày đăng, hạn góp ý; bản tóm tắt và hỏi – đáp; toàn văn và tài liệu kèm theo; cách góp ý.",
    ),
    single(
        "phan-hoi",
        "Ý kiến ngoài phạm vi dự thảo",
        "Khi phân loại ý kiến góp ý, ý kiến nằm ngoài phạm vi dự thảo được xử lý thế nào?",
        [
            ("Chuyển cơ quan có thẩm quyền và thông báo cho người góp ý", True, "Chính xác."),
            (
                "Bỏ qua, không ghi vào sổ tổng hợp",
                False,
                "Chưa đúng: mọi ý kiến đều được ghi vào sổ tổng hợp.",
            ),
            ("Xóa khỏi trang góp ý cho gọn", False, "Chưa đúng: không xóa ý kiến của người dân."),
            (
                "Trả lời rằng cơ quan không tiếp nhận ý kiến này",
                False,
                "Chưa đúng: cần chuyển đến nơi có thẩm quyền và báo cho người góp ý.",
            ),
        ],
        "Ý kiến được phân loại thành: đồng tình; đề nghị sửa cụ thể; không đồng tình; câu hỏi; ngoài phạm vi dự thảo. Ý kiến ngoài phạm vi được chuyển cơ quan có thẩm quyền và thông báo cho người góp ý.",
    ),
    truefalse(
        "phan-hoi",
        "Một sổ tổng hợp chung",
        "Ý kiến nhận qua mọi kênh (cổng thông tin, thư điện tử, biên bản hội nghị, ý kiến do báo chí và cấp xã chuyển đến) nên được ghi vào một sổ tổng hợp chung.",
        True,
        "Một sổ tổng hợp chung giúp không bỏ sót ý kiến và là căn cứ để lập bản tổng hợp tiếp thu, giải trình và báo cáo kết quả.",
        if_true="Chính xác.",
        if_false="Chưa đúng: ghi rải rác theo từng kênh dễ bỏ sót và khó tổng hợp.",
    ),
    single(
        "phan-hoi",
        "Khép lại vòng góp ý",
        "Sau khi hết hạn lấy ý kiến, cơ quan soạn thảo nên làm gì để khép lại vòng góp ý?",
        [
            (
                "Công bố bản tổng hợp tiếp thu, giải trình kèm bản tóm tắt dễ hiểu; gửi báo chí và cấp xã để thông tin lại cho người dân",
                True,
                "Chính xác.",
            ),
            (
                "Chỉ lưu bản tổng hợp trong hồ sơ trình",
                False,
                "Chưa đúng: người góp ý muốn biết ý kiến của mình được xử lý ra sao.",
            ),
            (
                "Chỉ trả lời riêng các cơ quan, tổ chức đã góp ý bằng văn bản",
                False,
                "Chưa đúng: phản hồi công khai qua chính các kênh đã lấy ý kiến.",
            ),
            (
                "Không phản hồi, vì dự thảo còn có thể thay đổi",
                False,
                "Chưa đúng: chính vì dự thảo thay đổi nên cần cho người dân biết thay đổi ở đâu.",
            ),
        ],
        "Phản hồi công khai: đã nhận bao nhiêu ý kiến, từ nhóm nào, dự thảo thay đổi ở đâu, ý kiến nào chưa tiếp thu và vì sao. Khi thấy ý kiến được lắng nghe, lần sau người dân sẽ góp ý nhiều hơn.",
    ),
    truefalse(
        "phan-hoi",
        "Câu hỏi lặp lại vào bộ hỏi – đáp",
        "Câu hỏi được nhiều người hỏi lặp lại nên được bổ sung vào bộ hỏi – đáp về dự thảo.",
        True,
        "Với ý kiến là câu hỏi, cơ quan soạn thảo trả lời trực tiếp; câu hỏi lặp lại nhiều lần thì bổ sung vào bộ hỏi – đáp để mọi người cùng biết.",
        if_true="Chính xác.",
        if_false="Chưa đúng: bổ sung vào hỏi – đáp giúp trả lời một lần cho nhiều người.",
    ),
    single(
        "phan-hoi",
        "Thông tin cá nhân của người góp ý",
        "Khi thu thập ý kiến góp ý, cách xử lý thông tin cá nhân nào là đúng?",
        [
            (
                "Chỉ ghi thông tin thật sự cần thiết; chỉ công bố tên người góp ý khi họ đồng ý",
                True,
                "Chính xác.",
            ),
            (
                "Bắt buộc mọi người ghi đủ họ tên, số điện thoại, địa chỉ",
                False,
                "Chưa đúng: chỉ đề nghị những thông tin thật sự cần thiết.",
            ),
            (
                "Công bố danh sách người góp ý để bảo đảm minh bạch",
                False,
                "Chưa đúng: chỉ nêu tên khi người góp ý đồng ý.",
            ),
            (
                "Ghi cả dân tộc, tôn giáo để phân tích ý kiến",
                False,
                "Chưa đúng: đây là thông tin nhạy cảm, không cần cho việc góp ý.",
            ),
        ],
        "Chỉ đề nghị những thông tin cá nhân thật sự cần thiết, chỉ công bố tên khi người góp ý đồng ý. Từ ngày 1/1/2026, Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực: cần có căn cứ xử lý dữ liệu, giới hạn người được xem sổ tổng hợp và lưu giữ an toàn.",
    ),
    multiple(
        "phan-hoi",
        "Tiếp nhận và xử lý ý kiến đúng cách",
        "Những việc làm nào phù hợp khi tiếp nhận và xử lý ý kiến góp ý về dự thảo? (Chọn tất cả các đáp án đúng)",
        [
            (
                "Mở nhiều kênh nhận ý kiến: cổng thông tin, thư điện tử, văn bản, biên bản hội nghị, ý kiến do báo chí và cấp xã chuyển đến",
                True,
                "Đúng.",
            ),
            ("Ghi mọi ý kiến vào một sổ tổng hợp chung", True, "Đúng."),
            ("Tiếp thu hoặc giải trình, nêu rõ lý do", True, "Đúng."),
            (
                "Chỉ ghi nhận ý kiến đồng tình để báo cáo cho gọn",
                False,
                "Sai: ý kiến không đồng tình cần được tìm hiểu lý do và xem xét.",
            ),
            (
                "Bỏ qua ý kiến không đồng tình vì dự thảo đã được cân nhắc kỹ",
                False,
                "Sai: với ý kiến không đồng tình, cần xem xét lại đánh giá tác động và cân nhắc phương án khác.",
            ),
        ],
        "Quy trình: mở nhiều kênh nhận; ghi vào một sổ tổng hợp chung; phân loại; nghiên cứu; tiếp thu hoặc giải trình, nêu rõ lý do; phản hồi công khai qua chính các kênh đã lấy ý kiến.",
    ),
    # --- 4. Xây dựng tài liệu truyền thông -----------------------------------------------------
    single(
        "tai-lieu",
        "Độ dài bộ hỏi – đáp",
        "Theo cẩm nang, một bộ hỏi – đáp về dự thảo nên được viết thế nào?",
        [
            (
                "Từ tám đến mười hai câu hỏi theo cách người dân thực sự hỏi, mỗi câu trả lời trong ba đến năm câu",
                True,
                "Chính xác.",
            ),
            (
                "Hai đến ba câu hỏi, trả lời bằng trích dẫn nguyên văn điều khoản",
                False,
                "Chưa đúng: quá ít câu, và trích nguyên văn điều khoản thì khó hiểu.",
            ),
            (
                "Ít nhất năm mươi câu hỏi để bao quát mọi tình huống",
                False,
                "Quá dài: người đọc sẽ không đọc hết.",
            ),
            (
                "Mỗi điều của dự thảo một câu hỏi",
                False,
                "Chưa đúng: câu hỏi đi theo điều người dân thắc mắc, không theo cấu trúc văn bản.",
            ),
        ],
        "Bộ hỏi – đáp nên có từ tám đến mười hai câu, viết theo cách người dân thực sự hỏi: vì sao cần quy định, áp dụng cho ai, so với hiện nay được thêm gì, phải làm thêm gì, khi nào áp dụng nếu được thông qua, góp ý bằng cách nào.",
    ),
    single(
        "tai-lieu",
        "Yêu cầu của đồ họa thông tin",
        "Một đồ họa thông tin về dự thảo chính sách nên được thiết kế thế nào?",
        [
            (
                "Một thông điệp với không quá năm ý; có dòng “Dự thảo lấy ý kiến”, tên cơ quan soạn thảo và cách góp ý",
                True,
                "Chính xác.",
            ),
            (
                "Đưa toàn bộ nội dung dự thảo vào một hình để người đọc khỏi tìm văn bản",
                False,
                "Chưa đúng: quá nhiều chữ thì không đọc được trên điện thoại.",
            ),
            (
                "Dùng số liệu làm tròn cho dễ nhớ, không cần đúng với dự thảo",
                False,
                "Chưa đúng: số liệu phải lấy đúng từ dự thảo.",
            ),
            (
                "Chỉ cần hình ảnh bắt mắt, không cần ghi nguồn và cách góp ý",
                False,
                "Chưa đúng: luôn ghi tên cơ quan soạn thảo và cách góp ý.",
            ),
        ],
        "Đồ họa thông tin chỉ nên chuyển tải một thông điệp với không quá năm ý; chữ đủ lớn để đọc trên điện thoại; số liệu lấy đúng từ dự thảo; nên có thêm bản khổ dọc để dán bảng tin và chia sẻ qua Zalo.",
    ),
    truefalse(
        "tai-lieu",
        "Ghi rõ là dự thảo",
        "Tài liệu truyền thông về dự thảo phải ghi rõ đây là dự thảo đang lấy ý kiến, chưa có hiệu lực, kèm phiên bản và ngày đăng.",
        True,
        "Nguyên tắc “đúng với dự thảo”: luôn ghi rõ đây là dự thảo đang lấy ý kiến, chưa có hiệu lực, ghi phiên bản và ngày đăng, để người đọc không nhầm với quy định đã ban hành.",
        if_true="Chính xác.",
        if_false="Chưa đúng: thiếu dòng này, người đọc dễ nhầm dự thảo với quy định đã có hiệu lực.",
    ),
    multiple(
        "tai-lieu",
        "Nguyên tắc xây dựng tài liệu",
        "Những nguyên tắc nào đúng khi xây dựng tài liệu truyền thông dự thảo chính sách? (Chọn tất cả các đáp án đúng)",
        [
            (
                "Một sản phẩm cho một nhóm đối tượng",
                True,
                "Đúng: tờ gấp cho hộ gia đình khác với bản tin cho doanh nghiệp.",
            ),
            ("Mọi sản phẩm dùng chung một bộ số liệu và một bộ thông điệp", True, "Đúng."),
            ("Luôn có lời mời góp ý: góp ý ở đâu, đến ngày nào", True, "Đúng."),
            ("Ngắn và cụ thể, dùng ví dụ một hộ gia đình, một cửa hàng để minh họa", True, "Đúng."),
            (
                "Chép nguyên văn điều khoản để tránh sai lệch",
                False,
                "Sai: tài liệu phải ngắn gọn, dễ hiểu; nguyên văn dự thảo đã có trên cổng thông tin.",
            ),
            (
                "Mỗi sản phẩm dùng số liệu riêng cho hợp với từng nhóm",
                False,
                "Sai: mọi sản phẩm dùng chung một bộ số liệu.",
            ),
        ],
        "Năm nguyên tắc chung: đúng với dự thảo; một sản phẩm, một nhóm đối tượng; ngắn và cụ thể; thống nhất số liệu và thông điệp; luôn có lời mời góp ý.",
    ),
    single(
        "tai-lieu",
        "Bài phát thanh cho loa truyền thanh",
        "Bài phát thanh về dự thảo cho loa truyền thanh cơ sở cần đáp ứng yêu cầu nào?",
        [
            (
                "Câu ngắn, từ quen thuộc, không viết tắt, đọc số rõ ràng; dài khoảng hai đến ba phút; nhắc lại hạn góp ý ở cuối bài",
                True,
                "Chính xác.",
            ),
            (
                "Đọc nguyên văn dự thảo để bảo đảm chính xác",
                False,
                "Chưa đúng: người nghe không theo dõi được văn bản pháp lý qua loa.",
            ),
            (
                "Dài ít nhất mười lăm phút để đủ mọi nội dung",
                False,
                "Quá dài: bài phát thanh chỉ khoảng hai đến ba phút.",
            ),
            (
                "Dùng nhiều từ viết tắt cho ngắn gọn",
                False,
                "Chưa đúng: không viết tắt trong bài phát thanh.",
            ),
        ],
        "Cơ quan soạn thảo nên gửi kèm bài phát thanh mẫu để cấp xã có thể phát ngay. Cách chắc nhất để biết độ dài là đọc thử thành tiếng và bấm giờ.",
    ),
    truefalse(
        "tai-lieu",
        "Thử tài liệu với người thật",
        "Trước khi phát hành tài liệu, nên đưa bản nháp cho vài người không làm pháp luật đọc hoặc nghe thử rồi hỏi họ hiểu gì.",
        True,
        "Chỗ nào người đọc thử hiểu sai là chỗ cần viết lại.",
        if_true="Chính xác.",
        if_false="Chưa đúng: thử với người thật là cách rẻ nhất để phát hiện chỗ khó hiểu.",
    ),
    single(
        "tai-lieu",
        "Ba cột của bảng so sánh",
        "Bảng so sánh trong bộ tài liệu tối thiểu về một dự thảo gồm ba cột nào?",
        [
            (
                "“Hiện nay”, “Theo dự thảo”, “Ai chịu tác động, tác động thế nào”",
                True,
                "Chính xác.",
            ),
            (
                "“Điều”, “Khoản”, “Điểm”",
                False,
                "Chưa đúng: bảng so sánh viết cho người dân, không theo cấu trúc văn bản.",
            ),
            (
                "“Ý kiến đồng tình”, “Ý kiến phản đối”, “Kết luận”",
                False,
                "Đây là cách phân loại ý kiến, không phải bảng so sánh.",
            ),
            (
                "“Cơ quan soạn thảo”, “Cơ quan thẩm định”, “Cơ quan ban hành”",
                False,
                "Chưa đúng: người dân cần biết điều gì thay đổi với họ.",
            ),
        ],
        "Bộ tài liệu tối thiểu gồm bản tóm tắt một trang và bảng so sánh ba cột, bộ hỏi – đáp, thông cáo báo chí, bài trình bày cho báo cáo viên và tài liệu cho cấp xã.",
    ),
    single(
        "tai-lieu",
        "Thứ tự của bài viết ngắn",
        "Bài viết ngắn về dự thảo cho trang thông tin điện tử nên đi theo thứ tự nào?",
        [
            (
                "Điều gì thay đổi, ai chịu tác động, vì sao, điểm còn ý kiến khác nhau, cách góp ý",
                True,
                "Chính xác.",
            ),
            (
                "Căn cứ pháp lý, quá trình soạn thảo, toàn văn các điều, cách góp ý",
                False,
                "Chưa đúng: người đọc cần biết ngay điều gì thay đổi với họ.",
            ),
            (
                "Thành tích của cơ quan soạn thảo, ý nghĩa chính trị, lời kêu gọi ủng hộ",
                False,
                "Chưa đúng: bài viết giải thích dự thảo và mời góp ý, không vận động ủng hộ.",
            ),
            (
                "Cách góp ý, rồi mới đến nội dung dự thảo nếu còn chỗ",
                False,
                "Chưa đúng: người đọc cần hiểu dự thảo trước thì mới góp ý được.",
            ),
        ],
        "Bài viết ngắn đi từ điều người đọc quan tâm nhất: điều gì thay đổi, ai chịu tác động, vì sao, điểm còn ý kiến khác nhau, cách góp ý.",
    ),
    truefalse(
        "tai-lieu",
        "Cập nhật tài liệu khi dự thảo được sửa",
        "Khi dự thảo được sửa, chỉ cần cập nhật bản đăng trên cổng thông tin; tài liệu đã gửi về cấp xã có thể giữ nguyên.",
        False,
        "Khi dự thảo được sửa, cập nhật toàn bộ tài liệu, ghi ngày cập nhật và thay bản cũ ở cấp xã, trên mạng xã hội của cơ quan. Mọi tài liệu lấy số liệu từ cùng một bản dự thảo.",
        if_true="Chưa đúng: tài liệu cũ ở cơ sở sẽ khiến người dân góp ý trên nội dung đã thay đổi.",
        if_false="Chính xác.",
    ),
    multiple(
        "tai-lieu",
        "Tài liệu gửi cấp xã",
        "Bộ tài liệu tối thiểu gửi cấp xã về một dự thảo nên gồm những gì? (Chọn tất cả các đáp án đúng)",
        [
            ("Bài phát thanh mẫu khoảng hai phút", True, "Đúng."),
            ("Một trang niêm yết bảng tin", True, "Đúng."),
            ("Tin nhắn ngắn cho nhóm Zalo", True, "Đúng."),
            ("Mẫu phiếu ghi ý kiến", True, "Đúng."),
            (
                "Toàn bộ tờ trình và báo cáo đánh giá tác động để đọc trên loa",
                False,
                "Sai: tờ trình, báo cáo viết cho người ra quyết định, không để đọc trên loa.",
            ),
        ],
        "Cho cấp xã: bài phát thanh mẫu khoảng hai phút, một trang niêm yết bảng tin, tin nhắn ngắn cho nhóm Zalo và mẫu phiếu ghi ý kiến.",
    ),
    # --- 5. Vấn đề còn ý kiến khác nhau và khủng hoảng truyền thông ---------------------------
    truefalse(
        "khung-hoang",
        "Tranh luận là điều bình thường",
        "Mọi dự thảo thuộc phạm vi Đề án đều là vấn đề khó, nhạy cảm hoặc có nhiều ý kiến khác nhau, nên tranh luận về dự thảo là điều bình thường, không phải sự cố.",
        True,
        "Đó là một trong bốn tiêu chí. Mục tiêu của truyền thông là giúp cuộc tranh luận dựa trên thông tin đúng và để mọi nhóm chịu tác động được lắng nghe.",
        if_true="Chính xác.",
        if_false="Chưa đúng: tiêu chí thứ ba cho thấy tranh luận là điều được dự liệu từ đầu.",
    ),
    multiple(
        "khung-hoang",
        "Nhận diện điểm nóng",
        "Những nội dung nào của dự thảo dễ trở thành điểm nóng cần chuẩn bị trước? (Chọn tất cả các đáp án đúng)",
        [
            ("Nghĩa vụ tài chính mới: phí, giá dịch vụ, mức đóng góp", True, "Đúng."),
            ("Đất đai, di dời, giải phóng mặt bằng", True, "Đúng."),
            (
                "Hạn chế một thói quen lâu năm, như giờ kinh doanh, chăn nuôi trong khu dân cư",
                True,
                "Đúng.",
            ),
            ("Chính sách có nhóm được lợi và nhóm chịu thiệt rõ rệt", True, "Đúng."),
            (
                "Sửa quy chế làm việc nội bộ của một sở",
                False,
                "Sai: nội dung nội bộ không tác động trực tiếp đến người dân.",
            ),
        ],
        "Các điểm nóng thường gặp: nghĩa vụ tài chính mới; đất đai, di dời; hạn chế thói quen lâu năm; chính sách có nhóm được lợi và nhóm chịu thiệt rõ rệt. Cần theo dõi báo chí, mạng xã hội và phản ánh từ cơ sở ngay từ giai đoạn đề nghị xây dựng văn bản.",
    ),
    single(
        "khung-hoang",
        "Việc đầu tiên khi thông tin sai lan rộng",
        "Khi thông tin sai về một dự thảo lan nhanh trên mạng, việc đầu tiên cơ quan soạn thảo nên làm là gì?",
        [
            (
                "Xác minh nhanh: thông tin nào sai, sai ở đâu, nguồn từ đâu",
                True,
                "Chính xác: sau đó báo cáo lãnh đạo và thống nhất nội dung với người phát ngôn.",
            ),
            (
                "Im lặng chờ dư luận tự lắng xuống",
                False,
                "Chưa đúng: im lặng kéo dài để tin sai lan thêm.",
            ),
            (
                "Yêu cầu xóa mọi bình luận phản đối",
                False,
                "Chưa đúng: không xóa các bình luận phản đối có nội dung nghiêm túc.",
            ),
            (
                "Chờ có văn bản chỉ đạo rồi mới lên tiếng",
                False,
                "Chưa đúng: chờ văn bản chỉ đạo là điều cần tránh; cần lên tiếng trong ngày.",
            ),
        ],
        "Các bước gợi ý: xác minh nhanh; báo cáo lãnh đạo, thống nhất với người phát ngôn; lên tiếng sớm bằng thông tin chính xác; cung cấp thông tin cho báo chí; trao đổi trực tiếp với nhóm chịu tác động; theo dõi và cập nhật hỏi – đáp; rút kinh nghiệm.",
    ),
    multiple(
        "khung-hoang",
        "Những điều cần tránh khi khủng hoảng",
        "Những cách ứng xử nào cần TRÁNH khi xảy ra khủng hoảng truyền thông về dự thảo? (Chọn tất cả các đáp án đúng)",
        [
            ("Im lặng kéo dài với hy vọng dư luận tự lắng xuống", True, "Đúng, cần tránh."),
            ("Phủ nhận chung chung mà không đưa ra thông tin cụ thể", True, "Đúng, cần tránh."),
            ("Phê phán, quy chụp người có ý kiến khác", True, "Đúng, cần tránh."),
            ("Hứa hẹn điều mà dự thảo không quy định", True, "Đúng, cần tránh."),
            (
                "Lên tiếng sớm, nói rõ đây là dự thảo đang lấy ý kiến và nội dung thực tế là gì",
                False,
                "Đây là việc nên làm, không phải điều cần tránh.",
            ),
            (
                "Trao đổi trực tiếp với nhóm chịu tác động qua cấp xã và các đoàn thể",
                False,
                "Đây là việc nên làm, không phải điều cần tránh.",
            ),
        ],
        "Cần tránh: im lặng kéo dài; phủ nhận chung chung; phê phán, quy chụp người có ý kiến khác; hứa hẹn điều dự thảo không quy định; xóa các bình luận phản đối có nội dung nghiêm túc.",
    ),
    single(
        "khung-hoang",
        "Trình bày điểm còn ý kiến khác nhau",
        "Khi trình bày điểm còn ý kiến khác nhau trong dự thảo, cách làm nào được khuyến nghị?",
        [
            (
                "Nói rõ các phương án, mỗi phương án được và mất gì, cơ quan soạn thảo nghiêng về phương án nào và vì sao",
                True,
                "Chính xác.",
            ),
            (
                "Chỉ bảo vệ phương án trong dự thảo",
                False,
                "Chưa đúng: người dân cần thấy các phương án đã được cân nhắc.",
            ),
            (
                "Tránh nhắc đến điểm còn tranh luận để khỏi gây chú ý",
                False,
                "Chưa đúng: điểm còn ý kiến khác nhau là nội dung phải truyền thông.",
            ),
            (
                "Hỏi chung chung “có đồng ý không”",
                False,
                "Chưa đúng: cần đặt câu hỏi góp ý cụ thể.",
            ),
        ],
        "Hãy nói thẳng về các phương án, mời đúng nhóm chịu tác động đến đối thoại, mời chuyên gia, luật sư, hiệp hội phân tích độc lập và đặt câu hỏi góp ý cụ thể.",
    ),
    single(
        "khung-hoang",
        "Bốn bước khi có tin đồn ở cơ sở",
        "Tuyên truyền viên pháp luật cấp xã xử lý tin đồn về dự thảo theo bốn bước nào?",
        [
            ("Nghe – Kiểm tra – Trả lời – Báo cáo", True, "Chính xác."),
            (
                "Trả lời ngay – Tranh luận – Xóa bài – Báo cáo",
                False,
                "Chưa đúng: cần nghe và kiểm tra trước; không tranh cãi, không xóa ý kiến.",
            ),
            (
                "Báo cáo – Chờ chỉ đạo – Im lặng – Trả lời",
                False,
                "Chưa đúng: im lặng chờ đợi để tin đồn lan thêm.",
            ),
            (
                "Nghe – Chia sẻ tiếp – Bình luận – Báo cáo",
                False,
                "Chưa đúng: không chia sẻ thông tin chưa kiểm tra.",
            ),
        ],
        "Nghe bà con nói hết điều lo lắng; kiểm tra với tài liệu chính thức; trả lời ngắn gọn bằng thông tin chính thức kèm nguồn; báo cáo Ủy ban nhân dân xã khi tin đồn lan rộng hoặc bà con bức xúc. Tin đồn thường xuất phát từ nỗi lo có thật, cần được trả lời chứ không chỉ bác bỏ.",
    ),
    truefalse(
        "khung-hoang",
        "Xóa ý kiến phản đối trong nhóm Zalo",
        "Để giữ nhóm Zalo của thôn yên ổn, tuyên truyền viên nên xóa các ý kiến phản đối dự thảo.",
        False,
        "Không tranh cãi gay gắt hoặc xóa ý kiến phản đối. Người phản đối cũng đang góp ý: hãy giúp họ nói cụ thể phản đối điểm nào, muốn sửa thế nào, và ghi lại đầy đủ.",
        if_true="Chưa đúng: xóa ý kiến phản đối làm mất góp ý và làm tăng bức xúc.",
        if_false="Chính xác.",
    ),
    single(
        "khung-hoang",
        "Dấu hiệu của thông tin sai",
        "Dấu hiệu nào cho thấy một thông tin về dự thảo có thể là thông tin sai?",
        [
            ("Ảnh chụp một phiên bản dự thảo cũ, không có ngày tháng", True, "Chính xác."),
            (
                "Có đường dẫn đến toàn văn dự thảo trên Cổng thông tin điện tử của tỉnh",
                False,
                "Đây là dấu hiệu của thông tin có nguồn chính thức.",
            ),
            (
                "Ghi rõ tên cơ quan soạn thảo và hạn góp ý",
                False,
                "Đây là dấu hiệu của thông tin đầy đủ, đáng tin.",
            ),
            ("Nói rõ đây là dự thảo đang lấy ý kiến", False, "Đây là cách nói đúng về dự thảo."),
        ],
        "Dấu hiệu thông tin sai: ảnh chụp bản dự thảo cũ không ngày tháng; câu chữ bị cắt khỏi ngữ cảnh; nhầm dự thảo với văn bản đã ban hành; gắn dự thảo của địa phương này cho địa phương khác hoặc dùng tên đơn vị hành chính trước sắp xếp năm 2025; con số gây sốc không có nguồn.",
    ),
    single(
        "khung-hoang",
        "Khi cơ quan soạn thảo chưa trả lời",
        "Đến giờ đăng bài, cơ quan soạn thảo vẫn chưa trả lời câu hỏi của phóng viên về điểm còn tranh luận. Phóng viên nên viết thế nào?",
        [
            (
                "Ghi đúng thực tế: “đến thời điểm đăng bài, phóng viên chưa nhận được trả lời”",
                True,
                "Chính xác.",
            ),
            (
                "Tự suy đoán câu trả lời của cơ quan soạn thảo",
                False,
                "Chưa đúng: không lấp khoảng trống thông tin bằng suy đoán.",
            ),
            (
                "Viết rằng cơ quan soạn thảo từ chối trả lời",
                False,
                "Chưa đúng: chưa trả lời không phải là từ chối.",
            ),
            (
                "Bỏ hẳn phần nói về điểm còn tranh luận",
                False,
                "Chưa đúng: điểm còn tranh luận là nội dung người đọc cần biết.",
            ),
        ],
        "Gửi câu hỏi bằng văn bản, nêu rõ thời hạn cần trả lời và liên hệ người phát ngôn theo Nghị định số 09/2017/NĐ-CP. Trong bài, ghi đúng thực tế và không suy đoán.",
    ),
    single(
        "khung-hoang",
        "Tít bài về dự thảo hạn chế xe tải",
        "Một tỉnh lấy ý kiến dự thảo hạn chế xe tải trên một số tuyến phố trung tâm vào giờ cao điểm. Tít bài nào phản ánh đúng nội dung?",
        [
            (
                "“Dự thảo: hạn chế xe tải trên một số tuyến phố trung tâm giờ cao điểm, mời người dân góp ý”",
                True,
                "Chính xác: có chữ “dự thảo”, đúng phạm vi và mời góp ý.",
            ),
            (
                "“Tỉnh cấm xe tải vào thành phố”",
                False,
                "Sai: dự thảo chỉ hạn chế một số tuyến vào giờ cao điểm, và chưa được thông qua.",
            ),
            (
                "“Từ tháng sau, xe chở nông sản không được vào chợ đầu mối”",
                False,
                "Sai: dự thảo không quy định như vậy; đây chính là nội dung của tin đồn.",
            ),
            (
                "“Xe tải sắp bị cấm hoàn toàn?”",
                False,
                "Sai: tít dạng câu hỏi gây hoang mang và không đúng nội dung dự thảo.",
            ),
        ],
        "Tít bài phản ánh đúng nội dung, có chữ “dự thảo”; không dùng từ “cấm”, “bắt buộc” khi dự thảo không quy định như vậy.",
    ),
    # --- Bài tập tự luận (chấm tay; chỉ dùng trong bài tập tự luận, không rút vào bài kiểm tra) --
    essay(
        "tu-luan",
        "Tự luận: kế hoạch truyền thông cho một dự thảo",
        "<p><i>Tình huống giả định.</i> Cơ quan chuyên môn về nông nghiệp của một tỉnh miền núi được giao soạn thảo nghị quyết của HĐND tỉnh về hỗ trợ chuyển đổi cây trồng trên đất lúa kém hiệu quả. Còn khoảng ba tháng đến kỳ họp HĐND; nhiều thôn vùng cao ít dùng Internet; kinh phí truyền thông hạn chế.</p><p>Hãy lập một kế hoạch truyền thông dài khoảng một trang, trả lời bảy câu hỏi của một bản kế hoạch: mục tiêu, đối tượng, thông điệp, kênh, thời gian, kinh phí và phân công.</p>",
        "<p>Gợi ý chấm (5 điểm):</p><ul><li>Mục tiêu cụ thể, đo được (0,5 điểm).</li><li>Ít nhất bốn nhóm đối tượng cụ thể, kèm mối quan tâm của từng nhóm (1 điểm).</li><li>Ba đến năm thông điệp, mỗi thông điệp một câu, trả lời: vì sao, điều gì thay đổi, góp ý ở đâu, đến khi nào (1 điểm).</li><li>Kênh phù hợp với thôn vùng cao (loa truyền thanh, bảng tin, họp thôn, người có uy tín) (1 điểm).</li><li>Thời gian biểu theo tuần, bảo đảm đăng toàn văn ít nhất 30 ngày như các kế hoạch cấp tỉnh yêu cầu (0,5 điểm).</li><li>Kinh phí từ dự toán được giao, có thể lồng ghép PBGDPL; phân công có người đầu mối, người phát ngôn, người tổng hợp ý kiến và cách lưu minh chứng (1 điểm).</li></ul>",
    ),
    essay(
        "tu-luan",
        "Tự luận: xử lý tin đồn về dự thảo",
        "<p><i>Tình huống giả định.</i> Ba ngày trước hạn góp ý về dự thảo nghị quyết hỗ trợ làm đường giao thông nông thôn, một người đăng trong nhóm Zalo của thôn: “Tỉnh sắp bắt mọi nhà mặt đường phải cắt hai mét đất, không đền bù, ai không chịu thì bị phạt.” Theo dự thảo, hiến đất là tự nguyện và tỉnh đang xin ý kiến về cách hỗ trợ hộ hiến nhiều đất.</p><p>Hãy trình bày anh/chị sẽ làm gì trong một giờ đầu tiên, viết tin trả lời trong nhóm (không quá năm câu) và nêu cần báo cáo ai, báo những thông tin gì.</p>",
        "<p>Gợi ý chấm (5 điểm):</p><ul><li>Theo bốn bước Nghe – Kiểm tra – Trả lời – Báo cáo; không tranh cãi, không xóa bài (1,5 điểm).</li><li>Tin trả lời ngắn, bình tĩnh, nói rõ đây là dự thảo chưa áp dụng, hiến đất là tự nguyện, dẫn nguồn chính thức và nhắc cách, hạn góp ý (2 điểm).</li><li>Báo cáo Ủy ban nhân dân xã: nội dung tin đồn, mức độ lan truyền, phản ứng của bà con (1 điểm).</li><li>Ghi nhận nỗi lo của bà con như một ý kiến góp ý (0,5 điểm).</li></ul>",
    ),
]

QUIZ_RULES = {
    "pass_mark": 70,
    "max_attempts": 3,
    "grading": "highest",
    "shuffle_questions": True,
    "shuffle_choices": True,
    "feedback": "end",
    "review": "after_attempt",
}

# One quiz per demo course (by course slug): draws (category key, count) and fixed questions
# (by title). No essays: a course quiz is graded at once, so the course can complete.
COURSE_QUIZZES = {
    "bao-chi-dua-tin-du-thao-chinh-sach": {
        "title": "Kiểm tra cuối khóa: Đưa tin về dự thảo chính sách",
        "draws": [("chung", 3), ("phan-hoi", 3), ("tai-lieu", 2), ("khung-hoang", 3)],
        "fixed": ["Bốn tiêu chí xác định phạm vi", "Tít bài về dự thảo hạn chế xe tải"],
    },
    "to-chuc-truyen-thong-du-thao-chinh-sach": {
        "title": "Kiểm tra cuối khóa: Tổ chức truyền thông dự thảo chính sách",
        "draws": [
            ("chung", 3),
            ("ke-hoach", 3),
            ("phan-hoi", 3),
            ("tai-lieu", 2),
            ("khung-hoang", 2),
        ],
        "fixed": ["Bốn tiêu chí xác định phạm vi", "Cơ quan chịu trách nhiệm chính"],
    },
    "tuyen-truyen-vien-xa-du-thao-chinh-sach": {
        "title": "Kiểm tra cuối khóa: Đưa dự thảo chính sách đến với bà con",
        "draws": [("chung", 3), ("phan-hoi", 2), ("tai-lieu", 3), ("khung-hoang", 3)],
        "fixed": ["Dự thảo ngoài phạm vi vẫn lấy ý kiến", "Bốn bước khi có tin đồn ở cơ sở"],
    },
}

COURSE_QUIZ_TEXTS = {
    "intro": "<p>Bài kiểm tra gồm các câu hỏi rút ngẫu nhiên từ ngân hàng câu hỏi về Cẩm nang kỹ năng truyền thông chính sách. Bạn cần đạt từ 70% trở lên để hoàn thành khóa học; bạn có 3 lần làm bài và kết quả cao nhất được ghi nhận. Đáp án và giải thích hiện ra sau khi nộp bài.</p>",
    "success_text": "<p>Chúc mừng bạn đã đạt yêu cầu! Hãy xem lại phần giải thích của những câu chưa đúng để nắm chắc kiến thức trước khi áp dụng vào công việc.</p>",
    "fail_text": "<p>Bạn chưa đạt 70%. Hãy đọc phần giải thích, ôn lại các bài học và chương tương ứng trong Cẩm nang, rồi làm lại bài. Mỗi lần làm bài, câu hỏi được rút ngẫu nhiên nên sẽ khác lần trước.</p>",
}

ESSAY_QUIZ = {
    "title": "Bài tập tự luận",
    "course": "bao-chi-dua-tin-du-thao-chinh-sach",
    "fixed": [
        "Tự luận: kế hoạch truyền thông cho một dự thảo",
        "Tự luận: xử lý tin đồn về dự thảo",
    ],
    "intro": "<p>Bài tập không bắt buộc, gồm hai câu tự luận theo tình huống. Bài làm được giảng viên chấm và nhận xét; kết quả không ảnh hưởng đến việc hoàn thành khóa học.</p>",
    "success_text": "<p>Bài làm của bạn đạt yêu cầu. Hãy đọc nhận xét của giảng viên để hoàn thiện kỹ năng.</p>",
    "fail_text": "<p>Bài làm chưa đạt yêu cầu. Hãy đọc nhận xét của giảng viên, xem lại gợi ý trong phần giải thích và làm lại khi sẵn sàng.</p>",
}


def _nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _seed_bank(report):
    from assessments.models import Choice, Question, QuestionBank, QuestionCategory

    bank, created = QuestionBank.objects.get_or_create(
        name=_nfc(BANK_NAME), defaults={"description": _nfc(BANK_DESCRIPTION)}
    )
    if created:
        report.add(f"question bank: {bank.name}")
    categories = {}
    for key, name in CATEGORIES.items():
        category, created = QuestionCategory.objects.get_or_create(
            bank=bank, parent=None, name=_nfc(name)
        )
        if created:
            report.add(f"question category: {category.name}")
        categories[key] = category
    existing = set(Question.objects.filter(bank=bank).values_list("title", flat=True))
    questions = {}
    for data in QUESTIONS:
        title = _nfc(data["title"])
        if title in existing:
            continue
        question = Question.objects.create(
            bank=bank,
            category=categories[data["category"]],
            kind=data["kind"],
            title=title,
            text=_nfc(data["text"]),
            explanation=_nfc(data["explanation"]),
            points=data.get("points", 1),
            ignore_diacritics=data.get("ignore_diacritics", False),
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                text=_nfc(text),
                weight=Decimal(weight),
                feedback=_nfc(feedback),
                sort_order=order,
            )
            for order, (text, weight, feedback) in enumerate(data["choices"])
        )
        existing.add(title)
        report.add(f"question: {title}")
    for question in Question.objects.filter(bank=bank):
        questions[question.title] = question
    return categories, questions


def _seed_quiz(title, texts, draws, fixed, categories, questions, report):
    from assessments.models import Quiz, QuizDraw, QuizQuestion

    quiz = Quiz.objects.filter(title=_nfc(title)).first()
    if quiz is not None:
        return quiz
    quiz = Quiz.objects.create(
        title=_nfc(title),
        intro=_nfc(texts["intro"]),
        success_text=_nfc(texts["success_text"]),
        fail_text=_nfc(texts["fail_text"]),
        **QUIZ_RULES,
    )
    for order, name in enumerate(fixed):
        QuizQuestion.objects.create(quiz=quiz, question=questions[_nfc(name)], sort_order=order)
    for order, (key, count) in enumerate(draws):
        QuizDraw.objects.create(quiz=quiz, category=categories[key], count=count, sort_order=order)
    report.add(f"quiz: {quiz.title}")
    return quiz


def last_lesson(course):
    """The course's last lesson in outline order (lessons may sit in modules)."""
    from courses.models import LessonPage

    return LessonPage.objects.descendant_of(course).order_by("path").last()


def _place_quiz(lesson, quiz, required, report) -> bool:
    """Append a quiz block to the end of the lesson's live body and publish it, unless the
    body already holds this quiz. Returns whether a revision was published."""
    lesson = lesson.specific
    for child in lesson.body:
        if (
            child.block_type == "quiz"
            and child.value.get("quiz")
            and child.value["quiz"].pk == quiz.pk
        ):
            return False
    block = lesson.body.stream_block.child_blocks["quiz"]
    lesson.body.append(("quiz", block.to_python({"quiz": quiz.pk, "required": required})))
    lesson.save_revision().publish()
    report.add(f"quiz block: {quiz.title} → {lesson.title}")
    return True


@transaction.atomic
def seed_questions(report) -> None:
    """The demo bank, its categories and questions, a quiz per demo course (a required block at
    the end of each course's last lesson) and the optional essay exercise in the first course."""
    from courses.models import CoursePage

    categories, questions = _seed_bank(report)
    for slug, spec in COURSE_QUIZZES.items():
        course = CoursePage.objects.filter(slug=slug).first()
        lesson = last_lesson(course) if course is not None else None
        if lesson is None:
            continue
        quiz = _seed_quiz(
            spec["title"],
            COURSE_QUIZ_TEXTS,
            spec["draws"],
            spec["fixed"],
            categories,
            questions,
            report,
        )
        _place_quiz(lesson, quiz, True, report)
    course = CoursePage.objects.filter(slug=ESSAY_QUIZ["course"]).first()
    lesson = last_lesson(course) if course is not None else None
    if lesson is not None:
        quiz = _seed_quiz(
            ESSAY_QUIZ["title"], ESSAY_QUIZ, [], ESSAY_QUIZ["fixed"], categories, questions, report
        )
        _place_quiz(lesson, quiz, False, report)
