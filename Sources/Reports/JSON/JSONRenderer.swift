/// One JSON object per report: `report`, `schema_version`, `title`, the facts as fields, and the
/// sections with their tables as arrays of objects keyed by column id.
public enum JSONRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var fields: [(String, Value)] = [("report", .string(document.report)), ("schema_version", .int(ReportDocument.schemaVersion)),
                                         ("title", .string(document.title))]
        fields += document.facts.map { ($0.id, .string($0.value)) }
        fields.append(("sections", .array(document.sections.map(section))))
        return Value.object(fields).json(indent: 2) + "\n"
    }

    static func section(_ section: ReportSection) -> Value {
        var fields: [(String, Value)] = [("id", .string(section.id)), ("title", .string(section.title))]
        var texts: [Value] = [], items: [Value] = [], tables: [(String, Value)] = []
        for block in section.blocks {
            switch block {
            case .text(let text): texts.append(.string(text))
            case .items(let list): items += list.map { .string($0) }
            case .table(let table): tables.append((table.id, rows(table)))
            case .chart(let chart): tables.append((chart.id, rows(chart.table)))
            case .empty: break
            }
        }
        if !texts.isEmpty { fields.append(("text", .array(texts))) }
        if !items.isEmpty { fields.append(("items", .array(items))) }
        fields += tables
        return .object(fields)
    }

    static func rows(_ table: ReportTable) -> Value {
        .array(table.rows.map { row in .object(zip(table.columns, row).map { ($0.id, value($1.text)) }) })
    }

    /// A cell as JSON: blank is null, a whole number a number, the rest text.
    static func value(_ text: String) -> Value {
        if text.isEmpty { return .null }
        if let number = Int(text), String(number) == text { return .int(number) }
        return .string(text)
    }
}
