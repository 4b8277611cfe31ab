"""Vietnamese demo content for the Decision 407/QĐ-TTg training platform.

Pure data, read by the ``seed_demo`` management command: the default audience groups, the home
page, the skills guide (cẩm nang) and three starter courses. Bodies are lists of
``(block_type, value)`` tuples using the shared block palette in ``lms/blocks.py``.

Case studies describe illustrative, invented situations; figures and legal references are limited
to those stated in the programme documents (Decision 407/QĐ-TTg and provincial plans and reports).
"""

from __future__ import annotations

AUDIENCES = [
    {
        "slug": "bao-chi",
        "name": "Phóng viên, biên tập viên, cán bộ quản lý thông tin, báo chí",
        "description": "Người làm báo ở các cơ quan báo chí trung ương và địa phương, cùng cán bộ quản lý nhà nước về thông tin, báo chí. Họ được bồi dưỡng để đưa tin chính xác, cân bằng về dự thảo chính sách và xử lý thông tin khi dư luận còn nhiều ý kiến khác nhau.",
    },
    {
        "slug": "bao-cao-vien",
        "name": "Báo cáo viên pháp luật",
        "description": "Báo cáo viên pháp luật ở trung ương và cấp tỉnh, những người trực tiếp giới thiệu chính sách, pháp luật tại hội nghị và buổi đối thoại. Họ được tập huấn để trình bày dự thảo chính sách dễ hiểu, điều phối đối thoại và ghi nhận đầy đủ ý kiến của người dân, doanh nghiệp.",
    },
    {
        "slug": "phap-che",
        "name": "Công chức pháp chế",
        "description": "Công chức làm công tác pháp chế ở các bộ, ngành và các sở, ban, ngành cấp tỉnh. Họ tham mưu xây dựng văn bản và phối hợp tổ chức truyền thông, nên cần nắm chắc phạm vi, nội dung và quy trình truyền thông dự thảo chính sách.",
    },
    {
        "slug": "co-quan-soan-thao",
        "name": "Cán bộ cơ quan chủ trì soạn thảo",
        "description": "Cán bộ của cơ quan được giao chủ trì soạn thảo văn bản quy phạm pháp luật, nơi chịu trách nhiệm chính về truyền thông dự thảo chính sách. Họ học cách lập kế hoạch, chuẩn bị tài liệu, tiếp nhận và phản hồi ý kiến góp ý.",
    },
    {
        "slug": "tuyen-truyen-vien-xa",
        "name": "Tuyên truyền viên pháp luật cấp xã",
        "description": "Tuyên truyền viên pháp luật ở xã, phường, đặc khu, những người gần dân nhất. Họ được hướng dẫn cách nói về dự thảo chính sách bằng lời lẽ giản dị qua loa truyền thanh, bảng tin, nhóm Zalo, buổi họp thôn và chuyển ý kiến của bà con đến đúng nơi.",
    },
    {
        "slug": "khac",
        "name": "Cán bộ, công chức HĐND và đối tượng khác",
        "description": "Cán bộ, công chức giúp việc Hội đồng nhân dân, cán bộ Mặt trận Tổ quốc, các đoàn thể và những người khác tham gia truyền thông chính sách. Họ học để hiểu yêu cầu của Đề án, phối hợp với cơ quan soạn thảo và vận động người dân tham gia góp ý.",
    },
]

HOME = {
    "title": "Trang chủ",
    "hero_title": "Để người dân hiểu và góp ý ngay từ khi chính sách còn là dự thảo",
    "hero_text": "Đây là nền tảng học tập dành cho đội ngũ làm truyền thông chính sách trong ngành Tư pháp và các cơ quan phối hợp. Phóng viên, báo cáo viên pháp luật, công chức pháp chế, cán bộ cơ quan soạn thảo và tuyên truyền viên pháp luật cấp xã học tại đây các kỹ năng truyền thông dự thảo chính sách theo Quyết định số 407/QĐ-TTg.",
    "body": [
        ("heading", "Đề án 407 là gì?"),
        (
            "paragraph",
            "<p>Ngày 30/3/2022, Thủ tướng Chính phủ ban hành Quyết định số 407/QĐ-TTg phê duyệt Đề án “Tổ chức truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật giai đoạn 2022 - 2027”.</p><p>Điểm mới của Đề án là truyền thông <b>trước</b> khi văn bản được ban hành: khi chính sách mới ở dạng đề xuất hoặc dự thảo, người dân, tổ chức, doanh nghiệp đã được biết và được mời góp ý. Mục tiêu đặt ra là 70% dự thảo chính sách thuộc phạm vi được truyền thông trong năm 2022 và 100% từ năm 2023.</p>",
        ),
        ("heading", "Vì sao truyền thông dự thảo chính sách lại quan trọng?"),
        (
            "paragraph",
            "<ul><li>Người chịu tác động được biết sớm, có thời gian chuẩn bị.</li><li>Cơ quan soạn thảo nghe được ý kiến thực tế, nên văn bản sát thực tiễn, dễ thi hành hơn.</li><li>Điểm còn ý kiến khác nhau được thảo luận công khai, tạo đồng thuận.</li><li>Thông tin chính thức có sớm giúp hạn chế tin đồn.</li></ul>",
        ),
        ("heading", "Ai học trên nền tảng này?"),
        (
            "paragraph",
            "<p>Sáu nhóm học viên: người làm báo và quản lý báo chí; báo cáo viên pháp luật; công chức pháp chế; cán bộ cơ quan chủ trì soạn thảo; tuyên truyền viên pháp luật cấp xã; cán bộ, công chức HĐND và những người khác tham gia truyền thông chính sách. Mỗi nhóm có khóa học với ví dụ, bài tập sát công việc của mình.</p>",
        ),
        ("heading", "Học ở đây như thế nào?"),
        (
            "paragraph",
            "<ol><li><b>Học trực tuyến:</b> mỗi bài học ngắn, đọc được trên điện thoại, có tình huống để suy ngẫm và thảo luận.</li><li><b>Lớp tập huấn trực tiếp:</b> cơ quan tư pháp và các đơn vị tổ chức lớp tại địa phương; danh sách tham dự được ghi nhận trên nền tảng.</li><li><b>Bài kiểm tra:</b> sau mỗi khóa học có bài trắc nghiệm ngắn để tự đánh giá.</li><li><b>Chứng nhận:</b> học viên hoàn thành khóa học được cấp chứng nhận có mã riêng; cơ quan, đơn vị có thể tra cứu mã để xác minh.</li></ol>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Mới bắt đầu? Hãy đọc Cẩm nang trước",
                "body": "<p>Cẩm nang kỹ năng truyền thông chính sách tóm tắt những điều cốt lõi: dự thảo nào phải truyền thông, truyền thông những gì, lập kế hoạch ra sao, nhận và phản hồi ý kiến thế nào. Sau đó, hãy chọn khóa học dành cho nhóm của bạn.</p>",
            },
        ),
        (
            "callout",
            {
                "kind": "note",
                "title": "Thông tin cá nhân của học viên",
                "body": "<p>Nền tảng chỉ hỏi những thông tin cần cho việc học và báo cáo kết quả tập huấn. Thông tin nhạy cảm như dân tộc là không bắt buộc và chỉ dùng trong số liệu tổng hợp.</p>",
            },
        ),
    ],
}

