import Reports
import PlanModel

/// The values of a new runbook: the commands of the code blocks whose section matches the title,
/// the project's rollback triggers, metrics and owners.
public struct RunbookDraft: Sendable {
    public var title: String
    public var date: String
    public var facts: RelatedFacts?
    public var codeBlocks: [CodeBlock]
    /// The rollback gates, notes, risks and metrics about the runbook's subject, and the owners of its tasks.
    public var rollbackGates: [Gate]
    public var rollbackNotes: [Note]
    public var rollbackRisks: [Risk]
    public var metrics: [Metric]
    public var owners: [OwnerSummary]

    /// Reads what a runbook about `title` needs from the project.
    public static func gather(from knowledgeBase: KnowledgeBase, project: Project, title: String, date: String) throws -> RunbookDraft {
        let mentionsRollback: (String) -> Bool = { text in
            let lower = text.lowercased()
            return ["rollback", "roll back", "roll-back", "revert"].contains { lower.contains($0) }
        }
        let facts = try RelatedFacts.gather(from: knowledgeBase, project: project, about: title)
        // Only what concerns the runbook's subject: rollback gates it matches or that fall in the
        // weeks of its tasks and gates, its metrics, and the people who own its tasks.
        let weeks = Set(facts.tasks.compactMap(\.week) + facts.gates.compactMap(\.week))
        let matched = Set(facts.gates.map(\.id))
        // A runbook about rolling back concerns every rollback the plans mention.
        let aboutRollback = mentionsRollback(title)
        return RunbookDraft(
            title: title, date: date, facts: facts,
            codeBlocks: try knowledgeBase.codeBlocks(projectID: project.id),
            rollbackGates: facts.all.gates.filter { $0.kind == .rollback && (matched.contains($0.id) || $0.week.map(weeks.contains) == true) },
            rollbackNotes: (aboutRollback ? facts.all.notes : facts.notes).filter { mentionsRollback($0.item.text) },
            rollbackRisks: (aboutRollback ? facts.all.risks : facts.risks).filter { risk in
                [risk.item.title, risk.item.mitigation ?? "", risk.item.contingency ?? ""].contains(where: mentionsRollback)
            },
            metrics: facts.metrics.filter { $0.item.target != nil },
            owners: Contacts.of(facts.tasks, project: project))
    }

    public init(title: String, date: String, facts: RelatedFacts? = nil, codeBlocks: [CodeBlock] = [], rollbackGates: [Gate] = [],
                rollbackNotes: [Note] = [], rollbackRisks: [Risk] = [], metrics: [Metric] = [], owners: [OwnerSummary] = []) {
        self.title = title
        self.date = date
        self.facts = facts
        self.codeBlocks = codeBlocks
        self.rollbackGates = rollbackGates
        self.rollbackNotes = rollbackNotes
        self.rollbackRisks = rollbackRisks
        self.metrics = metrics
        self.owners = owners
    }

    /// The shell blocks whose section (the headings under the document's title) or text has at
    /// least half of the title's words, in document order; a block repeated word for word is kept
    /// once.
    public var procedureBlocks: [CodeBlock] {
        let words = KnowledgeBase.significantWords(title)
        var seen = Set<String>()
        return codeBlocks.filter { block in
            guard block.item.isShell else { return false }
            let headings = block.item.section.count > 1 ? block.item.section.dropFirst() : block.item.section[...]
            let matched = KnowledgeBase.matchedWords(words, in: headings.joined(separator: " ") + " " + block.item.text)
            return KnowledgeBase.isRelated(matched: matched, of: words) && seen.insert(block.item.text).inserted
        }
    }

    public func values(links: SourceLinks) -> [String: String] {
        let lines = FactLines(links: links)
        var values = ["title": inline(title), "date": date, "project": facts?.project.name ?? ""]
        guard let facts else { return values }
        values["overview"] = lines.tasks(facts.tasks, project: facts.project, title: title).map {
            "Related tasks in the \(inline(facts.project.name)) plans:\n\n" + $0
        }
        values["prerequisites"] = facts.gates.filter { $0.kind != .rollback && $0.kind != .noGo && !$0.criteria.isEmpty }
            .compactMap { gate in
                let criteria = lines.criteria(gate)
                return criteria.isEmpty ? nil : (["Before starting, \(lines.gate(gate)) asks for:"] + criteria).joined(separator: "\n")
            }.paragraphs
        values["procedure"] = procedureBlocks.enumerated().map { index, block in
            let fence = fence(for: block.item.text)
            let heading = block.item.section.last.map { " — \(inline($0))" } ?? ""
            var text = block.item.text
            if !text.hasSuffix("\n") { text += "\n" }
            return "**Step \(index + 1)**\(heading) (\(links.link(block.source))):\n\n"
                + "\(fence)\(block.item.language)\n\(text)\(fence)"
        }.paragraphs
        values["monitoring"] = metrics.isEmpty ? nil : metrics.map { lines.metric($0) }.joined(separator: "\n")
        var rollback: [String] = rollbackGates.map { gate in
            (["Roll back when a trigger of \(lines.gate(gate)) holds:"] + lines.triggers(gate)).joined(separator: "\n")
        }
        let notes = rollbackNotes.map(lines.note) + rollbackRisks.map(lines.risk)
        if !notes.isEmpty { rollback.append("Rollback in the plans' notes and risks:\n\n" + notes.joined(separator: "\n")) }
        values["rollback"] = rollback.paragraphs
        values["escalation"] = owners.isEmpty ? nil : owners.map { owner in
            "- \(inline(owner.name)) — \(owner.open) open of \(owner.tasks) tasks"
        }.joined(separator: "\n")
        return values
    }
}
