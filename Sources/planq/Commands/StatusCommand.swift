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
        let selected = try invocation.selectedProjects(in: knowledgeBase)
        let projects = try selected ?? knowledgeBase.projects()
        let statuses = try knowledgeBase.status(projects: projects)
        let start = try invocation.startDate()
        // Each project's next open gate, read with the others in one query.
        let nextGates = Dictionary(uniqueKeysWithValues: try knowledgeBase.gates(projectIDs: selected?.map(\.id), nextOnly: true)
            .map { ($0.id, $0) })
        let rows: [[(String, Value)]] = statuses.map { status in
            let project = status.project
            let currentWeek = project.currentWeek(today: invocation.settings.today, start: start)
            // The next gate: the first not yet passed, in week order (gates without a week last).
            let next = status.nextGateID.flatMap { nextGates[$0] }.map { ($0, $0.verdict(currentWeek: currentWeek)) }
            let percent = status.scheduled == 0 ? 0 : status.done * 100 / status.scheduled
            return [
                ("project", .string(project.name)),
                ("key", .string(project.key)),
                ("documents", .int(project.documents)),
                ("done", .int(status.done)),
                ("total", .int(status.scheduled)),
                ("progress", .string("\(status.done)/\(status.scheduled) (\(percent)%)")),
                ("open", .int(status.counts[.open] ?? 0)),
                ("in_progress", .int(status.counts[.inProgress] ?? 0)),
                ("planned", .int(status.counts[.planned] ?? 0)),
                ("deferred", .int(status.counts[.deferred] ?? 0)),
                ("cancelled", .int(status.counts[.cancelled] ?? 0)),
                ("weeks", .string(status.weeks.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "")),
                ("start_date", Value(date: start ?? project.startDate)),
                ("current_week", currentWeek.map { .int($0) } ?? .null),
                ("week", .string(currentWeek.map { $0 == 0 ? "not started" : "week \($0)" } ?? "unknown")),
                ("owners", .array(status.owners.map { .object([("name", .string($0.name)), ("tasks", .int($0.tasks))]) })),
                ("top_owners", .string(status.owners.prefix(3).map { "\($0.name) (\($0.tasks))" }.joined(separator: ", "))),
                ("next_gate", next.map { gate, verdict in
                    .object([("id", .int(Int(gate.id))), ("title", .string(gate.title)), ("week", Value(gate.week)),
                             ("verdict", .label(verdict))])
                } ?? .null),
                ("high_risks", .int(status.highRisks)),
                ("metrics_missed", .int(status.metricsMissed)),
                ("gate", .string(next.map { gate, verdict in
                    (gate.week.map { "w\($0) " } ?? "") + gate.title + ": " + verdict.label
                } ?? "")),
            ]
        }
        let listing = Listing(
            fields: ["project", "key", "documents", "done", "total", "open", "in_progress", "planned", "deferred",
                     "cancelled", "weeks", "start_date", "current_week", "owners", "next_gate", "high_risks", "metrics_missed"],
            tableColumns: ["project", "progress", "open", "deferred", "week", "gate", "high_risks", "metrics_missed", "top_owners"],
            rows: rows)
        if statuses.isEmpty, invocation.settings.format == .md {
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