GUIDE = {
    "title": "Cẩm nang kỹ năng truyền thông chính sách",
    "slug": "cam-nang",
    "intro": "Cẩm nang tóm lược những kỹ năng cốt lõi để truyền thông dự thảo chính sách có tác động lớn đến xã hội, viết ngắn gọn để đọc được trên điện thoại. Cấu trúc cẩm nang theo Tài liệu hướng dẫn kỹ năng truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật của Bộ Tư pháp (2023), gồm 11 chuyên đề và 2 phụ lục. Ấn bản này bắt đầu với các chuyên đề đầu tiên và bổ sung hai chuyên đề mà nhiều địa phương đưa vào tập huấn: xây dựng tài liệu truyền thông và xử lý vấn đề còn ý kiến khác nhau.",
    "chapters": [
        {
            "number": 1,
            "slug": "nhung-van-de-chung",
            "title": "Những vấn đề chung",
            "summary": "Đề án 407 là gì, dự thảo chính sách nào phải truyền thông, truyền thông những nội dung gì và ai chịu trách nhiệm.",
            "body": [
                ("heading", "Đề án và mục tiêu"),
                (
                    "paragraph",
                    "<p>Quyết định số 407/QĐ-TTg ngày 30/3/2022 của Thủ tướng Chính phủ phê duyệt Đề án “Tổ chức truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật giai đoạn 2022 - 2027”. Đề án yêu cầu truyền thông ngay trong quá trình xây dựng văn bản, từ khi chính sách còn ở giai đoạn đề xuất, chứ không đợi đến khi văn bản được thông qua.</p><p>Hai mốc cần nhớ:</p><ul><li>Năm 2022: ít nhất 70% dự thảo chính sách thuộc phạm vi được tổ chức truyền thông.</li><li>Từ năm 2023: 100% dự thảo chính sách thuộc phạm vi được tổ chức truyền thông.</li></ul>",
                ),
                (
                    "quote",
                    {
                        "text": "Tạo cơ chế, điều kiện để người dân, tổ chức, doanh nghiệp góp ý, phản biện trong quá trình đề xuất chính sách, xây dựng văn bản quy phạm pháp luật theo hướng lấy người dân làm trung tâm.",
                        "attribution": "Kế hoạch triển khai Quyết định 407/QĐ-TTg, tỉnh Lạng Sơn (2022)",
                    },
                ),
                ("heading", "Bốn tiêu chí của dự thảo chính sách phải truyền thông"),
                (
                    "paragraph",
                    "<p>Một dự thảo chính sách thuộc phạm vi Đề án khi đáp ứng <b>đồng thời</b> bốn tiêu chí:</p><ol><li>Là chính sách trong văn bản quy phạm pháp luật mà theo Luật Ban hành văn bản quy phạm pháp luật phải lập đề nghị xây dựng trước khi soạn thảo; không bao gồm nội dung thuộc bí mật nhà nước.</li><li>Tác động trực tiếp, làm phát sinh, thay đổi hoặc chấm dứt quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp.</li><li>Là vấn đề khó, nhạy cảm, được dư luận quan tâm hoặc có nhiều ý kiến khác nhau.</li><li>Có tác động trên phạm vi toàn tỉnh (với văn bản của địa phương) hoặc cả nước (với văn bản ở trung ương).</li></ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Không thuộc phạm vi vẫn phải công khai để lấy ý kiến",
                        "body": "<p>Dự thảo không đủ bốn tiêu chí vẫn phải được đăng tải, lấy ý kiến theo Luật Ban hành văn bản quy phạm pháp luật. Kế hoạch của tỉnh Lạng Sơn, chẳng hạn, yêu cầu đăng toàn văn mọi dự thảo văn bản của HĐND, UBND tỉnh trên Cổng thông tin điện tử của tỉnh ít nhất 30 ngày.</p>",
                    },
                ),
                ("heading", "Truyền thông những nội dung gì"),
                (
                    "paragraph",
                    "<ul><li>Vì sao cần có chính sách; chính sách nhằm mục đích gì, dựa trên quan điểm nào; điều chỉnh vấn đề gì và áp dụng cho ai.</li><li>Nội dung cơ bản của chính sách.</li><li>So với quy định đang áp dụng, quyền, lợi ích hợp pháp và nghĩa vụ của người dân, tổ chức, doanh nghiệp được thêm, sửa hay bỏ ở đâu; nhất là những điểm khó, còn nhiều ý kiến khác nhau.</li><li>Những thông tin khác mà xã hội cần biết, nếu có.</li></ul>",
                ),
                ("heading", "Ai làm gì"),
                (
                    "paragraph",
                    "<ul><li><b>Cơ quan chủ trì soạn thảo:</b> chịu trách nhiệm chính, từ lập kế hoạch, xây dựng tài liệu đến tiếp nhận và xử lý góp ý.</li><li><b>Sở Tư pháp:</b> thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật (PBGDPL) tỉnh; đôn đốc, tổng hợp, tập huấn, biên soạn tài liệu hướng dẫn.</li><li><b>Báo, đài và cơ quan quản lý báo chí ở địa phương:</b> chuyên trang, chuyên mục, định hướng thông tin.</li><li><b>Mặt trận Tổ quốc, đoàn thể, Hội Luật gia, Đoàn Luật sư, hiệp hội doanh nghiệp:</b> vận động hội viên góp ý, phản biện.</li><li><b>Ủy ban nhân dân cấp xã:</b> đưa thông tin đến khu dân cư, tổng hợp ý kiến người dân.</li></ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "note",
                        "title": "Sau khi sắp xếp chính quyền địa phương năm 2025",
                        "body": "<p>Từ ngày 1/7/2025, chính quyền địa phương có hai cấp: 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu; không còn cấp huyện. Những việc các kế hoạch năm 2022 giao cho cấp huyện, như tập huấn tuyên truyền viên pháp luật cấp xã, nay do cấp tỉnh và cấp xã thực hiện theo phân công của từng địa phương.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Dự thảo nào thuộc phạm vi Đề án?",
                        "situation": "<p><i>Tình huống giả định.</i> Một tỉnh chuẩn bị ba dự thảo:</p><ol><li>Nghị quyết của HĐND tỉnh quy định mức hỗ trợ di dời chuồng trại chăn nuôi ra khỏi khu dân cư trên toàn tỉnh; nhiều hộ lo chi phí di dời vượt mức hỗ trợ.</li><li>Quyết định của UBND tỉnh sửa quy chế phối hợp gửi báo cáo định kỳ giữa các sở.</li><li>Nghị quyết quy định một khoản phí chỉ áp dụng tại một khu du lịch thuộc một xã.</li></ol>",
                        "questions": "<ol><li>Dự thảo nào đáp ứng đủ bốn tiêu chí? Hãy nêu lý do cho từng tiêu chí.</li><li>Với dự thảo không đủ tiêu chí, cơ quan soạn thảo vẫn phải làm những gì để người dân biết và góp ý?</li></ol>",
                    },
                ),
            ],
        },
        {
            "number": 2,
            "slug": "lap-ke-hoach-truyen-thong",
            "title": "Lập kế hoạch truyền thông dự thảo chính sách",
            "summary": "Các bước xây dựng một kế hoạch truyền thông gọn, khả thi cho từng dự thảo, từ mục tiêu đến kinh phí và phân công.",
            "body": [
                (
                    "paragraph",
                    "<p>Cơ quan chủ trì soạn thảo cần có kế hoạch truyền thông hằng năm cho các dự thảo dự kiến xây dựng, và với dự thảo lớn thì nên có kế hoạch riêng. Kế hoạch tốt bắt đầu từ khi lập đề nghị xây dựng văn bản, không phải khi dự thảo sắp trình.</p>",
                ),
                ("heading", "Bảy câu hỏi của một bản kế hoạch"),
                (
                    "paragraph",
                    "<ol><li><b>Mục tiêu:</b> truyền thông để đạt điều gì, ví dụ mọi nhóm chịu tác động trực tiếp đều biết và có ý kiến trước hạn góp ý.</li><li><b>Đối tượng:</b> ai chịu tác động, ai ảnh hưởng đến dư luận, ai là người truyền tin trung gian?</li><li><b>Thông điệp:</b> ba đến năm ý chính, nói thống nhất.</li><li><b>Kênh:</b> kênh nào đến được từng nhóm?</li><li><b>Thời gian:</b> mốc nào gắn với từng bước xây dựng văn bản?</li><li><b>Kinh phí:</b> bao nhiêu, từ nguồn nào?</li><li><b>Phân công:</b> ai làm, ai phối hợp, ai chịu trách nhiệm?</li></ol>",
                ),
                ("heading", "Đối tượng và thông điệp"),
                (
                    "paragraph",
                    "<p>Liệt kê cụ thể các nhóm chịu tác động thay vì viết chung chung “người dân, doanh nghiệp”; ví dụ với chính sách hỗ trợ nông nghiệp: hộ trồng trọt, hộ chăn nuôi, hợp tác xã, doanh nghiệp thu mua. Mỗi nhóm có mối quan tâm và kênh tiếp cận riêng. Viết mỗi thông điệp thành một câu ngắn; nếu người không làm pháp luật nghe xong nhắc lại được ý chính, thông điệp đã đạt.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Thông điệp chính trả lời ba câu hỏi",
                        "body": "<ul><li>Vì sao cần chính sách này?</li><li>Điều gì thay đổi với tôi, gia đình tôi, doanh nghiệp của tôi?</li><li>Tôi góp ý ở đâu, đến khi nào?</li></ul>",
                    },
                ),
                ("heading", "Thời gian biểu gắn với quy trình xây dựng văn bản"),
                (
                    "paragraph",
                    "<ul><li><b>Đề nghị xây dựng văn bản:</b> giới thiệu vấn đề và các phương án; mời góp ý sớm.</li><li><b>Soạn thảo, lấy ý kiến:</b> đăng toàn văn trong thời hạn luật định (các kế hoạch cấp tỉnh yêu cầu ít nhất 30 ngày); báo chí, hội nghị, đối thoại, truyền thông ở cơ sở.</li><li><b>Tiếp thu, chỉnh lý, trình:</b> công bố kết quả tiếp thu, giải trình.</li><li><b>Sau khi thông qua:</b> phổ biến văn bản, giải đáp vướng mắc.</li></ul>",
                ),
                ("heading", "Kinh phí và phân công"),
                (
                    "paragraph",
                    "<p>Kinh phí thực hiện ở cấp nào do ngân sách cấp đó bảo đảm; cơ quan chủ động bố trí trong dự toán được giao, có thể lồng ghép với các chương trình PBGDPL và huy động nguồn hợp pháp khác. Trong phân công, cần ghi rõ một người đầu mối, người phát ngôn, người tổng hợp ý kiến góp ý và người liên hệ với báo chí.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Việc phối hợp trong công tác truyền thông các chính sách và PBGDPL ở cấp huyện, cấp xã có nơi còn thực hiện hình thức hoặc không thực hiện, thể hiện ở việc qua kiểm tra có số liệu trong báo cáo nhưng không có các tài liệu, bài, nội dung tuyên truyền cụ thể.",
                        "attribution": "Bài sơ kết 02 năm thực hiện Quyết định 407/QĐ-TTg, Trang thông tin PBGDPL tỉnh Đắk Nông",
                    },
                ),
                (
                    "paragraph",
                    "<p>Vì vậy, hãy ghi ngay vào kế hoạch cách lưu minh chứng: bài đã đăng, bản ghi phát thanh, ảnh bảng tin, danh sách tham dự, sổ tổng hợp ý kiến. Số cuộc, số lớp, số lượt người tham dự trong báo cáo phải khớp với hồ sơ lưu.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Kế hoạch cho dự thảo nghị quyết hỗ trợ sản xuất nông nghiệp",
                        "situation": "<p><i>Tình huống giả định.</i> Cơ quan chuyên môn về nông nghiệp của một tỉnh miền núi được giao soạn thảo nghị quyết của HĐND tỉnh về hỗ trợ chuyển đổi cây trồng trên đất lúa kém hiệu quả. Còn khoảng ba tháng đến kỳ họp HĐND. Nhiều thôn vùng cao ít dùng Internet; kinh phí truyền thông hạn chế.</p>",
                        "questions": "<ol><li>Hãy xác định ít nhất bốn nhóm đối tượng và mối quan tâm chính của từng nhóm.</li><li>Viết ba thông điệp chính, mỗi thông điệp một câu.</li><li>Chọn kênh phù hợp cho các thôn vùng cao và giải thích vì sao.</li><li>Lập thời gian biểu theo tuần, bảo đảm thời hạn đăng tải lấy ý kiến.</li></ol>",
                    },
                ),
            ],
        },
        {
            "number": 3,
            "slug": "cung-cap-thong-tin-va-phan-hoi-y-kien",
            "title": "Cung cấp thông tin; tiếp nhận, xử lý và phản hồi ý kiến",
            "summary": "Cách công khai dự thảo, cung cấp thông tin cho báo chí và biến ý kiến góp ý thành một vòng phản hồi khép kín.",
            "body": [
                ("heading", "Công khai dự thảo đúng và đủ"),
                (
                    "paragraph",
                    "<p>Toàn văn dự thảo văn bản của HĐND, UBND tỉnh và hồ sơ đề nghị xây dựng nghị quyết của HĐND tỉnh được đăng trên Cổng thông tin điện tử của tỉnh để cơ quan, tổ chức, cá nhân góp ý; các kế hoạch triển khai Đề án yêu cầu thời hạn đăng ít nhất 30 ngày. Đăng tải là điều kiện cần, nhưng chưa đủ: người dân chỉ góp ý khi họ biết dự thảo tồn tại và hiểu được nội dung.</p>",
                ),
                (
                    "paragraph",
                    "<p>Một trang lấy ý kiến nên có:</p><ul><li>Tên dự thảo, cơ quan chủ trì, ngày đăng, hạn cuối nhận góp ý.</li><li>Bản tóm tắt dễ hiểu và bộ câu hỏi thường gặp.</li><li>Toàn văn dự thảo và tài liệu kèm theo.</li><li>Cách góp ý: biểu mẫu trực tuyến, thư điện tử, địa chỉ, số điện thoại đầu mối.</li></ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Kiểm tra quy định đang có hiệu lực",
                        "body": "<p>Thời hạn 30 ngày được các kế hoạch cấp tỉnh nêu theo Luật Ban hành văn bản quy phạm pháp luật tại thời điểm ban hành kế hoạch. Trước khi lập kế hoạch cho từng dự thảo, hãy kiểm tra quy định hiện hành và hướng dẫn của Bộ Tư pháp, Sở Tư pháp về thời hạn và cách thức lấy ý kiến đối với loại văn bản đó.</p>",
                    },
                ),
                ("heading", "Cung cấp thông tin cho báo chí"),
                (
                    "paragraph",
                    "<p>Việc phát ngôn và cung cấp thông tin cho báo chí thực hiện theo Nghị định số 09/2017/NĐ-CP; thông tin về dự thảo là thông tin công khai theo Luật Tiếp cận thông tin, trừ nội dung thuộc bí mật nhà nước. Với mỗi dự thảo lớn, cơ quan soạn thảo nên:</p><ul><li>Xác định người phát ngôn hoặc người được ủy quyền trả lời về dự thảo.</li><li>Chuẩn bị thông cáo báo chí và bộ tài liệu gửi kèm.</li><li>Họp báo khi bắt đầu lấy ý kiến và khi có thay đổi quan trọng.</li><li>Trả lời phóng viên đúng hẹn.</li></ul>",
                ),
                ("heading", "Tiếp nhận và xử lý ý kiến"),
                (
                    "paragraph",
                    "<ol><li><b>Mở nhiều kênh nhận:</b> cổng thông tin, thư điện tử, văn bản, biên bản hội nghị, ý kiến do báo chí và cấp xã chuyển đến.</li><li><b>Ghi vào một sổ tổng hợp chung:</b> ngày, kênh, người góp ý (nếu họ đồng ý nêu tên), nội dung, điều khoản liên quan.</li><li><b>Phân loại:</b> đồng tình; đề nghị sửa; không đồng tình; câu hỏi; ngoài phạm vi.</li><li><b>Nghiên cứu:</b> bộ phận chuyên môn xem xét, nhất là ý kiến về điểm còn tranh luận.</li><li><b>Tiếp thu hoặc giải trình</b>, nêu rõ lý do.</li><li><b>Phản hồi</b> công khai qua chính các kênh đã lấy ý kiến.</li></ol>",
                ),
                ("heading", "Phản hồi để khép lại vòng góp ý"),
                (
                    "paragraph",
                    "<p>Người góp ý muốn biết ý kiến của mình đi đến đâu. Sau khi hết hạn lấy ý kiến, hãy công bố bản tổng hợp tiếp thu, giải trình; viết một bản tóm tắt dễ hiểu về những điểm đã thay đổi; cung cấp cho báo chí và gửi về cấp xã để thông báo lại cho người dân. Khi thu thập ý kiến, chỉ đề nghị những thông tin cá nhân thật sự cần thiết.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Hai nghìn ý kiến trong hai tuần",
                        "situation": "<p><i>Tình huống giả định.</i> Một dự thảo quy định giá dịch vụ trông giữ xe nhận được rất nhiều ý kiến qua cổng thông tin và trang Facebook của cơ quan. Phần lớn ý kiến lặp lại cùng một nội dung: mức thu với xe máy ở bệnh viện và trường học quá cao. Một số ý kiến phàn nàn về chuyện khác, như chất lượng bãi xe. Bộ phận soạn thảo chỉ có hai người.</p>",
                        "questions": "<ol><li>Anh/chị tổ chức sổ tổng hợp và phân loại thế nào để không bỏ sót ý kiến?</li><li>Với các ý kiến lặp lại, nên phản hồi riêng từng người hay phản hồi chung? Vì sao?</li><li>Bản tóm tắt kết quả tiếp thu cần có những nội dung gì?</li></ol>",
                    },
                ),
            ],
        },
        {
            "number": 4,
            "slug": "xay-dung-tai-lieu-truyen-thong",
            "title": "Xây dựng tài liệu truyền thông",
            "summary": "Cách biến hồ sơ dự thảo thành hỏi – đáp, đồ họa thông tin, bài viết ngắn và bài phát thanh mà người dân đọc, nghe là hiểu.",
            "body": [
                (
                    "quote",
                    {
                        "text": "Xây dựng tài liệu, nội dung truyền thông dự thảo chính sách bảo đảm đầy đủ, ngắn gọn, dễ hiểu, hình thức phong phú, sinh động.",
                        "attribution": "Kế hoạch triển khai Quyết định 407/QĐ-TTg, tỉnh Lạng Sơn (2022)",
                    },
                ),
                ("heading", "Nguyên tắc chung"),
                (
                    "paragraph",
                    "<ul><li><b>Đúng với dự thảo:</b> luôn ghi rõ đây là dự thảo đang lấy ý kiến, chưa có hiệu lực; ghi phiên bản, ngày đăng.</li><li><b>Một sản phẩm, một nhóm đối tượng:</b> tờ gấp cho hộ gia đình khác với bản tin cho doanh nghiệp.</li><li><b>Ngắn và cụ thể:</b> dùng ví dụ một hộ gia đình, một cửa hàng để minh họa.</li><li><b>Thống nhất:</b> mọi sản phẩm dùng chung một bộ số liệu và một bộ thông điệp.</li><li><b>Luôn có lời mời góp ý:</b> góp ý ở đâu, đến ngày nào.</li></ul>",
                ),
                ("heading", "Bộ hỏi – đáp"),
                (
                    "paragraph",
                    "<p>Viết từ tám đến mười hai câu hỏi theo cách người dân thực sự hỏi, trả lời mỗi câu trong ba đến năm câu. Những câu hỏi nên có:</p><ul><li>Vì sao lại cần quy định này?</li><li>Quy định áp dụng cho ai? Tôi có thuộc diện này không?</li><li>So với hiện nay, tôi được thêm gì, phải làm thêm gì?</li><li>Nếu được thông qua, khi nào bắt đầu áp dụng?</li><li>Tôi góp ý bằng cách nào?</li></ul>",
                ),
                ("heading", "Đồ họa thông tin"),
                (
                    "paragraph",
                    "<p>Đồ họa thông tin chỉ nên chuyển tải một thông điệp với không quá năm ý. Chữ phải đủ lớn để đọc trên điện thoại; số liệu lấy đúng từ dự thảo; có dòng chữ “Dự thảo lấy ý kiến”, tên cơ quan soạn thảo và cách góp ý. Nên làm thêm một bản khổ dọc để dán bảng tin và chia sẻ trong nhóm Zalo.</p>",
                ),
                ("heading", "Bài viết ngắn và bài phát thanh"),
                (
                    "paragraph",
                    "<p><b>Bài viết ngắn</b> cho trang thông tin điện tử nên đi theo thứ tự: điều gì thay đổi, ai chịu tác động, vì sao, điểm còn ý kiến khác nhau, cách góp ý.</p><p><b>Bài phát thanh</b> cho loa truyền thanh cơ sở cần câu ngắn, từ quen thuộc, không viết tắt, đọc số rõ ràng; dài khoảng hai đến ba phút; nhắc lại hạn góp ý ở cuối bài. Cơ quan soạn thảo nên gửi kèm bài phát thanh mẫu để cấp xã có thể phát ngay.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Thử với người thật",
                        "body": "<p>Trước khi phát hành, đưa bản nháp cho hai, ba người không làm pháp luật đọc hoặc nghe, rồi hỏi họ hiểu gì. Chỗ nào họ hiểu sai là chỗ cần viết lại.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Từ tờ trình dày đến một tờ gấp",
                        "situation": "<p><i>Tình huống giả định.</i> Một tỉnh lấy ý kiến dự thảo quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt. Dự thảo áp dụng cho mọi hộ gia đình, chia mức thu theo khu vực và lần đầu có mức thu riêng cho hộ kinh doanh nhỏ. Tờ trình và báo cáo đánh giá tác động dài hàng chục trang.</p>",
                        "questions": "<ol><li>Chọn năm thông tin quan trọng nhất để đưa vào tờ gấp cho hộ gia đình.</li><li>Viết ba câu hỏi – đáp cho hộ kinh doanh nhỏ.</li><li>Thiết kế nội dung một đồ họa thông tin: thông điệp là gì, gồm những ý nào?</li><li>Làm thế nào để trình bày mức thu mới một cách trung thực, không gây hoang mang?</li></ol>",
                    },
                ),
            ],
        },
        {
            "number": 5,
            "slug": "xu-ly-van-de-con-y-kien-khac-nhau",
            "title": "Xử lý vấn đề còn ý kiến khác nhau và khủng hoảng truyền thông",
            "summary": "Cách nhận diện sớm, trao đổi cởi mở và phản ứng kịp thời khi một dự thảo gây tranh luận hoặc bị hiểu sai trên diện rộng.",
            "body": [
                (
                    "paragraph",
                    "<p>Mọi dự thảo thuộc phạm vi Đề án đều là vấn đề khó, nhạy cảm hoặc có nhiều ý kiến khác nhau, vì đó là một trong bốn tiêu chí. Vì vậy, tranh luận không phải là sự cố. Mục tiêu của truyền thông là giúp cuộc tranh luận dựa trên thông tin đúng và để mọi nhóm chịu tác động được lắng nghe.</p>",
                ),
                ("heading", "Nhận diện sớm điểm nóng"),
                (
                    "paragraph",
                    "<ul><li>Nghĩa vụ tài chính mới: phí, giá dịch vụ, mức đóng góp.</li><li>Đất đai, di dời, giải phóng mặt bằng.</li><li>Hạn chế một thói quen lâu năm, như giờ kinh doanh, chăn nuôi trong khu dân cư.</li><li>Chính sách có nhóm được lợi và nhóm chịu thiệt rõ rệt.</li></ul><p>Theo dõi báo chí, mạng xã hội và phản ánh từ cơ sở ngay từ giai đoạn đề nghị xây dựng văn bản.</p>",
                ),
                ("heading", "Trao đổi cởi mở về điểm còn ý kiến khác nhau"),
                (
                    "paragraph",
                    "<p>Hãy nói thẳng: điểm nào còn ý kiến khác nhau, có những phương án nào, mỗi phương án được và mất gì, cơ quan soạn thảo đang nghiêng về phương án nào và vì sao. Mời đúng nhóm chịu tác động đến đối thoại; mời chuyên gia, luật sư, hiệp hội để phân tích độc lập. Đặt câu hỏi góp ý cụ thể, tránh hỏi chung chung “có đồng ý không”.</p>",
                ),
                ("heading", "Khi xảy ra khủng hoảng truyền thông"),
                (
                    "paragraph",
                    "<p>Dấu hiệu: thông tin sai về dự thảo lan nhanh trên mạng; người dân bức xúc, tụ tập hoặc gọi điện dồn dập; nhiều cơ quan báo chí cùng đặt câu hỏi. Các bước gợi ý:</p><ol><li>Xác minh nhanh: thông tin nào sai, sai ở đâu, nguồn từ đâu.</li><li>Báo cáo lãnh đạo, thống nhất nội dung với người phát ngôn.</li><li>Lên tiếng sớm bằng thông tin chính xác: đây là dự thảo, đang lấy ý kiến, nội dung thực tế là gì.</li><li>Cung cấp thông tin cho báo chí theo Nghị định số 09/2017/NĐ-CP.</li><li>Trao đổi trực tiếp với nhóm chịu tác động, qua cấp xã và các đoàn thể.</li><li>Theo dõi phản ứng, cập nhật bộ hỏi – đáp.</li><li>Rút kinh nghiệm sau khi sự việc lắng xuống.</li></ol>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Những điều không nên làm",
                        "body": "<ul><li>Im lặng kéo dài với hy vọng dư luận tự lắng xuống.</li><li>Phủ nhận chung chung mà không đưa ra thông tin cụ thể.</li><li>Phê phán, quy chụp người có ý kiến khác.</li><li>Hứa hẹn điều mà dự thảo không quy định.</li><li>Xóa các bình luận phản đối có nội dung nghiêm túc.</li></ul>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Tin đồn “cấm xe tải vào thành phố”",
                        "situation": "<p><i>Tình huống giả định.</i> Một tỉnh lấy ý kiến dự thảo hạn chế xe tải trên một số tuyến phố trung tâm vào giờ cao điểm. Một bài đăng trên mạng viết rằng “từ tháng sau cấm toàn bộ xe tải, kể cả xe chở nông sản vào chợ đầu mối” và được chia sẻ hàng nghìn lần. Tiểu thương lo lắng; phóng viên liên tục gọi cho cơ quan soạn thảo.</p>",
                        "questions": "<ol><li>Trong ngày đầu tiên, cơ quan soạn thảo cần làm những việc gì, theo thứ tự nào?</li><li>Soạn ba câu chính cho thông cáo báo chí đính chính.</li><li>Làm thế nào để thông tin đúng đến được tiểu thương ở chợ đầu mối?</li></ol>",
                    },
                ),
                (
                    "quote",
                    {
                        "text": "Tổ chức tập huấn cho đội ngũ phóng viên, biên tập viên, cán bộ quản lý thông tin, báo chí ở địa phương về kiến thức, kỹ năng truyền thông, xử lý thông tin khi thực hiện truyền thông dự thảo chính sách, nhất là những vấn đề khó, có nhiều ý kiến khác nhau.",
                        "attribution": "Kế hoạch triển khai Quyết định 407/QĐ-TTg, tỉnh Lạng Sơn (2022)",
                    },
                ),
            ],
        },
    ],
}

