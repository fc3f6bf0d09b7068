# Thông báo của bantin bằng tiếng Việt (ngôn ngữ mặc định).
#
# Người dịch: mỗi dòng `ma-so = nội dung` là một thông báo; `{ $ten }` là chỗ
# bantin điền vào (tên tệp, số dòng, ...): giữ nguyên những chỗ đó. Dòng thụt
# vào, bắt đầu bằng dấu chấm, là một phần của thông báo phía trên: `.hint` là
# dòng "cách sửa", `.value` là tên giá trị của một tùy chọn trong phần hướng
# dẫn (`--root <THƯ_MỤC>`). Tệp `en.ftl` bên cạnh phải có đúng các mã số như
# tệp này (có bài kiểm tra). Sửa xong, chạy `cargo build` để dùng bản mới.

## Nhãn chung

label-error = lỗi
label-warning = cảnh báo
label-help = cách sửa
errors-total = { $count } lỗi; chưa xuất bản gì

## Lỗi khi đọc, ghi tệp (lý do do máy báo)

io-not-found = không tìm thấy tệp hoặc thư mục ({ $os })
io-permission-denied = không được phép đọc hoặc ghi ở đây ({ $os })
io-storage-full = ổ đĩa đã đầy ({ $os })
io-file-too-large = tệp vượt quá giới hạn kích thước ({ $os })
io-read-only = ổ đĩa chỉ cho đọc, không ghi được ({ $os })
io-already-exists = đã có tệp hoặc thư mục trùng tên ({ $os })
io-invalid-data = dữ liệu không đọc được ({ $os })
io-other = máy báo lỗi: { $os }

## voice: main (dòng lệnh: hướng dẫn và lỗi gõ lệnh)

cli-about = bantin làm trang web bản tin của phường từ các bài viết (tệp .md trong thư mục content/).
cli-usage = bantin [TÙY_CHỌN] <LỆNH>
cli-after-help = Xem cách dùng một lệnh: bantin <lệnh> --help (ví dụ: bantin build --help). Thông báo bằng tiếng Anh: thêm --lang en, hoặc đặt biến BANTIN_LANG=en (--lang được ưu tiên).
cli-heading-usage = Cách dùng
cli-heading-commands = Lệnh
cli-heading-options = Tùy chọn
cli-heading-arguments = Thông tin cần ghi
cli-command-build = Làm trang web vào thư mục output/ (trang cũ chỉ được thay khi mọi bài đều không có lỗi)
cli-command-watch = Xem trước trang web trong trình duyệt (http://127.0.0.1:1111); trang tự làm lại mỗi khi bạn lưu bài
cli-command-check = Kiểm tra mọi bài viết và liên kết, không ghi gì ra thư mục output/
cli-command-new = Tạo một bài viết mới, phần đầu bài (tiêu đề, ngày, chuyên mục) đã điền sẵn
cli-command-import = Chuyển bài sao chép từ cổng thông tin cũ (tệp .txt) thành bài viết của bantin
cli-usage-build = bantin build [TÙY_CHỌN]
cli-usage-watch = bantin watch [TÙY_CHỌN]
cli-usage-check = bantin check [TÙY_CHỌN]
cli-usage-new = bantin new "TIÊU ĐỀ" --category "CHUYÊN MỤC" [TÙY_CHỌN]
cli-usage-import = bantin import <TỆP>... [TÙY_CHỌN]
cli-arg-help = Xem hướng dẫn này
cli-arg-version = Xem số phiên bản của bantin
cli-arg-lang = Ngôn ngữ của thông báo: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh); được ưu tiên hơn biến BANTIN_LANG
    .value = vi|en
cli-arg-root = Thư mục của trang (thư mục có tệp site.yaml và thư mục content/); mặc định: thư mục đang đứng
    .value = THƯ_MỤC
cli-arg-output = Nơi bantin ghi trang web; mặc định: thư mục output/ trong thư mục của trang
    .value = THƯ_MỤC
cli-arg-drafts = Đăng cả bài nháp (bài có dòng `draft: true`)
cli-arg-future = Đăng cả bài có ngày đăng trong tương lai
cli-arg-base-url = Địa chỉ trang web, ví dụ https://phuong.example.vn/ban-tin/ (thay cho base_url trong site.yaml)
    .value = ĐỊA_CHỈ
cli-arg-port = Cổng để xem trước (0: bantin tự chọn một cổng trống); mặc định: 1111
    .value = CỔNG
cli-arg-bind = Địa chỉ mạng để xem trước; mặc định 127.0.0.1: chỉ máy này xem được
    .value = ĐỊA_CHỈ_IP
cli-arg-open = Mở trang web trong trình duyệt
cli-arg-poll = Dò thay đổi theo chu kỳ thay vì chờ máy báo (dùng cho ổ mạng)
cli-arg-title = Tiêu đề bài viết (đặt trong dấu ngoặc kép)
    .value = TIÊU_ĐỀ
cli-arg-category = Chuyên mục của bài, ví dụ "CÔNG TÁC ĐẢNG"
    .value = CHUYÊN_MỤC
cli-arg-author = Tác giả, in ở cuối bài
    .value = TÁC_GIẢ
cli-arg-publish = Đăng bài ở lần làm trang tới (không có tùy chọn này, bài được ghi là bản nháp: dòng `draft: true`)
cli-arg-relative = Liên kết giữa các trang theo đường dẫn tương đối (kết thúc bằng index.html), để mở trang web từ USB bằng cách bấm đúp vào output/index.html
cli-arg-inputs = Các bài sao chép từ cổng thông tin (tệp .txt), hoặc thư mục mà mọi tệp .txt trong đó đều được chuyển
    .value = TỆP
