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

## forgive: reading an article (its header, dates, accents, file names) and placing it in the site

fm-no-header-empty = the article has no front matter: the file is empty
fm-no-header = the article has no front matter: it starts with `{ $start }`
    .hint = start the file with a line `---`, then `title:`, `date:` and `category:` lines, then another `---` line, then the article text
fm-closer-typed = the front matter opened on line 1 is closed here by `{ $typed }`; the closing line must be exactly `---`
    .hint = replace this line with three minus signs `---` and nothing else (Word turns `---` into a dash: write articles in Notepad)
    .hint-text = put `---` alone on this line and the text after it on the next line
fm-unclosed-before-text = the front matter opened on line 1 is never closed, and the article text seems to start here
    .hint = add a line with only `---` before this line
fm-unclosed = the front matter opened on line 1 is never closed
    .hint = add a line with only `---` after the last field (`category: …`), before the article text
fm-yaml = the front matter is not valid YAML: { $problem }
    .hint = write each field as `name: value` on its own line; put a value that contains `: ` or starts with a quote or bracket inside double quotes, e.g. title: "Hội nghị: tổng kết"
fm-not-fields = the front matter is { $kind }, not a list of fields
    .hint = write each field as `name: value` on its own line
fm-not-text = `{ $key }` must be text, not { $kind }
    .hint = write `{ $key }: "…"` on one line
fm-not-flag = `{ $key }` must be true or false, not { $kind }
    .hint = write `{ $key }: true` or remove the line
fm-unknown-field = unknown field `{ $key }`
    .hint = the fields are: { $fields }; free fields for themes go under `extra:`
    .hint-near = did you mean `{ $near }`? Free fields for themes go under `extra:`
fm-date-forms = write the date in one of these forms: { $forms }
fm-slug = the slug `{ $slug }` is not allowed: a slug may not contain `/`, `\` or `..`, and needs letters or digits
    .hint = use lower-case words joined by hyphens, e.g. `slug: giao-ban-quy-i-2020`, or remove the line to make the slug from the title
fm-missing = the front matter has no `{ $key }`
    .hint = add a line like `{ $example }` between the two `---` lines
fm-views = `views` must be a whole number of views, not { $what }
    .hint = write e.g. `views: 1204` or remove the line
fm-views-dot = `{ $text }` (write thousands without a dot, or quote it: "1.204")
fm-tag-not-text = each tag must be text, not { $kind }
fm-tags-not-list = `tags` must be a list, not { $kind }
    .hint = write `tags: [dân vận, quy chế dân chủ]`

yaml-colon = a value contains `: ` (a colon and a space); put the whole value in quotes
yaml-quote-open = a quote is opened but never closed
yaml-list-open = a list opened with `[` is not closed with `]` on the same line
yaml-bad-start = a value starts with a sign that only works inside quotes (such as @, `, %, | or >), or a line is indented with a tab
yaml-twice = a field is written twice
yaml-other = { $detail }
yaml-kind-nothing = nothing
yaml-kind-bool = true/false
yaml-kind-int = a whole number
yaml-kind-number = a number
yaml-kind-text = text
yaml-kind-list = a list
yaml-kind-group = a group of fields

date-empty = the date is empty
date-no-moment = `{ $input }` is not a valid moment in time
date-unknown = `{ $input }` is not a date bantin understands
date-year-digits = `{ $input }`: the year must have four digits
date-no-month = `{ $input }`: there is no month { $month }
date-no-day = `{ $input }` is not a real date: month { $month } of { $year } has no day { $day }
date-bad-time = `{ $input }`: `{ $time }` is not a time of day (write 07:02)
date-bad-zone = `{ $input }`: `{ $zone }` is not a time zone (write +07:00, or leave it out)

load-misnamed-article = this file is an article (it starts with a line `---`) but its name `{ $file }` does not end in `.md`: it would be published as a plain file, not as an article
    .hint = rename it to `{ $name }` (in Windows Explorer: View → tick "File name extensions" so the real ending shows, then rename; in Notepad: Save As, type the name with `.md` and choose "All files")
load-cannot-read = cannot read the file: { $reason }
load-mark-alone = an accent with no letter before it: `{ $typed }` (text copied from a PDF often separates accents from their letters)
    .hint = retype this word with its accents (Unikey), or delete the stray accent
load-marks-unclear = these accents do not make one letter together with the letter before them: `{ $typed }`
    .hint = retype this word with its accents (Unikey); bantin cannot tell which letter was meant
load-marks-joined =
    { $count ->
        [one] an accent was separated from its letter (as text copied from a PDF has it) and was joined back: `{ $typed }` → `{ $reads }`
       *[other] accents separated from their letters (as text copied from a PDF has them) were joined back in { $count } places, the first here: `{ $typed }` → `{ $reads }`
    }
    .hint = the page shows the joined letters; to silence this, retype the words or paste the text again from Word instead of the PDF
load-folder-link-outside = this folder is reached through a link that leads outside the site folder, to { $target }
    .hint = copy the folder into the site folder instead of linking to it
load-link-copy-in = copy the file or folder into { $folder }/ instead of linking to it
load-link-nowhere = this link leads nowhere (to `{ $target }`, which does not exist)
load-link-outside = this link leads outside the site folder, to { $target }; bantin publishes no file from outside the site
load-link-folder = this link leads to a folder (`{ $target }`); bantin follows links only to files
load-not-utf8 = the file is not UTF-8 text (byte { $byte } cannot start a character); it was probably saved as Windows-1258, TCVN3 or VNI
    .hint = open it in your editor and save it again with the encoding "UTF-8" (Notepad: File → Save As → Encoding: UTF-8), or convert it with `bantin import`
load-legacy-font = the text looks like { $kind } typed with a legacy font and pasted as Unicode: `{ $sample }`
    .hint = convert the article with `bantin import FILE`, or retype it with a Unicode keyboard (Unikey: bảng mã Unicode)

site-category-unlisted = the category `{ $name }` is not one of the categories listed in site.yaml
    .hint = the categories are: { $names }. To add a new category, add a line `  - name: { $name }` under `categories:` in site.yaml
    .hint-near = did you mean `{ $near }`? To add `{ $name }` as a new category instead, add a line `  - name: { $name }` under `categories:` in site.yaml
site-category-reserved = the category `{ $name }` would publish to /{ $slug }/, which bantin keeps for its own pages
    .hint = choose another category name; these URL names are reserved: { $reserved }
site-slug-unusable = the article's URL name would be `{ $slug }`, which cannot be used
    .hint = add a line `slug: ten-bai-viet` with letters or digits (not `trang`)
site-same-address = this article and { $other } would both publish to /{ $path }
    .hint = give one of them another title or a `slug:` line of its own
site-category-unusable = the category `{ $name }` would publish to /{ $slug }/, which cannot be used
    .hint = give the category its own `slug:` in site.yaml
site-categories-same-address = the categories `{ $first }` and `{ $second }` would both publish to /{ $slug }/
