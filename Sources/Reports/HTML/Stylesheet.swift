// Generated from templates/ by `make templates` (scripts/embed_templates.py); a test keeps the two identical.
// The stylesheet is compiled in so that a report renders the same from any directory.

/// The report stylesheet, as templates/report.css has it.
public enum Stylesheet {
    public static let css = #"""
:root { --fg: #1d2330; --muted: #5d6678; --bg: #ffffff; --line: #d9dde5; --head: #f3f5f8;
  --good: #1f7a3d; --bad: #b3261e; --warn: #8a5a00; --accent: #2f5fb3; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e4e7ee; --muted: #a2aabb; --bg: #14171d; --line: #343a46; --head: #1d222b;
    --good: #6fcf8e; --bad: #ff8a80; --warn: #f0c060; --accent: #8fb2ff; }
}
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; color: var(--muted); }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .55rem; border-bottom: 1px solid var(--line); }
th { background: var(--head); font-weight: 600; }
td.good { color: var(--good); font-weight: 600; }
td.bad { color: var(--bad); font-weight: 600; }
td.warn { color: var(--warn); font-weight: 600; }
td.muted, p.empty { color: var(--muted); }
p.empty { font-style: italic; }
figure { margin: .5rem 0 1rem; }
figure svg { width: 100%; max-width: 40rem; height: auto; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .label { fill: var(--muted); font-size: 11px; }
svg .series-0 { stroke: var(--muted); stroke-dasharray: 5 4; }
svg .series-1 { stroke: var(--accent); }
svg .series-2 { stroke: var(--good); }
svg polyline, svg line[class^="series"] { fill: none; stroke-width: 2.5; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}

"""#
}