cli-arg-out = Nơi ghi các bài đã chuyển; mặc định: thư mục content/ của trang
    .value = THƯ_MỤC
cli-arg-force = Ghi đè lên bài đã có cùng tên
cli-error-lang = bantin không có thông báo bằng ngôn ngữ `{ $code }`
    .hint = dùng --lang vi (tiếng Việt) hoặc --lang en (tiếng Anh)
cli-error-see-help = xem các lệnh và tùy chọn bằng `{ $help }`
cli-error-did-you-mean = có phải ý bạn là `{ $suggestion }`? Xem các lệnh và tùy chọn bằng `{ $help }`
cli-error-unknown-command = bantin không có lệnh `{ $name }`; các lệnh là build, watch, check, new và import
cli-error-unknown-option = `{ $command }` không có tùy chọn `{ $option }`
cli-error-extra-argument = `{ $command }` không cần thêm `{ $value }` (nếu là tên có dấu cách, hãy đặt trong dấu ngoặc kép)
cli-error-missing = `{ $command }` còn thiếu: { $missing }
cli-error-no-value = tùy chọn `{ $option }` cần một giá trị đi sau nó
cli-error-bad-value = `{ $value }` không dùng được cho tùy chọn `{ $option }`
cli-error-twice = tùy chọn `{ $option }` được ghi hai lần; mỗi tùy chọn chỉ ghi một lần
cli-error-conflict = không dùng `{ $option }` cùng với `{ $other }` được
cli-error-other = bantin không hiểu dòng lệnh `{ $command }` ({ $detail })

## voice: error, output, write (ghi trang web vào thư mục output/)

output-hint-full = ổ đĩa chứa thư mục output/ (nơi bantin ghi trang web) đã hết chỗ: hãy xóa bớt tệp không cần trên ổ đĩa đó, hoặc ghi vào nơi khác bằng --output THƯ_MỤC
output-hint-permission = bantin không được phép ghi vào đó: nhờ người quản lý máy cho phép ghi vào thư mục này, hoặc ghi vào nơi khác bằng --output THƯ_MỤC
output-hint-other = kiểm tra ổ đĩa chứa thư mục output/ (nơi bantin ghi trang web), hoặc ghi vào nơi khác bằng --output THƯ_MỤC
output-kept = chưa xuất bản gì: thư mục output/ vẫn giữ nguyên trang web cũ
output-is-file = { $path } là một tệp, không phải thư mục: bantin không ghi trang web vào đó được
    .hint = bantin ghi trang web vào một thư mục và không xóa tệp này: hãy chuyển tệp đi nơi khác, hoặc chọn thư mục khác bằng --output THƯ_MỤC
output-link-to-file = { $path } là một lối tắt (liên kết) tới { $target }, nhưng đó không phải là thư mục
    .hint = cho lối tắt trỏ tới một thư mục (bantin ghi trang web vào thư mục đó), hoặc chọn thư mục khác bằng --output THƯ_MỤC
output-link-to-nothing = { $path } là một lối tắt (liên kết) tới { $target }, nhưng nơi đó không có
    .hint = tạo thư mục đó (bantin ghi trang web vào thư mục mà lối tắt trỏ tới, và giữ lại lối tắt), hoặc xóa lối tắt
output-over-site = ghi trang web vào { $path } sẽ xóa mất các tệp của chính trang (bài viết, giao diện, ảnh); hãy chọn một thư mục nằm ngoài content/, themes/, templates/, static/ và .bantin/, ví dụ --output output
output-put-back = { $path } bị mất vì lần làm trang trước bị ngắt giữa chừng; đã lấy lại trang web cũ từ { $from }
output-not-ours = thư mục { $path } đang chứa tệp khác và không phải do bantin tạo ra (không có tệp { $marker }): mỗi lần làm trang, bantin thay cả thư mục, nên ghi vào đó sẽ xóa mất những gì đang có
    .hint = chọn một thư mục mới hoặc trống bằng --output THƯ_MỤC; nếu thư mục này chỉ chứa trang web do bantin cũ làm ra, hãy tạo một tệp trống tên { $marker } (lệnh `touch { $marker }`) rồi chạy lại
output-busy = một bantin khác (lệnh build hoặc watch) đang ghi vào thư mục này
    .hint = chờ nó làm xong, hoặc dừng nó (bấm Ctrl-C trong cửa sổ của nó), rồi chạy lại lệnh này; hai bantin ghi cùng lúc vào một thư mục sẽ ghi đè lên nhau
output-cannot-create-folder = không tạo được thư mục
output-cannot-look = không mở được thư mục output/ để xem bên trong
output-cannot-list = không xem được các tệp trong thư mục
output-cannot-put-back = không lấy lại được trang web cũ
output-cannot-mark = không đánh dấu được thư mục là của bantin
output-cannot-remove-leftover = không xóa được những gì lần làm trang bị ngắt để lại
output-cannot-create-lock = không tạo được tệp khóa (tệp giúp hai bantin không ghi cùng lúc)
output-cannot-lock = không khóa được tệp khóa (tệp giúp hai bantin không ghi cùng lúc)
write-interrupted = đã dừng; các tệp tạm đã được xóa, thư mục output/ không bị thay đổi dở dang
write-cannot-write = không ghi được tệp này của trang web mới
write-cannot-swap = không thay được trang web cũ bằng trang web mới
write-cannot-create-temporary = không tạo được thư mục tạm bên cạnh thư mục output/

## voice: main (dòng tóm tắt của build, check, watch)

