import Foundation
import Testing
import PlanModel
@testable import Importers

/// Issue 13, bugs 2 and 3: `report week N` had no bound (heap corruption, 64 GB, minutes), and
/// linking was quadratic in a project's size (minutes for 10,000s of tasks). Week numbers are
/// checked against the plan; the pathological projects link in seconds. (Per-document time and
/// size limits: ImportLimitsTests.)
@Suite struct BoundedWorkTests {
    @Test func weeksOutsideThePlanAreUsageErrors() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        for week in ["0", "99", "2147483648", "9223372036854775807"] {
            let result = try planq.run(["report", "week", week])
            #expect(result.status == 2)
            #expect(result.stderr.contains("week \(week) is outside Lumora's plan (weeks 1-4)"))
        }
    }

    @Test func oneDocumentOfFiftyThousandItemsAndFourOfTenThousandOverTenWordsLinkInLinearTime() {
        // The shapes that took minutes: every word common, so only a title's own number tells
        // it apart. One document's items never link to each other; four documents repeating the
        // same numbered items link item by item.
        let words = ["api", "cache", "queue", "schema", "deploy", "review", "test", "docs", "cluster", "kafka"]
        func title(_ n: Int) -> String { (0..<3).map { words[(n / [1, 7, 49][$0]) % 10] }.joined(separator: " ") + " item \(n)" }
        let single = linkerInputs(1, .tracker, (0..<50_000).map { TaskItem(line: $0 + 1, title: title($0), status: .open, checkbox: true) })
        let alone = TaskLinker.link(single)
        #expect(alone.tasks.count == 50_000)
        let four = (1...4).flatMap { document in
            linkerInputs(Int64(document), .tracker, (0..<10_000).map { TaskItem(line: $0 + 1, title: title($0), status: document == 4 ? .done : .open, checkbox: true) })
        }
        let linked = TaskLinker.link(four)
        #expect(linked.tasks.count == 10_000)
        #expect(linked.mentions.count == 40_000)
        #expect(Set(linked.mentions.map(\.taskIndex)).count == 10_000, "each item's four mentions are one task")
    }
}
