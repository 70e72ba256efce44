import PlanModel

/// The gates, risks and metrics reports: one table each, for one project. Their JSON carries the
/// listing objects (gates also the open task objects in their scope).
public struct ListReport: Sendable {
    public let kind: String
    public let document: ReportDocument

    public init(kind: String, knowledgeBase: KnowledgeBase, project: Project, today: String, start: String?) throws {
        self.kind = kind
        let currentWeek = project.currentWeek(today: today, start: start)
        let facts: [ReportDocument.Fact] = [
            .init("project", "Project", .string(project.name)), .init("as_of", "As of", Value(date: today)),
            .init("current_week", "Current week", Value(currentWeek),
                  absent: "unknown (no start date; pass --start YYYY-MM-DD or run `planq project set`)"),
        ]
        var blocks: [ReportBlock]
        switch kind {
        case "gates":
            let gates = try knowledgeBase.gates(projectIDs: [project.id])
            let tasks = Dictionary(try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id])).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let open = try gates.map { try knowledgeBase.openTaskIDs(ofGate: $0.id).compactMap { tasks[$0] } }
            blocks = [.table(ReportTable(
                id: "gates", columns: [.init("id", "Id"), .init("title", "Gate"), .init("kind", "Kind"), .init("week", "Week"),
                                       .init("verdict", "Verdict"), .init("evidence", "Evidence"), .init("criteria_met", "Criteria met"),
                                       .init("criteria", "Criteria"), .init("tasks", "Tasks in scope"), .init("open_tasks", "Open"),
                                       .init("source", "Source")],
                rows: gates.map { gate in
                    let verdict = gate.verdict(currentWeek: currentWeek)
                    let criteria = gate.criteria.filter { $0.role == .criterion }
                    return [ReportTable.Cell(.int(Int(gate.id))), ReportTable.Cell(gate.title), ReportTable.Cell(.label(gate.kind)),
                            ReportTable.Cell(Value(gate.week)), ReportTable.Cell(.label(verdict)),
                            ReportTable.Cell(ListingObject.evidence(gate, verdict: verdict, currentWeek: currentWeek)),
                            ReportTable.Cell(.int(criteria.filter { $0.status == .met }.count)), ReportTable.Cell(.int(criteria.count)),
                            ReportTable.Cell(.int(gate.scopeTotal)), ReportTable.Cell(.int(gate.scopeOpen)), ReportTable.Cell(.source(gate.source))]
                },
                data: .objects(zip(gates, open).map { gate, open in
                    .object(ListingObject.gate(gate, currentWeek: currentWeek) + [("open", .array(open.map { .object(ListingObject.task($0)) }))])
                }), empty: "No gates recorded."))]
            if let criteria = Self.criteriaTable(gates) { blocks.append(criteria) }
        case "risks":
            blocks = [WeekReport.riskTable(try knowledgeBase.risks(projectIDs: [project.id]))]
        default:
            blocks = [WeekReport.metricTable(try knowledgeBase.metrics(projectIDs: [project.id]))]
        }
        let title = ["gates": "Gates", "risks": "Risk register", "metrics": "Success metrics"][kind] ?? kind
        document = ReportDocument(report: kind, title: "\(project.name) — \(title.lowercased())", facts: facts, sections: [
            ReportSection(id: kind, title: title, blocks: blocks),
        ])
    }

    /// Every gate's criteria, for people (JSON has them in the gate objects).
    static func criteriaTable(_ gates: [Gate]) -> ReportBlock? {
        let rows: [[ReportTable.Cell]] = gates.flatMap { gate in
            gate.criteria.filter { $0.role == .criterion }.map { [ReportTable.Cell(gate.title), ReportTable.Cell($0.text), ReportTable.Cell(.label($0.status))] }
        }
        guard !rows.isEmpty else { return nil }
        return .table(ReportTable(id: "criteria", columns: [.init("gate", "Gate"), .init("criterion", "Criterion"), .init("status", "Status")],
                                  rows: rows, data: .hidden))
    }
}