check-problems-links-later = { $count } lỗi; bantin sẽ kiểm tra các liên kết khi những lỗi này đã được sửa
watch-serving = đang cho xem trước tại { $url } (mở địa chỉ này trong trình duyệt; bấm Ctrl-C để dừng; các trang nằm trong { $output })
watch-rebuilt = đã làm lại trong { $ms } ms: { $articles } bài, ghi { $written } trong { $pages } trang, chép { $copied } tệp, xóa { $removed } tệp
watch-failed = có lỗi nên chưa làm lại được; trình duyệt vẫn hiện các trang tốt của lần trước

## voice: build (làm trang web)

build-summary = đã xuất bản { $articles } bài: { $pages } trang và { $files } tệp, mất { $seconds } giây
build-summary-skipped = (chưa đăng { $drafts ->
        [0] { $scheduled } bài hẹn ngày đăng sau
       *[other] { $drafts } bài nháp{ $scheduled ->
            [0] {""}
           *[other] {" "}và { $scheduled } bài hẹn ngày đăng sau
        }
    })
build-own-page = trang { $path } do bantin tạo
build-theme-file = tệp { $path } của giao diện
build-same-address = tệp này và { $other } sẽ cùng được ghi vào địa chỉ { $path }
    .hint = đổi tên tệp, hoặc chuyển nó sang thư mục khác
build-render-failed = không làm được trang { $page } từ mẫu trang (tệp .html trong templates/): { $reason }
    .hint = sửa mẫu trang được nêu trong thông báo (việc này thường của người làm giao diện); README liệt kê những giá trị mà mẫu trang dùng được

## voice: config (tệp site.yaml)

config-missing = không có tệp site.yaml trong thư mục { $folder }
    .hint = chạy bantin trong thư mục của trang (thư mục có tệp site.yaml), hoặc chỉ ra thư mục đó bằng --root THƯ_MỤC; mỗi trang cần một tệp site.yaml có ít nhất dòng `title: "Bản tin phường …"`
config-not-utf8 = tệp site.yaml không được lưu dạng UTF-8
    .hint = mở tệp bằng Notepad, chọn File > Save As (Lưu thành), ở ô Encoding (Mã hóa) chọn UTF-8 rồi lưu lại
config-invalid = tệp site.yaml viết chưa đúng: { $reason }
    .hint = mỗi dòng của site.yaml có dạng `tên: giá trị`; các tên được dùng là title, description, base_url, per_page, unsafe_html, theme, logo, tagline, footer, categories (name, title, slug), slugs, markdown và extra
config-per-page = per_page (số bài trên mỗi trang danh sách) phải từ 1 trở lên
    .hint = ví dụ, viết `per_page: 10`
config-theme-name = `{ $theme }` không phải là tên của một giao diện
    .hint = ghi tên một thư mục trong themes/, ví dụ `theme: default`

## voice: theme, render (giao diện và mẫu trang)

theme-built-in = giao diện có sẵn
theme-missing = không có giao diện `{ $name }`: không có thư mục { $folder }
    .hint = ghi `theme: default` trong site.yaml, hoặc đặt thư mục của giao diện vào themes/
theme-not-utf8 = mẫu trang này không được lưu dạng UTF-8
    .hint = lưu lại tệp dạng UTF-8 (trong Notepad: File > Save As, Encoding: UTF-8)
template-unusable = không dùng được mẫu trang này: { $reason }
    .hint = kiểm tra các tên dùng trong { $tags } và trong các thành phần ({ $components })
template-unreadable = mẫu trang viết chưa đúng: { $reason }
    .hint = sửa cách viết Tera ở chỗ đó ({ $syntax })
render-search-index = mục lục tìm kiếm
render-search-index-failed = không làm được mục lục tìm kiếm
render-search-index-missing = chưa làm được mục lục tìm kiếm

## voice: controls (ký tự ẩn trong bài)

control-character = văn bản có một ký tự điều khiển ẩn { $code } ({ $name }); trang web và bản tin RSS không chứa được ký tự này
    .hint = xóa ký tự đó; nó thường lẫn vào khi sao chép từ chương trình khác (tệp PDF, trang web); nếu không nhìn thấy nó, hãy gõ lại đoạn chữ quanh chỗ đó
control-characters = văn bản có ký tự điều khiển ẩn { $code } ({ $name }) ({ $count } ký tự như vậy trong tệp; đây là ký tự đầu tiên); trang web và bản tin RSS không chứa được ký tự này
control-name-c1 = một ký tự điều khiển C1
control-name-noncharacter = một ký tự không được dùng trong văn bản

## voice: import (chuyển bài từ cổng thông tin cũ)

import-summary = đã chuyển { $imported } trong { $total } tệp
import-skipped = bỏ qua { $count } tệp:
import-no-input = hãy ghi tên các tệp (hoặc thư mục chứa tệp .txt) cần chuyển, ví dụ `bantin import bai-viet.txt`
import-empty-folder = thư mục { $folder } không có tệp .txt nào để chuyển
import-no-such-input = { $path }: không có tệp hay thư mục này
import-cannot-read = không đọc được tệp: { $reason }
import-legacy =
    .hint = lưu văn bản dạng UTF-8 (Unicode) rồi chuyển lại; chữ gõ bằng phông cũ (TCVN3, VNI) có thể đổi sang Unicode bằng công cụ chuyển mã của Unikey (Ctrl+Shift+F6)
import-no-name = tiêu đề hoặc chuyên mục không có chữ hay số nào để đặt tên tệp
    .hint = xem lại hai dòng đầu: dòng chuyên mục, rồi dòng tiêu đề
import-cannot-write = không ghi được { $path }: { $reason }
import-cannot-create-folder = không tạo được thư mục { $folder }: { $reason }
import-exists = chưa chuyển: đã có bài { $path }
    .hint = thêm --force để ghi đè lên bài đó, hoặc chuyển tệp đó đi nơi khác trước
