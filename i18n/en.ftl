# bantin's messages in English (chosen with --lang en or BANTIN_LANG=en).
#
# Translators: each `id = text` line is one message; `{ $name }` is filled in
# by bantin (a file name, a line number, ...): keep those as they are. Lines
# starting with a dot (`.hint`) belong to the message above. `vi.ftl` beside
# this file must have exactly the same ids (a test checks it).

## Common labels

label-error = error
label-warning = warning
label-help = help
errors-total =
    { $count ->
        [one] 1 error
       *[other] { $count } errors
    }; nothing was published

## Reading and writing files (the reason the machine gave)

io-not-found = no such file or folder ({ $os })
io-permission-denied = permission denied ({ $os })
io-storage-full = the disk is full ({ $os })
io-file-too-large = the file is larger than allowed ({ $os })
io-read-only = the disk is read-only ({ $os })
io-already-exists = a file or folder of that name exists ({ $os })
io-invalid-data = unreadable data ({ $os })
io-other = { $os }

## usb: bantin new

new-created = New article written: { $path }
new-address = Its address on the site: { $address } (it stays the same even if you edit the title later)
new-draft = It is a draft (the line `draft: true` at the top of the article), so it is not published yet; preview it with `bantin watch --drafts`. When it is ready, delete the line `draft: true` from the top of the article (between the two --- lines) and run `bantin build` to publish it.
new-published = It will be published by the next `bantin build`.
new-title-no-letters = the title `{ $title }` has no letter or digit to make the article's address from; write e.g. bantin new "Hội nghị giao ban quý I" --category "CÔNG TÁC ĐẢNG"
new-category-no-letters = the category `{ $category }` has no letter or digit; write e.g. --category "CÔNG TÁC ĐẢNG"
new-exists = this article already exists; bantin new never replaces a file
    .hint = edit that file, or choose another title

## usb: bantin watch

watch-moved = the article's address changed: { $old } → { $new }; a page open at the old address goes to the new one
    .hint = if the old link was already shared, add the line `slug: { $slug }` to the top of the article (between the two --- lines) to keep the old address
watch-first-build = first build
watch-changed = { $path } changed
watch-files-changed = { $count } files changed ({ $kinds })
watch-kind-content = content
watch-kind-theme = theme
watch-kind-static = static file
watch-kind-config = site.yaml
watch-cannot-listen = cannot listen on { $address }:{ $port } ({ $reason }); another program (or another bantin watch) may be using this port: choose another port, e.g. --port 1112
watch-watcher-error = file watcher error: { $reason }
watch-polling = native file events unavailable ({ $reason }); polling instead
watch-cannot-watch = cannot watch { $path }: { $reason }
watch-cannot-watch-site = cannot watch the site: { $reason }
watch-cannot-mark = cannot mark the preview folder
watch-cannot-write-page = cannot write this page
watch-cannot-write-file = cannot write this file
watch-overlay = The build failed — this page is the last good version. Fix the file named below and save it; the page reloads by itself.
watch-not-found = Page not found.
watch-moved-more = and { $count } more articles changed address; pages open at their old addresses go to the new ones too
