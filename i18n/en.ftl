# bantin's messages in English (chosen with --lang en or BANTIN_LANG=en).
#
# Translators: each `id = text` line is one message; `{ $name }` is filled in
# by bantin (a file name, a line number, ...): keep those as they are. Lines
# starting with a dot belong to the message above: `.hint` is its "help"
# line, `.value` the name of an option's value in `--help` (`--root <DIR>`).
# `vi.ftl` beside this file must have exactly the same ids (a test checks it).

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

## voice: main (the command line: help and usage errors)

cli-about = Static-site generator for a Vietnamese ward's news bulletin
cli-usage = bantin [OPTIONS] <COMMAND>
cli-after-help = How to use one command: bantin <command> --help (e.g. bantin build --help). Messages are in Vietnamese unless --lang en or BANTIN_LANG=en asks for English (--lang wins).
cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-command-build = Publish the site into output/ (replaced only when the whole build succeeds)
cli-command-watch = Build, serve on http://127.0.0.1:1111 and rebuild on every change
cli-command-check = Validate every article and internal link without writing anything
cli-command-new = Write a new article with its front matter filled
cli-command-import = Turn articles copied from an old portal (.txt) into Markdown articles
cli-usage-build = bantin build [OPTIONS]
cli-usage-watch = bantin watch [OPTIONS]
cli-usage-check = bantin check [OPTIONS]
cli-usage-new = bantin new "TITLE" --category "CATEGORY" [OPTIONS]
cli-usage-import = bantin import <FILE>... [OPTIONS]
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-lang = Language of messages: vi (default) or en; wins over BANTIN_LANG
    .value = vi|en
cli-arg-root = The site folder (holding site.yaml and content/); default: the current folder
    .value = DIR
cli-arg-output = Where to publish; default: <root>/output
    .value = DIR
cli-arg-drafts = Publish drafts too
cli-arg-future = Publish articles dated in the future too
cli-arg-base-url = The site's address, e.g. https://phuong.example.vn/ban-tin/ (overrides site.yaml)
    .value = URL
cli-arg-port = Port to serve on (0 picks a free one); default: 1111
    .value = PORT
cli-arg-bind = Address to listen on; the default, 127.0.0.1, serves this computer only
    .value = ADDRESS
cli-arg-open = Open the site in the web browser
cli-arg-poll = Poll for changes instead of file-system events (network drives)
cli-arg-title = The article's title
    .value = TITLE
cli-arg-category = The category, e.g. "CÔNG TÁC ĐẢNG"
    .value = CATEGORY
cli-arg-author = The author, shown as the signature
    .value = AUTHOR
cli-arg-publish = Publish it at the next build (without this it is written as a draft: `draft: true`)
cli-arg-relative = Links between pages relative to each page (ending in index.html), so output/ opens from a USB stick by double-click
cli-arg-inputs = Portal texts to import, or folders whose .txt files are all imported
    .value = FILE
cli-arg-out = Where to write the articles; default: <root>/content
    .value = DIR
cli-arg-force = Replace articles that already exist
cli-error-lang = bantin has no messages in `{ $code }`
    .hint = use --lang vi (Vietnamese) or --lang en (English)
cli-error-see-help = see `{ $help }` for the commands and options
cli-error-did-you-mean = did you mean `{ $suggestion }`? See `{ $help }` for the commands and options
cli-error-unknown-command = bantin has no command `{ $name }`; its commands are build, watch, check, new and import
cli-error-unknown-option = `{ $command }` has no option `{ $option }`
cli-error-extra-argument = `{ $command }` takes no `{ $value }` here (a name with spaces goes in double quotes)
cli-error-missing = `{ $command }` is missing { $missing }
cli-error-no-value = the option `{ $option }` needs a value after it
cli-error-bad-value = `{ $value }` is not a valid value for `{ $option }`
cli-error-twice = the option `{ $option }` is given twice; give each option once
cli-error-conflict = `{ $option }` cannot be used with `{ $other }`
cli-error-other = bantin cannot read the command line `{ $command }` ({ $detail })

