import Foundation
import Testing
import PlanModel

/// A re-import rewrites only the full-text entries whose text or source changed (a batch of
/// statements per hundred projects, rows in rowid order). What it leaves must be what a fresh
/// import of the same files writes, and an index FTS5 itself finds sound.
@Suite struct SearchRefreshTests {
    /// Every entry as (rowid, text, kind, source), in rowid order.
    private func entries(_ path: String) throws -> [String] {
        let knowledgeBase = try KnowledgeBase(path: path, mode: .readOnly)
        return try knowledgeBase.database.rows("SELECT rowid, text, kind, source FROM search ORDER BY rowid").map { row in
            row.values.map { $0.string ?? $0.int.map(String.init) ?? "" }.joined(separator: " | ")
        }
    }

    @Test func aReimportLeavesTheEntriesAFreshImportWrites() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        try planq.run(["import", "docs"], in: planq.directory)
        let before = try entries(planq.database)
        // A renamed task, a new one that moves every later line down, a removed summary.
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        var text = try String(contentsOf: tracker, encoding: .utf8)
        text = text.replacingOccurrences(of: "| - [x] Draft event schema v1 |", with: "| - [x] Draft event schema v1 |\n| - [ ] Retention policy for raw events | Write TTL | Review |")
        text = text.replacingOccurrences(of: "Load sample traffic", with: "Load recorded traffic")
        try text.write(to: tracker, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: docs.appendingPathComponent("lumora/week-1-summary.md"))
        #expect(try planq.run(["import", "docs"], in: planq.directory).status == 0)
        let after = try entries(planq.database)
        #expect(after != before)
        #expect(after.contains { $0.contains("Retention policy for raw events") })
        #expect(!after.contains { $0.contains("Load sample traffic") })

        let fresh = try Planq()
        try FileManager.default.copyItem(at: docs, to: fresh.directory.appendingPathComponent("docs"))
        try fresh.run(["import", "docs"], in: fresh.directory)
        // Row ids follow the order items were written in; the entries themselves must agree.
        func content(_ rows: [String]) -> [String] { rows.map { $0.split(separator: " | ", maxSplits: 1).last.map(String.init) ?? "" }.sorted() }
        #expect(content(after) == content(try entries(fresh.database)))

        let knowledgeBase = try KnowledgeBase(path: planq.database)
        try knowledgeBase.database.execute("INSERT INTO search(search) VALUES ('integrity-check')")
        #expect(try planq.run(["search", "retention", "--format", "csv"], in: planq.directory).stdout.contains("tracker.md:15"))
    }
}
