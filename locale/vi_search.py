"""Vietnamese for the site search (courses/views_search.py, courses/search.html, the header box)."""

VI = {
    "Search": "Tìm kiếm",
    "Search the guide and courses": "Tìm trong cẩm nang và khoá học",
    "Search: %(query)s": "Tìm kiếm: %(query)s",
    "Words to look for": "Từ khoá cần tìm",
    "You can type with or without diacritics: “du thao” finds “dự thảo”.": "Có thể gõ có dấu hoặc không dấu: “du thao” cũng tìm được “dự thảo”.",
    "%(counter)s result for “%(query)s”": "%(counter)s kết quả cho “%(query)s”",
    "Result pages": "Các trang kết quả",
    "Page %(number)s of %(total)s": "Trang %(number)s/%(total)s",
    "Nothing in the guide or the courses matches all of these words.": "Không có nội dung nào trong cẩm nang và các khoá học chứa đủ các từ này.",
    "Check the spelling, or type the words without diacritics.": "Kiểm tra lại chính tả, hoặc thử gõ không dấu.",
    "Use fewer words, or more general ones: every word must appear on the page.": "Dùng ít từ hơn hoặc từ khái quát hơn: trang kết quả phải chứa tất cả các từ đã gõ.",
    "Your search is too long: use at most %(limit)s characters, a few key words are enough.": "Nội dung tìm kiếm quá dài: chỉ dùng tối đa %(limit)s ký tự, vài từ khoá chính là đủ.",
}
