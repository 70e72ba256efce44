/// One JSON object per report: `report`, `schema_version`, `title`, the facts as typed fields, the
/// summary, and the sections with their tables (listing objects, or rows keyed by column id),
/// charts and field lists under their ids. `docs/report-json.md` describes every report.
public enum JSONRenderer {
    public static func render(_ document: ReportDocument) -> String {
        value(document).json(indent: 2) + "\n"
    }

    public static func value(_ document: ReportDocument) -> Value {
        var fields: [(String, Value)] = [("report", .string(document.report)), ("schema_version", .int(ReportDocument.schemaVersion)),
                                         ("title", .string(document.title))]
        fields += document.facts.map { ($0.id, $0.value) }
        if !document.summary.isEmpty { fields.append(("summary", object(document.summary))) }
        fields.append(("sections", .array(document.sections.map(section))))
        return .object(fields)
    }

    static func section(_ section: ReportSection) -> Value {
        var fields: [(String, Value)] = [("id", .string(section.id)), ("title", .string(section.title))]
        var texts: [Value] = [], data: [(String, Value)] = []
        for block in section.blocks {
            switch block {
            case .text(let text): texts.append(.string(text))
            case .table(let table):
                switch table.data {
                case .rows: data.append((table.id, rows(table)))
                case .objects(let objects): data.append((table.id, .array(objects)))
                case .hidden: break
                }
            case .chart(let chart): data.append((chart.id, chart.json))
            case .fields(let id, let facts): data.append((id, object(facts)))
            case .empty: break
            }
        }
        if !texts.isEmpty { fields.append(("text", .array(texts))) }
        return .object(fields + data)
    }

    static func object(_ facts: [ReportDocument.Fact]) -> Value { .object(facts.map { ($0.id, $0.value) }) }

    static func rows(_ table: ReportTable) -> Value {
        .array(table.rows.map { row in .object(zip(table.columns, row).map { ($0.id, $1.value) }) })
    }
}
