#!/bin/sh
# Full-build benchmark, bantin beside Hugo: see scripts/bench.py --help.
exec python3 "$(dirname "$0")/bench.py" "$@"
