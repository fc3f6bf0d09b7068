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