## voice: error, output, write (publishing into the output folder)

output-hint-full = free some space on the disk that holds the output folder (or lift the file size limit), or publish elsewhere with --output DIR
output-hint-permission = bantin may not write there: check the folder's owner and permissions, or publish elsewhere with --output DIR
output-hint-other = check the disk that holds the output folder, or publish elsewhere with --output DIR
output-kept = nothing was published: the output folder is as it was
output-is-file = the output path { $path } is a file, not a folder
    .hint = bantin publishes into a folder and will not replace a file: move the file away, or choose another folder with --output DIR
output-link-to-file = the output path { $path } is a link to { $target }, which is not a folder
    .hint = point the link at a folder (bantin publishes through the link), or choose another folder with --output DIR
output-link-to-nothing = the output path { $path } is a link to { $target }, which does not exist
    .hint = create that folder (bantin publishes into the folder the link names and keeps the link), or remove the link
output-over-site = the output folder { $path } would replace the site's own files; choose a folder outside content/, themes/, templates/, static/ and .bantin/, e.g. --output output
output-put-back = { $path } was missing after an interrupted build; put the previous site back from { $from }
output-not-ours = the output folder { $path } is not empty and is not marked as bantin's (it has no { $marker } file): a build replaces its output folder whole, so publishing there would delete what it holds
    .hint = choose a new or empty folder with --output DIR; if this folder holds only an earlier bantin build (made before bantin marked its output), mark it with `touch { $marker }` and build again
output-busy = another bantin (a build or watch) is publishing into this folder
    .hint = wait for it to finish or stop it, then run this again; two builds into one folder would overwrite each other
output-cannot-create-folder = cannot create the folder
output-cannot-look = cannot look into the output folder
output-cannot-list = cannot list the folder
output-cannot-put-back = cannot put the previous site back
output-cannot-mark = cannot mark the folder
output-cannot-remove-leftover = cannot remove what an interrupted build left
output-cannot-create-lock = cannot create the lock file
output-cannot-lock = cannot lock the lock file
write-interrupted = interrupted; temporary files removed
write-cannot-write = cannot write this file of the new site
write-cannot-swap = cannot swap the new site in
write-cannot-create-temporary = cannot create a temporary folder beside the output

## voice: main (the summary lines of build, check, watch)

check-problems-links-later = { $count } problem(s); links are checked once they are fixed
watch-serving = serving { $url } (Ctrl-C to stop; pages in { $output })
watch-rebuilt = rebuilt in { $ms } ms: { $articles } articles, { $written } of { $pages } pages written, { $copied } files copied, { $removed } removed
watch-failed = the build failed; still serving the last good pages

## voice: build

build-summary = published { $articles ->
        [one] 1 article
       *[other] { $articles } articles
    }: { $pages } pages and { $files } files in { $seconds } s
build-summary-skipped = (skipped { $drafts ->
        [0] { $scheduled } scheduled
        [one] 1 draft{ $scheduled ->
            [0] {""}
           *[other] , { $scheduled } scheduled
        }
       *[other] { $drafts } drafts{ $scheduled ->
            [0] {""}
           *[other] , { $scheduled } scheduled
        }
    })
build-own-page = bantin's page { $path }
build-theme-file = the theme's static file { $path }
build-same-address = this file and { $other } would both publish to { $path }
    .hint = rename or move the file
build-render-failed = rendering { $page } failed: { $reason }
    .hint = fix the template named in the message; the values a template can use are listed in the README

## voice: config (site.yaml)

config-missing = no site.yaml in { $folder }
    .hint = run bantin in the site folder, or give it with --root DIR; a site needs a site.yaml with at least `title: "Bản tin phường …"`
config-not-utf8 = site.yaml is not UTF-8 text
    .hint = save it as UTF-8 in your editor
config-invalid = site.yaml is not valid: { $reason }
    .hint = the fields are title, description, base_url, per_page, unsafe_html, theme, logo, tagline, footer, categories (name, title, slug), slugs, markdown and extra
