import Testing
import PlanModel
@testable import Importers

@Suite struct TaskLinkerTests {
    @Test func trackerAndPlanRowsOfOneWeekLineUpEvenWhenReworded() {
        let tracker = linkerInputs(1, .tracker, [
            TaskItem(line: 3, title: "Full Step Workflow", status: .done, week: 2, table: 2, row: 0, checkbox: true),
            TaskItem(line: 4, title: "Wire API to queue", status: .open, week: 2, table: 2, row: 1, checkbox: true),
        ])
        let plan = linkerInputs(2, .plan, [
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
        let one = linkerInputs(1, .tracker, titles.enumerated().map { TaskItem(line: $0 + 1, title: $1, status: .open, checkbox: true) })
        let two = linkerInputs(2, .summary, titles.enumerated().map { TaskItem(line: $0 + 1, title: $1, status: .done, checkbox: true) })
        let week = linkerInputs(3, .plan, [TaskItem(line: 1, title: "Deploy the cache cluster", status: .planned, week: 4)])
            + linkerInputs(4, .tracker, [TaskItem(line: 1, title: "Cache cluster deploy", status: .done, week: 4, checkbox: true)])
        let result = TaskLinker.link(one + two + week)
        #expect(result.tasks.count == 2001)
        #expect(result.mentions.count == 4002)
        #expect(result.tasks.filter { $0.item.title == "Cache cluster deploy" }.count == 1)
    }

    @Test func similarTitlesInTheSameWeekLinkAndOthersDoNot() {
        let tracker = linkerInputs(1, .tracker, [
            TaskItem(line: 1, title: "Ingest endpoint with auth", status: .open, week: 2, checkbox: true),
            TaskItem(line: 2, title: "Load sample traffic", status: .open, week: 1, checkbox: true),
        ])
        let summary = linkerInputs(2, .summary, [
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
        let tracker = linkerInputs(1, .tracker, [
            TaskItem(line: 1, title: "Bug fixes", status: .open, week: 3, checkbox: true),
            TaskItem(line: 2, title: "Bug fixes", status: .open, week: 4, checkbox: true),
            TaskItem(line: 3, title: "Bug fixes", status: .open, week: 4, checkbox: true),
        ])
        let result = TaskLinker.link(tracker)
        #expect(result.tasks.map(\.key) == ["bug fixes @w3", "bug fixes @w4", "bug fixes @w4 #2"])
    }

    @Test func kiroSpecsAreNeverLinked() {
        let a = linkerInputs(1, .kiroTasks, [TaskItem(line: 1, title: "Write unit tests", status: .open, checkbox: true)])
        let b = linkerInputs(2, .kiroTasks, [TaskItem(line: 1, title: "Write unit tests", status: .done, checkbox: true)])
        #expect(TaskLinker.link(a + b).tasks.count == 2)
    }

    @Test func aTitlesKeyIsItsWordsLowercasedAndJoinedByOneSpace() {
        // The one-pass ASCII key and the general split must agree, or a re-import would link
        // (and key) tasks other than a full import did.
        let titles = ["Deploy API v2 -> prod (phase_2)!", "  trailing  spaces  ", "UPPER_case__and--dashes", "", "...",
                      "Tâche: vérifier l'API", "Größe prüfen / ÄNDERN", "naïve café 3x", "日本語 タスク 2", "emoji 🚀 launch"]
        for title in titles {
            #expect(TitleTokens.key(of: title) == TitleTokens.words(of: title).joined(separator: " "), "\(title)")
        }
        #expect(TitleTokens.key(of: "Deploy API v2 -> prod (phase_2)!") == "deploy api v2 prod phase_2")
        var vocabulary = TitleVocabulary()
        let tokens = TitleTokens("Migrate the Shards 2 from staging to prod", vocabulary: &vocabulary)
        // `the`, `from` and `to` are stopwords; `shards` is compared as `shard`.
        #expect(tokens.words.count == 5)
        #expect(tokens.numbers.count == 1)
        #expect(tokens.similarity(to: TitleTokens("migrate shard 2 from staging to prod", vocabulary: &vocabulary)) == 1)
        #expect(tokens.similarity(to: TitleTokens("Migrate shards 2 from prod to staging", vocabulary: &vocabulary)) == 0)
    }

    @Test func theVocabularyKnowsAWordAgainHoweverItIsSpelledInUnicode() {
        var vocabulary = TitleVocabulary()
        // Past the first table size, so that words are placed again as it grows.
        let words = (0..<1000).map { "word\($0)" }
        let ids = words.map { vocabulary.id(of: $0) }
        #expect(Set(ids).count == words.count)
        #expect(words.map { vocabulary.id(of: $0) } == ids)
        #expect(vocabulary.id(of: "caf\u{E9}") == vocabulary.id(of: "cafe\u{301}"))
        #expect(vocabulary.id(of: "cafe") != vocabulary.id(of: "caf\u{E9}"))
        let shards = vocabulary.id(of: "shards"), shard = vocabulary.id(of: "shard")
        #expect(vocabulary[shards].stem == shard && vocabulary[shard].stem == shard)
        let known = ["class", "2026", "v2", "the", "nicht"].map { vocabulary.id(of: $0) }
        let facts = known.map { vocabulary[$0] }
        #expect(facts[0].stem == known[0])
        #expect(facts[1].isNumber && !facts[2].isNumber)
        #expect(facts[3].isStopword && facts[4].isNegation)
    }
}
