"""Write the Vietnamese in VI below into locale/vi/LC_MESSAGES/django.po.

Run after `manage.py makemessages -l vi` (`make messages-update` does both). VI is the one
reviewed source of the project's Vietnamese: every entry it names is rewritten from it, so
msgmerge's fuzzy guesses never reach the catalogue. It prints the msgids still untranslated.
"""

import re
from pathlib import Path

VI = {
    "Assessments": "Kiểm tra, đánh giá",
    "Certificates": "Chứng nhận",
    "Courses": "Khoá học",
    "introduction": "giới thiệu",
    "guide": "cẩm nang",
    "topic number": "số chuyên đề",
    "summary": "tóm tắt",
    "body": "nội dung",
    "guide chapter": "chuyên đề cẩm nang",
    "course catalogue": "danh mục khoá học",
    "audiences": "đối tượng",
    "Learning outcome": "Kết quả học tập",
    "learning outcomes": "kết quả học tập",
    "estimated time (minutes)": "thời lượng dự kiến (phút)",
    "course": "khoá học",
    "lesson": "bài học",
    "Site": "Trang web",
    "Heading": "Tiêu đề mục",
    "Paragraph": "Đoạn văn",
    "Image": "Hình ảnh",
    "Alternative text": "Văn bản thay thế",
    "What the image shows, for people who cannot see it.": "Mô tả nội dung hình ảnh cho người không nhìn thấy được.",
    "Caption": "Chú thích",
    "Kind": "Loại",
    "Note": "Lưu ý",
    "Tip": "Mẹo",
    "Warning": "Cảnh báo",
    "Title": "Tiêu đề",
    "Text": "Nội dung",
    "Callout": "Khung nhấn mạnh",
    "Situation": "Tình huống",
    "Questions to discuss": "Câu hỏi thảo luận",
    "Case study": "Tình huống thực tế",
    "Quotation": "Trích dẫn",
    "Source": "Nguồn",
    "Document": "Tài liệu",
    "Link text": "Chữ hiển thị của liên kết",
    "Document download": "Tải tài liệu",
    "headline": "tiêu đề chính",
    "home page": "trang chủ",
    "Communication of draft policies: training platform": "Nền tảng bồi dưỡng kỹ năng truyền thông dự thảo chính sách",
    "Page not found": "Không tìm thấy trang",
    "The page you asked for does not exist or has moved.": "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
    "Go to the home page": "Về trang chủ",
    "Policy communication training": "Bồi dưỡng truyền thông chính sách",
    "Skip to content": "Chuyển đến nội dung chính",
    "Decision 407/QĐ-TTg": "Quyết định 407/QĐ-TTg",
    "Main navigation": "Điều hướng chính",
    "Home": "Trang chủ",
    "Administration": "Quản trị",
    "Log out": "Đăng xuất",
    "Log in": "Đăng nhập",
    "A training platform of the justice sector for communicating draft policies that have a major impact on society (Decision 407/QĐ-TTg of 30 March 2022).": "Nền tảng bồi dưỡng của ngành Tư pháp về truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật (Quyết định số 407/QĐ-TTg ngày 30/3/2022).",
    "Audience": "Đối tượng",
    "All audiences": "Tất cả đối tượng",
    "Filter": "Lọc",
    "No course for this audience yet.": "Chưa có khoá học cho đối tượng này.",
    "Breadcrumb": "Đường dẫn",
    "About %(minutes)s minutes": "Khoảng %(minutes)s phút",
    "For": "Dành cho",
    "After this course you will be able to": "Sau khoá học, bạn có thể",
    "Lessons": "Bài học",
    "%(minutes)s min": "%(minutes)s phút",
    "Topic %(number)s": "Chuyên đề %(number)s",
    "Contents": "Mục lục",
    "%(counter)s lesson": "%(counter)s bài học",
    "about %(minutes)s minutes": "khoảng %(minutes)s phút",
    "Previous and next": "Bài trước và bài sau",
    "Previous": "Trước",
    "Next": "Tiếp theo",
    "See the courses": "Xem các khoá học",
    "Read the guide": "Đọc cẩm nang",
    "Courses for each audience": "Khoá học cho từng đối tượng",
    "Open the guide (%(counter)s topic)": "Mở cẩm nang (%(counter)s chuyên đề)",
    "Who is trained": "Đối tượng được bồi dưỡng",
    "Your username and password did not match. Please try again.": "Tên đăng nhập và mật khẩu không khớp. Vui lòng thử lại.",
    "Username": "Tên đăng nhập",
    "Password": "Mật khẩu",
    "Interactive media": "Học liệu tương tác",
    "People": "Người học",
    "name": "tên",
    "slug": "đường dẫn rút gọn",
    "description": "mô tả",
    "order": "thứ tự",
    "audience group": "nhóm đối tượng",
    "audience groups": "nhóm đối tượng",
    "Reports": "Báo cáo thống kê",
    "menu title": "tên trên trình đơn",
    "A short name for the site menu, read on narrow phone screens.": "Tên ngắn hiển thị trên trình đơn, dễ đọc trên màn hình điện thoại.",
    # Wagtail admin (lms/admin_vi.py)
    "Skip to main content": "Chuyển đến nội dung chính",
    "Site summary": "Tổng quan trang web",
    '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>': '%(total)s trang <span class="w-sr-only">đã tạo trên %(site_name)s</span>',
    '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>': '%(total)s hình ảnh <span class="w-sr-only">đã tạo trên %(site_name)s</span>',
    '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>': '%(total)s tài liệu <span class="w-sr-only">đã tạo trên %(site_name)s</span>',
    "Sign in": "Đăng nhập",
    "Sign in to Wagtail": "Đăng nhập trang quản trị",
    "Forgotten password?": "Quên mật khẩu?",
    "Signing in…": "Đang đăng nhập…",
    "Remember me": "Ghi nhớ đăng nhập",
    "Enter your %(username_field_name)s": "Nhập %(username_field_name)s của bạn",
    "Your %(username_field)s and password didn't match. Please try again.": "%(username_field)s và mật khẩu không khớp. Vui lòng thử lại.",
    "Images": "Hình ảnh",
    "Documents": "Tài liệu",
    "Snippets": "Danh mục dùng chung",
    "Help": "Trợ giúp",
    "Sites": "Trang web",
    "Collections": "Bộ sưu tập",
    "Redirects": "Chuyển hướng",
    "Workflows": "Quy trình duyệt",
    "Workflow tasks": "Bước duyệt",
    "Profile": "Hồ sơ",
    "Locked pages": "Trang đang khoá",
    "Site history": "Lịch sử trang web",
    "Aging pages": "Trang lâu chưa cập nhật",
    "Page types usage": "Sử dụng các loại trang",
    "Your most recent edits": "Các chỉnh sửa gần đây của bạn",
    "Name and Email": "Họ tên và thư điện tử",
    "Add child page": "Thêm trang con",
    "Save draft": "Lưu bản nháp",
    "Content": "Nội dung",
    "Promote": "Quảng bá",
    "Live": "Đang xuất bản",
    "Updated": "Cập nhật",
    "Type": "Loại",
    "Actions": "Thao tác",
    "History": "Lịch sử",
    "Sort menu order": "Sắp xếp thứ tự",
    "Move": "Di chuyển",
    "Add an image": "Thêm hình ảnh",
    "Page title": "Tiêu đề trang",
    "Comments": "Bình luận",
    "show in menus": "hiện trong trình đơn",
    "go live date/time": "thời điểm xuất bản",
    "expiry date/time": "thời điểm hết hạn",
}


