import Reports
import PlanModel

/// What the knowledge base knows about a title in one project: the items whose words match it
/// (`KnowledgeBase.related`), read once for both generators.
public struct RelatedFacts: Sendable {
    public let project: Project
    public let tasks: [Task]
    public let risks: [Risk]
    public let metrics: [Metric]
    public let notes: [Note]
    /// Gates whose title or criteria match.
    public let gates: [Gate]
    /// The gate the subject belongs to: the best matching gate, else the gate that closes the
    /// most related tasks.
    public let gate: Gate?
    /// Every gate, risk, metric and note of the project, read once: a runbook also lists those
    /// that do not match its title (rollback triggers, metrics).
    public let all: ProjectItems

    public struct ProjectItems: Sendable {
        public let gates: [Gate]
        public let risks: [Risk]
        public let metrics: [Metric]
        public let notes: [Note]
    }

    public static func gather(from knowledgeBase: KnowledgeBase, project: Project, about title: String) throws -> RelatedFacts {
        let related = try knowledgeBase.related(to: title, projectID: project.id)
        func ids(_ kind: String) -> [Int64] { related.filter { $0.kind == kind }.map(\.itemID) }
        let scope = [project.id]
        // Tasks in plan order (week, then source), the way a reader follows them.
        let taskIDs = Set(ids("task"))
        let tasks = taskIDs.isEmpty ? [] : try knowledgeBase.tasks(TaskFilter(projectIDs: scope)).filter { taskIDs.contains($0.id) }
        let allGates = try knowledgeBase.gates(projectIDs: scope)
        let gates = ids("gate").compactMap { id in allGates.first { $0.id == id } }
        // A matching gate, else the earliest gate that closes related work: the checkpoint the
        // decision has to be made by (the final gate closes everything and says little).
        let deciding: (Gate) -> Bool = { $0.kind != .rollback && $0.kind != .noGo }
        var gate = gates.first(where: deciding)
        if gate == nil {
            let closing = try knowledgeBase.gatesClosing(taskIDs: tasks.map(\.id))
            gate = closing.compactMap { entry in allGates.first { $0.id == entry.gateID }.map { ($0, entry.tasks) } }
                .filter { deciding($0.0) }
                .min { a, b in
                    let x = (a.0.week ?? Int.max, -a.1, a.0.scopeTotal, a.0.id), y = (b.0.week ?? Int.max, -b.1, b.0.scopeTotal, b.0.id)
                    return x < y
                }?.0
        }
        func ordered<T>(_ items: [T], kind: String, id: (T) -> Int64) -> [T] {
            ids(kind).compactMap { wanted in items.first { id($0) == wanted } }
        }
        let all = ProjectItems(gates: allGates, risks: try knowledgeBase.risks(projectIDs: scope),
                               metrics: try knowledgeBase.metrics(projectIDs: scope), notes: try knowledgeBase.notes(projectIDs: scope))
        return RelatedFacts(project: project, tasks: tasks, risks: ordered(all.risks, kind: "risk", id: \.id),
                            metrics: ordered(all.metrics, kind: "metric", id: \.id), notes: ordered(all.notes, kind: "note", id: \.id),
                            gates: gates, gate: gate, all: all)
    }
}

/// The Markdown lines both generators write for the same kinds of fact.
struct FactLines {
    let links: SourceLinks

    /// At most this many related tasks are listed; the rest are counted.
    static let taskLimit = 15

    func tasks(_ tasks: [Task], project: Project, title: String) -> String? {
        guard !tasks.isEmpty else { return nil }
        var lines = tasks.prefix(Self.taskLimit).map(task)
        if tasks.count > Self.taskLimit {
            lines.append("- …and \(tasks.count - Self.taskLimit) more: `planq search \"\(inline(title).replacingOccurrences(of: "\"", with: ""))\" --project \(project.key) --kind task`")
        }
        return lines.joined(separator: "\n")
    }

    func task(_ task: Task) -> String {
        var facts = [task.status.rawValue.replacingOccurrences(of: "_", with: " ")]
        if let week = task.week { facts.append("week \(week)") }
        if !task.owners.isEmpty { facts.append(task.owners.map(\.name).joined(separator: ", ")) }
        return "- \(inline(task.title)) — \(facts.joined(separator: ", ")) (\(links.link(task.source)))"
    }

    func gate(_ gate: Gate) -> String {
        var where_ = "\(gate.kind.rawValue) gate"
        if let week = gate.week { where_ += ", week \(week)" } else if let phase = gate.phase { where_ += ", phase \(phase)" }
        return "**\(inline(gate.title))** (\(where_); \(links.link(gate.source)))"
    }

    /// A gate's criteria as a list; a criterion that only repeats the gate's title is left out.
    func criteria(_ gate: Gate) -> [String] {
        gate.criteria.filter { $0.text != gate.title }.map { criterion in
            let mark = criterion.status == .met ? " (met)" : criterion.role == .condition ? " (condition)" : ""
            return "- \(inline(criterion.text))\(mark)"
        }
    }

    /// A rollback gate's criteria as triggers: a tracker's answer after the question (`Error
    /// rate > 1%? NO`) is its state today, not part of the trigger.
    func triggers(_ gate: Gate) -> [String] {
        gate.criteria.filter { $0.text != gate.title }.map { criterion in
            let trigger = criterion.text.replacing(/\?\s*(?i:yes|no|y|n|tbd|n\/a|—|-)?\s*$/, with: "")
            return "- \(inline(trigger.isEmpty ? criterion.text : trigger))"
        }
    }

    func risk(_ risk: Risk) -> String {
        let severity = risk.item.severity == .unknown ? "" : " (\(risk.item.severity.rawValue))"
        var line = "- Risk\(severity): \(inline(risk.item.title))"
        if let mitigation = risk.item.mitigation { line += " — mitigation: \(inline(mitigation))" }
        if let contingency = risk.item.contingency { line += " — contingency: \(inline(contingency))" }
        return line + " (\(links.link(risk.source)))"
    }

    func metric(_ metric: Metric, label: String = "") -> String {
        var line = "- \(label)\(inline(metric.item.name))"
        if let target = metric.item.target { line += ": target \(inline(target))" }
        if let actual = metric.item.actual, !Quantity.isUnstated(actual) { line += ", actual \(inline(actual))" }
        line += " (\(metric.status.rawValue))"
        return line + " — \(links.link(metric.source))"
    }

    func note(_ note: Note) -> String {
        "- \(note.item.kind.rawValue.capitalized.replacingOccurrences(of: "-", with: " ")): \(inline(note.item.text)) (\(links.link(note.source)))"
    }
}

extension Array where Element == String {
    /// The non-empty parts joined by a blank line, or nil when there are none.
    var paragraphs: String? {
        let parts = filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}
