#!/usr/bin/env bash
# compare_builds.sh OLD_PLANQ NEW_PLANQ CORPUS_DIR [--mutate PCT]
#
# Imports CORPUS_DIR with two planq binaries into two fresh knowledge bases and diffs what they
# know: the JSON of every listing, gate scope, criteria, full-text entries and task history.
# With --mutate, each run imports a copy of the corpus, edits PCT% of it with
# ../shared/bench/gen_corpus.py --mutate and imports again (a re-import), then compares.
# For speed work: a faster build must know exactly what the old one knew. Exits 1 on a difference.
set -euo pipefail
if [ "$#" -lt 3 ]; then
    echo "usage: $0 OLD_PLANQ NEW_PLANQ CORPUS_DIR [--mutate PCT]" >&2
    exit 2
fi
old=$1 new=$2 corpus=$3 mutate=${5:-}
[ "${4:-}" = "--mutate" ] || mutate=""
work=$(mktemp -d "${TMPDIR:-/tmp}/planq-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
generator="$(cd "$(dirname "$0")/.." && pwd)/../shared/bench/gen_corpus.py"
today=2026-03-01
# Row ids depend on the order rows were written in, which is not what is compared.
strip_ids='
import json, sys
def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k != "id" and not k.endswith("_id")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value
text = sys.stdin.read()
try:
    print(json.dumps(strip(json.loads(text)), indent=1, ensure_ascii=False))
except ValueError:
    print(text, end="")
'

for side in old new; do
    bin=$old; [ "$side" = new ] && bin=$new
    dir="$work/$side"; mkdir -p "$dir"
    source="$corpus"
    if [ -n "$mutate" ]; then
        # The same path for both sides: paths are part of what is compared.
        rm -rf "$work/corpus"; cp -a "$corpus" "$work/corpus"; source="$work/corpus"
        "$bin" import "$source" --db "$dir/kb.db" -q --today 2026-02-01
        python3 "$generator" "$source" --mutate "$mutate" >/dev/null 2>&1
    fi
    "$bin" import "$source" --db "$dir/kb.db" -q --today "$today" 2>"$dir/import.err" || true
    for listing in tasks gates risks metrics notes projects status; do
        "$bin" "$listing" --db "$dir/kb.db" --format json --today "$today" 2>&1 | python3 -c "$strip_ids" >"$dir/$listing.json" || true
    done
    sqlite3 "$dir/kb.db" "SELECT p.key, g.key, t.key FROM gate_tasks s JOIN gates g ON g.id = s.gate_id JOIN tasks t ON t.id = s.task_id JOIN projects p ON p.id = g.project_id ORDER BY 1, 2, 3" >"$dir/scope.txt"
    sqlite3 "$dir/kb.db" "SELECT p.key, g.key, c.position, c.text, c.status FROM gate_criteria c JOIN gates g ON g.id = c.gate_id JOIN projects p ON p.id = g.project_id ORDER BY 1, 2, 3" >"$dir/criteria.txt"
    # Where each entry's item is, read from the item (as `planq search` does; entries no longer hold it).
    sqlite3 "$dir/kb.db" "SELECT text, kind, CASE s.kind
        WHEN 'task' THEN (SELECT t.source_path || ':' || t.source_line FROM tasks t WHERE t.id = s.item_id)
        WHEN 'gate' THEN (SELECT g.source_path || ':' || g.source_line FROM gates g WHERE g.id = s.item_id)
        WHEN 'risk' THEN (SELECT d.path || ':' || r.line FROM risks r JOIN documents d ON d.id = r.document_id WHERE r.id = s.item_id)
        WHEN 'metric' THEN (SELECT d.path || ':' || m.line FROM metrics m JOIN documents d ON d.id = m.document_id WHERE m.id = s.item_id)
        WHEN 'note' THEN (SELECT d.path || ':' || n.line FROM notes n JOIN documents d ON d.id = n.document_id WHERE n.id = s.item_id)
        END AS source FROM search s ORDER BY source, kind, text" >"$dir/search.txt"
    sqlite3 "$dir/kb.db" "SELECT p.key, h.task_key, h.week, h.status, coalesce(h.previous_status, '') FROM task_history h JOIN projects p ON p.id = h.project_id ORDER BY 1, 2, 3, 4, 5" >"$dir/history.txt"
done

status=0
for file in import.err tasks.json gates.json risks.json metrics.json notes.json projects.json status.json scope.txt criteria.txt search.txt history.txt; do
    if cmp -s "$work/old/$file" "$work/new/$file"; then
        echo "same  $file"
    else
        echo "DIFF  $file"; diff "$work/old/$file" "$work/new/$file" | head -8; status=1
    fi
done
exit $status
