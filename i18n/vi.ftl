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
