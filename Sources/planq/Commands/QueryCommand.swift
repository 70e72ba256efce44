import Reports
import PlanModel

struct QueryCommand: Command {
    let name = "query"
    let summary = "run a read-only SQL query on the knowledge base"
    let arguments = "\"SELECT ...\""
    let options = [OptionSpec(name: "limit", short: nil, value: "N", help: "print at most N rows (default 10000; stated on standard error when cut)"),
                   OptionSpec(name: "timeout", short: nil, value: "S", help: "stop the query after S seconds (default 10)")]
    let details = """
        One statement, opened read-only: statements that would change the knowledge base are refused,
        and text after the first statement is a usage error. `planq schema` documents the tables.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        guard invocation.arguments.positional.count == 1, let sql = invocation.arguments.positional.first else {
            throw UsageError(message: "query takes exactly one SQL statement (quote it)")
        }
        let knowledgeBase = try invocation.openKnowledgeBase(readOnly: true)
        knowledgeBase.database.enableDefensiveMode()
        let limit = try invocation.arguments.int("limit") ?? 10_000
        guard limit > 0 else { throw UsageError(message: "--limit needs a positive number") }
        let timeoutText = invocation.arguments.values["timeout"] ?? "10"
        guard let timeout = Double(timeoutText), timeout > 0, timeout <= 86_400 else {
            throw UsageError(message: "--timeout needs seconds between 0 and 86400, got '\(timeoutText)'")
        }
        let result: KnowledgeBase.QueryResult
        do {
            result = try knowledgeBase.query(sql, limit: limit, timeout: timeout)
        } catch let error as SQLiteError where error.isReadOnlyViolation {
            throw CommandFailure("planq query is read-only: the statement would change the knowledge base")
        } catch let error as KnowledgeBase.QueryError {
            if case .timedOut = error { throw CommandFailure(error.description) }
            throw UsageError(message: error.description)
        }
        if result.truncated, !invocation.settings.quiet {
            invocation.diagnostics.warning("planq query: printed the first \(limit) rows; more were left out (--limit N prints more)")
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
