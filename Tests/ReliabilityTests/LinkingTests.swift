import Foundation
import Testing
import PlanModel
@testable import Importers

/// Issue 13, bug 8: different tasks merged on word overlap ("Copy backups from staging to prod"
/// open and "... from prod to staging" done became one done task). Negations, swapped
/// directions and other numbers keep tasks apart, and `import -v` says why two mentions joined.
@Suite struct LinkingTests {
    @Test func oppositeTitlesWithTheSameWordsStayTwoTasks() {
        let one = linkerInputs(1, .tracker, [
            TaskItem(line: 1, title: "Copy backups from staging to prod", status: .open, week: 3, checkbox: true),
            TaskItem(line: 2, title: "Deploy on Friday", status: .open, week: 3, checkbox: true),
            TaskItem(line: 3, title: "Write tests and docs", status: .open, week: 3, checkbox: true),
        ])
        let two = linkerInputs(2, .summary, [
            TaskItem(line: 5, title: "Copy backups from prod to staging", status: .done, week: 3, checkbox: true),
            TaskItem(line: 6, title: "Do not deploy on Friday", status: .done, week: 3, checkbox: true),
            TaskItem(line: 7, title: "Write docs and tests", status: .done, week: 3, checkbox: true),
        ])
        let result = TaskLinker.link(one + two)
        #expect(result.tasks.map(\.item.title).sorted() == ["Copy backups from prod to staging", "Copy backups from staging to prod",
                                                            "Deploy on Friday", "Do not deploy on Friday", "Write tests and docs"])
        #expect(result.tasks.first { $0.item.title == "Copy backups from staging to prod" }?.item.status == .open, "the open one is not lost")
    }

    @Test func titlesNamingOtherNumbersStayTwoTasksAndANumberOnOneSideStillLinks() {
        let tracker = linkerInputs(1, .tracker, [
            TaskItem(line: 1, title: "Migrate shard 2 to the new cluster", status: .open, week: 3, checkbox: true),
            TaskItem(line: 2, title: "Write the failover runbook", status: .open, week: 3, checkbox: true),
        ])
        let summary = linkerInputs(2, .summary, [
            TaskItem(line: 5, title: "Migrate shard 3 to the new cluster", status: .done, week: 3, checkbox: true),
            TaskItem(line: 6, title: "Write the failover runbook for 2 regions", status: .done, week: 3, checkbox: true),
        ])
        let result = TaskLinker.link(tracker + summary)
        #expect(result.tasks.map(\.item.title).sorted() == ["Migrate shard 2 to the new cluster", "Migrate shard 3 to the new cluster",
                                                            "Write the failover runbook"])
        #expect(result.tasks.first { $0.item.title.contains("shard 2") }?.item.status == .open, "shard 2 is not done because shard 3 is")
    }

    @Test func swappingTheSidesOfARelationIsAnotherTaskButWordOrderAloneIsNot() {
        let plan = linkerInputs(1, .plan, [
            TaskItem(line: 1, title: "Replace Redis with Kafka", status: .open, week: 2, checkbox: true),
            TaskItem(line: 2, title: "Ship the API before the dashboard", status: .open, week: 2, checkbox: true),
            TaskItem(line: 3, title: "Database backup", status: .open, week: 2, checkbox: true),
        ])
        let summary = linkerInputs(2, .summary, [
            TaskItem(line: 4, title: "Replace Kafka with Redis", status: .done, week: 2, checkbox: true),
            TaskItem(line: 5, title: "Ship the dashboard before the API", status: .done, week: 2, checkbox: true),
            TaskItem(line: 6, title: "Backup database", status: .done, week: 2, checkbox: true),
        ])
        let result = TaskLinker.link(plan + summary)
        #expect(result.tasks.count == 5)
        #expect(result.tasks.first { $0.item.title == "Replace Redis with Kafka" }?.item.status == .open)
        #expect(result.tasks.first { $0.item.title.lowercased().hasPrefix("database backup") || $0.item.title == "Backup database" }?.item.status == .done,
                "the same words in another order, with no relation between them, are one task")
    }

    @Test func verboseImportSaysWhyMentionsWereLinked() throws {
        let planq = try Planq()
        let verbose = try planq.run(["import", "samples/", "-v"])
        #expect(verbose.stderr.contains("samples/lumora/plan.md:15: note: \"Replay sample traffic\" is the task \"Load sample traffic\" of samples/lumora/tracker.md:17: row 4 of a week 1 table lined up row by row"))
        #expect(verbose.stderr.contains("% alike"), "\(verbose.stderr)")
        let quiet = try Planq().run(["import", "samples/"])
        #expect(!quiet.stderr.contains("is the task"))
    }
}