config-per-page = per_page must be at least 1
    .hint = write e.g. `per_page: 10`
config-theme-name = theme `{ $theme }` is not a theme name
    .hint = write the name of a folder under themes/, e.g. `theme: default`

## voice: theme, render (themes and templates)

theme-built-in = built-in default theme
theme-missing = there is no theme `{ $name }`: no folder { $folder }
    .hint = write `theme: default`, or put the theme's folder under themes/
theme-not-utf8 = the template is not UTF-8 text
    .hint = save it as UTF-8
template-unusable = the template cannot be used: { $reason }
    .hint = check the names used in { $tags } and in components ({ $components })
template-unreadable = the template cannot be read: { $reason }
    .hint = fix the Tera syntax at that place ({ $syntax })
render-search-index = search index
render-search-index-failed = the search index failed
render-search-index-missing = the search index was not made

## voice: controls (invisible characters in an article)

control-character = the text contains the invisible control character { $code } ({ $name }); pages and feeds cannot carry it
    .hint = delete it; it usually comes from copying out of another program (a PDF, a web page, a terminal); retype the text around it if your editor does not show it
control-characters = the text contains the invisible control character { $code } ({ $name }) ({ $count } such characters in the file; this is the first); pages and feeds cannot carry it
control-name-c1 = a C1 control character
control-name-noncharacter = a noncharacter

## voice: import (articles from the old portal)

import-summary = imported { $imported } of { $total } file(s)
import-skipped = skipped { $count }:
import-no-input = name the files (or folders of .txt files) to import, e.g. `bantin import bai-viet.txt`
import-empty-folder = the folder { $folder } holds no .txt file to import
import-no-such-input = { $path }: no such file or folder
import-cannot-read = cannot read the file: { $reason }
import-legacy =
    .hint = save the text as UTF-8 (Unicode) and import it again; text typed with a legacy font can be converted to Unicode with Unikey's tool (Ctrl+Shift+F6)
import-no-name = the title or the category has no letter or digit to make a file name from
    .hint = check the first two lines: the category, then the title
import-cannot-write = cannot write { $path }: { $reason }
import-cannot-create-folder = cannot create the folder { $folder }: { $reason }
import-exists = not imported: { $path } already exists
    .hint = use --force to replace it, or move that file away first
import-self-check = bantin could not write this article's front matter so that it reads back the same
    .hint = please report this file to the maintainer; meanwhile, write the article by hand with `bantin new`
import-converted-pasted = converted { $count } line(s) typed in { $encoding } and pasted as Unicode
import-decoded = decoded from { $encoding }
import-decoded-bytes = decoded from { $encoding } bytes
import-control-character = the text read as { $encoding } holds the control character { $code }, which no article has: it is not (or not all) in that encoding
import-unsure-pasted = the text looks like { $encoding } typed with a legacy font and pasted as Unicode, but bantin is not sure how to convert it: `{ $sample }`
import-tcvn3-doubt = the text reads as TCVN3, but a character reads differently in the ABC fonts (quotes and dashes, capitals typed with a capital font) and in the full TCVN3 code (TCVN 5712:1993, capitals with tone marks at 0x01–0x17 and 0x80–0x9F), and neither reading fits where it stands (`{ $sample }`): bantin cannot tell which was meant
import-not-vietnamese = the file is not UTF-8 text (byte { $byte }), and reading it as Windows-1258, TCVN3 or VNI does not give clear Vietnamese text
portal-no-date-line = no date line: a portal text has the category, the title, then a line like `{ $example }`
    .hint = copy the whole article from the portal page, the `Ngày đăng …` line included, or add that line under the title
portal-date-line-first = the category line (e.g. `CÔNG TÁC ĐẢNG`) and the title should come before the date line, but none was found
    .hint = the text must start with the category line, then the title, then the `Ngày đăng …` line
