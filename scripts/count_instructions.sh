#!/usr/bin/env bash
# count_instructions.sh PLANQ CORPUS_DIR [OUT.callgrind]
#
# Counts the instructions a full import of CORPUS_DIR executes (valgrind's callgrind, every
# thread), into a fresh knowledge base in a temporary folder. Unlike wall time, which drifts by
# half between minutes on a shared 2-core machine, the count repeats to a few parts in a
# thousand: it tells whether a change made the import do less work. It does not weigh cache
# misses or how the work spreads over the cores; the bench does. The profile is kept in
# OUT.callgrind (default: beside the temporary database, removed) for
# `callgrind_annotate --inclusive=yes OUT.callgrind` or `--tree=caller`.
set -euo pipefail
if [ "$#" -lt 2 ]; then
    echo "usage: $0 PLANQ CORPUS_DIR [OUT.callgrind]" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "count_instructions: valgrind is missing (make instructions installs it)" >&2; exit 2; }
planq=$1 corpus=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/planq-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=${3:-$work/import.callgrind}
valgrind --tool=callgrind --callgrind-out-file="$out" "$planq" import "$corpus" --db "$work/planq.db" -q 2>"$work/valgrind.log" || {
    cat "$work/valgrind.log" >&2
    exit 1
}
count=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/valgrind.log")
printf 'instructions: %s (%s M) for a full import of %s\n' "$count" "$((count / 1000000))" "$corpus"
