#!/usr/bin/env python3
"""Deterministic corpus of Vietnamese ward-bulletin articles for benchmarks.

    python3 scripts/gen_corpus.py --n 10000 --seed 42 --out /tmp/corpus-10k
    bantin build --future --root /tmp/corpus-10k --output /dev/shm/out

Writes a complete bantin site:

    OUT/site.yaml                          title, base_url, the 8 ward categories,
                                           `slugs: file` (URLs from file names, as Hugo)
    OUT/content/<category-slug>/<slug>.md  one article per file

Standard library only. The same --n, --seed and --dates give the same bytes on
every run and every machine, and the first K articles of an N corpus are the
K corpus (articles are drawn one after the other from one generator).

What the articles look like (a ward's news, as on the portals bantin replaces):
  * front matter: title, date, views, author, category, summary, tags, and
    `featured: true` on about 3 %. Strings are double-quoted with JSON-compatible
    escapes, one `key: value` a line, so the shared `to_hugo.py` can read them.
  * dates from 2016-01-01 to 2026-12-31 in office hours (build with --future).
    `--dates mixed` (default) writes the forms editors write, as bantin accepts
    them: `2020-02-19T07:02:00+07:00`, `2020-02-19 07:02`, `19/02/2020 07:02`,
    `19/02/2020`, `2020-02-19`. `--dates iso` writes only the first form: the
    corpus is then readable by an unmodified `../shared/bench/to_hugo.py`
    (which copies the date line to Hugo as it is and cuts the archive year and
    month from its first characters). `scripts/hugo/to_hugo.py` normalises the
    mixed forms itself, so the benchmark uses the default.
  * authors from a pool of about 200 (people's names and office signatures,
    a few prolific), tags from a pool of 40.
  * bodies of 3-6 KB of UTF-8: a bold lead, paragraphs, `##`/`###` headings,
    bullet lists, numbered tasks, tables of results per residential group,
    bold figures, quotes, links to legal documents and to earlier articles
    (`../<category>/<slug>.md`, which bantin rewrites), an occasional footnote.
  * about 2 % of files are NFD (pasted from macOS/Word) and 5 % have CRLF line
    ends (Notepad), as bantin meets them in the field.
"""

import argparse
import hashlib
import json
import os
import random
import sys
import unicodedata
from datetime import datetime, timedelta

# Bump when the output changes: benchmark scripts key their cache on it.
GEN_VERSION = 1

WARD = "Bồ Đề"
DISTRICT = "Long Biên"

# (name as editors write it, display title, slug, relative frequency)
CATEGORIES = [
    ("TIN TỨC - SỰ KIỆN", "Tin tức - Sự kiện", "tin-tuc-su-kien", 18),
    ("CÔNG TÁC ĐẢNG", "Công tác Đảng", "cong-tac-dang", 20),
    ("CHÍNH QUYỀN", "Chính quyền", "chinh-quyen", 14),
    ("MẶT TRẬN - ĐOÀN THỂ", "Mặt trận - Đoàn thể", "mat-tran-doan-the", 13),
    ("KINH TẾ - ĐÔ THỊ", "Kinh tế - Đô thị", "kinh-te-do-thi", 10),
    ("VĂN HÓA - XÃ HỘI", "Văn hóa - Xã hội", "van-hoa-xa-hoi", 11),
    ("GIÁO DỤC - Y TẾ", "Giáo dục - Y tế", "giao-duc-y-te", 7),
    ("AN NINH - QUỐC PHÒNG", "An ninh - Quốc phòng", "an-ninh-quoc-phong", 7),
]

STREETS = ["Nguyễn Văn Cừ", "Hồng Tiến", "Bồ Đề", "Lâm Du", "Nguyễn Sơn", "Ngọc Lâm",
           "Long Biên 1", "Long Biên 2", "Mai Phúc", "Lâm Hạ", "Tư Đình", "Phan Văn Đáng"]
SCHOOLS = ["Trường Mầm non Hoa Sữa", "Trường Mầm non Bồ Đề", "Trường Tiểu học Bồ Đề",
           "Trường Tiểu học Ái Mộ", "Trường THCS Ngọc Lâm", "Trường THCS Lê Quý Đôn"]
CHI_BO = ["Chi bộ Tổ dân phố số {tdp}", "Chi bộ Khu dân cư số {kdc}", "Chi bộ Trường THCS Ngọc Lâm",
          "Chi bộ Trạm Y tế", "Chi bộ Công an phường", "Chi bộ Quân sự", "Chi bộ Cơ quan UBND"]
ORGS = [
    "Đảng ủy phường", "Ban Thường vụ Đảng ủy phường", "UBND phường", "HĐND phường",
    "Ủy ban MTTQ Việt Nam phường", "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường",
    "Hội Cựu chiến binh phường", "Hội Người cao tuổi phường", "Công an phường",
    "Ban Chỉ huy Quân sự phường", "Khối Dân vận Đảng ủy", "Ủy ban Kiểm tra Đảng ủy",
    "Hội Chữ thập đỏ phường", "Hội Khuyến học phường", "Trạm Y tế phường",
]
PLACES = ["Hội trường UBND phường", "Phòng họp số 1 - trụ sở UBND phường",
          "Nhà văn hóa tổ dân phố số {tdp}", "sân Nhà văn hóa khu dân cư số {kdc}",
          "Hội trường Đảng ủy phường", "trụ sở Công an phường", "Trung tâm Văn hóa - Thể thao phường"]