def _area_translations() -> dict[str, str]:
    """Vietnamese kept beside this file per area (vi_<area>.py, each defining VI), merged in."""
    merged = {}
    for path in sorted(Path(__file__).parent.glob("vi_*.py")):
        namespace: dict = {}
        exec(compile(path.read_text(), str(path), "exec"), namespace)
        merged.update(namespace["VI"])
    return merged


VI.update(_area_translations())

MSGID = re.compile(r'^msgid ((?:".*"\n)+)', re.MULTILINE)
MSGCTXT = re.compile(r'^msgctxt ((?:".*"\n)+)', re.MULTILINE)


def unquote(block: str) -> str:
    return "".join(re.findall(r'"(.*)"', block)).replace('\\"', '"')


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fill_entry(entry: str, missing: list[str]) -> str:
    """One .po entry with its Vietnamese from VI; msgmerge's fuzzy guesses are replaced."""
    found = MSGID.search(entry)
    msgid = unquote(found.group(1)) if found else ""
    if not msgid:
        return entry
    context = MSGCTXT.search(entry)
    if context:  # an entry with msgctxt is keyed "context\x04msgid" in VI, as gettext does
        msgid = unquote(context.group(1)) + "\x04" + msgid
    if msgid not in VI:
        missing.append(msgid)
        return entry
    head = entry.split("\nmsgstr", 1)[0].splitlines()
    head = [line for line in head if not line.startswith("#| ") and line != "#, fuzzy"]
    head = [line.replace(", fuzzy", "") for line in head]
    key = "msgstr[0]" if "msgid_plural" in entry else "msgstr"
    return "\n".join([*head, f"{key} {quote(VI[msgid])}"])


def fill(po: Path) -> list[str]:
    header, *entries = po.read_text().rstrip("\n").split("\n\n")
    missing: list[str] = []
    header = header.replace("#, fuzzy\n", "", 1)
    po.write_text("\n\n".join([header, *(fill_entry(e, missing) for e in entries)]) + "\n")
    return missing


if __name__ == "__main__":
    left = fill(Path(__file__).parent / "vi" / "LC_MESSAGES" / "django.po")
    for msgid in left:
        print("untranslated:", msgid)
