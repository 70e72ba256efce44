import PlanModel

/// The weekly checkpoint review of one project: a summary, the week's tasks, the gates that close
/// the week or its phase and the gates already overdue, the checkpoint question, the backlog to
/// date (the burndown's lines through the week), risks, metrics, the week's notes, what the latest
/// import changed, and where documents disagree. Computed from the knowledge base alone.
public struct WeekReport: Sendable {
    /// Why a gate is in the review.
    public enum GateRole: String, Sendable { case closing, overdue }

    public let project: Project
    public let week: Int
    public let today: String
    /// The week `today` falls in, when the project (or `--start`) has a start date.
    public let currentWeek: Int?
    public let startDate: String?
    public let planWeeks: ClosedRange<Int>
    public let tasks: [Task]
    public let gates: [(gate: Gate, role: GateRole, open: [Task])]
    public let checkpoints: [Gate]
    public let burndown: BurndownReport
    public let risks: [Risk]
    public let metrics: [Metric]
    public let notes: [Note]
    public let changes: [TaskChange]
    public let disagreements: [Disagreement]

    /// Why there is no review for the week asked for.
    public enum WeekError: Error, Equatable {
        /// No task, gate, metric or note of the project names a week.
        case noWeeks
        /// The week lies outside the weeks the plan names.
        case outsidePlan(ClosedRange<Int>)
    }