MODELS = ["“Dân vận khéo”", "“Camera an ninh khu dân cư”", "“Tổ dân phố không rác thải nhựa”",
          "“Ngõ phố văn minh”", "“Tủ sách khu dân cư”", "“Bữa cơm nghĩa tình”",
          "“Tổ công nghệ số cộng đồng”", "“Cổng trường an toàn giao thông”"]
DOCUMENTS = [
    ("Nghị quyết số {k}/NQ-HĐND", "hdnd"), ("Kế hoạch số {k}/KH-UBND", "ubnd"),
    ("Chỉ thị số 05-CT/TW", "tw"), ("Quyết định số {k}/QĐ-UBND", "ubnd"),
    ("Hướng dẫn số {k}-HD/BTGTW", "btg"), ("Luật Thực hiện dân chủ ở cơ sở năm 2022", "luat"),
    ("Nghị định số {k}/2021/NĐ-CP", "cp"), ("Kết luận số {k}-KL/TW", "tw"),
]

TITLES = {
    "tin-tuc-su-kien": [
        "Phường {ward} tổ chức Lễ kỷ niệm {k2} năm Ngày thành lập phường",
        "Đoàn công tác Quận ủy {district} làm việc với Đảng ủy phường {ward}",
        "Khánh thành Nhà văn hóa tổ dân phố số {tdp} sau cải tạo, nâng cấp",
        "Phường {ward} đón nhận Bằng khen của UBND Thành phố năm {year}",
        "Hội nghị tổng kết công tác năm {year}, triển khai nhiệm vụ năm {year1}",
        "Chương trình “Tết vì người nghèo” năm {year}",
        "Lễ công bố quyết định về sắp xếp tổ dân phố trên địa bàn phường",
        "Phường {ward} gặp mặt các doanh nghiệp, hộ kinh doanh tiêu biểu năm {year}",
        "Dâng hương tưởng niệm các Anh hùng liệt sĩ nhân dịp {holiday}",
        "Thường trực Đảng ủy phường chúc Tết các gia đình chính sách Xuân {year1}",
    ],
    "cong-tac-dang": [
        "Đảng ủy phường {ward} tổ chức Hội nghị sơ kết 6 tháng đầu năm {year}",
        "{chibo} tổ chức Đại hội nhiệm kỳ {term}",
        "Trao Huy hiệu {hh} năm tuổi Đảng đợt {d} năm {year}",
        "Hội nghị Ban Chấp hành Đảng bộ phường lần thứ {k2}, nhiệm kỳ 2020 - 2025",
        "Kết nạp đảng viên mới tại {chibo}",
        "Quán triệt, triển khai {doc} đến cán bộ, đảng viên",
        "Ủy ban Kiểm tra Đảng ủy phường kiểm tra, giám sát chuyên đề quý {q} năm {year}",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: mô hình {model}",
        "Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở giao ban quý {q} năm {year}",
        "Sinh hoạt chuyên đề tại {chibo} quý {q} năm {year}",
    ],
    "chinh-quyen": [
        "UBND phường {ward} tổ chức Hội nghị đối thoại với nhân dân năm {year}",
        "Kỳ họp thứ {k2} HĐND phường khóa {khoa}, nhiệm kỳ 2021 - 2026",
        "Kết quả tiếp nhận, giải quyết thủ tục hành chính quý {q} năm {year}",
        "Phường {ward} đẩy mạnh dịch vụ công trực tuyến toàn trình",
        "Tiếp xúc cử tri trước Kỳ họp thứ {k2} HĐND phường",
        "UBND phường ban hành Kế hoạch cải cách hành chính năm {year}",
        "Rà soát hộ nghèo, hộ cận nghèo năm {year} trên địa bàn phường",
        "Phường {ward} hoàn thành thu ngân sách 6 tháng đầu năm {year}",
        "Lấy ý kiến nhân dân về dự thảo quy hoạch chi tiết khu dân cư số {kdc}",
    ],
    "mat-tran-doan-the": [
        "Ngày hội Đại đoàn kết toàn dân tộc tại tổ dân phố số {tdp} năm {year}",
        "Hội Liên hiệp Phụ nữ phường tổ chức tọa đàm kỷ niệm Ngày Phụ nữ Việt Nam 20/10",
        "Đoàn Thanh niên phường ra quân Chiến dịch Thanh niên tình nguyện hè {year}",
        "Hội Cựu chiến binh phường tổng kết công tác Hội năm {year}",
        "Ủy ban MTTQ phường trao {n} suất quà cho hộ nghèo, hộ cận nghèo",
        "Hội Người cao tuổi phường mừng thọ các cụ tuổi 70, 80, 90 năm {year}",
        "Hội Chữ thập đỏ phường tổ chức hiến máu tình nguyện đợt {d} năm {year}",
        "Ra mắt mô hình {model} tại tổ dân phố số {tdp}",
        "Ban công tác Mặt trận khu dân cư số {kdc} hội nghị đại biểu nhân dân",
    ],
    "kinh-te-do-thi": [
        "Ra quân lập lại trật tự vỉa hè, lòng đường trên phố {street}",
        "Phường {ward} triển khai phân loại chất thải rắn sinh hoạt tại nguồn",
        "Kiểm tra trật tự xây dựng trên địa bàn tổ dân phố số {tdp}",
        "Thu thuế ngoài quốc doanh quý {q} năm {year} đạt {p}% kế hoạch",
        "Cải tạo, chỉnh trang ngõ {ngo} phố {street}",
        "Tổng vệ sinh môi trường hưởng ứng Ngày Chủ nhật xanh",
        "Hỗ trợ hộ kinh doanh chuyển đổi số, thanh toán không dùng tiền mặt",
        "Giải phóng mặt bằng dự án mở rộng phố {street}",
    ],
    "van-hoa-xa-hoi": [
        "Trao quà Tết Nguyên đán {year} cho các gia đình chính sách",
        "Vui Tết Trung thu cho thiếu nhi tổ dân phố số {tdp} năm {year}",
        "Giải bóng chuyền hơi phường {ward} năm {year}",
        "Kỷ niệm {k78} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/{year})",
        "Bình xét danh hiệu Gia đình văn hóa năm {year}",
        "Liên hoan văn nghệ quần chúng các tổ dân phố năm {year}",
        "Hội thi “Gia đình trẻ hạnh phúc” phường {ward} năm {year}",
        "Khai trương Tủ sách khu dân cư số {kdc}",
    ],
    "giao-duc-y-te": [
        "{school} khai giảng năm học {year} - {year1}",
        "Chủ động phòng, chống sốt xuất huyết tại tổ dân phố số {tdp}",
        "Trạm Y tế phường triển khai tiêm chủng mở rộng đợt {d} năm {year}",
        "Tổng kết năm học {year0} - {year}, khen thưởng học sinh giỏi",
        "Khám sức khỏe miễn phí cho người cao tuổi năm {year}",
        "Hội Khuyến học phường trao học bổng “Vượt khó học giỏi” năm {year}",
        "Ra quân chiến dịch diệt bọ gậy phòng bệnh sốt xuất huyết",
    ],
    "an-ninh-quoc-phong": [
        "Lễ giao nhận quân năm {year}",
        "Diễn tập phòng cháy, chữa cháy tại khu dân cư tổ dân phố số {tdp}",
        "Công an phường {ward} ra mắt mô hình {model}",
        "Sơ kết phong trào Toàn dân bảo vệ an ninh Tổ quốc quý {q} năm {year}",
        "Khám tuyển nghĩa vụ quân sự năm {year}",
        "Huấn luyện lực lượng dân quân tự vệ năm {year}",
        "Tuyên truyền phòng, chống lừa đảo qua mạng cho người cao tuổi",
        "Tổng kết Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm {year}",
    ],
}

