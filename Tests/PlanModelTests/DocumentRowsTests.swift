import Foundation
import Testing
@testable import PlanModel

/// A document stored again keeps the rows it still has (ids, links, search entries), and a
/// knowledge base re-imported that way lists what a fresh import of the same text lists.
@Suite struct DocumentRowsTests {
    private func findings(risks: [RiskItem] = [], notes: [NoteItem] = [], tasks: [TaskItem] = []) -> DocumentFindings {
        var findings = DocumentFindings(path: "a.md", projectName: "Atlas", kind: .tracker)
        findings.risks = risks
        findings.notes = notes
        findings.tasks = tasks
        return findings
    }

    /// Stores `findings` as `a.md` in one import, its mentions unlinked; returns their origins
    /// and the rows it reported as inserted.
    @discardableResult
    private func store(_ findings: DocumentFindings, in knowledgeBase: KnowledgeBase, project: String = "atlas",
                       at time: String) throws -> (origins: [LinkedMention.Origin], items: StoredDocumentItems?) {
        try knowledgeBase.transaction {
            try knowledgeBase.apply(.begin(ImportStart(startedAt: time)))
            var findings = findings
            findings.projectName = project.capitalized
            guard case .documentStored(let id, let origins, let items) = try knowledgeBase.apply(.storeDocument(
                DocumentVersion(findings: findings, projectKey: project, hash: time, size: 1, mtimeNanoseconds: 1))) else {
                Issue.record("a stored document reports its id")
                return ([], nil)
            }
            let new = zip(findings.tasks, origins).compactMap { item, origin -> TaskItem? in
                if case .new = origin { return item }
                return nil
            }
            try knowledgeBase.apply(.storeUnlinkedMentions(documentID: id, items: new))
            try knowledgeBase.apply(.settleProjects(keys: ["atlas", "borealis"]))
            try knowledgeBase.apply(.finish(ImportSummary()))
            return (origins, items)
        }
    }

    private func mentionRows(_ knowledgeBase: KnowledgeBase) throws -> [[String]] {
        try knowledgeBase.database.rows("SELECT id, line, title, status FROM task_mentions ORDER BY line").map { row in
            (0..<4).map { row[$0].string ?? row[$0].int.map(String.init) ?? "" }
        }
    }

