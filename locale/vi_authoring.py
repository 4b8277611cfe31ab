"""Vietnamese for authoring: roles, the approval workflow and scheduled publishing.

This work adds no msgid of its own: the group names ("Giảng viên", "Người duyệt nội dung",
"Thống kê viên"), the workflow "Biên soạn và duyệt" and its task "Duyệt nội dung" are Vietnamese
data (migration lms/0002_authoring_roles), and the screens authors and reviewers use (save draft,
submit, approve, request changes, schedule) are Wagtail's own, translated in locale/wagtail/.
Msgids later added for authoring get their Vietnamese here.
"""

VI: dict[str, str] = {}
