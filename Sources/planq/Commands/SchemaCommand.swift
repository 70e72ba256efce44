import Reports
import PlanModel

struct SchemaCommand: Command {
    let name = "schema"
    let summary = "document the knowledge base (every table and column), or with --reports the report JSON"
    let arguments = ""
    let options = [OptionSpec.reports]

    func run(_ invocation: Invocation) throws -> Int32 {
        let output = invocation.output
        if invocation.arguments.flags.contains("reports") {
            guard invocation.settings.format == .md else {
                throw UsageError(message: "schema --reports prints Markdown only (docs/report-json.md is the same text)")
            }
            output.write(ReportSchema.markdown)
            return 0
        }
        switch invocation.settings.format {
        case .md:
            output.line("# planq knowledge base, schema version \(Schema.currentVersion)")
            for table in Schema.tables {
                output.line()
                output.line("## \(table.name)")
                output.line()
                output.line(table.meaning.prefix(1).uppercased() + table.meaning.dropFirst() + ".")
                output.line()
                output.write(Emit.table(header: ["column", "meaning"], rows: table.columns.map { [$0.name, $0.meaning] }, markdown: true))
            }
        case .json, .csv, .html:
            let rows: [[(String, Value)]] = Schema.tables.flatMap { table in
                table.columns.map { column in
                    [("table", .string(table.name)), ("column", .string(column.name)), ("meaning", .string(column.meaning))]
                }
            }
            Emit.listing(Listing(fields: ["table", "column", "meaning"], rows: rows), format: invocation.settings.format, to: output)
        }
        return 0
    }
}
