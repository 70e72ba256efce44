import Foundation
import Testing
@testable import Importers
import PlanModel

/// No one document may take the import's memory or time: a file over the size limit is skipped
/// with an error naming it, a document whose recognizers run out of time is read up to where
/// they stopped, with a warning naming the line, and the other documents are imported either way.
@Suite struct ImportLimitsTests {
    static let tracker = """
        # Orbit Migration Tracker

        ## Week 1: Foundations

        - [x] Provision the staging cluster
        - [ ] Write the rollback runbook

        """

    /// A folder with a small tracker and a large document of many weeks of checkboxes.
    static func folder() throws -> (URL, large: String) {
        let folder = try temporaryDirectory()
        try tracker.write(to: folder.appendingPathComponent("tracker.md"), atomically: false, encoding: .utf8)
        var large = "# Orbit Migration Backlog\n\n"
        for week in 1...40 {
            large += "## Week \(week): Work\n\n"
            for task in 1...50 { large += "- [ ] Migrate service \(week)-\(task) to the new cluster\n" }
            large += "\n"
        }
        try large.write(to: folder.appendingPathComponent("backlog.md"), atomically: false, encoding: .utf8)
        return (folder, large)
    }

    static func run(_ folder: URL, limits: Importer.DocumentLimits) throws -> (ImportSummary, [Diagnostic], KnowledgeBase) {
        let knowledgeBase = try KnowledgeBase(path: folder.appendingPathComponent("kb.db").path)
        var diagnostics: [Diagnostic] = []
        let summary = try Importer(knowledgeBase: knowledgeBase, report: { diagnostics.append($0) })
            .run(.init(paths: [folder.path], limits: limits))
        return (summary, diagnostics, knowledgeBase)
    }

    @Test func aFileOverTheSizeLimitIsSkippedWithAnErrorAndTheOthersAreImported() throws {
        let (folder, large) = try Self.folder()
        let limit = Self.tracker.utf8.count * 4
        #expect(large.utf8.count > limit)
        let (summary, diagnostics, knowledgeBase) = try Self.run(folder, limits: .init(maxBytes: limit, budget: .seconds(30)))
        #expect(summary.filesFailed == 1)
        #expect(summary.filesParsed == 1)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.path.hasSuffix("backlog.md"))
        #expect(error.message.contains("skipped"), "\(error.message)")
        #expect(try knowledgeBase.tasks().map(\.title).sorted() == ["Provision the staging cluster", "Write the rollback runbook"])
    }

    @Test func aDocumentOutOfTimeIsReadUpToWhereItStoppedWithAWarningNamingTheLine() throws {
        let (folder, _) = try Self.folder()
        let (summary, diagnostics, _) = try Self.run(folder, limits: .init(maxBytes: 8 << 20, budget: .zero))
        #expect(summary.filesParsed == 2, "both documents are imported, as far as they were read")
        let warnings = diagnostics.filter { $0.severity == .warning && $0.message.contains("recognition stopped") }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.line != nil }, "the warning names where the reading stopped")
    }

    @Test func theStandardLimitsReadEveryTaskOfALargeButOrdinaryDocument() throws {
        let (folder, _) = try Self.folder()
        let (summary, diagnostics, knowledgeBase) = try Self.run(folder, limits: .standard)
        #expect(summary.filesFailed == 0)
        #expect(!diagnostics.contains { $0.message.contains("recognition stopped") || $0.message.contains("skipped") })
        #expect(try knowledgeBase.tasks().count == 2 + 40 * 50)
    }
}