import-self-check = bantin không ghi được phần đầu bài (tiêu đề, ngày, chuyên mục, tác giả) sao cho đọc lại vẫn đúng như bài gốc
    .hint = hãy gửi tệp này cho người bảo trì bantin; trong lúc chờ, hãy tạo bài bằng `bantin new` rồi chép nội dung vào
import-converted-pasted = đã đổi { $count } dòng gõ bằng phông { $encoding } rồi dán vào dạng Unicode
import-decoded = đã đọc theo bảng mã { $encoding }
import-decoded-bytes = đã đọc tệp lưu theo bảng mã { $encoding }
import-control-character = đọc theo bảng mã { $encoding } thì văn bản có ký tự điều khiển { $code }, ký tự mà bài viết không bao giờ có: văn bản không dùng (hoặc không chỉ dùng) bảng mã đó
import-unsure-pasted = văn bản có vẻ được gõ bằng phông cũ { $encoding } rồi dán vào dạng Unicode, nhưng bantin không chắc phải đổi thế nào cho đúng: `{ $sample }`
import-tcvn3-doubt = văn bản đọc được theo TCVN3, nhưng có một ký tự được đọc khác nhau giữa các phông ABC (dấu ngoặc kép, gạch ngang, chữ hoa gõ bằng phông chữ hoa) và bảng mã TCVN3 đầy đủ (TCVN 5712:1993, chữ hoa có dấu ở 0x01–0x17 và 0x80–0x9F), và cách đọc nào cũng không hợp với chỗ đó (`{ $sample }`): bantin không biết cách nào mới đúng
import-not-vietnamese = tệp không được lưu dạng UTF-8 (byte { $byte }), và đọc theo bảng mã Windows-1258, TCVN3 hay VNI đều không ra chữ Việt rõ ràng
portal-no-date-line = không có dòng ngày đăng: bài từ cổng thông tin có dòng chuyên mục, dòng tiêu đề, rồi một dòng như `{ $example }`
    .hint = sao chép cả bài từ trang của cổng thông tin, kể cả dòng `Ngày đăng …`, hoặc thêm dòng đó dưới tiêu đề
portal-date-line-first = trước dòng ngày đăng phải có dòng chuyên mục (ví dụ `CÔNG TÁC ĐẢNG`) và dòng tiêu đề, nhưng không có dòng nào
    .hint = văn bản phải bắt đầu bằng dòng chuyên mục, rồi dòng tiêu đề, rồi dòng `Ngày đăng …`
portal-date-line-second = trước dòng ngày đăng phải có dòng chuyên mục (ví dụ `CÔNG TÁC ĐẢNG`) và dòng tiêu đề, nhưng chỉ có một dòng
portal-date-line-late = dòng ngày đăng `Ngày đăng …` phải nằm ngay sau dòng chuyên mục và dòng tiêu đề, nhưng ở đây lại có `{ $found }`
    .hint = phía trên dòng `Ngày đăng …` chỉ giữ dòng chuyên mục và tiêu đề (tiêu đề viết trên một dòng)
portal-not-category = dòng đầu tiên phải là chuyên mục (ví dụ `CÔNG TÁC ĐẢNG`), không phải `{ $found }`
    .hint = đặt dòng chuyên mục (như cổng thông tin hiện phía trên tiêu đề) lên đầu
portal-no-text = bài không có nội dung sau dòng ngày đăng
    .hint = sao chép cả nội dung bài, đặt dưới dòng `Ngày đăng …`
portal-views = `{ $found }` không phải là số lượt xem
    .hint = ghi lượt xem bằng chữ số, ví dụ `Lượt xem: 1.204` ({ $example })
portal-date-part = dòng ngày đăng có một phần bantin không hiểu: `{ $found }`
    .hint = dòng ngày đăng có dạng `{ $example }` (có thể bỏ giờ và lượt xem)
portal-not-a-day = `{ $found }` không phải là một ngày: dòng ngày đăng ghi ngày dạng 19/02/2020
    .hint = dòng ngày đăng có dạng `{ $example }`
portal-bad-date = ngày trên dòng ngày đăng không đúng: { $reason }
    .hint = sửa lại ngày, theo thứ tự ngày/tháng/năm: `{ $example }`
## forgive: đọc bài (phần đầu bài, ngày, dấu, tên tệp) và xếp bài vào trang

fm-no-header-empty = bài không có phần đầu bài (các dòng nằm giữa hai dòng ---): tệp đang trống
fm-no-header = bài không có phần đầu bài (các dòng nằm giữa hai dòng ---): tệp bắt đầu bằng `{ $start }`
    .hint = dòng đầu tiên của tệp phải là `---`, tiếp theo là các dòng `title:`, `date:`, `category:`, rồi một dòng `---` nữa, sau đó mới đến nội dung bài
fm-closer-typed = phần đầu bài mở bằng dòng `---` ở dòng 1 nhưng dòng đóng lại được gõ là `{ $typed }`; dòng đóng phải đúng là `---`
    .hint = thay dòng này bằng đúng ba dấu trừ `---`, không có gì khác (Word tự đổi `---` thành dấu gạch dài: hãy soạn bài bằng Notepad)
    .hint-text = để `---` đứng riêng trên dòng này, chuyển phần chữ phía sau sang dòng dưới
fm-unclosed-before-text = phần đầu bài mở bằng dòng `---` ở dòng 1 nhưng chưa có dòng `---` đóng lại, mà nội dung bài có vẻ đã bắt đầu từ đây
    .hint = thêm một dòng chỉ có `---` ngay trước dòng này
