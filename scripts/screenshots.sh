#!/bin/sh
# Renders the week review, gates and burndown reports of the samples as HTML and takes light,
# dark and narrow screenshots of each into docs/screenshots/ (run by `make screenshots`).
# The samples are imported three times, a week apart, from a copy with fewer boxes ticked at
# first, so the burndown has an actual line to draw.
set -eu
planq=${1:-.build/debug/planq}
work=.planq/screenshots
rm -rf "$work"
mkdir -p "$work" docs/screenshots
cp -R samples "$work/docs"
db="$work/kb.db"
tracker="$work/docs/lumora/tracker.md"
cp "$tracker" "$work/tracker.md"
sed 's/- \[x\]/- [ ]/' "$work/tracker.md" > "$tracker"
"$planq" --db "$db" import "$work/docs" -q --today 2026-03-04
sed '0,/- \[x\]/s//- [ ]/' "$work/tracker.md" > "$tracker"
"$planq" --db "$db" import "$work/docs" -q --today 2026-03-11
cp "$work/tracker.md" "$tracker"
"$planq" --db "$db" import "$work/docs" -q --today 2026-03-17
for report in "week 3" gates burndown; do
    name=$(echo "$report" | tr ' ' '-')
    # shellcheck disable=SC2086
    "$planq" --db "$db" report $report --today 2026-03-18 --html -o "$work/$name.html"
    page="file://$(pwd)/$work/$name.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="docs/screenshots/$name-light.png" --window-size=1100,1900 "$page" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-dark-mode --screenshot="docs/screenshots/$name-dark.png" --window-size=1100,1900 "$page" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="docs/screenshots/$name-narrow.png" --window-size=420,1600 "$page" 2>/dev/null
done

# The report site: its index and one week page, light and dark.
"$planq" --db "$db" report site -o "$work/site" --today 2026-03-18 -q
for page in index lumora/week-3; do
    name=site-$(echo "$page" | tr '/' '-')
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="docs/screenshots/$name-light.png" --window-size=1100,1300 "file://$(pwd)/$work/site/$page.html" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-dark-mode --screenshot="docs/screenshots/$name-dark.png" --window-size=1100,1300 "file://$(pwd)/$work/site/$page.html" 2>/dev/null
done
echo "site screenshots in docs/screenshots/"