EVENT_NOUNS = ["hội nghị", "buổi lễ", "buổi làm việc", "chương trình", "buổi gặp mặt",
               "đợt ra quân", "buổi tuyên truyền", "hội thi"]
OPENERS = ["Sáng ngày", "Chiều ngày", "Tối ngày", "Ngày"]

SENTENCES = [
    "Dự {ev} có đồng chí {leader}; đại diện {org}, {org2} cùng {n} đại biểu là bí thư chi bộ, tổ trưởng tổ dân phố.",
    "Theo báo cáo, {since}, {org} đã tổ chức {n} buổi tuyên truyền tại các tổ dân phố, thu hút **{big} lượt người** tham gia.",
    "Công tác lãnh đạo, chỉ đạo được triển khai kịp thời, bám sát {doc_plain} và tình hình thực tế của địa phương.",
    "Phát biểu tại {ev}, đồng chí {leader} ghi nhận, biểu dương những kết quả đạt được, đồng thời chỉ ra một số tồn tại, hạn chế cần sớm khắc phục.",
    "Đến nay, toàn phường có **{pct}%** hộ gia đình đạt danh hiệu Gia đình văn hóa; {tdp} tổ dân phố đạt danh hiệu Tổ dân phố văn hóa.",
    "Tổng kinh phí thực hiện là **{money} triệu đồng**, từ nguồn ngân sách phường kết hợp xã hội hóa.",
    "Nhiều mô hình hay, cách làm sáng tạo như mô hình {model} đã được nhân rộng, tạo sức lan tỏa trong nhân dân.",
    "Bên cạnh những kết quả đạt được, công tác tuyên truyền ở một số tổ dân phố còn chưa thường xuyên; việc nắm bắt tâm tư, nguyện vọng của nhân dân có lúc chưa kịp thời.",
    "Tại {ev}, {n} ý kiến của đại biểu tập trung vào các vấn đề vệ sinh môi trường, trật tự xây dựng, an ninh khu dân cư và thủ tục hành chính.",
    "Các ý kiến, kiến nghị của cử tri đã được lãnh đạo UBND phường trả lời trực tiếp; những nội dung vượt thẩm quyền được tổng hợp, báo cáo cấp trên.",
    "Lực lượng Công an phường phối hợp với tổ an ninh khu phố tuần tra, kiểm soát {n} lượt, kịp thời phát hiện, xử lý {small} trường hợp vi phạm.",
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng và trước hạn đạt **{pct}%**; {pct2}% hồ sơ được nộp qua Cổng dịch vụ công trực tuyến.",
    "Đảng bộ phường hiện có {chibo_n} chi bộ trực thuộc với **{dv} đảng viên**; trong năm đã kết nạp {small} đảng viên mới.",
    "Thay mặt nhân dân, ông {person} – Tổ trưởng tổ dân phố số {tdp} bày tỏ niềm vui và cam kết cùng bà con thực hiện tốt các nội dung đã đề ra.",
    "Hưởng ứng chương trình, các tổ chức, cá nhân đã ủng hộ {money} triệu đồng cùng nhiều hiện vật có giá trị.",
    "Qua đó góp phần nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và các tầng lớp nhân dân trong việc xây dựng phường {ward} văn minh, hiện đại.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định; không để xảy ra vụ việc phức tạp, đột xuất.",
    "Đồng chí đề nghị các chi bộ, đoàn thể tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về khu dân cư.",
    "Trong {since_short}, phường đã giải quyết dứt điểm {small} đơn thư kiến nghị, phản ánh của công dân, không để tồn đọng, kéo dài.",
    "Năm học {year0} - {year}, {school} có {pct}% học sinh hoàn thành tốt nhiệm vụ học tập và rèn luyện; {small} em đạt giải cấp quận, thành phố.",
    "Trạm Y tế phường đã phối hợp với các tổ dân phố phun hóa chất diệt muỗi tại {small} điểm nguy cơ, xử lý {n} ổ bọ gậy.",
    "Các đơn vị đã vận động {n} hộ kinh doanh ký cam kết không lấn chiếm vỉa hè, lòng đường, giữ gìn vệ sinh chung.",
    "Đời sống vật chất và tinh thần của nhân dân từng bước được nâng lên; thu nhập bình quân đầu người đạt {money2} triệu đồng/năm.",
    "Công tác tuyển chọn, gọi công dân nhập ngũ được thực hiện công khai, dân chủ, đúng quy trình; {small} thanh niên trúng tuyển, đạt 100% chỉ tiêu.",
    "Nhân dịp này, {org} đã trao {small} suất quà, mỗi suất trị giá {gift} đồng cho các gia đình có hoàn cảnh khó khăn.",
    "Ngay sau {ev}, các tổ công tác đã xuống từng tổ dân phố để hướng dẫn, hỗ trợ người dân; thời gian thực hiện từ ngày {d1} đến hết ngày {d2}.",
    "Người dân cần liên hệ bộ phận một cửa của UBND phường, điện thoại 024.3872.{phone}, trong giờ hành chính các ngày làm việc.",
    "Thông tin chi tiết xem tại [{doc}](https://longbien.example.gov.vn/van-ban/{docid}) trên Cổng thông tin điện tử của quận.",
]

