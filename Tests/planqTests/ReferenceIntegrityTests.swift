import Foundation
import PlanModel
import Testing

/// An import does not have SQLite check foreign keys or CHECK constraints (ADR 0017): the rows
/// it deletes must still take along, or let go of, the rows that refer to them, as the schema's
/// `ON DELETE` clauses say, and every value it writes must be one a CHECK allows. After every
/// re-import that drops documents (and with them tasks, subtasks, gates and their scopes, risks
/// and metrics other documents repeat, whole projects), no row refers to a row that is gone and
/// `integrity_check` finds nothing.
@Suite struct ReferenceIntegrityTests {
    /// The references to missing rows, by table and the table they point at, and any row that
    /// breaks a CHECK or NOT NULL (`integrity_check`); empty when none. Read through a
    /// writable connection: a read-only one (`planq query`'s) skips the CHECKs.
    static func danglingReferences(_ planq: Planq) throws -> String {
        let database = try Database(path: planq.database)
        let rows = try database.rows("""
            SELECT "table" || ' -> ' || parent || ': ' || count(*) FROM pragma_foreign_key_check GROUP BY "table", parent
            UNION ALL SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check != 'ok'
            """)
        return rows.compactMap { $0[0].string }.joined(separator: "\n")
    }

    @Test func noRowRefersToARowThatAReImportDeleted() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let imported = try planq.run(["import", "docs", "-q", "--today", "2026-03-01"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Self.danglingReferences(planq) == "")

        // A tracker that loses a subtask's parent, a gate and a week of tasks, read again.
        let trackers = try FileManager.default.subpathsOfDirectory(atPath: docs.path).filter { $0.hasSuffix("tracker.md") }
        #expect(!trackers.isEmpty)
        for path in trackers {
            let url = docs.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.hasPrefix("## Week 2") && !$0.hasPrefix("### Week 2") }
            try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let edited = try planq.run(["import", "docs", "-q", "--today", "2026-03-02"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try Self.danglingReferences(planq) == "", "after the trackers were cut short")

        // Then every document goes, one per import, the last one taking its project along.
        let files = try FileManager.default.subpathsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 5)
        for file in files {
            try FileManager.default.removeItem(at: docs.appendingPathComponent(file))
            let removed = try planq.run(["import", "docs", "-q", "--today", "2026-03-03"])
            #expect(removed.status == 0, "\(file): \(removed.stderr)")
            #expect(try Self.danglingReferences(planq) == "", "after \(file) was removed")
        }
        let left = try planq.run(["query", "SELECT count(*) AS n FROM projects", "--format", "csv"])
        #expect(left.stdout == "n\n0\n", "the project went with its last document")
    }
}