fm-unclosed = phần đầu bài mở bằng dòng `---` ở dòng 1 nhưng chưa có dòng `---` đóng lại
    .hint = thêm một dòng chỉ có `---` sau dòng thông tin cuối cùng (`category: …`), trước nội dung bài
fm-yaml = không đọc được phần đầu bài (giữa hai dòng ---): { $problem }
    .hint = mỗi thông tin viết trên một dòng dạng `tên: giá trị`; giá trị có dấu `: ` hoặc bắt đầu bằng dấu ngoặc kép, ngoặc vuông thì đặt cả giá trị trong ngoặc kép, ví dụ title: "Hội nghị: tổng kết"
fm-not-fields = phần đầu bài đang là { $kind }, chứ không phải các dòng thông tin
    .hint = mỗi thông tin viết trên một dòng dạng `tên: giá trị`
fm-not-text = `{ $key }` phải là chữ, không phải { $kind }
    .hint = viết `{ $key }: "…"` trên một dòng
fm-not-flag = `{ $key }` phải là true (có) hoặc false (không), không phải { $kind }
    .hint = viết `{ $key }: true` hoặc xóa dòng này
fm-unknown-field = bantin không biết thông tin `{ $key }`
    .hint = các thông tin dùng được là: { $fields }; thông tin riêng cho giao diện thì đặt dưới `extra:`
    .hint-near = có phải bạn định viết `{ $near }`? Thông tin riêng cho giao diện thì đặt dưới `extra:`
fm-date-forms = viết ngày theo một trong các dạng: { $forms }
fm-slug = địa chỉ bài `slug: { $slug }` không dùng được: không được có `/`, `\` hoặc `..`, và phải có chữ hoặc số
    .hint = dùng chữ thường không dấu nối bằng gạch ngang, ví dụ `slug: giao-ban-quy-i-2020`, hoặc xóa dòng này để địa chỉ lấy theo tiêu đề
fm-missing = phần đầu bài thiếu dòng `{ $key }`
    .hint = thêm một dòng như `{ $example }` vào giữa hai dòng `---`
fm-views = `views` (lượt xem) phải là một số nguyên, không phải { $what }
    .hint = viết ví dụ `views: 1204` hoặc xóa dòng này
fm-views-dot = `{ $text }` (viết số hàng nghìn không có dấu chấm, hoặc đặt trong ngoặc kép: "1.204")
fm-tag-not-text = mỗi từ khóa (tag) phải là chữ, không phải { $kind }
fm-tags-not-list = `tags` phải là một danh sách, không phải { $kind }
    .hint = viết `tags: [dân vận, quy chế dân chủ]`

yaml-colon = trong giá trị có dấu `: ` (hai chấm rồi dấu cách); hãy đặt cả giá trị trong ngoặc kép
yaml-quote-open = có dấu ngoặc kép mở mà không có dấu đóng
yaml-list-open = danh sách mở bằng `[` nhưng không đóng bằng `]` trên cùng dòng
yaml-bad-start = giá trị bắt đầu bằng một ký hiệu chỉ dùng được trong ngoặc kép (như @, `, %, | hoặc >), hoặc dòng được thụt lề bằng phím Tab
yaml-twice = một thông tin được viết hai lần
yaml-other = { $detail }
yaml-kind-nothing = để trống
yaml-kind-bool = true/false
yaml-kind-int = một số nguyên
yaml-kind-number = một số
yaml-kind-text = chữ
yaml-kind-list = một danh sách
yaml-kind-group = một nhóm thông tin

date-empty = chưa ghi ngày
date-no-moment = `{ $input }` không phải là một thời điểm có thật
date-unknown = bantin không hiểu ngày `{ $input }`
date-year-digits = `{ $input }`: năm phải có bốn chữ số
date-no-month = `{ $input }`: không có tháng { $month }
date-no-day = `{ $input }` không phải ngày có thật: tháng { $month } năm { $year } không có ngày { $day }
date-bad-time = `{ $input }`: `{ $time }` không phải giờ trong ngày (viết dạng 07:02)
date-bad-zone = `{ $input }`: `{ $zone }` không phải múi giờ (viết +07:00, hoặc bỏ đi)

load-misnamed-article = tệp này là một bài viết (bắt đầu bằng dòng `---`) nhưng tên `{ $file }` không có đuôi `.md`: nó sẽ bị đăng thành một tệp thường, không thành bài
    .hint = đổi tên tệp thành `{ $name }` (trong File Explorer của Windows: View → đánh dấu "File name extensions" để thấy đuôi thật, rồi đổi tên; trong Notepad: Save As, gõ tên có `.md` và chọn "All files")
load-cannot-read = không đọc được tệp: { $reason }
load-mark-alone = có dấu thanh/dấu mũ đứng riêng, không gắn vào chữ nào: `{ $typed }` (chữ chép từ tệp PDF hay bị tách dấu khỏi chữ)
    .hint = gõ lại từ này cho có dấu (bằng Unikey), hoặc xóa dấu thừa
load-marks-unclear = các dấu này không ghép được với chữ đứng trước thành một chữ tiếng Việt: `{ $typed }`
    .hint = gõ lại từ này cho có dấu (bằng Unikey); bantin không đoán được chữ nào mới đúng
load-marks-joined =
    { $count ->
        [one] có một dấu bị tách khỏi chữ (như khi chép chữ từ tệp PDF) và đã được ghép lại: `{ $typed }` → `{ $reads }`
       *[other] có { $count } chỗ dấu bị tách khỏi chữ (như khi chép chữ từ tệp PDF) và đã được ghép lại, chỗ đầu tiên ở đây: `{ $typed }` → `{ $reads }`
    }
    .hint = trang web hiện chữ đã ghép đúng; muốn hết cảnh báo này thì gõ lại các từ đó, hoặc chép lại nội dung từ tệp Word thay vì tệp PDF
