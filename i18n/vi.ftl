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