    /// The review of `week`; throws `WeekError` when the project's plan (every week a task, gate,
    /// metric or note names) does not include it. Each table is read once.
    /// `burndown`: the project's, when the caller has built it already (a site's week pages share one).
    public init(knowledgeBase: KnowledgeBase, project: Project, week: Int, today: String, start: String?,
                forecast: MonteCarloForecast.Settings = .standard, burndown: BurndownReport? = nil) throws {
        let all = try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id]))
        let projectGates = try knowledgeBase.gates(projectIDs: [project.id])
        let metrics = try knowledgeBase.metrics(projectIDs: [project.id])
        let projectNotes = try knowledgeBase.notes(projectIDs: [project.id])
        let weeks = all.compactMap(\.week) + projectGates.compactMap(\.week) + metrics.compactMap(\.item.week) + projectNotes.compactMap(\.item.week)
        guard let first = weeks.min(), let last = weeks.max() else { throw WeekError.noWeeks }
        guard (first...last).contains(week) else { throw WeekError.outsidePlan(first...last) }
        self.project = project
        self.week = week
        self.today = today
        self.planWeeks = first...last
        startDate = start ?? project.startDate
        let currentWeek = project.currentWeek(today: today, start: start)
        self.currentWeek = currentWeek
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        tasks = all.filter { $0.week == week }
        let phase = tasks.compactMap(\.phase).first
        var gates: [(gate: Gate, role: GateRole, open: [Task])] = []
        for gate in projectGates where gate.kind != .checkpoint || gate.decision == nil {
            let closes = gate.week == week || (gate.kind == .phase && phase != nil && gate.phase == phase)
            // A gate of an earlier week that is still at risk is the review's business too.
            let overdue = !closes && (gate.week ?? Int.max) < week && gate.verdict(currentWeek: currentWeek) == .atRisk
            guard closes || overdue else { continue }
            gates.append((gate, closes ? .closing : .overdue, try knowledgeBase.openTaskIDs(ofGate: gate.id).compactMap { byID[$0] }))
        }
        self.gates = gates
        checkpoints = projectGates.filter { $0.kind == .checkpoint && $0.decision != nil && $0.week == week }
        self.burndown = try burndown ?? BurndownReport(knowledgeBase: knowledgeBase, project: project, tasks: all, today: today,
                                                       start: start, forecast: forecast)
        risks = try knowledgeBase.risks(projectIDs: [project.id])
        self.metrics = metrics
        // The previous week's notes too: a week's summary is written as it ends, so its lessons
        // and blockers are read at the next checkpoint.
        notes = projectNotes.filter { $0.item.week == week || $0.item.week == week - 1 }
        changes = try knowledgeBase.changesInLatestImport(projectID: project.id)
        disagreements = try knowledgeBase.disagreements(projectIDs: [project.id])
    }

    /// The verdict of the gate that closes the week (the first closing one), if any.
    public var closingVerdict: GateVerdict? {
        gates.first { $0.role == .closing }.map { $0.gate.verdict(currentWeek: currentWeek) }
    }

    /// High risks not marked closed.
    public var openHighRisks: [Risk] {
        risks.filter { $0.item.severity == .high && !RiskStatusWords.isClosed($0.item.status) }
    }

    public var document: ReportDocument {
        var facts: [ReportDocument.Fact] = [.init("project", "Project", .string(project.name)), .init("week", "Week", .int(week)),
                                            .init("as_of", "As of", Value(date: today)),
                                            .init("start_date", "Start date", Value(date: startDate), absent: "unknown")]
        facts.append(.init("current_week", "Current week", Value(currentWeek),
                           absent: "unknown (no start date; pass --start YYYY-MM-DD or run `planq project set`)"))
        facts.append(.init("first_week", "First week", .int(planWeeks.lowerBound)))
        facts.append(.init("last_week", "Last week", .int(planWeeks.upperBound)))
        let done = tasks.filter { $0.status == .done }.count
        let missed = metrics.filter { $0.status == .missed }.count
        let summary: [ReportDocument.Fact] = [
            .init("tasks_done", "Tasks done", .int(done), tone: done == tasks.count && done > 0 ? .good : nil),
            .init("tasks_planned", "Tasks planned", .int(tasks.count)),
            .init("gate_verdict", "Gate", Value(closingVerdict), absent: "none"),
            .init("open_high_risks", "Open high risks", .int(openHighRisks.count), tone: openHighRisks.isEmpty ? nil : .bad),
            .init("metrics_missed", "Metrics missed", .int(missed), tone: missed == 0 ? nil : .bad),
        ]
        var sections: [ReportSection] = []
        sections.append(ReportSection(id: "tasks", title: "Tasks (\(done) of \(tasks.count) done)", blocks: [Self.taskTable(tasks, id: "tasks",
            empty: "No tasks are scheduled in week \(week).")]))
        sections.append(gatesSection)
        if !checkpoints.isEmpty {
            sections.append(ReportSection(id: "checkpoint", title: "Checkpoint question", blocks: [
                .table(ReportTable(id: "checkpoints", columns: [.init("question", "Question"), .init("decision", "Decision"), .init("source", "Source")],
                                   rows: checkpoints.map { [ReportTable.Cell($0.title), ReportTable.Cell(Value($0.decision)), ReportTable.Cell(.source($0.source))] },
                                   data: .objects(checkpoints.map { .object(ListingObject.gate($0, currentWeek: currentWeek)) }))),
            ]))
        }
        var backlog: [ReportBlock] = [.chart(burndown.chart(id: "backlog", title: "Tasks remaining through week \(week): planned vs actual",
                                                            through: week))]
        if let note = burndown.leftOutNote { backlog.append(.text(note)) }
        if burndown.actual.isEmpty, burndown.laterImports == 0 { backlog.append(.text("No import history yet: the actual line starts with the next import.")) }
        sections.append(ReportSection(id: "backlog", title: "Backlog to date", blocks: backlog))
        sections.append(burndown.forecastSection)
        sections.append(ReportSection(id: "risks", title: "Risks", blocks: [Self.riskTable(risks)]))
        sections.append(ReportSection(id: "metrics", title: "Metrics", blocks: [Self.metricTable(metrics)]))
        var noteBlocks: [ReportBlock] = []
        if !notes.contains(where: { $0.item.kind == .blocker }) { noteBlocks.append(.text("Blockers: none recorded.")) }
        let noteWeeks = week - 1 >= planWeeks.lowerBound ? "weeks \(week - 1)-\(week)" : "week \(week)"
        noteBlocks.append(.table(ReportTable(id: "notes", columns: [.init("week", "Week"), .init("kind", "Kind"), .init("note", "Note"), .init("source", "Source")],
                                             rows: notes.map { [ReportTable.Cell(Value($0.item.week)), ReportTable.Cell(.label($0.item.kind)),
                                                                ReportTable.Cell($0.item.text), ReportTable.Cell(.source($0.source))] },
                                             data: .objects(notes.map { .object(ListingObject.note($0)) }),
                                             empty: "No notes are tagged with \(noteWeeks).")))
        sections.append(ReportSection(id: "notes", title: "Notes, blockers and lessons (\(noteWeeks))", blocks: noteBlocks))
        sections.append(ReportSection(id: "changes", title: "Changed since the previous import", blocks: [
            .table(ReportTable(id: "changes", columns: [.init("change", "Change"), .init("task", "Task"), .init("week", "Week"),
                                                        .init("from", "From"), .init("to", "To")],
                               rows: changes.map { change in
                                   let kind = change.previous == nil ? "added" : change.status == "removed" ? "removed" : "status"
                                   return [ReportTable.Cell(kind), ReportTable.Cell(change.title ?? change.key), ReportTable.Cell(Value(change.week)),
                                           ReportTable.Cell(Value(change.previous.flatMap(TaskStatus.init(rawValue:)))),
                                           ReportTable.Cell(Value(TaskStatus(rawValue: change.status)))]
                               }, empty: "Nothing: the latest import changed no task, or there was no earlier import.")),
        ]))
        sections.append(ReportSection(id: "disagreements", title: "Where documents disagree", blocks: [
            .table(ReportTable(id: "disagreements", columns: [.init("source", "Source"), .init("message", "Disagreement")],
                               rows: disagreements.map { [ReportTable.Cell(.source($0.source)), ReportTable.Cell($0.message)] },
                               empty: "No disagreements found.")),
        ]))
        return ReportDocument(report: "week", title: "\(project.name) — week \(week) checkpoint review", facts: facts, summary: summary,
                              sections: sections)
    }

    private var gatesSection: ReportSection {
        let phase = tasks.compactMap(\.phase).first
        guard !gates.isEmpty else {
            return ReportSection(id: "gates", title: "Gates", blocks: [.empty("No gate closes week \(week)" + (phase == nil ? "" : " or phase \(phase!)")
                                                                              + ", and no earlier gate is overdue.")])
        }
        var blocks: [ReportBlock] = []
        if currentWeek == nil, gates.contains(where: { $0.gate.week != nil }) {
            blocks.append(.text("The project has no start date, so no gate can be late: pass --start or run `planq project set`."))
        }
        blocks.append(.table(ReportTable(
            id: "gates", columns: [.init("role", "Role"), .init("gate", "Gate"), .init("kind", "Kind"), .init("week", "Week"), .init("verdict", "Verdict"),
                                   .init("evidence", "Evidence"), .init("criteria_met", "Criteria met"), .init("criteria", "Criteria"),
                                   .init("open_tasks", "Open tasks")],
            rows: gates.map { gate, role, open in
                let verdict = gate.verdict(currentWeek: currentWeek)
                let criteria = gate.criteria.filter { $0.role == .criterion }
                return [ReportTable.Cell(role.rawValue), ReportTable.Cell(gate.title), ReportTable.Cell(.label(gate.kind)), ReportTable.Cell(Value(gate.week)),
                        ReportTable.Cell(.label(verdict)), ReportTable.Cell(ListingObject.evidence(gate, verdict: verdict, currentWeek: currentWeek)),
                        ReportTable.Cell(.int(criteria.filter { $0.status == .met }.count)), ReportTable.Cell(.int(criteria.count)),
                        ReportTable.Cell(.int(open.count))]
            },
            data: .objects(gates.map { gate, role, open in
                .object(ListingObject.gate(gate, currentWeek: currentWeek) + [("role", .string(role.rawValue)),
                                                                               ("open", .array(open.map { .object(ListingObject.task($0)) }))])
            }))))
        for (gate, _, open) in gates {
            let criteria = gate.criteria.filter { $0.role == .criterion }
            if !criteria.isEmpty {
                blocks.append(.text("Criteria of \(gate.title):"))
                blocks.append(.table(ReportTable(id: "criteria_\(gate.id)", columns: [.init("criterion", "Criterion"), .init("status", "Status")],
                                                 rows: criteria.map { [ReportTable.Cell($0.text), ReportTable.Cell(.label($0.status))] }, data: .hidden)))
            }
            if !open.isEmpty, gate.week != week {
                blocks.append(.text("Still open for \(gate.title): " + open.prefix(5).map(\.title).joined(separator: "; ")
                                    + (open.count > 5 ? "; and \(open.count - 5) more." : ".")))
            }
        }
        return ReportSection(id: "gates", title: "Gates", blocks: blocks)
    }

    /// A table of tasks whose JSON is the tasks' listing objects.
    static func taskTable(_ tasks: [Task], id: String, empty: String) -> ReportBlock {
        .table(ReportTable(id: id, columns: [.init("task", "Task"), .init("status", "Status"), .init("owners", "Owners and actions"), .init("source", "Source")],
                           rows: tasks.map { task in
                               [ReportTable.Cell(task.title), ReportTable.Cell(.label(task.status)),
                                ReportTable.Cell(.array(task.owners.map { .object([("name", .string($0.name)), ("action", Value($0.action))]) })),
                                ReportTable.Cell(.source(task.source))]
                           },
                           data: .objects(tasks.map { .object(ListingObject.task($0)) }), empty: empty))
    }

    static func riskTable(_ risks: [Risk]) -> ReportBlock {
        .table(ReportTable(id: "risks", columns: [.init("severity", "Severity"), .init("risk", "Risk"), .init("likelihood", "Likelihood"),
                                                  .init("impact", "Impact"), .init("mitigation", "Mitigation"), .init("contingency", "Contingency"),
                                                  .init("owner", "Owner"), .init("source", "Source")],
                           rows: risks.map { risk in
                               let item = risk.item
                               return [ReportTable.Cell(.label(item.severity)), ReportTable.Cell(item.title), ReportTable.Cell(Value(item.likelihood)),
                                       ReportTable.Cell(Value(item.impact)), ReportTable.Cell(Value(item.mitigation)),
                                       ReportTable.Cell(Value(item.contingency)), ReportTable.Cell(Value(item.owner)), ReportTable.Cell(.source(risk.source))]
                           },
                           data: .objects(risks.map { .object(ListingObject.risk($0)) }), empty: "No risks recorded."))
    }

    static func metricTable(_ metrics: [Metric]) -> ReportBlock {
        .table(ReportTable(id: "metrics", columns: [.init("metric", "Metric"), .init("week", "Week"), .init("target", "Target"),
                                                    .init("actual", "Actual"), .init("status", "Status"), .init("stated", "Stated"),
                                                    .init("source", "Source")],
                           rows: metrics.map { metric in
                               [ReportTable.Cell(metric.item.name), ReportTable.Cell(Value(metric.item.week)), ReportTable.Cell(Value(metric.item.target)),
                                ReportTable.Cell(Value(metric.item.actual)), ReportTable.Cell(.label(metric.status)),
                                ReportTable.Cell(Value(metric.item.stated)), ReportTable.Cell(.source(metric.source))]
                           },
                           data: .objects(metrics.map { .object(ListingObject.metric($0)) }), empty: "No metrics recorded."))
    }
}

/// Risk status words that mean the risk no longer threatens (a register's Status column).
enum RiskStatusWords {
    static let closed: Set<String> = ["closed", "resolved", "retired", "done", "mitigated", "geschlossen", "erledigt", "fermé", "cerrado", "fechado", "已关闭", "クローズ"]

    static func isClosed(_ status: String?) -> Bool {
        guard let status else { return false }
        return closed.contains(status.lowercased().trimmingCharacters(in: .whitespaces))
    }
}