LEADERS = ["Bí thư Đảng ủy phường", "Phó Bí thư Thường trực Đảng ủy", "Chủ tịch UBND phường",
           "Phó Chủ tịch UBND phường", "Chủ tịch HĐND phường", "Chủ tịch Ủy ban MTTQ phường",
           "Trưởng Công an phường", "Chỉ huy trưởng Ban CHQS phường", "Phó Chủ tịch Thường trực HĐND phường"]

QUOTES = [
    "Mỗi cán bộ, đảng viên phải thực sự nêu gương, nói đi đôi với làm, sâu sát cơ sở, lắng nghe ý kiến nhân dân.",
    "Không để người dân phải đi lại nhiều lần; hồ sơ nào chậm phải có văn bản xin lỗi và nêu rõ lý do.",
    "Giữ gìn vỉa hè thông thoáng, đường phố sạch đẹp là trách nhiệm của từng hộ gia đình, từng tổ dân phố.",
    "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc, để không ai bị bỏ lại phía sau.",
    "An ninh trật tự ở khu dân cư phải bắt đầu từ mỗi gia đình, mỗi người dân.",
]

HEADINGS = ["Kết quả nổi bật", "Những tồn tại, hạn chế", "Nhiệm vụ trọng tâm thời gian tới",
            "Ý kiến của nhân dân", "Phát biểu chỉ đạo", "Một số giải pháp", "Bài học kinh nghiệm",
            "Công tác chuẩn bị", "Kết quả cụ thể", "Khen thưởng"]

