"""Vietnamese for Wagtail's snippets catalogue (wagtail/snippets/locale), keyed by Wagtail's msgids.

A snippet is a "mục dùng chung"; the menu entry Snippets is "Danh mục dùng chung".
"""

VI = {
    "Wagtail snippets": "Mục dùng chung Wagtail",
    "Delete selected snippets": "Xoá các mục dùng chung đã chọn",
    "%(count)d %(model_name)s deleted.": "Đã xoá %(count)d %(model_name)s.",
    "Delete %(snippet_type_name)s": "Xoá %(snippet_type_name)s",
    "Delete ": "Xoá ",
    "Are you sure you want to delete this %(snippet_type_name)s?": "Bạn có chắc muốn xoá %(snippet_type_name)s này?",
    "Are you sure you want to delete %(count)s %(snippet_type_name)s?": "Bạn có chắc muốn xoá %(count)s %(snippet_type_name)s?",
    "You don't have permission to delete this %(snippet_type_name)s": "Bạn không có quyền xoá %(snippet_type_name)s này",
    "You don't have permission to delete these %(snippet_plural_name)s": "Bạn không có quyền xoá các %(snippet_plural_name)s này",
    'Sorry, no snippets match "<em>%(search_query)s</em>"': 'Rất tiếc, không có mục dùng chung nào khớp với "<em>%(search_query)s</em>"',
    'You haven\'t created any %(snippet_type_name)s snippets. Why not <a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">create one now</a>?': 'Bạn chưa tạo %(snippet_type_name)s nào. Hãy <a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">tạo mới ngay</a>.',
    "Replace current revision": "Thay phiên bản hiện tại",
    "Select all snippets in listing": "Chọn tất cả mục dùng chung trong danh sách",
    "Snippets": "Danh mục dùng chung",
    "Instances": "Số mục",
    "Choose %(object)s": "Chọn %(object)s",
    "Choose another %(object)s": "Chọn %(object)s khác",
}
