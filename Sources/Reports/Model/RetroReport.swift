import PlanModel

/// The retrospective: delivered against planned per week and per owner, gates passed and missed,
/// metrics, lessons learned, deferred items, scope changes, and when the rest will be done.
public struct RetroReport: Sendable {
    public let document: ReportDocument

    /// `burndown`: the project's, when the caller has built it already.
    public init(knowledgeBase: KnowledgeBase, project: Project, today: String, start: String?,
                forecast: MonteCarloForecast.Settings = .standard, burndown: BurndownReport? = nil) throws {
        let currentWeek = project.currentWeek(today: today, start: start)
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id]))
        let scheduled = tasks.filter { $0.status != .deferred }
        var sections: [ReportSection] = []

        let weeks = Array(Set(scheduled.compactMap(\.week))).sorted()
        let perWeek: [[ReportTable.Cell]] = weeks.map { week in
            let inWeek = scheduled.filter { $0.week == week }
            let done = inWeek.filter { $0.status == .done }.count
            return [ReportTable.Cell(.int(week)), ReportTable.Cell(.int(inWeek.count)), ReportTable.Cell(.int(done)),
                    ReportTable.Cell(.int(inWeek.filter { $0.status == .cancelled }.count)),
                    ReportTable.Cell(.share(inWeek.isEmpty ? 0 : Double(done) / Double(inWeek.count)), tone: done == inWeek.count ? .good : nil)]
        }
        sections.append(ReportSection(id: "weeks", title: "Delivered against planned, per week", blocks: [
            .table(ReportTable(id: "weeks", columns: [.init("week", "Week"), .init("planned", "Planned"), .init("done", "Done"),
                                                      .init("cancelled", "Cancelled"), .init("delivered", "Delivered")], rows: perWeek,
                               empty: "No tasks are scheduled in weeks.")),
        ]))

        var owners: [String: (tasks: Int, done: Int)] = [:]
        for task in scheduled { for owner in task.owners { owners[owner.name, default: (0, 0)].tasks += 1; if task.status == .done { owners[owner.name]!.done += 1 } } }
        sections.append(ReportSection(id: "owners", title: "Delivered per owner", blocks: [
            .table(ReportTable(id: "owners", columns: [.init("owner", "Owner"), .init("tasks", "Tasks"), .init("done", "Done")],
                               rows: owners.sorted { $0.value.tasks != $1.value.tasks ? $0.value.tasks > $1.value.tasks : $0.key < $1.key }
                                   .map { [ReportTable.Cell($0.key), ReportTable.Cell(.int($0.value.tasks)), ReportTable.Cell(.int($0.value.done))] },
                               empty: "No owners recorded.")),
        ]))

        let gates = try knowledgeBase.gates(projectIDs: [project.id])
        let verdicts = gates.map { $0.verdict(currentWeek: currentWeek) }
        func count(_ verdict: GateVerdict) -> Int { verdicts.filter { $0 == verdict }.count }
        sections.append(ReportSection(id: "gates", title: "Gates", blocks: (gates.isEmpty ? [] : [
            .fields(id: "gate_counts", [.init("passed", "Passed", .int(count(.passed))), .init("ready", "Ready", .int(count(.ready))),
                                        .init("at_risk", "Missed or at risk", .int(count(.atRisk))), .init("not_due", "Not due", .int(count(.notDue)))]),
        ] as [ReportBlock]) + [
            .table(ReportTable(id: "gates", columns: [.init("gate", "Gate"), .init("week", "Week"), .init("verdict", "Verdict")],
                               rows: zip(gates, verdicts).map { gate, verdict in
                                   [ReportTable.Cell(gate.title), ReportTable.Cell(Value(gate.week)), ReportTable.Cell(.label(verdict))]
                               }, data: .objects(gates.map { .object(ListingObject.gate($0, currentWeek: currentWeek)) }), empty: "No gates recorded.")),
        ]))

        let metrics = try knowledgeBase.metrics(projectIDs: [project.id])
        func count(_ status: MetricStatus) -> Int { metrics.filter { $0.status == status }.count }
        sections.append(ReportSection(id: "metrics", title: "Metrics", blocks: (metrics.isEmpty ? [] : [
            .text("\(count(.met)) met, \(count(.missed)) missed, \(count(.pending)) pending, \(count(.unknown)) unknown."),
        ] as [ReportBlock]) + [
            .table(ReportTable(id: "metrics", columns: [.init("metric", "Metric"), .init("target", "Target"), .init("actual", "Actual"), .init("status", "Result")],
                               rows: metrics.map { [ReportTable.Cell($0.item.name), ReportTable.Cell(Value($0.item.target)), ReportTable.Cell(Value($0.item.actual)),
                                                    ReportTable.Cell(.label($0.status))] },
                               data: .objects(metrics.map { .object(ListingObject.metric($0)) }), empty: "No metrics recorded.")),
        ]))

        let notes = try knowledgeBase.notes(projectIDs: [project.id])
        let lessons = notes.filter { [.wentWell, .toImprove, .lesson].contains($0.item.kind) }
        sections.append(ReportSection(id: "lessons", title: "Lessons learned", blocks: [
            .table(ReportTable(id: "lessons", columns: [.init("kind", "Kind"), .init("lesson", "Lesson"), .init("week", "Week")],
                               rows: lessons.map { [ReportTable.Cell(.label($0.item.kind)), ReportTable.Cell($0.item.text), ReportTable.Cell(Value($0.item.week))] },
                               data: .objects(lessons.map { .object(ListingObject.note($0)) }), empty: "No lessons recorded.")),
        ]))

        // A deferred task and the plan's scope cut for the same work are listed once.
        let deferred = DeferredItems.merge(tasks: tasks, notes: notes)
        sections.append(ReportSection(id: "deferred", title: "Deferred items and scope cuts", blocks: [
            .table(ReportTable(id: "deferred", columns: [.init("item", "Item"), .init("kind", "Kind"), .init("source", "Source")],
                               rows: deferred.map { [ReportTable.Cell($0.text), ReportTable.Cell($0.isTask ? "task" : "note"), ReportTable.Cell(.source($0.source))] },
                               empty: "Nothing was deferred.")),
        ]))

        let snapshots = try knowledgeBase.snapshots(projectID: project.id)
        let added = snapshots.reduce(0) { $0 + $1.added }, removed = snapshots.reduce(0) { $0 + $1.removed }
        sections.append(ReportSection(id: "scope", title: "Scope changes", blocks: [
            .text(snapshots.count < 2 ? "One import so far: no scope changes recorded."
                  : "Over \(snapshots.count) imports, \(added) task\(added == 1 ? "" : "s") added and \(removed) removed."),
            .fields(id: "scope_changes", [.init("imports", "Imports", .int(snapshots.count)), .init("added", "Added", .int(added)),
                                          .init("removed", "Removed", .int(removed))]),
        ]))
        sections.append(try (burndown ?? BurndownReport(knowledgeBase: knowledgeBase, project: project, tasks: tasks, today: today,
                                                        start: start, forecast: forecast)).forecastSection)

        let done = scheduled.filter { $0.status == .done }.count
        let facts: [ReportDocument.Fact] = [.init("project", "Project", .string(project.name)), .init("as_of", "As of", Value(date: today))]
        let summary: [ReportDocument.Fact] = [
            .init("tasks_done", "Tasks done", .int(done)), .init("tasks_planned", "Tasks planned", .int(scheduled.count)),
            .init("delivered", "Delivered", .share(scheduled.isEmpty ? 0 : Double(done) / Double(scheduled.count))),
            .init("gates_passed", "Gates passed", .int(count(.passed))), .init("metrics_missed", "Metrics missed", .int(count(.missed))),
        ]
        document = ReportDocument(report: "retro", title: "\(project.name) — retrospective", facts: facts, summary: summary, sections: sections)
    }
}
