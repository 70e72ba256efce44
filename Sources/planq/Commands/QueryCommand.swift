import Reports
import PlanModel

struct QueryCommand: Command {
    let name = "query"
    let summary = "run a read-only SQL query on the knowledge base"
    let arguments = "\"SELECT ...\""
    let options: [OptionSpec] = []
    let details = "The knowledge base is opened read-only: statements that would change it are refused. `planq schema` documents the tables."

    func run(_ invocation: Invocation) throws -> Int32 {
        guard invocation.arguments.positional.count == 1, let sql = invocation.arguments.positional.first else {
            throw UsageError(message: "query takes exactly one SQL statement (quote it)")
        }
        let knowledgeBase = try invocation.openKnowledgeBase(readOnly: true)
        knowledgeBase.database.enableDefensiveMode()
        let result: (columns: [String], rows: [[SQLValue]])
        do {
            result = try knowledgeBase.query(sql)
        } catch let error as SQLiteError where error.isReadOnlyViolation {
            throw CommandFailure("planq query is read-only: the statement would change the knowledge base")
        }
        let rows: [[(String, Value)]] = result.rows.map { values in
            zip(result.columns, values).map { column, value in
                switch value {
                case .null: return (column, .null)
                case .integer(let number): return (column, .int(Int(number)))
                case .real(let number): return (column, .decimal(number))
                case .text(let text): return (column, .string(text))
                }
            }
        }
        Emit.listing(Listing(fields: result.columns, rows: rows), format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
