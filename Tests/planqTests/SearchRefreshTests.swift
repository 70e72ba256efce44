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

    /// New projects get their entries a hundred at a time while later documents are still read;
    /// a project whose entries were written that way and that a later document names again is
    /// linked again at the end. Its entries must be what an import that saw that document
    /// first writes: each once, none left from the first linking.
    @Test func aProjectNamedAgainAfterItsEntriesWereWrittenHasThemOnce() throws {
        // Files are recognized in batches (`RecognitionPipeline.batchSize`), and a new project is
        // written once a batch without it comes: enough projects that a hundred are written before
        // the last batch.
        let projects = KnowledgeBase.searchBatchProjects + 130
        func write(_ planq: Planq, lateFolder: String) throws -> String {
            let docs = planq.directory.appendingPathComponent("docs")
            for number in 0..<projects {
                // Letters, not digits: a project is known by the first distinctive word of its name.
                let name = "p" + [number / 676, number / 26 % 26, number % 26].map { String(UnicodeScalar(UInt8(97 + $0))) }.joined()
                let folder = docs.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try "---\nproject: \(name.capitalized) Orchard\n---\n# Plan\n\n- [ ] Prune the rows of \(name)\n- [x] Order saplings for \(name)\n"
                    .write(to: folder.appendingPathComponent("plan.md"), atomically: false, encoding: .utf8)
            }
            let late = docs.appendingPathComponent(lateFolder)
            try FileManager.default.createDirectory(at: late, withIntermediateDirectories: true)
            try "---\nproject: Paaa Orchard\n---\n# Follow-up\n\n- [ ] Net the cherries against starlings\n"
                .write(to: late.appendingPathComponent("follow-up.md"), atomically: false, encoding: .utf8)
            let imported = try planq.run(["import", "docs", "-v"], in: planq.directory)
            #expect(imported.status == 0, "\(imported.stderr)")
            return imported.stderr
        }
        // `zz-late` comes after every project in path order, `00-late` before them.
        let reopened = try Planq(), direct = try Planq()
        let log = try write(reopened, lateFolder: "zz-late")
        _ = try write(direct, lateFolder: "00-late")
        // A hundred projects or more had their entries written before the end (Paaa among them),
        // the others and Paaa again after it.
        let atEnd = log.components(separatedBy: "search entries of ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        #expect(log.contains("1 again"), "\(log.suffix(300))")
        #expect(atEnd.map { $0 <= projects + 1 - KnowledgeBase.searchBatchProjects && (projects + 1 - $0) % KnowledgeBase.searchBatchProjects == 0 } == true,
                "\(log.suffix(300))")
        func content(_ rows: [String]) -> [String] { rows.map { $0.split(separator: " | ", maxSplits: 1).last.map(String.init) ?? "" }.sorted() }
        let written = content(try entries(reopened.database))
        #expect(written.count == 2 * projects + 1)
        #expect(written == content(try entries(direct.database)))
        #expect(written.filter { $0.contains("Prune the rows of paaa") }.count == 1)
        let knowledgeBase = try KnowledgeBase(path: reopened.database)
        try knowledgeBase.database.execute("INSERT INTO search(search) VALUES ('integrity-check')")
        let hits = try reopened.run(["search", "starlings", "--format", "csv"], in: reopened.directory).stdout
        #expect(hits.contains("zz-late/follow-up.md:6"))
    }
}
