# Thông báo của bantin bằng tiếng Việt (ngôn ngữ mặc định).
#
# Người dịch: mỗi dòng `ma-so = nội dung` là một thông báo; `{ $ten }` là chỗ
# bantin điền vào (tên tệp, số dòng, ...): giữ nguyên những chỗ đó. Dòng bắt
# đầu bằng dấu chấm (`.cach-sua`) là một phần của thông báo phía trên. Tệp
# `en.ftl` bên cạnh phải có đúng các mã số như tệp này (có bài kiểm tra).

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
