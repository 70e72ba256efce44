import Foundation
import Testing
import PlanModel
@testable import Importers

/// The acceptance checks on the five seed documents in `../shared/seeds` (skipped without them).
@Suite(.enabled(if: Shared.available, "needs ../shared/seeds"), .serialized)
struct SeedTests {
    static func importSeeds() throws -> KnowledgeBase {
        let folder = try temporaryDirectory()
        let knowledgeBase = try KnowledgeBase(path: folder.appendingPathComponent("kb.db").path)
        _ = try Importer(knowledgeBase: knowledgeBase, report: { _ in }).run(.init(paths: [Shared.seeds.path]))
        return knowledgeBase
    }

    static func project(_ knowledgeBase: KnowledgeBase, _ key: String) throws -> Project {
        try #require(try knowledgeBase.projects(matching: key).first)
    }

    @Test func paviIsOneProjectWithTheExpectedTasksPerWeek() throws {
        let knowledgeBase = try Self.importSeeds()
        let pavi = try Self.project(knowledgeBase, "pavi")
        #expect(pavi.name == "PAVI")
        #expect(pavi.documents == 3)
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [pavi.id]))
        let scheduled = tasks.filter { $0.status != .deferred }
        var perWeek: [Int: Int] = [:]
        for task in scheduled { perWeek[task.week ?? 0, default: 0] += 1 }
        #expect(perWeek[1] == 5)
        #expect(perWeek[2] == 20)
        #expect(perWeek[3] == 4)
        #expect(perWeek[7] == 4)
        #expect(perWeek[9] == 5)
        #expect(perWeek[12] == 5)
        #expect(tasks.filter { $0.status == .deferred }.count == 5)
        // Tracker and plan rows of one task count once: every plan row is linked to a tracker row.
        let planOnly = tasks.filter { $0.source.path.hasSuffix("001_ba77c7a95965cd9f.txt") }
        #expect(planOnly.isEmpty)
        let linked = tasks.filter { $0.mentions.count == 2 }
        #expect(linked.count == 46)
    }

    @Test func everyWeekThreeTaskHasOwnerYouWithAnAction() throws {
        let knowledgeBase = try Self.importSeeds()
        let pavi = try Self.project(knowledgeBase, "pavi")
        let week3 = try knowledgeBase.tasks(TaskFilter(projectIDs: [pavi.id], week: 3))
        #expect(week3.count == 4)
        for task in week3 {
            let you = task.owners.first { $0.name == "You" }
            #expect(you?.action?.isEmpty == false, "\(task.title) has no action for You")
        }
        #expect(week3.first { $0.title == "Add react-virtual" }?.owners.first { $0.name == "You" }?.action == "Test large datasets")
    }

    @Test func afirgenKiroTasks() throws {
        let knowledgeBase = try Self.importSeeds()
        let afirgen = try Self.project(knowledgeBase, "afirgen")
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [afirgen.id]))
        #expect(tasks.count == 138)
        #expect(tasks.filter { $0.status == .done }.count == 8)
        #expect(tasks.allSatisfy { $0.phase != nil })
        #expect(!tasks.contains { $0.title.lowercased().contains("checkpoint") })
        let first = try #require(tasks.first { $0.number == "1" })
        #expect(first.requirements == ["4.1.1", "4.1.3"])
        let child = try #require(tasks.first { $0.number == "2.1" })
        #expect(child.parentID == tasks.first { $0.number == "2" }?.id)
        let path = Shared.seeds.appendingPathComponent("003_bfb016b546cdcf8c.txt").path
        let findings = DocumentRecognizer.recognize(SourceText(bytes: Array(FileManager.default.contents(atPath: path)!), path: path), path: path).findings
        #expect(findings.gates.filter { $0.kind == .checkpoint }.count == 15)
        #expect(findings.gates.last?.title == "54. Final checkpoint - Production readiness review")
        #expect(findings.gates.first { $0.title.hasPrefix("5.") }?.checkbox == true)
    }

    @Test func clarityActionHeadingsAreTasksWithTheirTimeline() throws {
        let knowledgeBase = try Self.importSeeds()
        let clarity = try Self.project(knowledgeBase, "clarity")
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [clarity.id]))
        #expect(tasks.map(\.title) == ["Local Validation", "AWS Staging Deployment", "Integration Test Suite",
                                       "Incremental Production Release", "Coverage Improvement"])
        #expect(tasks.map(\.timeline) == ["TODAY - 1-2 hours", "TOMORROW - 4-6 hours", "DAY 3-4", "WEEK 2", "WEEK 2-3"])
        #expect(tasks.map(\.week) == [1, 1, 1, 2, 2])
    }

    @Test func theWeekOneSummaryIsRepairedAndItsRisksReadAsText() throws {
        let path = Shared.seeds.appendingPathComponent("002_9884b07577240a05.txt").path
        let text = SourceText(bytes: Array(FileManager.default.contents(atPath: path)!), path: path)
        #expect(text.markdown.contains("### Medium Risk ⚠️"))
        #expect(text.markdown.contains("### High Risk 🚫"))
        #expect(text.markdown.contains("### 1. Feature Branch Creation ✅"))
        #expect(!text.markdown.contains("âœ"))
    }
}
