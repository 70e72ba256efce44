import PlanModel

/// The weekly checkpoint review of one project: the week's tasks, the gates that close the week
/// or its phase, the checkpoint question, the backlog to date, risks, metrics, the week's notes,
/// what the latest import changed, and where documents disagree. Computed from the knowledge
/// base alone.
public struct WeekReport: Sendable {
    public let project: Project
    public let week: Int
    public let today: String
    /// The week `today` falls in, when the project (or `--start`) has a start date.
    public let currentWeek: Int?
    public let startDate: String?
    public let tasks: [Task]
    public let gates: [(gate: Gate, verdict: GateVerdict)]
    public let checkpoints: [Gate]
    public let backlog: [(week: Int, scheduled: Int, planned: Int, open: Int)]
    public let risks: [Risk]
    public let metrics: [Metric]
    public let notes: [Note]
    public let changes: [TaskChange]
    public let disagreements: [Disagreement]

    public init(knowledgeBase: KnowledgeBase, project: Project, week: Int, today: String, start: String?) throws {
        self.project = project
        self.week = week
        self.today = today
        startDate = start ?? project.startDate
        currentWeek = project.currentWeek(today: today, start: start)
        let all = try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id]))
        tasks = all.filter { $0.week == week }
        let phase = tasks.compactMap(\.phase).first
        let projectGates = try knowledgeBase.gates(projectIDs: [project.id])
        let closing = projectGates.filter { gate in
            guard gate.kind != .checkpoint || gate.decision == nil else { return false }
            if gate.week == week { return true }
            return gate.kind == .phase && phase != nil && gate.phase == phase
        }
        let currentWeek = self.currentWeek
        gates = closing.map { ($0, $0.verdict(currentWeek: currentWeek)) }
        checkpoints = projectGates.filter { $0.kind == .checkpoint && $0.decision != nil && $0.week == week }
        let scheduled = all.filter { $0.status != .deferred && $0.week != nil }
        let weeks = Set(scheduled.compactMap(\.week))
        let first = weeks.min() ?? week
        backlog = (min(first, week)...week).map { w in
            let through = scheduled.filter { $0.week! <= w }
            return (w, through.count, scheduled.count - through.count, through.filter { !$0.status.isClosed }.count)
        }
        risks = try knowledgeBase.risks(projectIDs: [project.id])
        metrics = try knowledgeBase.metrics(projectIDs: [project.id])
        // The previous week's notes too: a week's summary is written as it ends, so its lessons
        // and blockers are read at the next checkpoint.
        notes = try knowledgeBase.notes(projectIDs: [project.id]).filter { $0.item.week == week || $0.item.week == week - 1 }
        changes = try knowledgeBase.changesInLatestImport(projectID: project.id)
        disagreements = try knowledgeBase.disagreements(projectIDs: [project.id])
    }

    public var document: ReportDocument {
        var facts = [ReportDocument.Fact("project", "Project", project.name), ReportDocument.Fact("week", "Week", String(week)),
                     ReportDocument.Fact("as_of", "As of", today)]
        if let startDate { facts.append(.init("start_date", "Start date", startDate)) }
        facts.append(.init("current_week", "Current week", currentWeek.map { $0 == 0 ? "not started" : String($0) }
                           ?? "unknown (no start date; pass --start YYYY-MM-DD)"))
        var sections: [ReportSection] = []
        let done = tasks.filter { $0.status == .done }.count
        sections.append(ReportSection(id: "tasks", title: "Tasks (\(done) of \(tasks.count) done)", blocks: tasks.isEmpty
            ? [.empty("No tasks are scheduled in week \(week).")]
            : [.table(ReportTable(id: "tasks", columns: [.init("task", "Task"), .init("status", "Status"), .init("owners", "Owners and actions"),
                                                         .init("source", "Source")],
                                  rows: tasks.map { task in
                                      [ReportTable.Cell(task.title), Self.cell(task.status),
                                       ReportTable.Cell(task.owners.map { owner in owner.action.map { "\(owner.name): \($0)" } ?? owner.name }
                                           .joined(separator: "; ")),
                                       ReportTable.Cell(task.source.description, tone: .muted)]
                                  }))]))
        sections.append(gatesSection)
        if !checkpoints.isEmpty {
            sections.append(ReportSection(id: "checkpoint", title: "Checkpoint question", blocks: checkpoints.map { gate in
                .text(gate.title + (gate.decision.map { " — decision: \($0)" } ?? ""))
            }))
        }
        sections.append(ReportSection(id: "backlog", title: "Backlog to date", blocks: [.chart(ReportChart(
            id: "backlog", title: "Tasks left after each week: planned vs still open", xLabel: "Week", yLabel: "Tasks",
            series: [.init(name: "Planned remaining", points: backlog.map { ($0.week, $0.planned) }),
                     .init(name: "Open through week", points: backlog.map { ($0.week, $0.open) })]))]))
        sections.append(ReportSection(id: "risks", title: "Risks", blocks: risks.isEmpty ? [.empty("No risks recorded.")] : [
            .table(ReportTable(id: "risks", columns: [.init("severity", "Severity"), .init("risk", "Risk"), .init("mitigation", "Mitigation"),
                                                      .init("contingency", "Contingency"), .init("source", "Source")],
                               rows: risks.map { risk in
                                   [ReportTable.Cell(risk.item.severity.rawValue, tone: risk.item.severity == .high ? .bad : risk.item.severity == .medium ? .warn : nil),
                                    ReportTable.Cell(risk.item.title), ReportTable.Cell(risk.item.mitigation ?? ""),
                                    ReportTable.Cell(risk.item.contingency ?? ""), ReportTable.Cell(risk.source.description, tone: .muted)]
                               })),
        ]))
        sections.append(ReportSection(id: "metrics", title: "Metrics", blocks: metrics.isEmpty ? [.empty("No metrics recorded.")] : [
            .table(ReportTable(id: "metrics", columns: [.init("metric", "Metric"), .init("week", "Week"), .init("target", "Target"),
                                                        .init("actual", "Actual"), .init("status", "Status"), .init("stated", "Stated")],
                               rows: metrics.map { metric in
                                   [ReportTable.Cell(metric.item.name), ReportTable.Cell(metric.item.week.map(String.init) ?? ""),
                                    ReportTable.Cell(metric.item.target ?? ""), ReportTable.Cell(metric.item.actual ?? ""),
                                    ReportTable.Cell(metric.status.rawValue, tone: metric.status == .met ? .good : metric.status == .missed ? .bad : .muted),
                                    ReportTable.Cell(metric.item.stated ?? "")]
                               })),
        ]))
        var noteBlocks: [ReportBlock] = []
        if !notes.contains(where: { $0.item.kind == .blocker }) { noteBlocks.append(.text("Blockers: none recorded.")) }
        noteBlocks.append(notes.isEmpty ? .empty("No notes are tagged with week \(week - 1) or \(week).")
            : .table(ReportTable(id: "notes", columns: [.init("week", "Week"), .init("kind", "Kind"), .init("note", "Note"), .init("source", "Source")],
                                 rows: notes.map { [ReportTable.Cell($0.item.week.map(String.init) ?? ""), ReportTable.Cell($0.item.kind.rawValue),
                                                    ReportTable.Cell($0.item.text), ReportTable.Cell($0.source.description, tone: .muted)] })))
        sections.append(ReportSection(id: "notes", title: "Notes, blockers and lessons (weeks \(week - 1)-\(week))", blocks: noteBlocks))
        sections.append(ReportSection(id: "changes", title: "Changed since the previous import", blocks: changes.isEmpty
            ? [.empty("Nothing: the latest import changed no task, or there was no earlier import.")]
            : [.items(changes.map { change in
                let title = change.title ?? change.key
                switch (change.previous, change.status) {
                case (nil, _): return "added: \(title)" + (change.week.map { " (week \($0))" } ?? "")
                case (_, "removed"): return "removed: \(title)"
                case (let before?, let after): return "\(title): \(before) → \(after)"
                }
            })]))
        sections.append(ReportSection(id: "disagreements", title: "Where documents disagree", blocks: disagreements.isEmpty
            ? [.empty("No disagreements found.")]
            : [.items(disagreements.map { "\($0.source): \($0.message)" })]))
        return ReportDocument(report: "week", title: "\(project.name) — week \(week) checkpoint review", facts: facts, sections: sections)
    }

    private var gatesSection: ReportSection {
        guard !gates.isEmpty else {
            return ReportSection(id: "gates", title: "Gates", blocks: [.empty("No gate closes week \(week) or its phase.")])
        }
        var blocks: [ReportBlock] = []
        for (gate, verdict) in gates {
            var line = "\(gate.title) — \(gate.kind.rawValue) gate" + (gate.week.map { ", closes week \($0)" } ?? "")
            line += ": \(verdict.rawValue)"
            if verdict == .notDue, currentWeek == nil, gate.week != nil { line += " (the project has no start date; pass --start to judge lateness)" }
            line += "; \(gate.scopeOpen) of \(gate.scopeTotal) tasks in its scope open"
            blocks.append(.text(line))
            let criteria = gate.criteria.filter { $0.role == .criterion }
            if !criteria.isEmpty {
                blocks.append(.table(ReportTable(id: "gate_\(gate.id)", columns: [.init("criterion", "Criterion"), .init("status", "Status")],
                                                 rows: criteria.map { [ReportTable.Cell($0.text), ReportTable.Cell($0.status.rawValue,
                                                     tone: $0.status == .met ? .good : $0.status == .unmet ? .bad : .muted)] })))
            }
        }
        return ReportSection(id: "gates", title: "Gates", blocks: blocks)
    }

    static func cell(_ status: TaskStatus) -> ReportTable.Cell {
        switch status {
        case .done: return ReportTable.Cell("done", tone: .good)
        case .inProgress: return ReportTable.Cell("in progress", tone: .warn)
        case .cancelled, .deferred: return ReportTable.Cell(status.rawValue, tone: .muted)
        case .open, .planned: return ReportTable.Cell(status.rawValue)
        }
    }
}
