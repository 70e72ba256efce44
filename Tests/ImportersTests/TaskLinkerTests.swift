import Testing
import PlanModel
@testable import Importers

@Suite struct TaskLinkerTests {
    private func inputs(_ document: Int64, _ kind: DocumentKind, _ items: [TaskItem]) -> [TaskLinker.Input] {
        items.map { TaskLinker.Input(origin: .stored(id: 0, taskID: nil), documentID: document,
                                     documentPath: "doc\(document).md", documentKind: kind, item: $0) }
    }

    @Test func trackerAndPlanRowsOfOneWeekLineUpEvenWhenReworded() {
        let tracker = inputs(1, .tracker, [
            TaskItem(line: 3, title: "Full Step Workflow", status: .done, week: 2, table: 2, row: 0, checkbox: true),
            TaskItem(line: 4, title: "Wire API to queue", status: .open, week: 2, table: 2, row: 1, checkbox: true),
        ])
        let plan = inputs(2, .plan, [
            TaskItem(line: 8, title: "Step workflow (full)", status: .planned, week: 2, owners: [OwnerAction(name: "You", action: "Test")], table: 7, row: 0),
            TaskItem(line: 9, title: "Submission endpoint", status: .planned, week: 2, table: 7, row: 1),
        ])
        let result = TaskLinker.link(plan + tracker)
        #expect(result.tasks.map(\.item.title) == ["Full Step Workflow", "Wire API to queue"])
        #expect(result.tasks.map(\.item.status) == [.done, .open])
        #expect(result.tasks[0].item.owners == [OwnerAction(name: "You", action: "Test")])
        #expect(result.tasks[0].source == SourceRef(path: "doc1.md", line: 3))
        #expect(result.mentions.map(\.taskIndex) == [0, 1, 0, 1])
    }

    @Test func largeProjectsLinkEveryTwinThroughTheWordIndex() {
        // Two documents repeating 2,000 titles over a small vocabulary (every word is common, so
        // only the rarest words of each title find its twin) plus reworded ones in a week.
        let words = ["api", "cache", "queue", "schema", "deploy", "review", "test", "docs", "cluster", "kafka"]
        let titles = (0..<2000).map { n in (0..<3).map { words[(n / [1, 10, 100][$0]) % 10] }.joined(separator: " ") + " item \(n)" }
        let one = inputs(1, .tracker, titles.enumerated().map { TaskItem(line: $0 + 1, title: $1, status: .open, checkbox: true) })
        let two = inputs(2, .summary, titles.enumerated().map { TaskItem(line: $0 + 1, title: $1, status: .done, checkbox: true) })
        let week = inputs(3, .plan, [TaskItem(line: 1, title: "Deploy the cache cluster", status: .planned, week: 4)])
            + inputs(4, .tracker, [TaskItem(line: 1, title: "Cache cluster deploy", status: .done, week: 4, checkbox: true)])
        let result = TaskLinker.link(one + two + week)
        #expect(result.tasks.count == 2001)
        #expect(result.mentions.count == 4002)
        #expect(result.tasks.filter { $0.item.title == "Cache cluster deploy" }.count == 1)
    }

    @Test func oneDocumentOfFiftyThousandItemsAndFourOfTenThousandOverTenWordsLinkInLinearTime() {
        // The shapes that took minutes: every word common, so only a title's own number tells
        // it apart. One document's items never link to each other; four documents repeating the
        // same numbered items link item by item.
        let words = ["api", "cache", "queue", "schema", "deploy", "review", "test", "docs", "cluster", "kafka"]
        func title(_ n: Int) -> String { (0..<3).map { words[(n / [1, 7, 49][$0]) % 10] }.joined(separator: " ") + " item \(n)" }
        let single = inputs(1, .tracker, (0..<50_000).map { TaskItem(line: $0 + 1, title: title($0), status: .open, checkbox: true) })
        let alone = TaskLinker.link(single)
        #expect(alone.tasks.count == 50_000)
        let four = (1...4).flatMap { document in
            inputs(Int64(document), .tracker, (0..<10_000).map { TaskItem(line: $0 + 1, title: title($0), status: document == 4 ? .done : .open, checkbox: true) })
        }
        let linked = TaskLinker.link(four)
        #expect(linked.tasks.count == 10_000)
        #expect(linked.mentions.count == 40_000)
        #expect(Set(linked.mentions.map(\.taskIndex)).count == 10_000, "each item's four mentions are one task")
    }

