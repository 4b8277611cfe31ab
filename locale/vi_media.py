"""Vietnamese for media, offline reading and printing: the video/audio block (lms/blocks.py,
lms/templates/lms/blocks/media.html), the offline page (lms/templates/lms/offline.html) and the
guide's print version (lms/templates/courses/guide_print.html)."""

VI = {
    # Video/audio block, as authors see it in the editor
    "Video or audio": "Video hoặc âm thanh",
    "Video": "Video",
    "Audio": "Âm thanh",
    "Media file": "Tệp video, âm thanh",
    "Video: MP4 or WebM. Audio: MP3, M4A, OGG, WAV or WebM. Keep files small: trainees often watch on mobile data.": "Video: MP4 hoặc WebM. Âm thanh: MP3, M4A, OGG, WAV hoặc WebM. Nên dùng tệp dung lượng nhỏ: học viên thường xem bằng dữ liệu di động.",
    "Captions": "Phụ đề",
    "Videos: one WebVTT file per language. The first is shown by default.": "Với video: mỗi ngôn ngữ một tệp WebVTT. Phụ đề đầu tiên được bật sẵn.",
    "Captions file (WebVTT)": "Tệp phụ đề (WebVTT)",
    "A .vtt file with the words spoken and the sounds heard, timed.": "Tệp .vtt ghi lời nói và âm thanh kèm mốc thời gian.",
    "Language code": "Mã ngôn ngữ",
    "vi for Vietnamese, en for English.": "vi là tiếng Việt, en là tiếng Anh.",
    "Enter a language code such as vi or en.": "Nhập mã ngôn ngữ, ví dụ vi hoặc en.",
    "Name in the player": "Tên hiển thị trong trình phát",
    "The name listed in the player's captions menu.": "Tên hiện trong danh sách phụ đề của trình phát.",
    "Captions must be a WebVTT file (.vtt); this file is .%(extension)s.": "Phụ đề phải là tệp WebVTT (.vtt); tệp này có đuôi .%(extension)s.",
    "Poster image": "Ảnh đại diện",
    "Videos only: the picture shown before the video plays.": "Chỉ dùng cho video: ảnh hiện trước khi video được phát.",
    "Transcript": "Nội dung bằng chữ",
    "Everything said and shown, for people who cannot or do not play the media.": "Toàn bộ lời nói và nội dung hình ảnh, cho người không thể hoặc không muốn phát video, âm thanh.",
    "An audio file must be MP3, M4A, OGG, OGA, WAV or WebM; this file is .%(extension)s.": "Tệp âm thanh phải là MP3, M4A, OGG, OGA, WAV hoặc WebM; tệp này có đuôi .%(extension)s.",
    "A video file must be MP4, M4V or WebM; this file is .%(extension)s.": "Tệp video phải là MP4, M4V hoặc WebM; tệp này có đuôi .%(extension)s.",
    # Video/audio block, as trainees see it
    "This browser cannot play the recording: read the transcript below or download the file.": "Trình duyệt này không phát được bản ghi âm: hãy đọc nội dung bằng chữ bên dưới hoặc tải tệp về.",
    "This browser cannot play the video: read the transcript below or download the file.": "Trình duyệt này không phát được video: hãy đọc nội dung bằng chữ bên dưới hoặc tải tệp về.",
    "Download the recording": "Tải bản ghi âm",
    "Download the video": "Tải video",
    # Offline page
    "No connection": "Không có kết nối mạng",
    "This page has not been saved on this device, and it cannot be loaded without a connection.": "Trang này chưa được lưu trên thiết bị và không thể mở khi không có kết nối mạng.",
    "The guide chapters you have already opened can still be read offline.": "Các chuyên đề cẩm nang bạn đã mở trước đây vẫn đọc được khi không có mạng.",
    "Try again": "Thử lại",
    # The guide's print version
    "Print version / Save as PDF": "Bản in / Lưu PDF",
    "Print version": "Bản in",
    "To print the guide or save it as a PDF, use the browser's Print command (on a phone: Share, then Print).": "Để in cẩm nang hoặc lưu thành tệp PDF, hãy dùng lệnh In của trình duyệt (trên điện thoại: Chia sẻ, rồi chọn In).",
    "The guide has no chapter yet.": "Cẩm nang chưa có chuyên đề nào.",
}