load-folder-link-outside = thư mục này được nối tới bằng một lối tắt (link) dẫn ra ngoài thư mục trang, tới { $target }
    .hint = chép hẳn thư mục vào trong thư mục trang thay vì dùng lối tắt
load-link-copy-in = chép hẳn tệp hoặc thư mục vào { $folder }/ thay vì dùng lối tắt
load-link-nowhere = lối tắt (link) này không dẫn tới đâu (tới `{ $target }`, không có tệp đó)
load-link-outside = lối tắt (link) này dẫn ra ngoài thư mục trang, tới { $target }; bantin không đăng tệp nào nằm ngoài thư mục trang
load-link-folder = lối tắt (link) này dẫn tới một thư mục (`{ $target }`); bantin chỉ theo lối tắt tới tệp
load-not-utf8 = tệp không phải chữ UTF-8 (byte { $byte } không mở đầu được ký tự nào); có lẽ tệp được lưu bằng bảng mã Windows-1258, TCVN3 hoặc VNI
    .hint = mở tệp bằng trình soạn thảo rồi lưu lại với bảng mã "UTF-8" (Notepad: File → Save As → Encoding: UTF-8), hoặc chuyển đổi bằng `bantin import`
load-legacy-font = chữ này có vẻ được gõ bằng phông cũ { $kind } rồi dán vào như Unicode: `{ $sample }`
    .hint = chuyển đổi bài bằng `bantin import TỆP`, hoặc gõ lại bằng bảng mã Unicode (Unikey: bảng mã Unicode)

site-category-unlisted = chuyên mục `{ $name }` không có trong danh sách chuyên mục của site.yaml
    .hint = các chuyên mục là: { $names }. Muốn thêm chuyên mục mới, thêm một dòng `  - name: { $name }` dưới dòng `categories:` trong site.yaml
    .hint-near = có phải bạn định viết `{ $near }`? Nếu muốn thêm `{ $name }` thành chuyên mục mới, thêm một dòng `  - name: { $name }` dưới dòng `categories:` trong site.yaml
site-category-reserved = chuyên mục `{ $name }` sẽ có địa chỉ /{ $slug }/, địa chỉ này bantin dành cho trang riêng của nó
    .hint = chọn tên chuyên mục khác; các địa chỉ sau đã được dành riêng: { $reserved }
site-slug-unusable = địa chỉ của bài sẽ là `{ $slug }`, không dùng được
    .hint = thêm một dòng `slug: ten-bai-viet` có chữ hoặc số (không dùng `trang`)
site-same-address = bài này và bài { $other } sẽ cùng có địa chỉ /{ $path }
    .hint = đổi tiêu đề một trong hai bài, hoặc thêm cho một bài dòng `slug:` riêng
site-category-unusable = chuyên mục `{ $name }` sẽ có địa chỉ /{ $slug }/, địa chỉ này không dùng được
    .hint = đặt cho chuyên mục một dòng `slug:` riêng trong site.yaml
site-categories-same-address = hai chuyên mục `{ $first }` và `{ $second }` sẽ cùng có địa chỉ /{ $slug }/
## usb: bantin new

new-created = Đã tạo bài mới: { $path }
new-address = Địa chỉ bài trên trang: { $address } (địa chỉ này giữ nguyên kể cả khi sau này sửa tiêu đề)
new-draft = Bài đang là bản nháp (dòng `draft: true` ở phần đầu bài), nên chưa được đăng; xem trước bằng `bantin watch --drafts`. Viết xong, hãy xóa dòng `draft: true` ở phần đầu bài (giữa hai dòng ---) rồi chạy `bantin build` để đăng.
new-published = Bài sẽ được đăng ở lần chạy `bantin build` tiếp theo.
new-title-no-letters = tiêu đề `{ $title }` không có chữ cái hay chữ số nào để làm địa chỉ bài; hãy viết ví dụ: bantin new "Hội nghị giao ban quý I" --category "CÔNG TÁC ĐẢNG"
new-category-no-letters = chuyên mục `{ $category }` không có chữ cái hay chữ số nào; hãy viết ví dụ: --category "CÔNG TÁC ĐẢNG"
new-exists = đã có bài này rồi; bantin new không bao giờ ghi đè lên một tệp đã có
    .hint = hãy sửa tệp đó, hoặc chọn một tiêu đề khác

## usb: bantin watch

watch-moved = địa chỉ bài đã đổi: { $old } → { $new }; trang đang mở ở địa chỉ cũ sẽ tự chuyển sang địa chỉ mới
    .hint = nếu đường link cũ đã được gửi cho người khác, hãy thêm dòng `slug: { $slug }` vào phần đầu bài (giữa hai dòng ---) để giữ địa chỉ cũ