    @Test func oppositeTitlesWithTheSameWordsStayTwoTasks() {
        let one = inputs(1, .tracker, [
            TaskItem(line: 1, title: "Copy backups from staging to prod", status: .open, week: 3, checkbox: true),
            TaskItem(line: 2, title: "Deploy on Friday", status: .open, week: 3, checkbox: true),
            TaskItem(line: 3, title: "Write tests and docs", status: .open, week: 3, checkbox: true),
        ])
        let two = inputs(2, .summary, [
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
        let tracker = inputs(1, .tracker, [
            TaskItem(line: 1, title: "Migrate shard 2 to the new cluster", status: .open, week: 3, checkbox: true),
            TaskItem(line: 2, title: "Write the failover runbook", status: .open, week: 3, checkbox: true),
        ])
        let summary = inputs(2, .summary, [
            TaskItem(line: 5, title: "Migrate shard 3 to the new cluster", status: .done, week: 3, checkbox: true),
            TaskItem(line: 6, title: "Write the failover runbook for 2 regions", status: .done, week: 3, checkbox: true),
        ])
        let result = TaskLinker.link(tracker + summary)
        #expect(result.tasks.map(\.item.title).sorted() == ["Migrate shard 2 to the new cluster", "Migrate shard 3 to the new cluster",
                                                            "Write the failover runbook"])
        #expect(result.tasks.first { $0.item.title.contains("shard 2") }?.item.status == .open, "shard 2 is not done because shard 3 is")
    }

    @Test func similarTitlesInTheSameWeekLinkAndOthersDoNot() {
        let tracker = inputs(1, .tracker, [
            TaskItem(line: 1, title: "Ingest endpoint with auth", status: .open, week: 2, checkbox: true),
            TaskItem(line: 2, title: "Load sample traffic", status: .open, week: 1, checkbox: true),
        ])
        let summary = inputs(2, .summary, [
            TaskItem(line: 5, title: "Authenticated ingest endpoint", status: .done, week: 2, checkbox: true),
            TaskItem(line: 6, title: "Dashboard for agents", status: .open, week: 2, checkbox: true),
            TaskItem(line: 7, title: "Load sample traffic", status: .open, week: 2, checkbox: true),
        ])
        let result = TaskLinker.link(tracker + summary)
        // Reworded in the same week: linked. Carried to the next week with its exact title: linked.
        #expect(result.tasks.map(\.item.title) == ["Ingest endpoint with auth", "Load sample traffic", "Dashboard for agents"])
        #expect(result.mentions.map(\.taskIndex) == [0, 1, 0, 2, 1])
    }

    @Test func oneDocumentNeverLinksToItselfAndRepeatedTitlesGetDistinctKeys() {
        let tracker = inputs(1, .tracker, [
            TaskItem(line: 1, title: "Bug fixes", status: .open, week: 3, checkbox: true),
            TaskItem(line: 2, title: "Bug fixes", status: .open, week: 4, checkbox: true),
            TaskItem(line: 3, title: "Bug fixes", status: .open, week: 4, checkbox: true),
        ])
        let result = TaskLinker.link(tracker)
        #expect(result.tasks.map(\.key) == ["bug fixes @w3", "bug fixes @w4", "bug fixes @w4 #2"])
    }

    @Test func kiroSpecsAreNeverLinked() {
        let a = inputs(1, .kiroTasks, [TaskItem(line: 1, title: "Write unit tests", status: .open, checkbox: true)])
        let b = inputs(2, .kiroTasks, [TaskItem(line: 1, title: "Write unit tests", status: .done, checkbox: true)])
        #expect(TaskLinker.link(a + b).tasks.count == 2)
    }
}
