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