portal-date-line-second = the category line (e.g. `CÔNG TÁC ĐẢNG`) or the title should come before the date line, but only one line was found
portal-date-line-late = expected the date line `Ngày đăng …` right after the category and the title, found `{ $found }`
    .hint = keep only the category line and the title (on one line) above the `Ngày đăng …` line
portal-not-category = the first line should be the category (e.g. `CÔNG TÁC ĐẢNG`), not `{ $found }`
    .hint = put the category line, as the portal shows it above the title, first
portal-no-text = the article has no text after the date line
    .hint = copy the article's text too, under the `Ngày đăng …` line
portal-views = `{ $found }` is not a number of views
    .hint = write the views as digits, e.g. `Lượt xem: 1.204` ({ $example })
portal-date-part = the date line has a part bantin does not understand: `{ $found }`
    .hint = the date line reads `{ $example }` (the time and the views may be left out)
portal-not-a-day = `{ $found }` is not a day: the date line should give it as 19/02/2020
    .hint = the date line reads `{ $example }`
portal-bad-date = the date line's date is wrong: { $reason }
    .hint = correct the date, as day/month/year: `{ $example }`
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
## links: links, images and cover images that lead nowhere (build and check)

links-computer-path =
    the { $kind ->
        [image] image
        [cover] cover image (`image:`)
       *[link] link
    } `{ $dest }` is a file on your computer: the web cannot see your computer, so readers would not see it
    .hint = copy the file into the article's folder ({ $folder }) and write just its name, e.g. `{ $name }`
    .hint-beside = the file `{ $name }` is in the article's folder already: write just `{ $name }`
links-draft = the link `{ $dest }` leads to a draft ({ $file }): it is published as written and leads nowhere until that article is published
    .hint = publish the linked article first (remove `draft: true`, or wait for its date), or remove the link
links-scheduled = the link `{ $dest }` leads to an article scheduled for later ({ $file }): it is published as written and leads nowhere until that article is published
links-case =
    the { $kind ->
        [image] image
        [cover] cover image (`image:`)
       *[link] link
    } `{ $dest }` is not found: its name differs from the file { $real } only in capital letters, which web servers tell apart, so readers would not see it
    .hint = write `{ $fix }` exactly as the file is named (or rename the file to match)
links-accents =
    the { $kind ->
        [image] image
        [cover] cover image (`image:`)
       *[link] link
    } `{ $dest }` is not found: the file of that name has its accents stored apart from the letters (as a Mac or an unzip program may save it), so a web server sees another name
    .hint = rename the file { $real }: delete its name and type it again
links-no-article = the link `{ $dest }` leads to no published article
    .hint = write the path of the article's file relative to this one, e.g. `../cong-tac-dang/bai-viet.md`; check the spelling
