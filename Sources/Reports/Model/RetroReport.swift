import PlanModel

/// The retrospective: delivered against planned per week and per owner, gates passed and missed,
/// metrics, lessons learned, deferred items and scope changes.
public struct RetroReport: Sendable {
    public let document: ReportDocument

    public init(knowledgeBase: KnowledgeBase, project: Project, today: String, start: String?) throws {
        let currentWeek = project.currentWeek(today: today, start: start)
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id]))
        let scheduled = tasks.filter { $0.status != .deferred }
        var sections: [ReportSection] = []

        let weeks = Array(Set(scheduled.compactMap(\.week))).sorted()
        let perWeek: [[ReportTable.Cell]] = weeks.map { week in
            let inWeek = scheduled.filter { $0.week == week }
            let done = inWeek.filter { $0.status == .done }.count
            return [ReportTable.Cell(String(week)), ReportTable.Cell(String(inWeek.count)), ReportTable.Cell(String(done)),
                    ReportTable.Cell(String(inWeek.filter { $0.status == .cancelled }.count)),
                    ReportTable.Cell("\(inWeek.isEmpty ? 0 : done * 100 / inWeek.count)%", tone: done == inWeek.count ? .good : nil)]
        }
        sections.append(ReportSection(id: "weeks", title: "Delivered against planned, per week", blocks: perWeek.isEmpty
            ? [.empty("No tasks are scheduled in weeks.")]
            : [.table(ReportTable(id: "weeks", columns: [.init("week", "Week"), .init("planned", "Planned"), .init("done", "Done"),
                                                         .init("cancelled", "Cancelled"), .init("delivered", "Delivered")], rows: perWeek))]))

        var owners: [String: (tasks: Int, done: Int)] = [:]
        for task in scheduled { for owner in task.owners { owners[owner.name, default: (0, 0)].tasks += 1; if task.status == .done { owners[owner.name]!.done += 1 } } }
        sections.append(ReportSection(id: "owners", title: "Delivered per owner", blocks: owners.isEmpty ? [.empty("No owners recorded.")] : [
            .table(ReportTable(id: "owners", columns: [.init("owner", "Owner"), .init("tasks", "Tasks"), .init("done", "Done")],
                               rows: owners.sorted { $0.value.tasks != $1.value.tasks ? $0.value.tasks > $1.value.tasks : $0.key < $1.key }
                                   .map { [ReportTable.Cell($0.key), ReportTable.Cell(String($0.value.tasks)), ReportTable.Cell(String($0.value.done))] })),
        ]))

        let gates = try knowledgeBase.gates(projectIDs: [project.id]).map { ($0, $0.verdict(currentWeek: currentWeek)) }
        sections.append(ReportSection(id: "gates", title: "Gates", blocks: gates.isEmpty ? [.empty("No gates recorded.")] : [
            .text("\(gates.filter { $0.1 == .passed }.count) passed, \(gates.filter { $0.1 == .ready }.count) ready, "
                  + "\(gates.filter { $0.1 == .atRisk }.count) missed or at risk, \(gates.filter { $0.1 == .notDue }.count) not due."),
            .table(ReportTable(id: "gates", columns: [.init("gate", "Gate"), .init("week", "Week"), .init("verdict", "Verdict")],
                               rows: gates.map { gate, verdict in
                                   [ReportTable.Cell(gate.title), ReportTable.Cell(gate.week.map(String.init) ?? ""),
                                    ReportTable.Cell(verdict.rawValue, tone: verdict == .passed ? .good : verdict == .atRisk ? .bad : .muted)]
                               })),
        ]))

        let metrics = try knowledgeBase.metrics(projectIDs: [project.id])
        sections.append(ReportSection(id: "metrics", title: "Metrics", blocks: metrics.isEmpty ? [.empty("No metrics recorded.")] : [
            .text("\(metrics.filter { $0.status == .met }.count) met, \(metrics.filter { $0.status == .missed }.count) missed, "
                  + "\(metrics.filter { $0.status == .pending }.count) pending, \(metrics.filter { $0.status == .unknown }.count) unknown."),
            .table(ReportTable(id: "metrics", columns: [.init("metric", "Metric"), .init("target", "Target"), .init("actual", "Actual"), .init("status", "Result")],
                               rows: metrics.map { [ReportTable.Cell($0.item.name), ReportTable.Cell($0.item.target ?? ""), ReportTable.Cell($0.item.actual ?? ""),
                                                    ReportTable.Cell($0.status.rawValue, tone: $0.status == .met ? .good : $0.status == .missed ? .bad : .muted)] })),
        ]))

        let notes = try knowledgeBase.notes(projectIDs: [project.id])
        let lessons = notes.filter { [.wentWell, .toImprove, .lesson].contains($0.item.kind) }
        sections.append(ReportSection(id: "lessons", title: "Lessons learned", blocks: lessons.isEmpty ? [.empty("No lessons recorded.")] : [
            .table(ReportTable(id: "lessons", columns: [.init("kind", "Kind"), .init("lesson", "Lesson"), .init("week", "Week")],
                               rows: lessons.map { [ReportTable.Cell($0.item.kind.rawValue), ReportTable.Cell($0.item.text),
                                                    ReportTable.Cell($0.item.week.map(String.init) ?? "")] })),
        ]))

        // A deferred task and the plan's scope cut for the same work are listed once.
        let deferred = DeferredItems.merge(tasks: tasks, notes: notes).map { $0.isTask ? "\($0.text) (task, \($0.source))" : "\($0.text) (\($0.source))" }
        sections.append(ReportSection(id: "deferred", title: "Deferred items and scope cuts", blocks: deferred.isEmpty
            ? [.empty("Nothing was deferred.")] : [.items(deferred)]))

        let snapshots = try knowledgeBase.snapshots(projectID: project.id)
        let added = snapshots.reduce(0) { $0 + $1.added }, removed = snapshots.reduce(0) { $0 + $1.removed }
        sections.append(ReportSection(id: "scope", title: "Scope changes", blocks: [
            .text(snapshots.count < 2 ? "One import so far: no scope changes recorded."
                  : "Over \(snapshots.count) imports, \(added) task\(added == 1 ? "" : "s") added and \(removed) removed."),
        ]))

        let facts = [ReportDocument.Fact("project", "Project", project.name), ReportDocument.Fact("as_of", "As of", today),
                     ReportDocument.Fact("delivered", "Delivered", "\(scheduled.filter { $0.status == .done }.count) of \(scheduled.count) tasks")]
        document = ReportDocument(report: "retro", title: "\(project.name) — retrospective", facts: facts, sections: sections)
    }
}