TASKS = [
    "Tiếp tục quán triệt sâu sắc các nghị quyết, chỉ thị của Đảng đến từng cán bộ, đảng viên",
    "Nâng cao chất lượng sinh hoạt chi bộ, tăng cường sinh hoạt chuyên đề",
    "Đẩy mạnh cải cách hành chính, công khai, minh bạch các thủ tục",
    "Thực hiện tốt công tác tiếp công dân, giải quyết kịp thời đơn thư khiếu nại, tố cáo",
    "Giữ vững an ninh chính trị, bảo đảm trật tự an toàn xã hội trên địa bàn",
    "Phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể",
    "Chăm lo tốt các gia đình chính sách, người có công, hộ nghèo, hộ cận nghèo",
    "Tăng cường công tác kiểm tra, giám sát, xử lý nghiêm các vi phạm",
    "Vận động nhân dân giữ gìn vệ sinh môi trường, phân loại rác tại nguồn",
    "Hoàn thành chỉ tiêu giao quân và công tác quốc phòng địa phương",
    "Hỗ trợ người dân cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2",
    "Xây dựng khu dân cư an toàn về an ninh trật tự, phòng cháy chữa cháy",
    "Rà soát, cập nhật dữ liệu dân cư, bảo đảm “đúng, đủ, sạch, sống”",
    "Tổ chức tốt các hoạt động văn hóa, thể thao chào mừng các ngày lễ lớn",
]
BULLETS = [
    "Nhắc nhở, yêu cầu **{small} hộ** kinh doanh thu dọn hàng hóa lấn chiếm vỉa hè",
    "Lập biên bản xử lý vi phạm hành chính {small} trường hợp tái phạm",
    "Tháo dỡ {small} biển quảng cáo, mái che, mái vẩy sai quy định",
    "Tổ chức {small} lớp tập huấn kỹ năng cho cán bộ tổ dân phố",
    "Trao {small} suất học bổng cho học sinh có hoàn cảnh khó khăn",
    "Vận động {n} lượt người tham gia hiến máu tình nguyện",
    "Hỗ trợ {small} hộ gia đình sửa chữa nhà ở",
    "Tuyên truyền trên hệ thống loa truyền thanh {small} lượt",
    "Phát {n} tờ rơi hướng dẫn người dân",
]

PERSON_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                   "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lưu", "Trịnh", "Đào"]
PERSON_MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Quốc", "Ngọc", "Đình", "Xuân", "Mạnh"]
PERSON_MIDDLE_F = ["Thị", "Thu", "Thanh", "Ngọc", "Minh", "Phương", "Kim", "Hồng", "Lan"]
PERSON_GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Sơn", "Long", "Khánh", "Đạt", "Quý",
                  "Bình", "Tiến", "Quang", "Lợi", "Thắng", "Cường", "Việt", "Hiếu", "Trung", "Phong"]
PERSON_GIVEN_F = ["Lan", "Hương", "Hạnh", "Phương", "Trang", "Thảo", "Yến", "Nhung", "Tâm",
                  "Hà", "Huyền", "Linh", "Mai", "Ngân", "Oanh", "Quyên", "Thủy", "Vân", "Anh", "Hằng"]
OFFICE_SIGNATURES = [
    "Ban Tuyên giáo Đảng ủy", "Văn phòng Đảng ủy", "Văn phòng HĐND - UBND phường",
    "Bộ phận Văn hóa - Thông tin", "Công an phường Bồ Đề", "Ban CHQS phường",
    "Hội LHPN phường", "Đoàn Thanh niên phường", "Ủy ban MTTQ phường", "Trạm Y tế phường",
    "Hội Cựu chiến binh phường", "Hội Người cao tuổi phường", "Khối Dân vận Đảng ủy",
    "Ủy ban Kiểm tra Đảng ủy", "Bộ phận Một cửa", "Hội Chữ thập đỏ phường",
    "Trường THCS Ngọc Lâm", "Trường Tiểu học Bồ Đề", "Cộng tác viên", "Ban Biên tập",
]

TAGS = [
    "dân vận", "quy chế dân chủ", "xây dựng Đảng", "đảng viên", "kiểm tra giám sát",
    "học tập và làm theo Bác", "an sinh xã hội", "cải cách hành chính", "chuyển đổi số",
    "dịch vụ công", "an ninh trật tự", "phòng cháy chữa cháy", "nghĩa vụ quân sự",
    "dân quân tự vệ", "môi trường", "văn minh đô thị", "trật tự xây dựng", "vỉa hè",
    "khu dân cư", "tổ dân phố", "thanh niên", "phụ nữ", "cựu chiến binh", "người cao tuổi",
    "thiếu nhi", "khuyến học", "giáo dục", "y tế", "tiêm chủng", "sốt xuất huyết",
    "gia đình văn hóa", "thể thao", "văn nghệ", "lễ hội", "Tết", "hộ nghèo",
    "người có công", "HĐND", "tiếp xúc cử tri", "ngân sách",
]

START = datetime(2016, 1, 1)
END = datetime(2026, 12, 31, 23, 59)


