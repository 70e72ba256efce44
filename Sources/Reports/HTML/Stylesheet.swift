// Generated from templates/ by `make templates` (scripts/embed_templates.py); a test keeps the two identical.
// The stylesheet is compiled in so that a report renders the same from any directory.

/// The report stylesheet, as templates/report.css has it.
public enum Stylesheet {
    public static let css = #"""
:root { --fg: #1d2330; --muted: #5d6678; --bg: #ffffff; --line: #d9dde5; --head: #f3f5f8;
  --good: #1f7a3d; --bad: #b3261e; --warn: #8a5a00; --accent: #2f5fb3;
  --good-bg: #e3f3e8; --bad-bg: #fbe4e2; --warn-bg: #fbf0d9; --muted-bg: #eceef2; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e4e7ee; --muted: #a2aabb; --bg: #14171d; --line: #343a46; --head: #1d222b;
    --good: #6fcf8e; --bad: #ff8a80; --warn: #f0c060; --accent: #8fb2ff;
    --good-bg: #173322; --bad-bg: #3d1d1b; --warn-bg: #3a2e12; --muted-bg: #262b35; }
}
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
dl.facts, dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.facts { color: var(--muted); }
dl.facts dt, dl.fields dt { font-weight: 600; }
dl.facts dd, dl.fields dd { margin: 0; }
ul.tiles { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; margin: 0 0 1.2rem; }
ul.tiles li { flex: 1 1 8rem; border: 1px solid var(--line); border-radius: .5rem; padding: .55rem .8rem; background: var(--head); }
ul.tiles .tile-value { display: block; font-size: 1.45rem; font-weight: 700; font-variant-numeric: tabular-nums; }
ul.tiles .tile-label { display: block; color: var(--muted); font-size: .85rem; }
ul.tiles li.good .tile-value { color: var(--good); }
ul.tiles li.bad .tile-value { color: var(--bad); }
ul.tiles li.warn .tile-value { color: var(--warn); }
div.scroll { overflow-x: auto; margin: .4rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .55rem; border-bottom: 1px solid var(--line); }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.source { color: var(--muted); white-space: nowrap; font-size: .85rem; }
td.source a { color: var(--accent); }
td.good { color: var(--good); font-weight: 600; }
td.bad { color: var(--bad); font-weight: 600; }
td.warn { color: var(--warn); font-weight: 600; }
td.muted, p.empty { color: var(--muted); }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; white-space: nowrap;
  background: var(--muted-bg); color: var(--fg); }
.badge.good { background: var(--good-bg); color: var(--good); }
.badge.bad { background: var(--bad-bg); color: var(--bad); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
.badge.muted { color: var(--muted); }
p.empty { font-style: italic; }
figure { margin: .5rem 0 1rem; }
figure svg { width: 100%; max-width: 44rem; height: auto; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .label { fill: var(--muted); font-size: 11px; }
svg .axis-title { font-weight: 600; }
svg .series-0 { stroke: var(--muted); fill: var(--muted); }
svg .series-0 polyline, svg line.series-0 { stroke-dasharray: 5 4; }
svg .series-1 { stroke: var(--accent); fill: var(--accent); }
svg .series-2 { stroke: var(--good); fill: var(--good); }
svg polyline, svg line[class^="series"] { fill: none; stroke-width: 2.5; }
svg rect.bar { stroke: none; }
svg line.marker { stroke: var(--fg); stroke-width: 1; stroke-dasharray: 3 3; }
svg text.marker-label { fill: var(--fg); font-weight: 600; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  tr, figure, ul.tiles li { break-inside: avoid; }
  div.scroll { overflow: visible; }
  td.source a { color: inherit; text-decoration: none; }
}
header.site { margin: 0 0 1.2rem; padding-bottom: .5rem; border-bottom: 1px solid var(--line); font-size: .9rem; }
header.site nav.breadcrumbs { color: var(--muted); margin-bottom: .4rem; }
header.site nav.breadcrumbs .separator { margin: 0 .4rem; }
header.site nav.pages ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .9rem; }
header.site a { color: var(--accent); }
header.site a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--fg); }

"""#
}
