import Foundation
import Testing

/// A gate's scope is counted twice by two descriptions of one rule: the importer counts it in
/// Swift (`GateScopes`: `scope_total`, `scope_open`, the verdicts), and the `gate_tasks` view lists
/// its tasks in SQL for reports and users' queries. Both must name the same tasks, for every
/// kind of gate, after a fresh import and after a re-import that changed what the scopes hold.
@Suite struct GateScopeViewTests {
    /// Gates whose `gate_tasks` rows do not count up to their stored scope, as `id kind: rows/total open/open`.
    static func mismatches(_ planq: Planq) throws -> [String] {
        let sql = """
            SELECT g.id, g.kind, g.scope_total, g.scope_open, count(s.task_id) AS listed,
                   count(CASE WHEN t.status NOT IN ('done', 'cancelled') THEN 1 END) AS listed_open
            FROM gates g LEFT JOIN gate_tasks s ON s.gate_id = g.id LEFT JOIN tasks t ON t.id = s.task_id
            GROUP BY g.id ORDER BY g.id
            """
        let output = try planq.run(["query", sql, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        return rows.compactMap { row in
            let values = row.keys.sorted().map { "\(row[$0] ?? "")" }
            let total = row["scope_total"] as? Int, open = row["scope_open"] as? Int
            let listed = row["listed"] as? Int, listedOpen = row["listed_open"] as? Int
            return total == listed && open == listedOpen ? nil : values.joined(separator: " ")
        }
    }

    static func kinds(_ planq: Planq) throws -> Set<String> {
        let output = try planq.run(["query", "SELECT DISTINCT kind FROM gates WHERE scope_total > 0", "--format", "csv"])
        return Set(output.stdout.split(separator: "\n").dropFirst().map(String.init))
    }

    @Test func theViewListsTheTasksEachSampleGateCounts() throws {
        let planq = try Planq()
        #expect(try planq.run(["import", "samples/", "-q"]).status == 0)
        // Week, phase, final, rollback gates and a Kiro checkpoint, each closing some tasks.
        #expect(try Self.kinds(planq).isSuperset(of: ["week", "phase", "final", "rollback", "checkpoint"]))
        #expect(try Self.mismatches(planq) == [])
    }

    /// A Kiro checkpoint closes the tasks between it and the checkpoint before, deferred ones
    /// too; a week gate closes its week's tasks but the deferred; edits move tasks in and out.
    @Test func aReImportThatMovesTasksInAndOutOfScopesKeepsTheViewAndTheCountsTogether() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("docs/orbit")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let tasks = docs.appendingPathComponent("tasks.md")
        try """
            # Orbit Implementation Tasks

            - [x] 1. Set up the ingest service
            - [ ] 2. Write the parser
            - [ ] 3. Checkpoint - Ensure all tests pass
            - [ ] 4. Add the exporter
            - [ ] 5. Checkpoint - Ensure all tests pass

            """.write(to: tasks, atomically: true, encoding: .utf8)
        let tracker = docs.appendingPathComponent("tracker.md")
        try """
            # Orbit Tracker

            ## Week 1

            - [x] Draft the schema
            - [ ] Review the schema ~~deferred~~
            - [ ] Load the fixtures

            **Week 1 Gate:** the schema is reviewed

            ## Week 2

            - [ ] Ship the loader

            """.write(to: tracker, atomically: true, encoding: .utf8)
        #expect(try planq.run(["import", "docs", "-q"]).status == 0)
        #expect(try Self.kinds(planq).isSuperset(of: ["checkpoint"]))
        #expect(try Self.mismatches(planq) == [])

        // A task joins the first checkpoint's range, one moves from week 2 into week 1.
        try String(contentsOf: tasks, encoding: .utf8).replacingOccurrences(of: "- [ ] 2. Write the parser",
                                                                             with: "- [ ] 2. Write the parser\n- [ ] 2.5 Fuzz the parser")
            .write(to: tasks, atomically: true, encoding: .utf8)
        try String(contentsOf: tracker, encoding: .utf8).replacingOccurrences(of: "- [ ] Load the fixtures",
                                                                               with: "- [ ] Load the fixtures\n- [ ] Ship the loader")
            .replacingOccurrences(of: "## Week 2\n\n- [ ] Ship the loader\n", with: "## Week 2\n\n- [ ] Tune the loader\n")
            .write(to: tracker, atomically: true, encoding: .utf8)
        #expect(try planq.run(["import", "docs", "-q"]).status == 0)
        #expect(try Self.mismatches(planq) == [])
        let checkpoint = try planq.run(["query", """
            SELECT count(*) FROM gate_tasks s JOIN gates g ON g.id = s.gate_id
            WHERE g.kind = 'checkpoint' AND g.source_line = (SELECT min(source_line) FROM gates WHERE kind = 'checkpoint')
            """, "--format", "csv"]).stdout
        #expect(checkpoint.split(separator: "\n").last == "3")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ImportEquivalenceTests.generator.path)))
    func aGeneratedCorpusAndItsEditsKeepTheViewAndTheCountsTogether() throws {
        let planq = try Planq()
        let folder = planq.directory.appendingPathComponent("corpus")
        try ImportEquivalenceTests.generate([folder.path, "--projects", "6"])
        #expect(try planq.run(["import", "corpus", "-q"]).status == 0)
        #expect(try Self.mismatches(planq) == [])
        try ImportEquivalenceTests.generate([folder.path, "--mutate", "30"])
        #expect(try planq.run(["import", "corpus", "-q"]).status == 0)
        #expect(try Self.mismatches(planq) == [])
    }
}