watch-first-build = lần tạo trang đầu tiên
watch-changed = { $path } vừa thay đổi
watch-files-changed = { $count } tệp vừa thay đổi ({ $kinds })
watch-kind-content = bài viết
watch-kind-theme = giao diện
watch-kind-static = tệp trong thư mục static
watch-kind-config = site.yaml
watch-cannot-listen = không mở được địa chỉ { $address }:{ $port } để xem trước ({ $reason }); có thể một chương trình khác (hoặc một bantin watch khác) đang dùng cổng này: hãy chọn cổng khác, ví dụ --port 1112
watch-watcher-error = lỗi khi theo dõi thay đổi của các tệp: { $reason }
watch-polling = máy không tự báo được khi tệp thay đổi ({ $reason }); bantin sẽ tự kiểm tra các tệp vài lần mỗi giây
watch-cannot-watch = không theo dõi được thay đổi trong { $path }: { $reason }
watch-cannot-watch-site = không theo dõi được thay đổi của trang: { $reason }
watch-cannot-mark = không đánh dấu được thư mục xem trước
watch-cannot-write-page = không ghi được trang này
watch-cannot-write-file = không ghi được tệp này
watch-overlay = Có lỗi nên trang chưa cập nhật được — đang hiển thị bản đúng gần nhất. Sửa tệp ghi bên dưới rồi lưu lại, trang sẽ tự tải lại.
watch-not-found = Không tìm thấy trang.
watch-moved-more = và { $count } bài khác cũng đã đổi địa chỉ; trang đang mở ở địa chỉ cũ của các bài đó cũng sẽ tự chuyển sang địa chỉ mới
## links: liên kết, ảnh và ảnh đại diện không dẫn tới đâu (build và check)

links-computer-path =
    { $kind ->
        [image] ảnh
        [cover] ảnh đại diện (dòng `image:`)
       *[link] liên kết
    } `{ $dest }` là đường dẫn tới một tệp trên máy tính của bạn: trang web không nhìn thấy máy tính của bạn, nên người đọc sẽ không xem được
    .hint = chép tệp vào thư mục của bài ({ $folder }) rồi chỉ viết tên tệp, ví dụ `{ $name }`
    .hint-beside = tệp `{ $name }` đã có trong thư mục của bài: chỉ cần viết `{ $name }`
links-draft = liên kết `{ $dest }` dẫn tới một bài nháp ({ $file }): liên kết vẫn được đăng nhưng chưa dẫn tới đâu cho tới khi bài đó được đăng
    .hint = đăng bài được liên kết trước (bỏ dòng `draft: true`, hoặc chờ tới ngày giờ đăng của bài), hoặc bỏ liên kết này
links-scheduled = liên kết `{ $dest }` dẫn tới một bài hẹn giờ đăng sau ({ $file }): liên kết vẫn được đăng nhưng chưa dẫn tới đâu cho tới khi bài đó được đăng
links-case =
    { $kind ->
        [image] ảnh
        [cover] ảnh đại diện (dòng `image:`)
       *[link] liên kết
    } `{ $dest }` không có: tên này chỉ khác tên tệp { $real } ở chữ hoa, chữ thường; máy chủ web phân biệt chữ hoa với chữ thường nên người đọc sẽ không xem được
    .hint = viết đúng `{ $fix }` như tên tệp (hoặc đổi tên tệp cho khớp)
links-accents =
    { $kind ->
        [image] ảnh
        [cover] ảnh đại diện (dòng `image:`)
       *[link] liên kết
    } `{ $dest }` không có: tệp cùng tên được lưu với dấu tách rời khỏi chữ (do máy Mac hoặc chương trình giải nén), nên máy chủ web coi đó là một tên khác
    .hint = đổi tên tệp { $real }: xóa tên cũ và gõ lại tên đó
links-no-article = liên kết `{ $dest }` không dẫn tới bài nào đã đăng
    .hint = viết đường dẫn tới tệp của bài, tính từ thư mục của bài này, ví dụ `../cong-tac-dang/bai-viet.md`; xem lại chính tả
links-no-file =
    { $kind ->
        [image] ảnh
        [cover] ảnh đại diện (dòng `image:`)
       *[link] liên kết
    } `{ $dest }` không dẫn tới tệp nào (thư mục của bài là { $folder })
    .hint = chép tệp vào thư mục của bài rồi viết đúng tên tệp, ví dụ `anh-hoi-nghi.jpg`; xem lại chính tả
    .hint-near = có phải bạn muốn viết `{ $near }`? Tệp này có trong thư mục của bài
    .hint-slash = giữa các thư mục hãy dùng dấu `/`, không dùng dấu `\`; tệp nằm trong thư mục của bài thì chỉ cần viết tên tệp
    .hint-web = địa chỉ của một trang web khác phải viết đủ, bắt đầu bằng `https://`: `{ $url }`

## links: check

check-summary = đã kiểm tra { $articles } bài ({ $pages } trang) và { $links } liên kết trong bản tin: { $problems ->
        [0] không có lỗi nào
       *[other] { $problems } lỗi
    }{ $warnings ->
        [0] {""}
       *[other] , { $warnings } cảnh báo
    }
check-summary-partial = đã kiểm tra liên kết của { $articles } bài đọc được ({ $links } liên kết): { $problems } lỗi{ $warnings ->
        [0] {""}
       *[other] , { $warnings } cảnh báo
    }; liên kết tới các trang khác và tới các đề mục sẽ được kiểm tra khi các lỗi trên đã được sửa
check-drafts = bài nháp ({ $count }), chưa đăng:
check-scheduled = bài hẹn giờ đăng ({ $count }), chưa đăng:
check-leaves-site = liên kết `{ $dest }` ra ngoài bản tin: các trang của bản tin nằm dưới `{ $base }`
    .hint = viết `{ $fix }`, hoặc đường dẫn tới tệp của bài tính từ thư mục của bài này
check-no-page-under = liên kết `{ $dest }` không dẫn tới trang hay tệp nào của bản tin (các trang của bản tin nằm dưới `{ $base }`)
check-no-page = liên kết `{ $dest }` không dẫn tới trang hay tệp nào của bản tin
    .hint = chép địa chỉ của trang từ bản tin, hoặc viết đường dẫn tới tệp của bài tính từ thư mục của bài này; địa chỉ của bản tin bắt đầu bằng `{ $base }`