def slugify(s):
    """Drop Vietnamese accents, map đ to d, lowercase, hyphenate (as bantin does)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    out, dash = [], False
    for c in s:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def q(s):
    """A double-quoted scalar, valid both as YAML and as JSON."""
    return json.dumps(s, ensure_ascii=False)


def vn_int(n):
    """12345 -> '12.345' (Vietnamese digit grouping)."""
    return "{:,}".format(n).replace(",", ".")


def author_pool(seed):
    """About 200 signatures: people's names (some with 4 parts) and offices.
    Drawn with a Zipf-like weight so a few authors write most articles."""
    rng = random.Random("authors-{}".format(seed))
    names, seen = [], set()
    while len(names) < 180:
        if rng.random() < 0.5:
            parts = [rng.choice(PERSON_SURNAMES), rng.choice(PERSON_MIDDLE_M),
                     rng.choice(PERSON_GIVEN_M)]
        else:
            parts = [rng.choice(PERSON_SURNAMES), rng.choice(PERSON_MIDDLE_F),
                     rng.choice(PERSON_GIVEN_F)]
            if rng.random() < 0.15:
                parts.insert(2, rng.choice(PERSON_GIVEN_F))
        name = " ".join(parts)
        if rng.random() < 0.1:
            name = " ".join(parts[-2:])  # pen names: "Thu Hà", "Minh Đức"
        key = slugify(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
    pool = names + OFFICE_SIGNATURES
    rng.shuffle(pool)
    weights = [1.0 / (i + 1) ** 0.9 for i in range(len(pool))]
    return pool, weights


class Ctx:
    """Placeholder values for one article, drawn lazily from its generator."""

    def __init__(self, rng, date, authors):
        self.rng = rng
        self.date = date
        self.authors = authors

    def fill(self, template):
        out = template
        while "{" in out:
            start = out.index("{")
            end = out.index("}", start)
            key = out[start + 1:end]
            out = out[:start] + self.value(key) + out[end + 1:]
        return out

    def value(self, key):
        r, y = self.rng, self.date.year
        simple = {
            "ward": lambda: WARD, "district": lambda: DISTRICT,
            "year": lambda: str(y), "year1": lambda: str(y + 1), "year0": lambda: str(y - 1),
            "k": lambda: str(r.randint(12, 389)), "k2": lambda: str(r.randint(2, 25)),
            "k78": lambda: str(y - 1947), "tdp": lambda: str(r.randint(1, 34)),
            "kdc": lambda: str(r.randint(1, 12)), "q": lambda: r.choice(["I", "II", "III", "IV"]),
            "d": lambda: str(r.randint(1, 4)), "hh": lambda: str(r.choice([30, 40, 45, 50, 55, 60, 65, 70, 75])),
            "term": lambda: r.choice(["2020 - 2022", "2022 - 2025", "2025 - 2027"]),
            "khoa": lambda: r.choice(["XVII", "XVIII"]), "p": lambda: str(r.randint(85, 130)),
            "n": lambda: str(r.randint(20, 480)), "small": lambda: str(r.randint(2, 60)),
            "big": lambda: vn_int(r.randint(1200, 25000)), "pct": lambda: "{},{}".format(r.randint(86, 99), r.randint(0, 9)),
            "pct2": lambda: str(r.randint(40, 98)), "money": lambda: vn_int(r.randint(15, 2400)),
            "money2": lambda: str(r.randint(60, 140)), "gift": lambda: vn_int(r.choice([300, 500, 800, 1000, 1500]) * 1000),
            "dv": lambda: vn_int(r.randint(1400, 2300)), "chibo_n": lambda: str(r.randint(38, 52)),
            "street": lambda: r.choice(STREETS), "ngo": lambda: str(r.randint(2, 260)),
            "school": lambda: r.choice(SCHOOLS), "model": lambda: r.choice(MODELS),
            "org": lambda: r.choice(ORGS), "org2": lambda: r.choice(ORGS),
            "leader": lambda: "{} – {}".format(self.person(), r.choice(LEADERS)),
            "person": self.person, "ev": lambda: r.choice(EVENT_NOUNS),
            "since": lambda: r.choice(["từ đầu năm đến nay", "trong năm {}".format(y),
                                       "trong 6 tháng đầu năm", "trong nhiệm kỳ qua"]),
            "since_short": lambda: r.choice(["quý vừa qua", "năm {}".format(y), "6 tháng qua"]),
            "holiday": lambda: r.choice(["Ngày Thương binh - Liệt sĩ 27/7", "Ngày Quốc khánh 2/9",
                                         "Tết Nguyên đán", "Ngày Giải phóng Thủ đô 10/10"]),
            "doc": lambda: self.fill(r.choice(DOCUMENTS)[0]),
            "doc_plain": lambda: self.fill(r.choice(DOCUMENTS)[0]),
            "docid": lambda: str(r.randint(1000, 99999)), "phone": lambda: str(r.randint(1000, 9999)),
            "chibo": lambda: self.fill(r.choice(CHI_BO)),
            "d1": lambda: self.short_date(0), "d2": lambda: self.short_date(r.randint(20, 90)),
        }
        return simple[key]()

    def person(self):
        r = self.rng
        return "{} {} {}".format(r.choice(PERSON_SURNAMES), r.choice(PERSON_MIDDLE_M + PERSON_MIDDLE_F),
                                 r.choice(PERSON_GIVEN_M + PERSON_GIVEN_F))

    def short_date(self, days):
        d = self.date + timedelta(days=days)
        return "{:02d}/{}/{}".format(d.day, d.month, d.year)


def table(ctx):
    r = ctx.rng
    kind = r.random()
    rows = sorted(r.sample(range(1, 35), r.randint(4, 8)))
    if kind < 0.5:
        head = "| TT | Tổ dân phố | Số hộ | Hộ đạt Gia đình văn hóa | Tỷ lệ |\n|---:|---|---:|---:|---:|"
        lines = []
        for i, t in enumerate(rows):
            hh = r.randint(180, 620)
            ok = int(hh * r.uniform(0.86, 0.99))
            pct = "{:.1f}".format(100.0 * ok / hh).replace(".", ",")
            lines.append("| {} | Tổ dân phố số {} | {} | {} | {}% |".format(i + 1, t, hh, ok, pct))
        return "Kết quả bình xét tại một số tổ dân phố:\n\n" + head + "\n" + "\n".join(lines)
    head = "| Nội dung | Kế hoạch | Thực hiện | Đạt |\n|---|---:|---:|---:|"
    items = r.sample([("Thu ngân sách (triệu đồng)", 3000, 40000), ("Hồ sơ một cửa", 800, 9000),
                      ("Hộ tham gia BHYT", 2000, 9000), ("Đảng viên mới", 10, 40),
                      ("Tuyên truyền lưu động (buổi)", 20, 200), ("Hộ phân loại rác", 500, 8000),
                      ("Tài khoản định danh điện tử", 3000, 30000), ("Thanh niên nhập ngũ", 15, 45)],
                     r.randint(3, 6))
    lines = []
    for it, lo, hi in items:
        plan = r.randint(lo, hi)
        done = int(plan * r.uniform(0.8, 1.3))
        lines.append("| {} | {} | {} | {}% |".format(it, vn_int(plan), vn_int(done), round(100 * done / plan)))
    return "Một số chỉ tiêu chủ yếu:\n\n" + head + "\n" + "\n".join(lines)


def paragraph(ctx, k=None):
    r = ctx.rng
    k = k or r.randint(2, 5)
    return " ".join(ctx.fill(s) for s in r.sample(SENTENCES, k))


def make_body(ctx, index, earlier, target):
    r = ctx.rng
    d = ctx.date - timedelta(days=r.randint(0, 2))
    place = ctx.fill(r.choice(PLACES))
    ev = r.choice(EVENT_NOUNS)
    lead = "**{} {:02d}/{}/{}, tại {}, {} đã tổ chức {} {}.** {}".format(
        r.choice(OPENERS), d.day, d.month, d.year, place, r.choice(ORGS), ev,
        ctx.fill(r.choice(["quán triệt, triển khai {doc}", "sơ kết quý {q} năm {year}",
                           "tổng kết công tác năm {year}", "với sự tham gia của {n} đại biểu",
                           "hưởng ứng mô hình {model}"])),
        paragraph(ctx, 2))
    parts = [lead]
    size = len(lead.encode())
    extras = []
    if r.random() < 0.55:
        extras.append("tasks")
    if r.random() < 0.35:
        extras.append("bullets")
    if r.random() < 0.3:
        extras.append("table")
    if r.random() < 0.25:
        extras.append("quote")
    if r.random() < 0.5:
        extras.append("heading")
    if earlier and r.random() < 0.12:
        extras.append("see-also")
    footnote = r.random() < 0.05
    r.shuffle(extras)
    while size < target:
        if extras and len(parts) > 1 and r.random() < 0.5:
            kind = extras.pop()
            if kind == "tasks":
                items = r.sample(TASKS, r.randint(3, 6))
                block = r.choice(["Hội nghị đề ra các nhiệm vụ trọng tâm sau:",
                                  "Thời gian tới, phường tập trung thực hiện tốt các nội dung:",
                                  "Kết luận hội nghị, đồng chí Bí thư yêu cầu:"]) + "\n\n" + "\n".join(
                    "{}. {}.".format(i + 1, it) for i, it in enumerate(items))
            elif kind == "bullets":
                items = [ctx.fill(b) for b in r.sample(BULLETS, r.randint(3, 5))]
                block = "Ngay trong đợt cao điểm, các tổ công tác đã:\n\n" + "\n".join(
                    "- {};".format(it) for it in items[:-1]) + "\n- {}.".format(items[-1])
            elif kind == "table":
                block = table(ctx)
            elif kind == "quote":
                block = "> “{}”\n>\n> — *{}*".format(r.choice(QUOTES), r.choice(LEADERS))
            elif kind == "heading":
                block = "## " + r.choice(HEADINGS) + "\n\n" + paragraph(ctx)
                if r.random() < 0.3:
                    block += "\n\n### " + r.choice(HEADINGS) + "\n\n" + paragraph(ctx)
            else:  # see-also: a link to an earlier article, resolved by bantin
                cat, slug, title = earlier[r.randrange(len(earlier))]
                block = "Xem thêm: [{}](../{}/{}.md)".format(title, cat, slug)
        else:
            block = paragraph(ctx)
            if footnote and len(parts) == 2:
                block += "[^1]"
        parts.append(block)
        size += len(block.encode()) + 2
    if footnote:
        parts.append("[^1]: Số liệu do {} cung cấp.".format(r.choice(ORGS)))
    return "\n\n".join(parts) + "\n"


def format_date(date, form, iso_only):
    if iso_only or form == 0:
        return date.strftime("%Y-%m-%dT%H:%M:00+07:00")
    if form == 1:
        return date.strftime("%Y-%m-%d %H:%M")
    if form == 2:
        return date.strftime("%d/%m/%Y %H:%M")
    if form == 3:
        return date.strftime("%d/%m/%Y")
    return date.strftime("%Y-%m-%d")


def make_article(rng, index, authors, earlier, iso_only):
    cat_i = rng.choices(range(len(CATEGORIES)), weights=[c[3] for c in CATEGORIES])[0]
    name, _, cslug, _ = CATEGORIES[cat_i]
    span = int((END - START).total_seconds()) // 60
    date = START + timedelta(minutes=rng.randrange(span))
    date = date.replace(hour=rng.randint(7, 17))
    form = rng.choices(range(5), weights=[40, 20, 30, 5, 5])[0]
    if form >= 3:
        date = date.replace(hour=0, minute=0)
    ctx = Ctx(rng, date, authors)
    title = ctx.fill(rng.choice(TITLES[cslug]))
    summary = ctx.fill(rng.choice(SENTENCES)).replace("**", "")
    summary = summary.split("](")[0].replace("[", "") if "](" in summary else summary
    author = rng.choices(authors[0], weights=authors[1])[0]
    views = int(rng.lognormvariate(6.2, 1.0))
    ntags = rng.choices([0, 1, 2, 3], weights=[15, 35, 35, 15])[0]
    tags = rng.sample(TAGS, ntags)
    featured = rng.random() < 0.03
    body = make_body(ctx, index, earlier, rng.randint(2700, 5400))
    lines = [
        "---",
        "title: " + q(title),
        "date: " + format_date(date, form, iso_only),
        "views: {}".format(views),
        "author: " + q(author),
        "category: " + q(name),
        "summary: " + q(summary),
        "tags: [" + ", ".join(q(t) for t in tags) + "]",
    ]
    if featured:
        lines.append("featured: true")
    lines += ["---", ""]
    text = "\n".join(lines) + body
    style = rng.random()
    if style < 0.02:
        text = unicodedata.normalize("NFD", text)
    elif style < 0.07:
        text = text.replace("\n", "\r\n")
    return cslug, title, text


def site_yaml():
    lines = [
        "title: " + q("Bản tin phường " + WARD),
        "description: " + q("Thông tin hoạt động của Đảng ủy, HĐND, UBND, MTTQ và các đoàn thể phường "
                            + WARD + " (corpus của bộ đo hiệu năng)"),
        'base_url: "https://phuongbode.example.gov.vn/"',
        "per_page: 10",
        "slugs: file",
        "tagline: " + q("ĐẢNG BỘ - CHÍNH QUYỀN - NHÂN DÂN PHƯỜNG BỒ ĐỀ"),
        "footer:",
        "  - " + q("Địa chỉ: số 1 phố Bồ Đề, phường Bồ Đề, thành phố Hà Nội"),
        "  - " + q("Điện thoại: 024.3872.0000"),
        "categories:",
    ]
    for name, title, slug, _ in CATEGORIES:
        lines += ["  - name: " + q(name), "    title: " + q(title), "    slug: " + slug]
    return "\n".join(lines) + "\n"


def generate(n, seed, out, iso_only=False):
    """Write the corpus; return (articles, bytes, sha256 of every file in order)."""
    rng = random.Random(seed)
    authors = author_pool(seed)
    content = os.path.join(out, "content")
    os.makedirs(content, exist_ok=True)
    digest = hashlib.sha256()
    data = site_yaml().encode("utf-8")
    with open(os.path.join(out, "site.yaml"), "wb") as f:
        f.write(data)
    digest.update(data)
    total = len(data)
    used = set()
    earlier = []
    for i in range(n):
        cslug, title, text = make_article(rng, i, authors, earlier, iso_only)
        base = slugify(title)[:80].rstrip("-")
        slug, k = base, 2
        while (cslug, slug) in used:
            slug = "{}-{}".format(base, k)
            k += 1
        used.add((cslug, slug))
        if len(earlier) < 5000:
            earlier.append((cslug, slug, title))
        d = os.path.join(content, cslug)
        os.makedirs(d, exist_ok=True)
        data = text.encode("utf-8")
        rel = "content/{}/{}.md".format(cslug, slug)
        with open(os.path.join(out, rel), "wb") as f:
            f.write(data)
        digest.update(rel.encode() + b"\0" + data)
        total += len(data)
    return n, total, digest.hexdigest()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--out", required=True, help="site folder to write (site.yaml, content/)")
    ap.add_argument("--dates", choices=["mixed", "iso"], default="mixed",
                    help="date forms in front matter (default: mixed; iso: for the shared to_hugo.py)")
    ap.add_argument("--version", action="store_true", help="print the generator version and exit")
    a = ap.parse_args(argv)
    if a.version:
        print(GEN_VERSION)
        return
    if os.path.exists(os.path.join(a.out, "content")):
        sys.exit("{}/content exists: give an empty or new folder".format(a.out))
    n, total, digest = generate(a.n, a.seed, a.out, a.dates == "iso")
    print("wrote {} articles, {:.1f} MB, under {} (sha256 {})".format(
        n, total / 1e6, os.path.join(a.out, "content"), digest[:16]), file=sys.stderr)


if __name__ == "__main__":
    main()