links-no-file =
    the { $kind ->
        [image] image
        [cover] cover image (`image:`)
       *[link] link
    } `{ $dest }` leads to no file (the article's folder is { $folder })
    .hint = put the file in the article's folder and write its name exactly, e.g. `anh-hoi-nghi.jpg`; check the spelling
    .hint-near = did you mean `{ $near }`? That file is in the article's folder
    .hint-slash = use `/` between folders, not `\`; for a file in the article's folder write just its name
    .hint-web = the address of another web site is written in full, starting with `https://`: `{ $url }`

## links: check

check-summary = checked { $articles } articles ({ $pages } pages) and { $links } internal links: { $problems ->
        [0] no problems
        [one] 1 problem
       *[other] { $problems } problems
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
check-summary-partial = checked the links of { $articles ->
        [one] the 1 article
       *[other] the { $articles } articles
    } that could be read ({ $links } links): { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }; links to other pages and to headings are checked once the errors above are fixed
check-drafts = drafts ({ $count }), not published:
check-scheduled = scheduled ({ $count }), not published:
check-leaves-site = the link `{ $dest }` leaves the site: its pages are under `{ $base }`
    .hint = write `{ $fix }`, or the path of the article's file relative to this one
check-no-page-under = the link `{ $dest }` leads to no page or file of the site (whose pages are under `{ $base }`)
check-no-page = the link `{ $dest }` leads to no page or file of the site
    .hint = copy the address of the page from the site, or write the path of the article's file relative to this one; the site's own addresses start with `{ $base }`
check-no-heading = the link `{ $dest }` leads to no heading `{ $fragment }` in «{ $title }»
    .hint = link to one of the article's headings: { $headings }
    .hint-none = the article has no headings to link to; remove the `#…` part

## docs: documents (number, type, issuer, attached files)
doc-missing = the document has no `{ $key }`
    .hint = add a line like `{ $example }` between the two `---` lines; every document needs title, number, type, issuer, issued and signer
doc-unknown-field = bantin does not know the document field `{ $key }`
    .hint = the fields a document may have are: { $fields }
    .hint-near = did you mean `{ $near }`?
doc-files = `files` must be a list of file names
    .hint = write for example `files: [ke-hoach-45.pdf, phu-luc.docx]`, or `file: ke-hoach-45.pdf` for one file
doc-duplicate = number { $number } of { $issuer } is already used by { $other }
    .hint = each document of an issuer has its own number: correct the number, or delete one of the two files if they are the same document
doc-same-address = this document would be published at { $path }, like { $other }
    .hint = add a line `slug: …` with another address to one of the two documents
doc-replaces-nothing = `replaces` names document { $number }, but no document has that number
    .hint = write the number of the replaced document as its `number` line says, and put that document in the van-ban folder
doc-no-file = the attached file `{ $file }` is not beside the document
    .hint = put the file in the document's folder and write its name exactly, capitals included
new-doc-created = New document written: { $path }
new-doc-address = Its address on the site: { $address }. Put the signed file (PDF) beside it and write its name on the `file:` line (delete the # at its start); it is published by the next `bantin build`.
new-doc-signer = The signer is missing: fill in the `signer:` line at the top of the document (between the two --- lines) before publishing.
new-doc-no-letters = «{ $value }» has no letter or digit to name the file and address after
cli-arg-new-document = Write a document (văn bản, under content/van-ban/); the title is its trích yếu
cli-arg-number = The document's number (số hiệu), e.g. 45/KH-UBND
cli-arg-type = The document's type (loại), e.g. "Kế hoạch"
cli-arg-issuer = The body that issued the document, e.g. "UBND phường"
cli-arg-signer = Who signed the document
## photos: reading photos, and check's warnings about them
images-unreadable = this photo cannot be read: { $reason }
    .hint = Check that the file is not open in another program and that you may read it.
images-empty = this photo is an empty file (0 bytes)
    .hint = Copy the photo again from the phone or camera; the copy was cut off.
images-heic = this photo is in HEIC format (an iPhone's), which browsers cannot show
    .hint = Export it as JPEG: on the iPhone choose Settings → Camera → Formats → "Most Compatible", or open it in Photos on a computer and export as JPEG, then put the .jpg here.
images-not-photo = this file is named like a photo but is not a JPEG, PNG or WebP photo
    .hint = Open it in an image program and save it again as JPEG (.jpg), or give it its right extension if it is another kind of file.
images-broken = this photo is damaged and cannot be read ({ $reason })
    .hint = Copy the photo again from the phone or camera, or open it and save it again as JPEG.
images-too-large = this photo is too large to publish: { $size }, more than 100 megapixels
    .hint = Make it smaller in an image program (for example 4000 pixels wide) and save it again.
images-no-alt = the photo “{ $image }” has no description (alt text) for readers who cannot see it
    .hint = Write what the photo shows between the square brackets: ![Ward leaders visit the school](photo.jpg).
images-original-large = the photo “{ $image }” is { $size } MB, more than { $limit } MB
    .hint = Readers get resized copies, but the original is still published and uploaded: make it smaller (for example 4000 pixels wide) or raise images: max_original_mb in site.yaml.
images-failed = making the resized copies of the photos stopped unexpectedly
    .hint = Run the build again; if it happens again, report it with the photos of the last article you added.