COURSES = [
    {
        "slug": "bao-chi-dua-tin-du-thao-chinh-sach",
        "title": "Đưa tin về dự thảo chính sách: kỹ năng cho người làm báo",
        "audiences": ["bao-chi"],
        "summary": "Khóa học giúp phóng viên, biên tập viên và cán bộ quản lý thông tin, báo chí nhận diện dự thảo chính sách có tác động lớn, đọc hồ sơ dự thảo và viết bài giải thích chính xác, dễ hiểu. Học viên cũng luyện cách phản ánh ý kiến người dân và đưa tin cân bằng khi dự thảo còn nhiều ý kiến khác nhau.",
        "outcomes": [
            "Nhận diện dự thảo chính sách thuộc phạm vi Đề án 407 theo bốn tiêu chí.",
            "Đọc hồ sơ dự thảo để tìm ra điểm mới và điểm thay đổi về quyền, nghĩa vụ.",
            "Viết bài giải thích dự thảo chính xác, dễ hiểu và kiểm chứng với cơ quan chủ trì soạn thảo.",
            "Chuyển ý kiến của bạn đọc, khán giả thành góp ý có giá trị và theo dõi việc tiếp thu.",
            "Đưa tin cân bằng về vấn đề còn ý kiến khác nhau và hạn chế lan truyền thông tin sai.",
        ],
        "estimated_minutes": 80,
        "lessons": [
            {
                "slug": "nhan-dien-du-thao-can-dua-tin",
                "title": "Dự thảo chính sách nào cần đưa tin?",
                "summary": "Dùng bốn tiêu chí của Đề án 407 để nhận ra dự thảo chính sách cần được báo chí theo dõi từ sớm.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Vì sao báo chí giữ vai trò trung tâm"),
                    (
                        "paragraph",
                        "<p>Quyết định số 407/QĐ-TTg ngày 30/3/2022 yêu cầu truyền thông dự thảo chính sách ngay trong quá trình xây dựng văn bản, với mục tiêu 100% dự thảo thuộc phạm vi được truyền thông từ năm 2023. Người dân thường biết đến dự thảo qua báo, đài, mạng xã hội hơn là qua cổng thông tin của cơ quan nhà nước, nên các kế hoạch ở địa phương giao báo, đài mở chuyên trang, chuyên mục. Người làm báo vừa đưa tin, vừa là cầu nối đưa ý kiến người dân đến cơ quan soạn thảo.</p>",
                    ),
                    ("heading", "Bốn tiêu chí thành bốn câu hỏi của phóng viên"),
                    (
                        "paragraph",
                        "<ol><li><b>Đây có phải chính sách trong văn bản quy phạm pháp luật phải lập đề nghị xây dựng trước khi soạn thảo?</b> (Nội dung thuộc bí mật nhà nước không thuộc phạm vi.)</li><li><b>Nó làm phát sinh, thay đổi hay chấm dứt quyền, nghĩa vụ của ai?</b></li><li><b>Có phải vấn đề khó, nhạy cảm, dư luận quan tâm hoặc nhiều ý kiến khác nhau?</b></li><li><b>Tác động có trên phạm vi toàn tỉnh, hoặc cả nước?</b></li></ol><p>Dự thảo trả lời “có” cả bốn câu là dự thảo cơ quan soạn thảo phải tổ chức truyền thông, và là đề tài tòa soạn nên theo dõi từ đầu.</p>",
                    ),
                    ("heading", "Tìm dự thảo ở đâu"),
                    (
                        "paragraph",
                        "<ul><li>Chuyên mục lấy ý kiến dự thảo trên Cổng thông tin điện tử của tỉnh, trang thông tin của các sở, ngành và Trang thông tin phổ biến, giáo dục pháp luật.</li><li>Chương trình kỳ họp và hồ sơ đề nghị xây dựng nghị quyết của HĐND tỉnh.</li><li>Kế hoạch truyền thông hằng năm của cơ quan chủ trì soạn thảo; họp báo định kỳ.</li><li>Câu hỏi của bạn đọc về một quy định “nghe nói sắp có”.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Lập bảng theo dõi dự thảo của tòa soạn",
                            "body": "<p>Một bảng tính đơn giản là đủ: tên dự thảo, cơ quan chủ trì, ngày đăng lấy ý kiến, hạn góp ý, người đầu mối, điểm nóng dự kiến, phóng viên phụ trách. Cập nhật mỗi tuần tại buổi giao ban để không bỏ lỡ thời hạn góp ý.</p>",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": "Đội ngũ phóng viên, biên tập viên, cán bộ quản lý thông tin tại địa phương chưa được tập huấn về kiến thức, kỹ năng truyền thông, kỹ năng xử lý truyền thông khi tiến hành thực hiện truyền thông chính sách, đặc biệt là những vấn đề phức tạp, có nhiều ý kiến khác nhau.",
                            "attribution": "Báo cáo số 3457/BC-UBND ngày 18/12/2023 của UBND thị xã Hương Trà, tỉnh Thừa Thiên Huế",
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Giao ban đầu tuần: chọn dự thảo nào?",
                            "situation": "<p><i>Tình huống giả định.</i> Giao ban đầu tuần, thư ký tòa soạn đưa ra ba dự thảo vừa đăng lấy ý kiến:</p><ol><li>Nghị quyết của HĐND tỉnh về hỗ trợ học phí cho trẻ học mầm non ngoài công lập.</li><li>Quyết định của UBND tỉnh sửa quy chế làm việc nội bộ của một sở.</li><li>Nghị quyết quy định lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ.</li></ol>",
                            "questions": "<ol><li>Dự thảo nào đáp ứng bốn tiêu chí? Dự thảo nào không, vì thiếu tiêu chí nào?</li><li>Với từng dự thảo được chọn, góc tiếp cận của bài viết đầu tiên là gì?</li><li>Anh/chị sẽ liên hệ ai ở cơ quan soạn thảo trước tiên, và hỏi gì?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "tu-ho-so-den-bai-giai-thich",
                "title": "Từ hồ sơ dự thảo đến bài giải thích",
                "summary": "Đọc hồ sơ dự thảo để tìm điều mới, kiểm chứng với cơ quan chủ trì soạn thảo và viết bài giải thích chính xác, dễ hiểu.",
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        "<p>Bạn đọc luôn hỏi: “Quy định này thay đổi gì với tôi?”. Thông cáo báo chí thường không trả lời đủ câu hỏi đó; câu trả lời nằm trong hồ sơ dự thảo. Bài giải thích tốt giúp người đọc đủ hiểu để góp ý, chứ không chỉ để biết.</p>",
                    ),
                    ("heading", "Bốn nhóm nội dung cần nắm"),
                    (
                        "paragraph",
                        "<ol><li>Vì sao cần chính sách; mục đích, phạm vi, đối tượng áp dụng.</li><li>Nội dung cơ bản.</li><li><b>Điểm mới hoặc thay đổi</b> về quyền lợi, nghĩa vụ so với hiện hành, nhất là điểm còn nhiều ý kiến khác nhau.</li><li>Thông tin khác: hạn góp ý, cách góp ý, thời điểm dự kiến trình.</li></ol>",
                    ),
                    ("heading", "Đọc hồ sơ theo thứ tự nào"),
                    (
                        "paragraph",
                        "<ul><li><b>Tờ trình:</b> lý do, mục tiêu, quan điểm xây dựng chính sách.</li><li><b>Báo cáo đánh giá tác động:</b> ai được lợi, ai chịu chi phí, các phương án đã cân nhắc.</li><li><b>Dự thảo văn bản:</b> mức tiền, thời hạn, điều kiện cụ thể.</li><li><b>Bản so sánh với quy định hiện hành</b> và bản tổng hợp ý kiến các vòng trước, nếu có.</li></ul><p>Thành phần hồ sơ khác nhau tùy loại văn bản; thiếu tài liệu nào, hãy đề nghị cơ quan soạn thảo cung cấp.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Dự thảo chưa phải là quy định",
                            "body": "<p>Luôn viết “theo dự thảo”, “dự kiến”, “nếu được thông qua”; ghi rõ ngày đăng và phiên bản dự thảo. Một dòng tít viết như thể quy định đã có hiệu lực có thể gây hoang mang trên diện rộng.</p>",
                        },
                    ),
                    ("heading", "Kiểm chứng với cơ quan chủ trì soạn thảo"),
                    (
                        "paragraph",
                        "<p>Theo Nghị định số 09/2017/NĐ-CP, cơ quan hành chính nhà nước có người phát ngôn và trách nhiệm cung cấp thông tin cho báo chí; thông tin về dự thảo là thông tin công khai theo Luật Tiếp cận thông tin, trừ nội dung thuộc bí mật nhà nước. Gửi câu hỏi bằng văn bản hoặc thư điện tử, nêu hạn trả lời, lưu lại trao đổi. Nên hỏi:</p><ul><li>Bao nhiêu người, doanh nghiệp thuộc diện áp dụng, theo báo cáo đánh giá tác động?</li><li>Mức tiền hoặc điều kiện thay đổi cụ thể ra sao so với hiện nay?</li><li>Vì sao chọn phương án này mà không chọn phương án khác?</li><li>Điểm nào đang có nhiều ý kiến khác nhau nhất?</li></ul>",
                    ),
                    ("heading", "Khung bài giải thích"),
                    (
                        "paragraph",
                        "<ol><li><b>Tít:</b> điều thay đổi chính, có chữ “dự thảo”.</li><li><b>Sapo:</b> ai chịu tác động, thay đổi lớn nhất, hạn góp ý.</li><li><b>Vì sao cần chính sách:</b> vấn đề thực tế, dẫn từ tờ trình.</li><li><b>Những điểm chính:</b> ba đến năm ý, mỗi ý một đoạn ngắn.</li><li><b>So với hiện nay:</b> được thêm gì, phải làm thêm gì; nên có bảng hoặc đồ họa nhỏ.</li><li><b>Điểm còn ý kiến khác nhau:</b> các phương án và lập luận của mỗi bên.</li><li><b>Góp ý ở đâu, đến khi nào.</b></li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Kiểm tra trước khi đăng",
                            "body": "<ul><li>Tên dự thảo, tên cơ quan soạn thảo, mọi con số khớp với hồ sơ.</li><li>Không câu nào khiến người đọc nghĩ quy định đã có hiệu lực.</li><li>Có ý kiến của cơ quan soạn thảo và của nhóm chịu tác động.</li><li>Tên đơn vị hành chính đúng với tên hiện hành sau sắp xếp năm 2025.</li><li>Đoạn văn ngắn, đọc dễ trên điện thoại; thông tin góp ý ở cả đầu và cuối bài.</li></ul>",
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Bài tập: bài giải thích khoảng 500 chữ",
                            "situation": "<p><i>Tình huống giả định.</i> Dự thảo nghị quyết của HĐND tỉnh về hỗ trợ lao động nông thôn học nghề trình độ sơ cấp mở rộng đối tượng được hỗ trợ, nhưng thêm điều kiện người học cam kết làm việc tại địa phương một thời gian. Có ý kiến cho rằng điều kiện này bất lợi cho lao động trẻ hay đi làm xa. Thông cáo báo chí chỉ nói chính sách được “mở rộng”.</p>",
                            "questions": "<ol><li>Lập danh sách ba câu hỏi cần hỏi cơ quan soạn thảo trước khi viết.</li><li>Viết tít và sapo cho bài giải thích.</li><li>Trình bày điểm còn ý kiến khác nhau trong một đoạn văn cân bằng.</li><li>Sau khi đăng, tòa soạn làm gì để ý kiến bạn đọc đến được cơ quan soạn thảo?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "kenh-va-dinh-dang",
                "title": "Kênh và định dạng: báo in, báo điện tử, phát thanh, truyền hình, mạng xã hội",
                "summary": "Chọn định dạng phù hợp với từng kênh và phối hợp với các kênh chính thức để thông tin về dự thảo đến đúng người.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Bản đồ kênh truyền thông dự thảo chính sách"),
                    (
                        "paragraph",
                        "<ul><li><b>Cổng thông tin điện tử của tỉnh, trang của các sở, ngành:</b> toàn văn dự thảo, nơi nhận góp ý chính thức.</li><li><b>Trang thông tin phổ biến, giáo dục pháp luật:</b> bài giới thiệu, hỏi – đáp.</li><li><b>Báo in, báo điện tử, phát thanh, truyền hình:</b> bài giải thích, phóng sự, tọa đàm, diễn đàn.</li><li><b>Loa truyền thanh cơ sở, bảng tin, màn hình ở khu dân cư:</b> đến với người ít dùng Internet.</li><li><b>Mạng xã hội (Facebook, Zalo):</b> lan tỏa nhanh, phản hồi tức thì.</li><li><b>Hội nghị, tọa đàm, đối thoại, họp báo:</b> trao đổi trực tiếp với người chịu tác động.</li></ul>",
                    ),
                    ("heading", "Chuyên trang, chuyên mục và khung giờ"),
                    (
                        "paragraph",
                        "<p>Một chuyên mục cố định, ví dụ “Góp ý dự thảo”, giúp bạn đọc quen tìm đến. Hãy phát các nội dung về dự thảo vào khung giờ đông khán giả, thính giả, và luôn dẫn người xem đến kênh góp ý chính thức. Có địa phương, như tỉnh Đắk Nông trước khi sắp xếp, đã lập trang fanpage riêng về truyền thông chính sách để cập nhật nhanh các dự thảo.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Viết thêm một bản cho loa truyền thanh cấp xã",
                            "body": "<p>Khi đã có bài giải thích, hãy biên tập thêm một bản tin ngắn, câu đơn giản, để đài truyền thanh cấp xã có thể phát lại nguyên văn. Phối hợp với cơ quan soạn thảo để bản tin này được gửi kèm bộ tài liệu về cấp xã.</p>",
                        },
                    ),
                    ("heading", "Mạng xã hội: nhanh nhưng phải đúng"),
                    (
                        "paragraph",
                        "<p>Mỗi bài đăng dẫn đến văn bản gốc trên cổng thông tin chính thức, ghim hạn góp ý lên đầu, trả lời bình luận bằng thông tin đã kiểm chứng và tổng hợp các bình luận có nội dung góp ý để chuyển cho cơ quan soạn thảo.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Chuẩn bị một tọa đàm truyền hình 30 phút",
                            "situation": "<p><i>Tình huống giả định.</i> Đài phát thanh và truyền hình tỉnh được đề nghị làm một tọa đàm về dự thảo quy định hỗ trợ di dời cơ sở sản xuất gây ô nhiễm ra khỏi khu dân cư. Các chủ cơ sở lo về mặt bằng mới và thời hạn di dời; người dân xung quanh muốn thực hiện càng sớm càng tốt.</p>",
                            "questions": "<ol><li>Nên mời những khách mời nào để tọa đàm cân bằng?</li><li>Viết năm câu hỏi chính cho người dẫn chương trình.</li><li>Làm thế nào để nhận câu hỏi của khán giả trong và sau chương trình?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "phan-anh-y-kien-nguoi-dan",
                "title": "Phản ánh ý kiến người dân và theo dõi việc tiếp thu",
                "summary": "Báo chí giúp ý kiến của người dân đến được cơ quan soạn thảo và cho người dân biết ý kiến của mình đã được xử lý ra sao.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Báo chí là một kênh góp ý"),
                    (
                        "paragraph",
                        "<p>Nhiều người không bao giờ tự gửi góp ý lên cổng thông tin, nhưng sẵn sàng nói với phóng viên, gọi điện cho đường dây nóng của đài hay bình luận dưới bài báo. Khi tòa soạn tổng hợp và chuyển những ý kiến đó một cách nghiêm túc, báo chí trở thành một kênh góp ý thực sự cho dự thảo.</p>",
                    ),
                    ("heading", "Thu thập ý kiến có giá trị"),
                    (
                        "paragraph",
                        "<ul><li>Hỏi cụ thể: “Mức hỗ trợ này có đủ với gia đình anh không?” thay vì “Anh thấy dự thảo thế nào?”.</li><li>Ghi rõ người góp ý là ai, ở đâu, nếu họ đồng ý nêu danh tính.</li><li>Phân biệt cảm nhận cá nhân với thông tin kiểm chứng được.</li><li>Tìm đến nhóm ít có tiếng nói: người cao tuổi, đồng bào dân tộc thiểu số, hộ kinh doanh nhỏ.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Diễn đàn không phải nơi kích động",
                            "body": "<p>Diễn đàn bạn đọc về dự thảo cần có người kiểm duyệt. Không đăng bình luận xúc phạm, quy chụp, tiết lộ thông tin cá nhân của người khác; với thông tin chưa kiểm chứng, ghi rõ đó là ý kiến của bạn đọc.</p>",
                        },
                    ),
                    ("heading", "Chuyển ý kiến đến cơ quan soạn thảo"),
                    (
                        "paragraph",
                        "<ol><li>Tổng hợp ý kiến theo từng nội dung của dự thảo, ghi số lượng và trích dẫn tiêu biểu.</li><li>Gửi bằng văn bản hoặc thư điện tử đến đầu mối của cơ quan soạn thảo, trước hạn góp ý.</li><li>Đề nghị cơ quan soạn thảo cho biết cách xử lý và thời điểm công bố kết quả.</li><li>Lưu lại bản đã gửi để làm căn cứ cho bài viết tiếp theo.</li></ol>",
                    ),
                    ("heading", "Viết bài theo dõi: dự thảo đã thay đổi gì"),
                    (
                        "paragraph",
                        "<p>Sau khi hết hạn lấy ý kiến, cơ quan soạn thảo tổng hợp, tiếp thu và giải trình. Đây là lúc viết bài theo dõi: so sánh dự thảo trước và sau, cho biết ý kiến nào được tiếp thu, ý kiến nào chưa và vì sao. Loại bài này cho người dân thấy góp ý của họ có tác dụng, nhờ đó lần sau họ sẵn lòng góp ý hơn.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Diễn đàn bạn đọc về dự thảo giá dịch vụ thu gom rác",
                            "situation": "<p><i>Tình huống giả định.</i> Một báo điện tử mở diễn đàn về dự thảo quy định giá dịch vụ thu gom rác thải sinh hoạt. Sau một tuần có vài trăm bình luận: nhiều người phản đối việc thu theo hộ thay vì theo số người; một số đề nghị giảm cho hộ nghèo; vài bình luận công kích cán bộ địa phương; một bình luận đăng số điện thoại của một tổ trưởng dân phố.</p>",
                            "questions": "<ol><li>Tòa soạn xử lý các bình luận công kích và bình luận lộ thông tin cá nhân thế nào?</li><li>Tổng hợp ý kiến theo những nhóm nội dung nào?</li><li>Soạn đoạn mở đầu của văn bản chuyển ý kiến cho cơ quan soạn thảo.</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "dua-tin-van-de-nhieu-y-kien",
                "title": "Đưa tin về vấn đề còn nhiều ý kiến khác nhau",
                "summary": "Giữ cân bằng, kiểm chứng và góp phần ngăn thông tin sai khi một dự thảo chính sách gây tranh luận.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Tranh luận là điều bình thường"),
                    (
                        "paragraph",
                        "<p>Dự thảo thuộc phạm vi Đề án 407 đều là vấn đề khó, nhạy cảm hoặc có nhiều ý kiến khác nhau, vì đó là một trong bốn tiêu chí. Báo chí không cần né tránh tranh luận; việc của người làm báo là giúp tranh luận dựa trên thông tin đúng, để mỗi bên hiểu lập luận của bên kia và cơ quan soạn thảo nghe được đầy đủ các tiếng nói.</p>",
                    ),
                    ("heading", "Nguyên tắc đưa tin cân bằng"),
                    (
                        "paragraph",
                        "<ul><li>Trình bày lập luận mạnh nhất của mỗi phía, không chỉ những ý kiến gay gắt nhất.</li><li>Phân biệt rõ điều dự thảo quy định với điều người ta lo ngại sẽ xảy ra.</li><li>Dùng số liệu có nguồn; nói rõ khi số liệu còn thiếu.</li><li>Luôn có ý kiến của cơ quan soạn thảo; nếu họ chưa trả lời, ghi đúng như vậy.</li><li>Tít bài phản ánh đúng nội dung, không dùng từ “cấm”, “bắt buộc” khi dự thảo không quy định như vậy.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Dấu hiệu của thông tin sai về dự thảo",
                            "body": "<ul><li>Ảnh chụp một phiên bản dự thảo cũ, không có ngày tháng.</li><li>Câu chữ bị cắt khỏi ngữ cảnh, bỏ mất điều kiện hoặc ngoại lệ.</li><li>Nhầm dự thảo với văn bản đã ban hành.</li><li>Gắn dự thảo của địa phương này cho địa phương khác, hoặc dùng tên đơn vị hành chính trước sắp xếp năm 2025.</li><li>Con số gây sốc nhưng không có nguồn.</li></ul>",
                        },
                    ),
                    ("heading", "Khi cơ quan soạn thảo chậm trả lời"),
                    (
                        "paragraph",
                        "<p>Gửi câu hỏi bằng văn bản, nêu rõ thời hạn cần trả lời, và liên hệ người phát ngôn theo Nghị định số 09/2017/NĐ-CP. Trong bài, ghi đúng thực tế: “đến thời điểm đăng bài, phóng viên chưa nhận được trả lời”. Không lấp khoảng trống thông tin bằng suy đoán.</p>",
                    ),
                    ("heading", "Dự họp báo và buổi đối thoại"),
                    (
                        "paragraph",
                        "<p>Chuẩn bị trước câu hỏi về đúng các điểm còn tranh luận; đề nghị cung cấp tài liệu; ghi âm khi được phép; hỏi lại khi câu trả lời còn chung chung. Sau buổi họp báo, đối chiếu câu trả lời với văn bản dự thảo trước khi viết.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Video “cấm nuôi gà trong nhà”",
                            "situation": "<p><i>Tình huống giả định.</i> Một tỉnh lấy ý kiến dự thảo nghị quyết quy định khu vực không được phép chăn nuôi trong đô thị. Một video trên mạng khẳng định “từ năm sau cấm nuôi gà trong nhà trên toàn tỉnh”. Thực tế dự thảo chỉ áp dụng ở một số phường nội thị và có ngoại lệ cho chăn nuôi nhỏ lẻ để tự dùng.</p>",
                            "questions": "<ol><li>Phóng viên kiểm chứng video này theo những bước nào?</li><li>Viết tít và sapo cho bài đính chính, vừa chính xác vừa không làm lan thêm tin sai.</li><li>Những lo lắng thật của người chăn nuôi nằm ở đâu, và bài viết nên phản ánh thế nào?</li></ol>",
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "to-chuc-truyen-thong-du-thao-chinh-sach",
        "title": "Tổ chức truyền thông dự thảo chính sách: dành cho báo cáo viên, pháp chế và cơ quan soạn thảo",
        "audiences": ["bao-cao-vien", "phap-che", "co-quan-soan-thao", "khac"],
        "summary": "Khóa học hướng dẫn từng bước tổ chức truyền thông một dự thảo chính sách, từ xác định phạm vi, lập kế hoạch, chuẩn bị tài liệu đến tổ chức đối thoại và phản hồi ý kiến. Nội dung dành cho báo cáo viên pháp luật, công chức pháp chế và cán bộ cơ quan chủ trì soạn thảo.",
        "outcomes": [
            "Xác định dự thảo chính sách thuộc phạm vi truyền thông và phân định trách nhiệm của các bên.",
            "Lập kế hoạch truyền thông cho một dự thảo với mục tiêu, đối tượng, thông điệp, kênh, thời gian và kinh phí.",
            "Chuẩn bị bộ tài liệu gồm thông điệp chính, hỏi – đáp, bảng so sánh và thông cáo báo chí.",
            "Tổ chức và điều phối hội nghị, tọa đàm, đối thoại, họp báo về dự thảo.",
            "Tiếp nhận, tổng hợp, phản hồi ý kiến góp ý và xử lý vấn đề còn ý kiến khác nhau.",
        ],
        "estimated_minutes": 95,
        "lessons": [
            {
                "slug": "pham-vi-phan-vai-va-ke-hoach",
                "title": "Xác định phạm vi, phân vai và lập kế hoạch",
                "summary": "Áp dụng bốn tiêu chí ngay khi lập đề nghị xây dựng văn bản, phân vai rõ ràng và lập một kế hoạch truyền thông gọn cho từng dự thảo.",
                "estimated_minutes": 25,
                "body": [
                    ("heading", "Truyền thông là một phần của việc soạn thảo"),
                    (
                        "paragraph",
                        "<p>Theo Quyết định số 407/QĐ-TTg, cơ quan chủ trì soạn thảo chịu trách nhiệm chính về truyền thông dự thảo chính sách. Đây không phải việc làm thêm sau khi soạn xong, mà là cách để nghe người chịu tác động, giúp chính sách sát thực tế hơn.</p><p>Dự thảo thuộc phạm vi khi đáp ứng đồng thời bốn tiêu chí:</p><ol><li>Là chính sách trong văn bản quy phạm pháp luật phải lập đề nghị xây dựng trước khi soạn thảo, trừ nội dung thuộc bí mật nhà nước.</li><li>Làm phát sinh, thay đổi, chấm dứt quyền, nghĩa vụ của người dân, tổ chức, doanh nghiệp.</li><li>Là vấn đề khó, nhạy cảm, dư luận quan tâm hoặc có nhiều ý kiến khác nhau.</li><li>Có tác động trên phạm vi toàn tỉnh hoặc cả nước.</li></ol><p>Nên ghi ngắn gọn kết quả đánh giá từng tiêu chí vào hồ sơ làm việc để có căn cứ khi báo cáo, kiểm tra.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Khi phân vân về tiêu chí thứ ba",
                            "body": "<p>Có nhóm nào chịu thêm chi phí hoặc mất quyền lợi không? Đã có phản ánh hay câu hỏi của báo chí chưa? Địa phương khác từng tranh luận về chính sách tương tự chưa? Chỉ cần một câu trả lời “có”, nên coi đó là vấn đề dư luận quan tâm.</p>",
                        },
                    ),
                    ("heading", "Phân vai trong một dự thảo"),
                    (
                        "paragraph",
                        "<ul><li><b>Lãnh đạo cơ quan soạn thảo:</b> phê duyệt kế hoạch, chủ trì đối thoại, họp báo.</li><li><b>Bộ phận soạn thảo:</b> cung cấp nội dung, số liệu; nghiên cứu, tiếp thu ý kiến.</li><li><b>Công chức pháp chế:</b> tham mưu kế hoạch, giữ thống nhất giữa tài liệu và dự thảo.</li><li><b>Người phát ngôn:</b> cung cấp thông tin cho báo chí theo Nghị định số 09/2017/NĐ-CP.</li><li><b>Báo cáo viên pháp luật:</b> giới thiệu dự thảo, điều phối đối thoại, ghi nhận ý kiến.</li><li><b>Sở Tư pháp, báo, đài, Ủy ban nhân dân cấp xã, Mặt trận Tổ quốc, đoàn thể:</b> hướng dẫn, đưa thông tin đến người dân và chuyển ý kiến trở lại.</li></ul><p>Nhiều nơi, người làm truyền thông đều kiêm nhiệm; vì vậy kế hoạch cần vừa sức, có một người đầu mối cụ thể.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Cụ thể hóa nội dung truyền thông về dự thảo chính sách có tác động lớn đến xã hội ngay từ khi lập đề nghị xây dựng dự thảo.",
                            "attribution": "Ý kiến tại buổi làm việc của Bộ Tư pháp ngày 18/10/2021 về dự thảo Đề án truyền thông của Bộ, ngành Tư pháp",
                        },
                    ),
                    ("heading", "Kế hoạch một trang"),
                    (
                        "paragraph",
                        "<p>Ngoài kế hoạch hằng năm, mỗi dự thảo thuộc phạm vi nên có một kế hoạch riêng gồm: mục tiêu; các nhóm đối tượng; ba đến năm thông điệp; kênh và hoạt động; mốc thời gian; kinh phí; phân công; cách đo kết quả và lưu minh chứng.</p><p>Các mốc truyền thông đi theo mốc soạn thảo:</p><ol><li><b>Lập đề nghị:</b> giới thiệu vấn đề và các phương án, hỏi ý kiến sớm.</li><li><b>Đăng dự thảo:</b> đăng toàn văn trong thời hạn luật định (các kế hoạch cấp tỉnh yêu cầu ít nhất 30 ngày); phát thông cáo; gửi tài liệu cho báo, đài và cấp xã.</li><li><b>Giữa kỳ lấy ý kiến:</b> hội nghị, đối thoại; nhắc hạn góp ý.</li><li><b>Hết hạn:</b> tổng hợp, tiếp thu, giải trình, công bố kết quả.</li><li><b>Sau khi thông qua:</b> chuyển sang phổ biến văn bản.</li></ol>",
                    ),
                    ("heading", "Đo kết quả"),
                    (
                        "paragraph",
                        "<p>Ghi số cuộc, số lớp và số lượt người tham dự; số ý kiến theo kênh và nhóm đối tượng; số ý kiến được tiếp thu, được giải trình; kết quả đã công bố lại hay chưa. Số liệu đưa vào báo cáo định kỳ gửi Sở Tư pháp (tỉnh Lạng Sơn, chẳng hạn, yêu cầu báo cáo trước ngày 20/11 hằng năm) và phải khớp với hồ sơ minh chứng.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Ai làm, và còn kịp không?",
                            "situation": "<p><i>Tình huống giả định.</i> Một sở soạn thảo nghị quyết quy định một khoản phí mới đối với doanh nghiệp vận tải. Sở cho rằng truyền thông là việc của Sở Tư pháp, nên ngoài văn bản đăng trên cổng thì chưa làm gì. Kỳ họp HĐND tỉnh đã gần; một tờ báo hỏi vì sao doanh nghiệp chưa được thông tin. Lãnh đạo sở đề nghị “làm gọn trong hai tuần”.</p>",
                            "questions": "<ol><li>Theo Đề án 407, cơ quan nào chịu trách nhiệm chính? Các bên khác giữ vai trò gì?</li><li>Những bước nào không thể rút ngắn, kể cả khi gấp?</li><li>Công chức pháp chế nên đề xuất với lãnh đạo những việc gì ngay trong tuần này?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "noi-dung-thong-diep-va-kenh",
                "title": "Nội dung, thông điệp và kênh truyền thông",
                "summary": "Xác định đủ các nội dung phải truyền thông, rút thành thông điệp, chuẩn bị bộ tài liệu và chọn kênh phù hợp với từng nhóm đối tượng.",
                "estimated_minutes": 20,
                "body": [
                    ("heading", "Những nội dung phải truyền thông"),
                    (
                        "paragraph",
                        "<ol><li>Vì sao cần chính sách; mục đích, quan điểm xây dựng; chính sách điều chỉnh vấn đề gì, áp dụng cho ai.</li><li>Nội dung cơ bản của chính sách.</li><li>Những gì mới, được thêm, sửa hoặc bỏ đi về quyền, lợi ích hợp pháp và nghĩa vụ của người dân, tổ chức, doanh nghiệp so với quy định đang áp dụng; đặc biệt là điểm khó, còn tranh luận.</li><li>Những nội dung khác cần thông tin rộng rãi, nếu có.</li></ol><p>Nội dung thứ ba thường bị làm sơ sài nhất, trong khi đó lại là điều người dân quan tâm nhất.</p>",
                    ),
                    ("heading", "Từ hồ sơ chính sách đến thông điệp"),
                    (
                        "paragraph",
                        "<p>Tờ trình và báo cáo đánh giá tác động viết cho người ra quyết định; người dân cần vài câu ngắn nói rõ vì sao, cho ai, thay đổi gì, góp ý ở đâu. Hãy viết một thông điệp chủ đạo và ba ý hỗ trợ, mỗi ý kèm một ví dụ cụ thể. Thông điệp đạt yêu cầu khi đúng với dự thảo, nói cả quyền lợi lẫn nghĩa vụ, người không làm pháp luật hiểu được và có lời mời góp ý.</p>",
                    ),
                    ("heading", "Bộ tài liệu tối thiểu"),
                    (
                        "paragraph",
                        "<ul><li>Bản tóm tắt một trang và bảng so sánh ba cột: “Hiện nay”, “Theo dự thảo”, “Ai chịu tác động, tác động thế nào”.</li><li>Bộ hỏi – đáp từ tám đến mười hai câu.</li><li>Thông cáo báo chí.</li><li>Bài trình bày ngắn cho báo cáo viên.</li><li>Cho cấp xã: bài phát thanh mẫu khoảng hai phút, một trang niêm yết bảng tin, tin nhắn ngắn cho nhóm Zalo, mẫu phiếu ghi ý kiến.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Một nguồn số liệu duy nhất",
                            "body": "<p>Mọi tài liệu lấy số liệu từ cùng một bản dự thảo và báo cáo đánh giá tác động. Khi dự thảo được sửa, cập nhật toàn bộ tài liệu, ghi ngày cập nhật và thay bản cũ ở cấp xã, trên mạng xã hội của cơ quan.</p>",
                        },
                    ),
                    ("heading", "Chọn kênh theo đối tượng"),
                    (
                        "paragraph",
                        "<ul><li><b>Mọi đối tượng:</b> Cổng thông tin điện tử của tỉnh, trang của cơ quan soạn thảo, Trang thông tin phổ biến, giáo dục pháp luật; báo, đài phát thanh, truyền hình.</li><li><b>Doanh nghiệp, hiệp hội:</b> hội nghị, tọa đàm, văn bản xin ý kiến gửi trực tiếp.</li><li><b>Nhóm chịu tác động trực tiếp:</b> đối thoại trực tiếp hoặc trực tuyến.</li><li><b>Người dân ở cơ sở:</b> loa truyền thanh, bảng tin, màn hình ở khu dân cư, họp thôn, tổ dân phố qua Ủy ban nhân dân cấp xã.</li><li><b>Người trẻ, người dùng điện thoại:</b> trang Facebook, Zalo chính thức của cơ quan, video ngắn.</li><li><b>Báo chí:</b> thông cáo, họp báo, đầu mối trả lời.</li></ul>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Việc truyền thông dự thảo chính sách cần được tổ chức bằng nhiều hình thức đa dạng, phù hợp với từng nhóm đối tượng, địa bàn.",
                            "attribution": "Tham luận của Sở Tư pháp tỉnh Quảng Ninh tại hội nghị triển khai Quyết định 407/QĐ-TTg (2022)",
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Bộ tài liệu cho dự thảo về phí tại khu cửa khẩu",
                            "situation": "<p><i>Tình huống giả định.</i> Cơ quan soạn thảo chuẩn bị lấy ý kiến dự thảo nghị quyết quy định phí sử dụng công trình kết cấu hạ tầng tại một khu cửa khẩu. Đối tượng chịu tác động gồm doanh nghiệp xuất nhập khẩu, doanh nghiệp vận tải và một số hộ kinh doanh. Trên mạng đã có ý kiến cho rằng phí mới sẽ làm giá hàng hóa tăng.</p>",
                            "questions": "<ol><li>Viết thông điệp chủ đạo và ba ý hỗ trợ.</li><li>Lập năm câu hỏi – đáp cho doanh nghiệp vận tải.</li><li>Chọn kênh cho từng nhóm đối tượng và giải thích lựa chọn.</li><li>Trả lời thế nào về lo ngại giá hàng hóa tăng khi báo cáo đánh giá tác động chưa phân tích nội dung này?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "hoi-nghi-doi-thoai-hop-bao",
                "title": "Hội nghị, tọa đàm, đối thoại và họp báo",
                "summary": "Chọn hình thức phù hợp, chuẩn bị và điều phối một buổi đối thoại về dự thảo, tổ chức họp báo hiệu quả.",
                "estimated_minutes": 20,
                "body": [
                    ("heading", "Chọn hình thức phù hợp"),
                    (
                        "paragraph",
                        "<ul><li><b>Hội nghị:</b> giới thiệu dự thảo cho nhiều cơ quan, tổ chức cùng lúc.</li><li><b>Tọa đàm:</b> mời chuyên gia, luật sư, nhà khoa học phân tích sâu các điểm còn tranh luận.</li><li><b>Đối thoại:</b> trao đổi hai chiều trực tiếp với nhóm chịu tác động; có thể tổ chức trực tiếp hoặc trực tuyến.</li><li><b>Họp báo:</b> cung cấp thông tin chính thức cho báo chí khi bắt đầu lấy ý kiến hoặc khi có vấn đề dư luận quan tâm.</li></ul>",
                    ),
                    ("heading", "Chuẩn bị một buổi đối thoại"),
                    (
                        "paragraph",
                        "<ol><li>Xác định mục tiêu: cần nghe ý kiến về những điểm nào.</li><li>Mời đúng thành phần: các nhóm chịu tác động, kể cả nhóm dự kiến phản đối; người của cơ quan soạn thảo có thẩm quyền giải thích; báo cáo viên điều phối; thư ký ghi ý kiến.</li><li>Gửi trước bản tóm tắt và bảng so sánh.</li><li>Chọn giờ, địa điểm thuận tiện cho người dân; bố trí phiên dịch tiếng dân tộc khi cần.</li><li>Chuẩn bị phiếu góp ý cho người ngại phát biểu.</li></ol>",
                    ),
                    ("heading", "Báo cáo viên khi điều phối"),
                    (
                        "paragraph",
                        "<ul><li>Mở đầu bằng mục đích buổi đối thoại và cách thức phát biểu.</li><li>Trình bày dự thảo không quá mười lăm phút, tập trung vào điểm mới và điểm còn ý kiến khác nhau.</li><li>Đặt câu hỏi mở, cụ thể theo từng nội dung.</li><li>Bảo đảm mọi nhóm đều được phát biểu, không để một vài người chiếm hết thời gian.</li><li>Ghi nhận, không tranh luận thay cơ quan soạn thảo.</li><li>Cuối buổi tóm tắt các ý kiến chính và cho biết khi nào, ở đâu sẽ có phản hồi.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Những câu nói giúp buổi đối thoại suôn sẻ",
                            "body": "<ul><li>“Xin cảm ơn, ý kiến này đã được ghi lại đầy đủ.”</li><li>“Anh/chị có thể nói cụ thể hơn là điều khoản nào chưa phù hợp không?”</li><li>“Câu hỏi này cần số liệu chính xác, cơ quan soạn thảo sẽ trả lời bằng văn bản.”</li></ul>",
                        },
                    ),
                    ("heading", "Họp báo về dự thảo"),
                    (
                        "paragraph",
                        "<p>Họp báo do người phát ngôn hoặc người được ủy quyền chủ trì, theo Nghị định số 09/2017/NĐ-CP. Chuẩn bị thông cáo, bộ tài liệu và danh sách câu hỏi khó kèm câu trả lời. Trả lời đúng phạm vi dự thảo; điều gì chưa có thông tin thì hẹn thời điểm trả lời bằng văn bản và giữ đúng hẹn.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Đối thoại với hộ kinh doanh về phí sử dụng hè phố",
                            "situation": "<p><i>Tình huống giả định.</i> Một báo cáo viên pháp luật được mời điều phối buổi đối thoại giữa cơ quan soạn thảo và khoảng năm mươi hộ kinh doanh về dự thảo quy định phí sử dụng tạm thời hè phố. Ngay đầu buổi, một số người lên tiếng gay gắt rằng dự thảo “chỉ nhằm tận thu”; nhiều người khác im lặng.</p>",
                            "questions": "<ol><li>Báo cáo viên nên phản ứng thế nào với những ý kiến gay gắt đầu buổi?</li><li>Làm thế nào để những người im lặng cũng có ý kiến?</li><li>Lời kết của báo cáo viên cần có những nội dung gì?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "tiep-nhan-xu-ly-phan-hoi",
                "title": "Tiếp nhận, xử lý và phản hồi ý kiến góp ý",
                "summary": "Mở nhiều kênh nhận ý kiến, ghi vào một sổ tổng hợp chung, xử lý đúng quy trình và phản hồi công khai.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Mở nhiều cửa để nhận ý kiến"),
                    (
                        "paragraph",
                        "<ul><li>Biểu mẫu, thư điện tử trên Cổng thông tin điện tử của tỉnh; văn bản góp ý của cơ quan, tổ chức, doanh nghiệp.</li><li>Biên bản hội nghị, tọa đàm, đối thoại.</li><li>Ý kiến do báo chí chuyển đến; ý kiến người dân do Ủy ban nhân dân cấp xã tổng hợp.</li><li>Phản biện xã hội của Mặt trận Tổ quốc và các tổ chức thành viên.</li><li>Bình luận có nội dung góp ý trên mạng xã hội của cơ quan.</li></ul>",
                    ),
                    ("heading", "Một sổ tổng hợp chung"),
                    (
                        "paragraph",
                        "<p>Dù nhận qua kênh nào, mọi ý kiến đều vào một sổ tổng hợp với các cột: số thứ tự; ngày nhận; kênh; người hoặc tổ chức góp ý; nội dung tóm tắt; điều khoản liên quan; phân loại; hướng xử lý; người xử lý; đã phản hồi chưa. Sổ này là căn cứ để lập bản tổng hợp tiếp thu, giải trình và để báo cáo kết quả.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Bảo vệ dữ liệu cá nhân của người góp ý",
                            "body": "<p>Chỉ ghi những thông tin cá nhân thật sự cần thiết. Chỉ công bố tên người góp ý khi họ đồng ý. Từ ngày 1/1/2026, Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực; cơ quan cần xác định rõ căn cứ xử lý dữ liệu, giới hạn người được xem sổ tổng hợp và lưu giữ an toàn.</p>",
                        },
                    ),
                    ("heading", "Phân loại và xử lý"),
                    (
                        "paragraph",
                        "<ol><li><b>Đồng tình:</b> ghi nhận, tổng hợp số lượng.</li><li><b>Đề nghị sửa cụ thể:</b> chuyển bộ phận soạn thảo nghiên cứu, đề xuất tiếp thu hoặc giải trình.</li><li><b>Không đồng tình:</b> tìm hiểu lý do, xem xét lại đánh giá tác động, cân nhắc phương án khác.</li><li><b>Câu hỏi:</b> trả lời trực tiếp; câu hỏi lặp lại nhiều lần thì bổ sung vào bộ hỏi – đáp.</li><li><b>Ngoài phạm vi dự thảo:</b> chuyển cơ quan có thẩm quyền và thông báo cho người góp ý.</li></ol>",
                    ),
                    ("heading", "Phản hồi công khai"),
                    (
                        "paragraph",
                        "<p>Sau khi hết hạn lấy ý kiến, công bố bản tổng hợp tiếp thu, giải trình kèm một bản tóm tắt dễ hiểu: đã nhận bao nhiêu ý kiến, từ những nhóm nào, dự thảo thay đổi ở đâu, ý kiến nào chưa tiếp thu và vì sao. Gửi bản tóm tắt cho báo, đài và Ủy ban nhân dân cấp xã để thông tin lại cho người dân qua chính các kênh đã lấy ý kiến.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Hai nhóm ý kiến trái ngược",
                            "situation": "<p><i>Tình huống giả định.</i> Khi lấy ý kiến dự thảo quy định về giờ hoạt động của các cơ sở kinh doanh dịch vụ ăn uống, vui chơi về đêm, cơ quan soạn thảo nhận hai nhóm ý kiến trái ngược: cư dân đề nghị rút ngắn giờ hoạt động để giảm tiếng ồn, còn hiệp hội du lịch đề nghị kéo dài để thu hút khách. Cả hai nhóm đều có nhiều người ủng hộ trên mạng xã hội.</p>",
                            "questions": "<ol><li>Ghi hai nhóm ý kiến vào sổ tổng hợp và phân loại thế nào?</li><li>Cơ quan soạn thảo cần thêm thông tin gì trước khi quyết định tiếp thu?</li><li>Viết đoạn giải trình cho nhóm có ý kiến không được tiếp thu.</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "van-de-nhieu-y-kien-va-su-co",
                "title": "Vấn đề còn ý kiến khác nhau và sự cố truyền thông",
                "summary": "Chuẩn bị trước cho điểm nóng, trao đổi thẳng thắn về các phương án và phản ứng nhanh khi thông tin sai lan rộng.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Chuẩn bị trước khi tranh luận bùng lên"),
                    (
                        "paragraph",
                        "<ul><li>Lập bản đồ điểm nóng: điều khoản nào dễ gây tranh luận, nhóm nào phản ứng mạnh nhất.</li><li>Soạn trước danh sách câu hỏi khó và câu trả lời, thống nhất với người phát ngôn.</li><li>Theo dõi báo chí, mạng xã hội và phản ánh từ cấp xã trong suốt kỳ lấy ý kiến.</li><li>Thống nhất kênh liên lạc nhanh với cơ quan quản lý báo chí và Sở Tư pháp.</li></ul>",
                    ),
                    ("heading", "Trao đổi thẳng thắn về các phương án"),
                    (
                        "paragraph",
                        "<p>Đừng chỉ bảo vệ phương án của dự thảo. Hãy trình bày các phương án đã cân nhắc, mỗi phương án được gì và mất gì, và vì sao cơ quan soạn thảo đề xuất phương án hiện tại. Khi người dân thấy cơ quan soạn thảo hiểu nỗi lo của họ, tranh luận sẽ chuyển từ phản đối sang góp ý cụ thể.</p>",
                    ),
                    ("heading", "Quy trình phản ứng nhanh"),
                    (
                        "paragraph",
                        "<ol><li><b>Ngay khi phát hiện:</b> xác minh thông tin sai ở đâu, từ nguồn nào, lan đến đâu; báo cáo lãnh đạo.</li><li><b>Trong ngày:</b> người phát ngôn đưa thông tin chính xác, nói rõ đây là dự thảo đang lấy ý kiến; đăng trên cổng thông tin, mạng xã hội của cơ quan; gửi báo chí.</li><li><b>Những ngày sau:</b> đối thoại với nhóm chịu tác động; gửi thông tin về cấp xã để phát loa, gửi nhóm Zalo; cập nhật hỏi – đáp.</li><li><b>Sau sự việc:</b> rút kinh nghiệm, bổ sung kế hoạch.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Điều cần tránh",
                            "body": "<ul><li>Chờ đến khi có văn bản chỉ đạo mới lên tiếng.</li><li>Đưa ra nhiều thông tin khác nhau từ nhiều người.</li><li>Phản bác cảm xúc của người dân thay vì trả lời nỗi lo của họ.</li><li>Khẳng định điều chưa chắc chắn, như nội dung dự thảo chắc chắn sẽ được giữ nguyên.</li></ul>",
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Đoạn video cắt ghép từ buổi đối thoại",
                            "situation": "<p><i>Tình huống giả định.</i> Sau một buổi đối thoại về dự thảo chính sách hỗ trợ tái định cư, một đoạn video dài ba mươi giây được cắt ghép, khiến người xem hiểu rằng đại diện cơ quan soạn thảo nói “người dân không có quyền góp ý về mức hỗ trợ”. Video lan nhanh trong các nhóm Zalo của khu vực sắp giải phóng mặt bằng.</p>",
                            "questions": "<ol><li>Cơ quan soạn thảo cần những tư liệu gì để đính chính?</li><li>Soạn thông báo ngắn đăng trên trang của cơ quan và gửi nhóm Zalo ở cơ sở.</li><li>Báo cáo viên đã điều phối buổi đối thoại có thể giúp gì?</li></ol>",
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "tuyen-truyen-vien-xa-du-thao-chinh-sach",
        "title": "Đưa dự thảo chính sách đến với bà con: kỹ năng cho tuyên truyền viên cấp xã",
        "audiences": ["tuyen-truyen-vien-xa"],
        "summary": "Khóa học thực hành giúp tuyên truyền viên pháp luật ở xã, phường, đặc khu giới thiệu dự thảo chính sách bằng lời lẽ giản dị. Học viên tập viết bài phát thanh hai phút, dùng bảng tin, nhóm Zalo và buổi họp thôn để thông tin, ghi nhận ý kiến của bà con và chuyển đến đúng nơi.",
        "outcomes": [
            "Giải thích cho bà con dự thảo chính sách là gì và vì sao nên góp ý.",
            "Tóm tắt một dự thảo bằng lời lẽ giản dị theo năm câu hỏi của người dân.",
            "Viết và đọc một bài phát thanh dài khoảng hai phút cho loa truyền thanh cơ sở.",
            "Sử dụng bảng tin, nhóm Zalo và buổi họp thôn để thông tin và nhận ý kiến.",
            "Ghi nhận, chuyển ý kiến đúng nơi và bình tĩnh xử lý khi bà con lo lắng hoặc có tin đồn.",
        ],
        "estimated_minutes": 75,
        "lessons": [
            {
                "slug": "du-thao-chinh-sach-la-gi",
                "title": "Dự thảo chính sách và việc của tuyên truyền viên",
                "summary": "Hiểu dự thảo chính sách là gì, dự thảo nào cần mang về thôn, tổ dân phố và tuyên truyền viên làm những việc gì.",
                "estimated_minutes": 12,
                "body": [
                    ("heading", "Dự thảo chính sách là gì"),
                    (
                        "paragraph",
                        "<p>Trước khi một quy định mới ra đời, cơ quan nhà nước viết một bản nháp gọi là <b>dự thảo</b> và đưa ra xin ý kiến. Lúc này quy định chưa áp dụng, nên góp ý của bà con còn có thể làm cho nó thay đổi.</p><p>Quyết định số 407/QĐ-TTg của Thủ tướng Chính phủ yêu cầu những dự thảo có ảnh hưởng lớn đến đời sống phải được thông tin rộng rãi để người dân biết và góp ý, chứ không chỉ đăng trên mạng.</p>",
                    ),
                    ("heading", "Dự thảo nào cần mang về thôn, tổ dân phố"),
                    (
                        "paragraph",
                        "<p>Đó là dự thảo có đủ bốn điều sau:</p><ol><li>Là chính sách trong văn bản pháp luật phải được đề xuất trước rồi mới soạn (không phải bí mật nhà nước).</li><li>Đụng trực tiếp đến quyền lợi hoặc nghĩa vụ của người dân, tổ chức, doanh nghiệp.</li><li>Là chuyện khó, nhiều người quan tâm hoặc có nhiều ý kiến khác nhau.</li><li>Áp dụng cho cả tỉnh, hoặc cả nước.</li></ol><p>Thường thì xã không tự chọn dự thảo. Tài liệu được tỉnh hoặc cơ quan soạn thảo gửi về Ủy ban nhân dân xã, rồi chuyển đến tuyên truyền viên.</p>",
                    ),
                    ("heading", "Việc của tuyên truyền viên"),
                    (
                        "paragraph",
                        "<ol><li>Đọc kỹ tài liệu; chưa hiểu thì hỏi công chức phụ trách của xã.</li><li>Nói lại cho bà con bằng lời dễ hiểu, qua loa, bảng tin, nhóm Zalo, họp thôn.</li><li>Ghi lại ý kiến, câu hỏi và chuyển về xã đúng hạn.</li><li>Báo lại cho bà con kết quả khi có.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Từ ngày 1/7/2025, xã làm việc trực tiếp với tỉnh",
                            "body": "<p>Sau khi sắp xếp chính quyền địa phương hai cấp, không còn cấp huyện. Tài liệu về dự thảo đi từ tỉnh về thẳng xã, phường, đặc khu; ý kiến của bà con cũng đi từ xã lên tỉnh. Việc tập huấn cho tuyên truyền viên nay do tỉnh và xã tổ chức.</p>",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Nói đúng, không nói thêm",
                            "body": "<p>Chỉ nói những gì có trong tài liệu. Gặp câu hỏi chưa trả lời được, hãy nói: “Câu này tôi xin ghi lại và hỏi xã, sẽ trả lời bà con sau.” Rồi nhớ trả lời đúng hẹn.</p>",
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "“Dự thảo thì chưa chắc, nói làm gì?”",
                            "situation": "<p><i>Tình huống giả định.</i> Khi tuyên truyền viên đề nghị dành mười phút trong buổi họp thôn để giới thiệu một dự thảo nghị quyết của tỉnh, trưởng thôn nói: “Dự thảo thì chưa chắc đã ra, nói bây giờ chỉ làm bà con rối thêm. Đợi có quy định chính thức rồi phổ biến một thể.”</p>",
                            "questions": "<ol><li>Anh/chị trả lời trưởng thôn thế nào? Nêu hai lý do nên thông tin ngay từ khi còn là dự thảo.</li><li>Làm gì để bà con không nhầm dự thảo với quy định đã có hiệu lực?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "noi-cho-de-hieu",
                "title": "Nói cho dễ hiểu: năm câu hỏi của bà con",
                "summary": "Tóm tắt một dự thảo theo năm câu hỏi người dân hay hỏi và đổi từ ngữ pháp lý thành lời nói giản dị.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Năm câu hỏi bà con hay hỏi"),
                    (
                        "paragraph",
                        "<ol><li><b>Vì sao lại làm quy định này?</b> Nói về vấn đề thực tế mà quy định muốn giải quyết.</li><li><b>Áp dụng cho ai, ở đâu?</b> Ai được hưởng, ai phải thực hiện.</li><li><b>Nội dung chính là gì?</b> Hai, ba ý quan trọng nhất.</li><li><b>Khác gì so với bây giờ?</b> Bà con được thêm gì, phải làm thêm gì, điều gì không còn nữa; điểm nào đang có nhiều ý kiến khác nhau.</li><li><b>Góp ý ở đâu, đến ngày nào?</b></li></ol><p>Trả lời được năm câu này là đã nói đủ những gì bà con cần biết về một dự thảo.</p>",
                    ),
                    ("heading", "Đổi từ khó thành lời dễ"),
                    (
                        "paragraph",
                        "<ul><li>“Đối tượng áp dụng” thành “những ai phải làm theo, hoặc được hưởng”.</li><li>“Phạm vi điều chỉnh” thành “quy định này nói về việc gì”.</li><li>“Nghĩa vụ tài chính” thành “khoản tiền phải nộp”.</li><li>“Có hiệu lực” thành “bắt đầu áp dụng”.</li><li>“Tiếp thu, giải trình” thành “sửa theo ý kiến, hoặc giải thích vì sao chưa sửa”.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Lấy ví dụ một gia đình trong thôn",
                            "body": "<p>Thay vì đọc điều khoản, hãy kể: “Ví dụ nhà bác A có ba sào ruộng muốn chuyển sang trồng rau: nếu dự thảo được thông qua, nhà bác được hỗ trợ tiền mua giống, nhưng phải đăng ký với xã trước vụ gieo trồng.” Bà con nhớ ví dụ lâu hơn nhớ con số.</p>",
                        },
                    ),
                    ("heading", "Nói về điểm còn nhiều ý kiến khác nhau"),
                    (
                        "paragraph",
                        "<p>Hãy nói thật: “Điểm này đang có nhiều ý kiến khác nhau, tỉnh muốn nghe bà con.” Trình bày các ý kiến một cách công bằng, không nói ý riêng của mình như thể đó là ý của Nhà nước. Mục đích là để bà con góp ý, không phải để thuyết phục bà con đồng ý.</p>",
                    ),
                    ("heading", "Với đồng bào dân tộc thiểu số"),
                    (
                        "paragraph",
                        "<p>Nói bằng tiếng dân tộc khi có thể, hoặc nhờ người biết tiếng hỗ trợ. Mời người có uy tín trong thôn, bản cùng giới thiệu. Dùng tranh ảnh, ví dụ từ chính đời sống của bản. Họp theo nhóm nhỏ để mọi người dễ nói ý kiến.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Những câu không nên nói",
                            "body": "<ul><li>“Chắc chắn sẽ thông qua như thế này.”</li><li>“Cứ yên tâm, không ảnh hưởng gì đâu” khi tài liệu không nói vậy.</li><li>“Cấm” khi dự thảo chỉ “hạn chế” hoặc đặt điều kiện.</li><li>“Góp ý cũng chẳng thay đổi được gì.”</li></ul>",
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Giới thiệu dự thảo về hỗ trợ làm đường giao thông nông thôn",
                            "situation": "<p><i>Tình huống giả định.</i> Xã nhận được tài liệu về dự thảo nghị quyết của HĐND tỉnh về hỗ trợ làm đường giao thông nông thôn. Theo dự thảo, Nhà nước hỗ trợ xi măng, cát, đá; người dân góp ngày công; nơi cần mở rộng đường thì vận động các hộ tự nguyện hiến một phần đất. Dự thảo đang xin ý kiến về cách hỗ trợ cho những hộ hiến nhiều đất.</p>",
                            "questions": "<ol><li>Trả lời năm câu hỏi của bà con về dự thảo này, mỗi câu không quá hai câu nói.</li><li>Trong tài liệu có những từ nào cần đổi sang lời dễ hiểu?</li><li>Anh/chị trình bày điểm còn ý kiến khác nhau về hiến đất như thế nào cho công bằng?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "bai-phat-thanh-2-phut",
                "title": "Viết bài phát thanh hai phút cho loa truyền thanh",
                "summary": "Dùng khung bài bảy bước để viết và đọc một bài phát thanh ngắn, rõ ràng về dự thảo chính sách.",
                "estimated_minutes": 15,
                "body": [
                    ("heading", "Vì sao loa truyền thanh vẫn quan trọng"),
                    (
                        "paragraph",
                        "<p>Loa truyền thanh cơ sở đến được với người cao tuổi, người làm nông, người ít dùng điện thoại thông minh. Kế hoạch và báo cáo triển khai Đề án 407 của các tỉnh như Lạng Sơn, Đắk Nông đều nêu loa truyền thanh cơ sở là kênh đưa dự thảo chính sách đến khu dân cư.</p>",
                    ),
                    ("heading", "Khung bài hai phút"),
                    (
                        "paragraph",
                        "<ol><li><b>Chào và giới thiệu:</b> đây là thông tin về một dự thảo đang xin ý kiến.</li><li><b>Dự thảo gì, của ai:</b> tên ngắn gọn, cơ quan nào đang xin ý kiến.</li><li><b>Vì sao cần:</b> một, hai câu về vấn đề thực tế.</li><li><b>Điểm chính liên quan đến bà con:</b> hai, ba ý.</li><li><b>Điểm còn ý kiến khác nhau:</b> mời bà con cho ý kiến.</li><li><b>Góp ý ở đâu, đến ngày nào.</b></li><li><b>Nhắc lại và cảm ơn:</b> tên dự thảo, hạn góp ý.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Đo độ dài bằng cách đọc thử",
                            "body": "<p>Bài hai phút đọc chậm, rõ thường vào khoảng 250 đến 300 chữ. Cách chắc nhất là đọc thử thành tiếng và bấm giờ. Câu nào làm mình vấp khi đọc thì bà con cũng sẽ khó nghe, hãy sửa cho ngắn lại.</p>",
                        },
                    ),
                    ("heading", "Bài mẫu"),
                    (
                        "paragraph",
                        "<p><i>Bài mẫu cho một dự thảo giả định.</i></p><p>Kính thưa bà con! Sau đây là thông tin về một dự thảo chính sách đang xin ý kiến của Nhân dân.</p><p>Hội đồng nhân dân tỉnh đang chuẩn bị ban hành nghị quyết về hỗ trợ làm đường giao thông nông thôn. Đây mới là bản dự thảo, chưa được thông qua, nên ý kiến của bà con có thể giúp sửa đổi cho phù hợp.</p><p>Vì sao cần quy định này? Nhiều tuyến đường thôn, đường ngõ xóm đã xuống cấp, mùa mưa đi lại rất khó khăn. Tỉnh muốn có cách hỗ trợ thống nhất để các thôn làm đường nhanh hơn.</p><p>Theo dự thảo, Nhà nước hỗ trợ xi măng, cát, đá; bà con góp ngày công. Nơi nào cần mở rộng đường thì thôn vận động các hộ tự nguyện hiến một phần đất.</p><p>Điểm đang có nhiều ý kiến khác nhau là nên hỗ trợ thế nào cho những hộ hiến nhiều đất. Rất mong bà con cho ý kiến về điểm này.</p><p>Bà con có thể góp ý tại buổi họp thôn, ghi vào phiếu góp ý đặt ở nhà văn hóa thôn, hoặc báo với tuyên truyền viên pháp luật của thôn. Xã nhận ý kiến đến hết ngày 15 tháng 9.</p><p>Xin nhắc lại: dự thảo nghị quyết về hỗ trợ làm đường giao thông nông thôn đang xin ý kiến bà con, hạn cuối là ngày 15 tháng 9. Xin cảm ơn bà con đã lắng nghe!</p>",
                    ),
                    ("heading", "Khi đọc trên loa"),
                    (
                        "paragraph",
                        "<ul><li>Đọc chậm, ngắt hơi ở dấu chấm; đọc số bằng chữ, ví dụ “mười lăm tháng chín”.</li><li>Phát hai, ba lần trong kỳ lấy ý kiến, vào giờ bà con ở nhà như sáng sớm hoặc chiều tối.</li><li>Lần phát cuối cùng nên trước hạn góp ý vài ngày.</li><li>Lưu bài đọc và ghi lại ngày, giờ phát để làm minh chứng khi báo cáo.</li></ul>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Bài tập: bài phát thanh về dự thảo quản lý chợ",
                            "situation": "<p><i>Tình huống giả định.</i> Xã nhận được tài liệu về dự thảo quy định của tỉnh về quản lý chợ ở nông thôn. Theo dự thảo, các chợ sẽ sắp xếp lại chỗ bán hàng theo ngành hàng và thu tiền dịch vụ theo diện tích chỗ ngồi. Nhiều người bán hàng lâu năm lo mất chỗ quen thuộc.</p>",
                            "questions": "<ol><li>Viết bài phát thanh khoảng hai phút theo khung bảy bước.</li><li>Đọc thử và bấm giờ; bài dài bao nhiêu giây?</li><li>Anh/chị sẽ phát bài này vào những buổi nào trong tuần?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "bang-tin-zalo-hop-thon",
                "title": "Bảng tin, nhóm Zalo và buổi họp thôn",
                "summary": "Dùng bảng tin, màn hình ở khu dân cư, nhóm Zalo và buổi họp thôn để thông tin về dự thảo và mời bà con góp ý.",
                "estimated_minutes": 13,
                "body": [
                    ("heading", "Bảng tin và màn hình ở khu dân cư"),
                    (
                        "paragraph",
                        "<ul><li>Một trang, chữ to, tiêu đề rõ: “Dự thảo đang xin ý kiến bà con”.</li><li>Trả lời ngắn năm câu hỏi: vì sao, cho ai, nội dung chính, khác gì bây giờ, góp ý ở đâu.</li><li>Ghi hạn góp ý, nơi đặt hòm thư hoặc phiếu góp ý, ngày niêm yết.</li><li>Chụp ảnh bảng tin đã niêm yết để lưu minh chứng.</li></ul>",
                    ),
                    ("heading", "Nhóm Zalo của thôn, tổ dân phố"),
                    (
                        "paragraph",
                        "<ul><li>Gửi tin ngắn kèm ảnh đồ họa và đường dẫn đến toàn văn dự thảo trên cổng thông tin chính thức.</li><li>Ghim tin lên đầu nhóm cho đến hết hạn góp ý.</li><li>Trả lời câu hỏi bằng thông tin trong tài liệu; câu khó thì hẹn hỏi xã.</li><li>Ghi lại các ý kiến góp ý trong nhóm để chuyển về xã.</li><li>Không đăng số điện thoại, địa chỉ hay ảnh của người khác khi họ chưa đồng ý.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Chỉ chia sẻ từ nguồn chính thức",
                            "body": "<p>Chỉ gửi đường dẫn đến Cổng thông tin điện tử của tỉnh, trang thông tin của cơ quan soạn thảo, Trang thông tin phổ biến, giáo dục pháp luật hoặc trang chính thức của xã. Không chuyển tiếp ảnh chụp dự thảo không rõ nguồn, vì đó có thể là bản cũ hoặc bản đã bị sửa.</p>",
                        },
                    ),
                    ("heading", "Lồng ghép vào buổi họp thôn"),
                    (
                        "paragraph",
                        "<ol><li>Xin trưởng thôn dành mười đến mười lăm phút trong chương trình họp.</li><li>Giới thiệu dự thảo theo năm câu hỏi, không đọc nguyên văn tài liệu.</li><li>Hỏi ý kiến theo từng điểm, bắt đầu từ điểm còn nhiều ý kiến khác nhau.</li><li>Nhờ một người ghi lại ý kiến; cuối phần thảo luận đọc lại cho mọi người nghe.</li><li>Đưa ý kiến vào biên bản buổi họp.</li></ol><p>Ngoài họp thôn, có thể giới thiệu dự thảo trong sinh hoạt của chi hội phụ nữ, nông dân, người cao tuổi, đoàn thanh niên, hoặc lồng ghép vào các hoạt động văn hóa ở cơ sở.</p>",
                    ),
                    (
                        "quote",
                        {
                            "text": "Tổ chức truyền thông dự thảo chính sách tại địa bàn cơ sở thông qua hệ thống loa truyền thanh cơ sở, niêm yết tại bảng tin, màn hình tại khu dân cư, lồng ghép trong các loại hình văn hóa cơ sở và các hình thức phù hợp khác.",
                            "attribution": "Kế hoạch triển khai Quyết định 407/QĐ-TTg, tỉnh Lạng Sơn (2022)",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Nhắc bà con rằng có thể theo dõi dự thảo qua báo, đài của tỉnh, trang Facebook, Zalo chính thức của cơ quan nhà nước, và góp ý qua thôn, xã cũng có giá trị như góp ý trên mạng.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Thôn vùng cao, ít người dùng điện thoại thông minh",
                            "situation": "<p><i>Tình huống giả định.</i> Một thôn vùng cao có hơn một trăm hộ, phần lớn là đồng bào dân tộc thiểu số; chỉ một số người trẻ dùng Zalo; loa truyền thanh không phủ hết các cụm dân cư. Xã cần lấy ý kiến bà con về một dự thảo của tỉnh trong ba tuần.</p>",
                            "questions": "<ol><li>Anh/chị kết hợp những kênh nào để thông tin đến được mọi cụm dân cư?</li><li>Ai trong thôn có thể giúp anh/chị, và giúp việc gì?</li><li>Làm thế nào để những người không biết chữ cũng góp ý được?</li></ol>",
                        },
                    ),
                ],
            },
            {
                "slug": "ghi-nhan-y-kien-va-tin-don",
                "title": "Ghi nhận ý kiến, trả lời bà con và xử lý tin đồn",
                "summary": "Ghi trung thực ý kiến của bà con, chuyển về xã đúng hạn, báo lại kết quả và bình tĩnh trả lời khi có tin đồn.",
                "estimated_minutes": 20,
                "body": [
                    ("heading", "Ghi đúng ý của bà con"),
                    (
                        "paragraph",
                        "<ul><li>Ghi đúng ý người nói, không sửa theo ý mình, không bỏ bớt ý phản đối.</li><li>Ghi rõ ý kiến nói về điểm nào của dự thảo và có bao nhiêu người cùng ý.</li><li>Tách riêng câu hỏi cần trả lời với ý kiến góp ý.</li><li>Đọc lại cho người góp ý nghe để họ xác nhận.</li></ul><p>Phiếu ghi ý kiến chỉ cần: ngày; thôn, tổ dân phố; hình thức (họp thôn, gặp trực tiếp, Zalo, hòm thư); nội dung; điểm nào của dự thảo; số người cùng ý; câu hỏi cần trả lời; người ghi.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Thông tin cá nhân của bà con",
                            "body": "<p>Không bắt buộc bà con cho biết họ tên, số điện thoại; chỉ ghi khi họ đồng ý và khi cần để trả lời lại. Không ghi dân tộc, tôn giáo hay hoàn cảnh riêng. Không chụp ảnh phiếu gửi lên nhóm chung.</p>",
                        },
                    ),
                    ("heading", "Chuyển ý kiến lên đâu"),
                    (
                        "paragraph",
                        "<ol><li>Nộp phiếu và biên bản cho công chức phụ trách của Ủy ban nhân dân xã trước hạn xã đặt ra.</li><li>Xã tổng hợp, gửi cơ quan chủ trì soạn thảo theo hướng dẫn của tỉnh.</li><li>Người muốn tự góp ý vẫn có thể gửi qua Cổng thông tin điện tử của tỉnh; hãy chỉ cho bà con cách làm.</li><li>Giữ một bản sao để đối chiếu khi có kết quả.</li></ol><p>Hạn của xã thường sớm hơn hạn cuối của tỉnh vài ngày để kịp tổng hợp; khi thông báo cho bà con, hãy dùng hạn của xã.</p>",
                    ),
                    ("heading", "Khi có tin đồn: bốn bước bình tĩnh"),
                    (
                        "paragraph",
                        "<p>Dự thảo được chọn để truyền thông thường đụng đến tiền bạc, đất đai, thói quen làm ăn, nên dễ sinh tin đồn. Tin đồn thường xuất phát từ nỗi lo có thật, cần được trả lời chứ không chỉ bác bỏ.</p><ol><li><b>Nghe:</b> để bà con nói hết điều lo lắng; ghi lại.</li><li><b>Kiểm tra:</b> so với tài liệu chính thức; chưa rõ thì hỏi xã.</li><li><b>Trả lời:</b> ngắn gọn, bằng thông tin chính thức, kèm nguồn để bà con tự xem.</li><li><b>Báo cáo:</b> tin đồn lan rộng hoặc bà con bức xúc thì báo ngay Ủy ban nhân dân xã.</li></ol><p>Người phản đối cũng đang góp ý: hãy giúp họ nói cụ thể phản đối điểm nào, muốn sửa thế nào, và ghi lại đầy đủ.</p>",
                    ),
                    (
                        "paragraph",
                        "<p><i>Mẫu trả lời trong nhóm Zalo:</i> “Chào cả nhà. Về tin phải hiến đất mà không được hỗ trợ gì: đây là dự thảo đang xin ý kiến, chưa áp dụng. Theo dự thảo, hiến đất là tự nguyện, còn cách hỗ trợ hộ hiến nhiều đất thì tỉnh đang hỏi ý kiến bà con. Toàn văn dự thảo có trên Cổng thông tin điện tử của tỉnh. Nhà nào có ý kiến, xin góp tại buổi họp thôn tối thứ Bảy hoặc nhắn cho tôi để gửi xã trước ngày 15 tháng 9.”</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Không nên",
                            "body": "<ul><li>Tranh cãi gay gắt hoặc xóa ý kiến phản đối trong nhóm.</li><li>Chia sẻ thêm thông tin mình chưa kiểm tra.</li><li>Nói thay cơ quan soạn thảo những điều tài liệu không có.</li></ul>",
                        },
                    ),
                    ("heading", "Báo lại cho bà con"),
                    (
                        "paragraph",
                        "<p>Khi tỉnh công bố kết quả tiếp thu ý kiến, hãy báo lại qua loa, bảng tin, nhóm Zalo hoặc buổi họp thôn gần nhất: điểm nào đã thay đổi, điểm nào chưa và vì sao. Bà con thấy ý kiến của mình được lắng nghe thì lần sau sẽ góp ý nhiều hơn.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Tin đồn trước hạn góp ý",
                            "situation": "<p><i>Tình huống giả định.</i> Ba ngày trước hạn góp ý của xã về dự thảo hỗ trợ làm đường, một người đăng trong nhóm Zalo của thôn: “Tỉnh sắp bắt mọi nhà mặt đường phải cắt hai mét đất, không đền bù, ai không chịu thì bị phạt.” Nhiều người tức giận, một số rủ nhau không đi họp thôn.</p>",
                            "questions": "<ol><li>Anh/chị làm những việc gì trong một giờ đầu tiên?</li><li>Viết tin trả lời trong nhóm, không quá năm câu.</li><li>Cần báo cáo ai ở xã, và báo những thông tin gì?</li><li>Nỗi lo của bà con trong tin đồn này có phải là góp ý cần ghi lại không? Ghi thế nào?</li></ol>",
                        },
                    ),
                ],
            },
        ],
    },
]
