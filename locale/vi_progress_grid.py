"""Vietnamese for a class's progress grid (people/admin_views/progress.py and its template).
Plural msgids are keyed by their singular: Vietnamese has one form. "Completed", "In progress",
"Not started", "Course", "Status", "Name", "Member" and "optional" are shared with other screens
and translated there."""

VI = {
    "Progress": "Tiến độ học tập",
    "Progress in the courses": "Tiến độ học tập",
    "This class has no course yet: add one to the class to follow its members' progress.": "Lớp chưa có khoá học nào: hãy thêm khoá học vào lớp để theo dõi tiến độ của học viên.",
    "Filter the members": "Lọc học viên",
    "All members": "Tất cả học viên",
    "Show": "Xem",
    "Show everyone": "Xem tất cả",
    "%(completed)s of %(counter)s member completed the course": "%(completed)s trên %(counter)s học viên đã hoàn thành khoá học",
    "In progress: %(in_progress)s. Not started: %(not_started)s.": "Đang học: %(in_progress)s. Chưa học: %(not_started)s.",
    "Deadline: %(deadline)s.": "Hạn hoàn thành: %(deadline)s.",
    "%(counter)s member shown.": "Đang hiển thị %(counter)s học viên.",
    "Export XLSX": "Xuất tệp Excel (.xlsx)",
    "Legend": "Chú giải",
    "Dates are when a lesson was completed.": "Ngày ghi dưới ký hiệu là ngày hoàn thành bài học.",
    "This course has no published lesson yet.": "Khoá học chưa có bài học nào được xuất bản.",
    "No member matches these filters.": "Không có học viên nào phù hợp với điều kiện lọc.",
    "Progress of the class's members in %(title)s": "Tiến độ học tập của học viên trong lớp: %(title)s",
    "Required lessons completed": "Số bài bắt buộc đã hoàn thành",
    "Course completed": "Hoàn thành khoá học",
    "Score": "Điểm (%)",
    "not enrolled in this course": "chưa ghi danh khoá học này",
    "left the course": "đã rút khỏi khoá học",
    "Completed, whole class": "Số người hoàn thành (cả lớp)",
}
