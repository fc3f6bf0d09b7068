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
