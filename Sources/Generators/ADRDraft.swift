import Reports
import PlanModel

/// The values of a new decision record: what the caller says (title, date, status, the record it
/// supersedes, a recorded decision) and what the knowledge base knows about the title.
public struct ADRDraft: Sendable {
    public var title: String
    public var date: String
    public var status: String
    public var facts: RelatedFacts?
    /// The decision note the record is made from (`--from-note`).
    public var note: Note?
    /// The record this one supersedes and its file name.
    public var supersedes: ADRRecord?

    public init(title: String, date: String, status: String, facts: RelatedFacts?, note: Note? = nil, supersedes: ADRRecord? = nil) {
        self.title = title
        self.date = date
        self.status = status
        self.facts = facts
        self.note = note
        self.supersedes = supersedes
    }

    /// The template's values for record `number`, with source links relative to `links`' folder.
    public func values(number: Int, links: SourceLinks) -> [String: String] {
        let lines = FactLines(links: links)
        var values = ["title": inline(title), "number": ADRRecord.format(number), "ordinal": String(number), "date": date, "status": status,
                      "status_word": status.prefix(1).uppercased() + status.dropFirst(), "project": facts?.project.name ?? ""]
        if let old = supersedes {
            let file = old.path.split(separator: "/").last.map(String.init) ?? old.path
            // Ends with a newline: the template's section stands alone before the next heading.
            values["supersedes"] = "Supersedes [ADR-\(ADRRecord.format(old.number)): \(inline(old.title))](\(file)).\n"
        }
        let decision = note.map { "The plans record this decision: “\(inline($0.item.text))” (\(links.link($0.source)))." }
        values["outcome"] = decision
        guard let facts else { return values }
        var context: [String] = []
        if let decision { context.append(decision) }
        if let gate = facts.gate {
            let criteria = lines.criteria(gate)
            context.append((["The decision belongs to \(lines.gate(gate))" + (criteria.isEmpty ? "." : ", whose criteria are:")]
                            + criteria).joined(separator: "\n"))
        }
        if let tasks = lines.tasks(facts.tasks, project: facts.project, title: title) {
            context.append("Related tasks in the \(inline(facts.project.name)) plans:\n\n" + tasks)
        }
        values["context"] = context.paragraphs
        values["drivers"] = (facts.risks.map(lines.risk) + facts.metrics.map { lines.metric($0, label: "Metric: ") })
            .joined(separator: "\n")
        // MADR 4: who decides (the people who own the related work) and how it is confirmed.
        values["decision_makers"] = Contacts.of(facts.tasks, project: facts.project).map(\.name).joined(separator: ", ")
        var confirmation: [String] = []
        if let gate = facts.gate {
            let criteria = lines.criteria(gate)
            if !criteria.isEmpty { confirmation.append((["Confirmed when \(lines.gate(gate)) passes:"] + criteria).joined(separator: "\n")) }
        }
        let measured = facts.metrics.filter { $0.item.target != nil }
        if !measured.isEmpty { confirmation.append("Metrics that show it works:\n\n" + measured.map { lines.metric($0) }.joined(separator: "\n")) }
        values["confirmation"] = confirmation.paragraphs
        let recorded = facts.notes.filter { [.decision, .lesson, .wentWell, .toImprove].contains($0.item.kind) && $0.id != note?.id }
        if !recorded.isEmpty {
            values["more_information"] = "Decisions and lessons recorded in the plans:\n\n" + recorded.map(lines.note).joined(separator: "\n")
        }
        return values
    }
}
