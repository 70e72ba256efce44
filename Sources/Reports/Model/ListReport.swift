import PlanModel

/// The gates, risks and metrics reports: one table each, for one project.
public struct ListReport: Sendable {
    public let kind: String
    public let document: ReportDocument

    public init(kind: String, knowledgeBase: KnowledgeBase, project: Project, today: String, start: String?) throws {
        self.kind = kind
        let currentWeek = project.currentWeek(today: today, start: start)
        var facts = [ReportDocument.Fact("project", "Project", project.name), ReportDocument.Fact("as_of", "As of", today)]
        facts.append(.init("current_week", "Current week", currentWeek.map(String.init) ?? "unknown (no start date; pass --start YYYY-MM-DD)"))
        let table: ReportTable
        switch kind {
        case "gates":
            let gates = try knowledgeBase.gates(projectIDs: [project.id])
            table = ReportTable(id: "gates", columns: [.init("id", "Id"), .init("gate", "Gate"), .init("kind", "Kind"), .init("week", "Week"),
                                                      .init("verdict", "Verdict"), .init("evidence", "Evidence"), .init("criteria_met", "Criteria met"),
                                                      .init("scope", "Tasks in scope"), .init("open", "Open"), .init("open_tasks", "Open tasks"),
                                                      .init("source", "Source")],
                                rows: try gates.map { gate in
                                    let verdict = gate.verdict(currentWeek: currentWeek)
                                    let criteria = gate.criteria.filter { $0.role == .criterion }
                                    let met = criteria.filter { $0.status == .met }.count
                                    let open = try knowledgeBase.openTasks(ofGate: gate.id)
                                    let evidence: String
                                    switch verdict {
                                    case .passed: evidence = gate.passed == true ? "its pass box is ticked" : "all \(criteria.count) criteria are met"
                                    case .ready: evidence = "all \(gate.scopeTotal) tasks it closes are done"
                                    case .atRisk: evidence = "week \(gate.week.map(String.init) ?? "?") has come with \(gate.scopeOpen) tasks open"
                                    case .notDue:
                                        evidence = gate.week == nil ? "it names no week; \(gate.scopeOpen) tasks open"
                                            : currentWeek == nil ? "no start date to judge it by" : "its week has not come"
                                    }
                                    let listed = open.prefix(5).joined(separator: "; ") + (open.count > 5 ? "; and \(open.count - 5) more" : "")
                                    return [ReportTable.Cell(String(gate.id)), ReportTable.Cell(gate.title), ReportTable.Cell(gate.kind.rawValue),
                                            ReportTable.Cell(gate.week.map(String.init) ?? ""),
                                            ReportTable.Cell(verdict.rawValue, tone: verdict == .passed || verdict == .ready ? .good : verdict == .atRisk ? .bad : .muted),
                                            ReportTable.Cell(evidence), ReportTable.Cell("\(met)/\(criteria.count)"),
                                            ReportTable.Cell(String(gate.scopeTotal)), ReportTable.Cell(String(gate.scopeOpen)), ReportTable.Cell(listed),
                                            ReportTable.Cell(gate.source.description, tone: .muted)]
                                })
        case "risks":
            let risks = try knowledgeBase.risks(projectIDs: [project.id])
            table = ReportTable(id: "risks", columns: [.init("severity", "Severity"), .init("risk", "Risk"), .init("likelihood", "Likelihood"),
                                                      .init("impact", "Impact"), .init("mitigation", "Mitigation"), .init("contingency", "Contingency"),
                                                      .init("owner", "Owner"), .init("source", "Source")],
                                rows: risks.map { risk in
                                    let item = risk.item
                                    let passed = item.week.flatMap { week in currentWeek.map { $0 > week } } ?? false
                                    return [ReportTable.Cell(item.severity.rawValue + (passed ? " (week passed)" : ""),
                                                             tone: item.severity == .high ? .bad : item.severity == .medium ? .warn : nil),
                                            ReportTable.Cell(item.title), ReportTable.Cell(item.likelihood ?? ""), ReportTable.Cell(item.impact ?? ""),
                                            ReportTable.Cell(item.mitigation ?? ""), ReportTable.Cell(item.contingency ?? ""),
                                            ReportTable.Cell(item.owner ?? ""), ReportTable.Cell(risk.source.description, tone: .muted)]
                                })
        default:
            let metrics = try knowledgeBase.metrics(projectIDs: [project.id])
            table = ReportTable(id: "metrics", columns: [.init("metric", "Metric"), .init("week", "Week"), .init("target", "Target"),
                                                        .init("actual", "Actual"), .init("status", "Status"), .init("stated", "Stated"),
                                                        .init("source", "Source")],
                                rows: metrics.map { metric in
                                    [ReportTable.Cell(metric.item.name), ReportTable.Cell(metric.item.week.map(String.init) ?? ""),
                                     ReportTable.Cell(metric.item.target ?? ""), ReportTable.Cell(metric.item.actual ?? ""),
                                     ReportTable.Cell(metric.status.rawValue, tone: metric.status == .met ? .good : metric.status == .missed ? .bad : .muted),
                                     ReportTable.Cell(metric.item.stated ?? ""), ReportTable.Cell(metric.source.description, tone: .muted)]
                                })
        }
        let title = ["gates": "Gates", "risks": "Risk register", "metrics": "Success metrics"][kind] ?? kind
        document = ReportDocument(report: kind, title: "\(project.name) — \(title.lowercased())", facts: facts, sections: [
            ReportSection(id: kind, title: title, blocks: table.rows.isEmpty ? [.empty("Nothing recorded.")] : [.table(table)]),
        ])
    }
}
