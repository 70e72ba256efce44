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
}
