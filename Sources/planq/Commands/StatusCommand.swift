import Reports
import PlanModel

struct StatusCommand: Command {
    let name = "status"
    let summary = "one-screen overview of every project: progress, current week, owners"
    let arguments = ""
    let options = [OptionSpec.project, .start]
    let details = """
        For each project: tasks done of those scheduled (cancelled and deferred ones aside), the
        open, in-progress and planned counts, the current week as of --today when a document
        states a start date, the next gate with its verdict, high risks, missed metrics and the
        busiest owners.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        let knowledgeBase = try invocation.openKnowledgeBase()
        let overview = try StatusOverview(knowledgeBase: knowledgeBase, selected: try invocation.selectedProjects(in: knowledgeBase),
                                          today: invocation.settings.today, start: try invocation.startDate())
        let fields = ["project", "key", "documents", "done", "total", "open", "in_progress", "planned", "deferred",
                      "cancelled", "weeks", "start_date", "current_week", "owners", "next_gate", "high_risks", "metrics_missed"]
        let tableColumns = ["project", "progress", "open", "deferred", "week", "gate", "high_risks", "metrics_missed", "top_owners"]
        // Only what the format shows is built: a table of thousands of projects needs no owner lists.
        let wanted = Set(invocation.settings.format == .md ? tableColumns : fields)
        let rows: [[(String, Value)]] = overview.entries.map { entry in
            let project = entry.project, status = entry.status
            var row: [(String, Value)] = []
            func add(_ name: String, _ value: @autoclosure () -> Value) {
                if wanted.contains(name) { row.append((name, value())) }
            }
            add("project", .string(project.name))
            add("key", .string(project.key))
            add("documents", .int(project.documents))
            add("done", .int(status.done))
            add("total", .int(status.scheduled))
            add("progress", .string(entry.progress))
            add("open", .int(status.counts[.open] ?? 0))
            add("in_progress", .int(status.counts[.inProgress] ?? 0))
            add("planned", .int(status.counts[.planned] ?? 0))
            add("deferred", .int(status.counts[.deferred] ?? 0))
            add("cancelled", .int(status.counts[.cancelled] ?? 0))
            add("weeks", .string(status.weeks.map { "\($0.lowerBound)-\($0.upperBound)" } ?? ""))
            add("start_date", Value(date: entry.startDate))
            add("current_week", entry.currentWeek.map { .int($0) } ?? .null)
            add("week", .string(entry.weekText))
            add("owners", .array(status.owners.map { .object([("name", .string($0.name)), ("tasks", .int($0.tasks))]) }))
            add("top_owners", .string(status.owners.prefix(3).map { "\($0.name) (\($0.tasks))" }.joined(separator: ", ")))
            add("next_gate", entry.nextGate.map { gate in
                .object([("id", .int(Int(gate.id))), ("title", .string(gate.title)), ("week", Value(gate.week)),
                         ("verdict", Value(entry.nextGateVerdict))])
            } ?? .null)
            add("high_risks", .int(status.highRisks))
            add("metrics_missed", .int(status.metricsMissed))
            add("gate", .string(entry.gateText))
            return row
        }
        let listing = Listing(fields: fields, tableColumns: tableColumns, rows: rows)
        if overview.entries.isEmpty, invocation.settings.format == .md {
            invocation.output.line("No projects yet: run `planq import PATH` first.")
            return 0
        }
        Emit.listing(listing, format: invocation.settings.format, to: invocation.output)
        if invocation.settings.format == .md {
            invocation.output.line()
            invocation.output.line("as of \(invocation.settings.today)")
        }
        return 0
    }
}