    @Test func aDocumentEditedAboveItsRowsKeepsThemWithTheirNewLines() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        try store(findings(risks: [RiskItem(line: 5, title: "Vendor slips", severity: .high),
                                   RiskItem(line: 6, title: "Budget cut", severity: .low)],
                           notes: [NoteItem(line: 9, kind: .lesson, text: "Pair on migrations", week: 2)],
                           tasks: [TaskItem(line: 12, title: "Ship the API", status: .open),
                                   TaskItem(line: 13, title: "Write the docs", status: .open)]),
                  in: knowledgeBase, at: "2026-01-01T00:00:00Z")
        let risksBefore = try knowledgeBase.risks()
        let noteBefore = try #require(try knowledgeBase.notes().first)
        let mentionsBefore = try mentionRows(knowledgeBase)
        // Two lines added at the top, a risk gone, one new, a task ticked.
        let (origins, items) = try store(findings(risks: [RiskItem(line: 7, title: "Vendor slips", severity: .high),
                                                 RiskItem(line: 8, title: "Key engineer leaves", severity: .medium)],
                                         notes: [NoteItem(line: 11, kind: .lesson, text: "Pair on migrations", week: 2)],
                                         tasks: [TaskItem(line: 14, title: "Ship the API", status: .open),
                                                 TaskItem(line: 15, title: "Write the docs", status: .done)]),
                                in: knowledgeBase, at: "2026-01-02T00:00:00Z")
        let risks = try knowledgeBase.risks()
        #expect(risks.map(\.item.title) == ["Vendor slips", "Key engineer leaves"])
        #expect(risks[0].id == risksBefore[0].id, "the risk still there keeps its id")
        #expect(risks[0].source.line == 7)
        let note = try #require(try knowledgeBase.notes().first)
        #expect(note.id == noteBefore.id && note.source.line == 11)
        let mentions = try mentionRows(knowledgeBase)
        #expect(mentions.map { Array($0.dropFirst()) } == [["14", "Ship the API", "open"], ["15", "Write the docs", "done"]])
        #expect(mentions[0][0] == mentionsBefore[0][0], "the unchanged mention keeps its row")
        #expect(origins.first == .stored(id: Int64(mentionsBefore[0][0])!, taskID: nil))
        if case .new = origins[1] {} else { Issue.record("the ticked task's mention is to be written: \(origins[1])") }
        #expect(items == nil, "a document that kept rows has their links in the knowledge base alone")
    }

    @Test func rowsSharingALineListInTheOrderTheDocumentNowGivesThem() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        let first = NoteItem(line: 3, kind: .lesson, text: "Cache the schema", week: 1)
        let second = NoteItem(line: 3, kind: .lesson, text: "Batch the writes", week: 1)
        let third = NoteItem(line: 4, kind: .lesson, text: "Profile first", week: 1)
        try store(findings(notes: [first, second, third]), in: knowledgeBase, at: "2026-01-01T00:00:00Z")
        let kept = try knowledgeBase.notes().last?.id
        try store(findings(notes: [second, first, third]), in: knowledgeBase, at: "2026-01-02T00:00:00Z")
        let notes = try knowledgeBase.notes()
        #expect(notes.map(\.item.text) == ["Batch the writes", "Cache the schema", "Profile first"])
        #expect(notes.last?.id == kept)
    }

    @Test func aDocumentThatMovedToAnotherProjectKeepsNothing() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        let document = findings(risks: [RiskItem(line: 5, title: "Vendor slips", severity: .high)],
                                tasks: [TaskItem(line: 12, title: "Ship the API", status: .open)])
        try store(document, in: knowledgeBase, at: "2026-01-01T00:00:00Z")
        let (origins, items) = try store(document, in: knowledgeBase, project: "borealis", at: "2026-01-02T00:00:00Z")
        #expect(items?.risks.map(\.text) == ["Vendor slips"], "a moved document is stored afresh")
        if case .new = origins.first {} else { Issue.record("a moved document's mentions are written anew: \(origins)") }
        let risks = try knowledgeBase.risks()
        #expect(risks.map(\.project) == ["Borealis"])
        #expect(try mentionRows(knowledgeBase).count == 1)
    }

    /// Linking a project uses the rows a document reported as inserted instead of reading them
    /// back: they are what the knowledge base reads, field for field.
    @Test func aDocumentStoredAfreshReportsItsRowsAsTheKnowledgeBaseReadsThem() throws {
        let knowledgeBase = try KnowledgeBase(path: try temporaryPath())
        var document = findings(risks: [RiskItem(line: 5, title: "Vendor slips", severity: .high),
                                        RiskItem(line: 6, title: "Vendor slips — again", severity: .medium)])
        document.gates = [GateItem(line: 20, kind: .go, title: "Week 4 gate", week: 4, phase: 1, checkbox: false,
                                   criteria: [GateItem.Criterion(line: 21, text: "API p95 < 200 ms", checked: true, status: .met),
                                              GateItem.Criterion(line: 22, text: "Docs", checked: nil, status: .unknown)],
                                   decision: "Go", scopeFromLine: 8)]
        document.metrics = [MetricItem(line: 30, name: "Coverage", target: "80%", actual: "72%", stated: "❌")]
        let items = try #require(try store(document, in: knowledgeBase, at: "2026-01-01T00:00:00Z").items)
        #expect(items.gateMentions == (try knowledgeBase.storedGateMentions(projectKey: "atlas")))
        #expect(items.risks == (try knowledgeBase.linkableRows(.risks, projectKey: "atlas")))
        #expect(items.metrics == (try knowledgeBase.linkableRows(.metrics, projectKey: "atlas")))
        #expect(items.risks.count == 2 && items.gateMentions.first?.item.criteria.count == 2 && items.metrics.count == 1)
    }
}
