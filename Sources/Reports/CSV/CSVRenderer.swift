/// CSV of a report's first table (reports are documents; CSV carries their main table). Cells are
/// plain values: numbers as numbers (a share is 0.75, not 75%), enums as their raw values.
public enum CSVRenderer {
    public static func render(_ document: ReportDocument) -> String {
        let table = document.sections.lazy.flatMap(\.blocks).compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }.first
        guard let table else { return "" }
        var lines = [table.columns.map { field($0.id) }.joined(separator: ",")]
        lines += table.rows.map { $0.map { cell($0.value) }.joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value as a CSV field. Text a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return: a task titled `=HYPERLINK(...)`) gets a leading `'`,
    /// the OWASP rule; numbers stay numbers, negative ones too.
    public static func cell(_ value: Value) -> String {
        let text = value.csv
        guard !value.isNumber, let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return field(text) }
        return field("'" + text)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
