import PlanModel

/// GitHub-flavoured Markdown: headings, tables, lists; charts as a Mermaid `xychart-beta` with the
/// data as a table below it for readers without Mermaid.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out: [String] = ["# \(document.title)", ""]
        for fact in document.facts { out.append("**\(fact.label):** \(inline(fact.value))  ") }
        if !document.facts.isEmpty { out.append("") }
        for section in document.sections {
            out += ["## \(section.title)", ""]
            for block in section.blocks {
                switch block {
                case .text(let text): out += [inline(text), ""]
                case .items(let items): out += items.map { "- " + inline($0) } + [""]
                case .empty(let text): out += ["_\(inline(text))_", ""]
                case .table(let table): out += self.table(table) + [""]
                case .chart(let chart): out += mermaid(chart) + [""] + self.table(chart.table) + [""]
                }
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ table: ReportTable) -> [String] {
        let header = "| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |"
        let rule = "|" + table.columns.map { _ in "---" }.joined(separator: "|") + "|"
        return [header, rule] + table.rows.map { "| " + $0.map { cell($0.text) }.joined(separator: " | ") + " |" }
    }

    static func mermaid(_ chart: ReportChart) -> [String] {
        let xs = Array(Set(chart.series.flatMap { $0.points.map(\.x) })).sorted()
        let maximum = max(1, chart.series.flatMap { $0.points.map(\.y) }.max() ?? 1)
        var lines = ["```mermaid", "xychart-beta", "    title \"\(chart.title.replacingOccurrences("\"", with: "'"))\"",
                     "    x-axis \"\(chart.xLabel)\" [\(xs.map(String.init).joined(separator: ", "))]",
                     "    y-axis \"\(chart.yLabel)\" 0 --> \(maximum)"]
        for series in chart.series {
            // Mermaid lines have no gaps: a missing x repeats the nearest known value (the data
            // table under the chart keeps the exact points).
            let known = series.points.sorted { $0.x < $1.x }
            let values = xs.map { x -> String in
                if let exact = known.first(where: { $0.x == x }) { return String(exact.y) }
                let nearest = known.min { abs($0.x - x) < abs($1.x - x) }
                return nearest.map { String($0.y) } ?? "0"
            }
            lines.append("    line [\(values.joined(separator: ", "))]")
        }
        lines.append("```")
        return lines
    }

    /// Text in a table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences("|", with: "\\|")
    }

    /// Document text shown as text: characters Markdown would read as markup are escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\n", "\r": result.append(" ")
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "*", "_", "`", "[", "]", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
