import PlanModel

/// GitHub-flavoured Markdown: headings, tables (quantities right-aligned), lists; charts as a
/// Mermaid `xychart-beta` with the data as a table below it for readers without Mermaid.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out: [String] = ["# \(document.title)", ""]
        for fact in document.facts { out.append("**\(fact.label):** \(inline(fact.text))  ") }
        if !document.facts.isEmpty { out.append("") }
        if !document.summary.isEmpty {
            out += ["**Summary:** " + document.summary.map { "\(inline($0.label)): \(inline($0.text))" }.joined(separator: " · "), ""]
        }
        for section in document.sections {
            out += ["## \(section.title)", ""]
            for block in section.blocks {
                switch block {
                case .text(let text): out += [inline(text), ""]
                case .empty(let text): out += ["_\(inline(text))_", ""]
                case .fields(_, let facts): out += facts.filter { !$0.dataOnly }.map { "- **\(inline($0.label)):** \(inline($0.text))" } + [""]
                case .table(let table):
                    if table.rows.isEmpty, let empty = table.empty { out += ["_\(inline(empty))_", ""] } else { out += self.table(table) + [""] }
                case .chart(let chart) where chart.series.isEmpty: break
                case .chart(let chart): out += mermaid(chart) + [""] + self.table(chart.table) + [""]
                }
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ table: ReportTable) -> [String] {
        let header = "| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |"
        let rule = "|" + table.columns.indices.map { table.isNumeric(column: $0) ? "---:" : "---" }.joined(separator: "|") + "|"
        return [header, rule] + table.rows.map { "| " + $0.map { cell($0.value.text) }.joined(separator: " | ") + " |" }
    }

    /// Mermaid lines cannot break, so only a series with a point at every x is drawn; the others
    /// are named under the chart and read from the data table (a filled gap would be invented data).
    static func mermaid(_ chart: ReportChart) -> [String] {
        let xs = chart.xs
        let maximum = max(1, chart.series.flatMap { $0.points.map(\.y) }.max() ?? 1)
        let complete = chart.series.filter { $0.points.count == xs.count && xs.count > 1 }
        var lines = ["```mermaid", "xychart-beta", "    title \"\(chart.title.replacingOccurrences("\"", with: "'"))\"",
                     "    x-axis \"\(chart.xLabel)\" [\(xs.map(String.init).joined(separator: ", "))]",
                     "    y-axis \"\(chart.yLabel)\" 0 --> \(maximum)"]
        for series in complete { lines.append("    \(chart.kind == .bars ? "bar" : "line") [\(series.points.map { String($0.y) }.joined(separator: ", "))]") }
        lines.append("```")
        let partial = chart.series.filter { series in !complete.contains { $0.id == series.id } }
        if !partial.isEmpty {
            lines += ["", "_Not drawn (points in some weeks only, listed in the table): "
                      + partial.map { "\(inline($0.name)) (\($0.points.map { String($0.x) }.joined(separator: ", ")))" }.joined(separator: "; ") + "._"]
        }
        return lines
    }

    /// Text in a table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences("|", with: "\\|")
    }

    /// Document text shown as text: characters Markdown would read as markup are escaped. The
    /// one escaper for every Markdown planq writes, reports and generated records alike.
    public static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\n", "\r": result.append(" ")
            case "<": result += "&lt;"
            // Only a line's first `>` is markup (a quote); a tag or autolink needs a `<` first.
            case ">" where result.allSatisfy(\.isWhitespace): result += "&gt;"
            case "*", "_", "`", "[", "]", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