check-no-heading = liên kết `{ $dest }` không dẫn tới đề mục `{ $fragment }` nào trong bài «{ $title }»
    .hint = hãy liên kết tới một trong các đề mục của bài: { $headings }
    .hint-none = bài đó không có đề mục nào để liên kết tới; hãy bỏ phần `#…`

## docs: văn bản (số hiệu, loại, cơ quan ban hành, tệp đính kèm)
doc-missing = văn bản thiếu dòng `{ $key }`
    .hint = thêm một dòng như `{ $example }` vào giữa hai dòng `---`; mỗi văn bản cần đủ: title (trích yếu), number (số hiệu), type (loại), issuer (cơ quan ban hành), issued (ngày ban hành), signer (người ký)
doc-unknown-field = bantin không biết thông tin `{ $key }` của văn bản
    .hint = các thông tin dùng được cho văn bản là: { $fields }
    .hint-near = có phải bạn định viết `{ $near }`?
doc-files = `files` phải là danh sách tên tệp
    .hint = viết ví dụ `files: [ke-hoach-45.pdf, phu-luc.docx]`, hoặc `file: ke-hoach-45.pdf` khi chỉ có một tệp
doc-duplicate = số hiệu { $number } của { $issuer } đã có ở văn bản { $other }
    .hint = mỗi văn bản của một cơ quan có một số hiệu riêng: sửa lại số hiệu, hoặc xóa một trong hai tệp nếu là cùng một văn bản
doc-same-address = văn bản này sẽ đăng ở địa chỉ { $path }, trùng với văn bản { $other }
    .hint = thêm dòng `slug: …` với một địa chỉ khác cho một trong hai văn bản
doc-replaces-nothing = `replaces` ghi văn bản số { $number }, nhưng không có văn bản nào mang số hiệu này
    .hint = ghi đúng số hiệu của văn bản bị thay thế như trong dòng `number` của nó, và đặt văn bản đó trong thư mục van-ban
doc-no-file = không tìm thấy tệp đính kèm `{ $file }` bên cạnh văn bản
    .hint = đặt tệp vào cùng thư mục với văn bản và ghi đúng tên tệp, kể cả chữ hoa chữ thường
new-doc-created = Đã tạo văn bản mới: { $path }
new-doc-address = Địa chỉ văn bản trên trang: { $address }. Đặt tệp đã ký (PDF) cạnh văn bản và ghi tên tệp ở dòng `file:` (bỏ dấu # ở đầu dòng); văn bản được đăng ở lần chạy `bantin build` tiếp theo.
new-doc-signer = Còn thiếu người ký: hãy điền dòng `signer:` ở phần đầu văn bản (giữa hai dòng ---) trước khi đăng.
new-doc-no-letters = «{ $value }» không có chữ hay số nào để đặt tên tệp và địa chỉ
cli-arg-new-document = Tạo một văn bản (trong thư mục content/van-ban/); tiêu đề là trích yếu của văn bản
cli-arg-number = Số hiệu văn bản, ví dụ 45/KH-UBND
cli-arg-type = Loại văn bản, ví dụ "Kế hoạch"
cli-arg-issuer = Cơ quan ban hành, ví dụ "UBND phường"
cli-arg-signer = Người ký văn bản
## photos: đọc ảnh, và lời nhắc của check về ảnh
images-unreadable = không đọc được ảnh này: { $reason }
    .hint = Xem tệp có đang mở trong chương trình khác không, và máy có cho phép đọc tệp không.
images-empty = ảnh này là tệp rỗng (0 byte)
    .hint = Chép lại ảnh từ điện thoại hoặc máy ảnh; lần chép trước bị đứt giữa chừng.
images-heic = ảnh này ở dạng HEIC (của iPhone), trình duyệt không hiển thị được
    .hint = Hãy lưu ảnh dạng JPEG: trên iPhone vào Cài đặt → Camera → Định dạng → chọn "Tương thích nhất", hoặc mở ảnh trên máy tính rồi xuất ra JPEG, sau đó đặt tệp .jpg vào đây.
images-not-photo = tệp này đặt tên như ảnh nhưng không phải ảnh JPEG, PNG hay WebP
    .hint = Mở tệp bằng chương trình xem ảnh rồi lưu lại dạng JPEG (.jpg), hoặc đổi lại đuôi tên cho đúng nếu đó là loại tệp khác.
images-broken = ảnh này bị hỏng, không đọc được ({ $reason })
    .hint = Chép lại ảnh từ điện thoại hoặc máy ảnh, hoặc mở ảnh rồi lưu lại dạng JPEG.
images-too-large = ảnh này quá lớn để đăng: { $size }, hơn 100 triệu điểm ảnh
    .hint = Thu nhỏ ảnh bằng chương trình sửa ảnh (ví dụ rộng 4000 điểm ảnh) rồi lưu lại.
images-no-alt = ảnh “{ $image }” chưa có lời mô tả cho người đọc không xem được ảnh
    .hint = Viết ảnh chụp gì vào giữa hai dấu ngoặc vuông: ![Lãnh đạo phường thăm trường học](anh.jpg).
images-original-large = ảnh “{ $image }” nặng { $size } MB, hơn { $limit } MB
    .hint = Người đọc nhận bản đã thu nhỏ, nhưng ảnh gốc vẫn được đăng và tải lên: hãy thu nhỏ ảnh (ví dụ rộng 4000 điểm ảnh) hoặc tăng images: max_original_mb trong site.yaml.
images-failed = việc làm các bản thu nhỏ của ảnh bị dừng bất ngờ
    .hint = Chạy lại lệnh dựng trang; nếu vẫn lỗi, hãy báo kèm các ảnh của bài vừa thêm.
