import Foundation
import Testing
@testable import Importers
import PlanModel

/// The importer holds a stored document's task mentions in memory until its project is linked,
/// and stores them unlinked past a limit (documents of many projects interleaved): both ways
/// must end in the same knowledge base.
@Suite struct ImportPipelineTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// Every task as a line without ids: project, title, status, week, owners, source, mentions.
    static func tasks(importing folder: URL, heldMentions: Int) throws -> [String] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let knowledgeBase = try KnowledgeBase(path: directory.appendingPathComponent("kb.db").path)
        _ = try Importer(knowledgeBase: knowledgeBase, report: { _ in })
            .run(.init(paths: [folder.path], today: "2026-03-01", heldMentions: heldMentions))
        return try knowledgeBase.tasks().map { task in
            "\(task.project) | \(task.title) | \(task.status) | \(task.week.map(String.init) ?? "-") | "
                + "\(task.owners.map(\.name)) | \(task.source) | \(task.mentions.map(\.description))"
        }.sorted()
    }

    @Test func mentionsStoredUnlinkedPastTheLimitLinkAsHeldOnesDo() throws {
        let held = try Self.tasks(importing: Self.samples, heldMentions: 50_000)
        let storedAtOnce = try Self.tasks(importing: Self.samples, heldMentions: 0)
        #expect(held.count > 20)
        #expect(held == storedAtOnce)
        // Every task keeps the mentions that name it: a sample task is mentioned in more than one document.
        #expect(held.contains { $0.hasSuffix("]") && $0.split(separator: ",").count > 2 })
    }

    /// A re-import keeps an edited document's unchanged mentions (with their tasks); past the
    /// limit only its new ones are stored unlinked, and linking reads the kept ones back: the
    /// same knowledge base as holding them, and as a fresh import of the edited files.
    @Test func keptMentionsStoredPastTheLimitLinkAsHeldOnesDo() throws {
        func reImported(heldMentions: Int?) throws -> [String] {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let docs = directory.appendingPathComponent("docs")
            try FileManager.default.copyItem(at: Self.samples, to: docs)
            let knowledgeBase = try KnowledgeBase(path: directory.appendingPathComponent("kb.db").path)
            let importer = Importer(knowledgeBase: knowledgeBase, report: { _ in })
            if heldMentions != nil { _ = try importer.run(.init(paths: [docs.path], today: "2026-03-01")) }
            // A line added at the top, a box ticked, a task renamed.
            let tracker = docs.appendingPathComponent("lumora/tracker.md")
            var text = try String(contentsOf: tracker, encoding: .utf8)
            text = "<!-- edited -->\n" + text
            text = text.replacingOccurrences(of: "| - [ ] Load sample traffic |", with: "| - [x] Load recorded traffic |")
            try text.write(to: tracker, atomically: false, encoding: .utf8)
            _ = try importer.run(.init(paths: [docs.path], today: "2026-03-01", heldMentions: heldMentions ?? 50_000))
            return try knowledgeBase.tasks().map { task in
                "\(task.project) | \(task.title) | \(task.status) | \(task.owners.map(\.name)) | \(task.source) | \(task.mentions.map(\.description))"
                    .replacingOccurrences(of: directory.path, with: "")
            }.sorted()
        }
        let held = try reImported(heldMentions: 50_000)
        #expect(held.contains { $0.contains("Load recorded traffic | done") })
        let unlinked = try reImported(heldMentions: 0), fresh = try reImported(heldMentions: nil)
        #expect(unlinked == held, "\(Set(unlinked).symmetricDifference(held).sorted())")
        #expect(fresh == held, "a fresh import of the edited files: \(Set(fresh).symmetricDifference(held).sorted())")
    }

    /// `imports.started_at` is ISO 8601 in UTC, as `ISO8601DateFormatter` writes it (the import
    /// formats it by hand, which is quicker than making a formatter).
    @Test func anImportsStartIsWrittenAsISO8601InUTC() {
        let formatter = ISO8601DateFormatter()
        for seconds in [0.0, 951_782_400, 1_767_225_599.9, 1_772_357_400, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Importer.timestamp(date) == formatter.string(from: date))
        }
    }
}
