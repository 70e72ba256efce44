import Foundation
import Reports
import Testing

@Suite struct ImportTests {
    @Test func aProjectsOwnersAreCountedMostFirstThenByNameWhateverTheirCase() throws {
        let planq = try Planq()
        try planq.write("docs/x/tracker.md", """
            # Owners Test - Task Tracker

            ## Week 1: Start
            - [ ] Write the plan @Dana
            - [ ] Review the plan @Dana
            - [ ] Book the room @bob
            - [ ] Send the invite @Alice
            - [ ] Order lunch @Carol
            - [ ] Print badges @Édith
            """)
        #expect(try planq.run(["import", "docs", "-q"]).status == 0)
        let status = try planq.run(["status", "--format", "json"]).stdout
        let projects = try #require(try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [[String: Any]])
        let owners = try #require(projects.first?["owners"] as? [[String: Any]])
        #expect(owners.map { "\($0["name"] ?? "")=\($0["tasks"] ?? "")" } == ["Dana=2", "Alice=1", "bob=1", "Carol=1", "Édith=1"])
    }

    @Test func samplesImportToTheGoldenTaskListing() throws {
        let planq = try Planq()
        let imported = try planq.run(["import", "samples/", "--today", "2026-03-18"])
        #expect(imported.status == 0)
        #expect(imported.stderr.hasPrefix("imported 5 files (5 parsed, 0 unchanged, 0 removed): 27 tasks (+27 ~0 -0) in "))
        let tasks = try planq.run(["tasks", "--format", "json"])
        #expect(tasks.status == 0)
        try Planq.expectGolden(tasks.stdout, "samples-tasks.json")
        let status = try planq.run(["status", "--today", "2026-03-18", "--format", "json"])
        try Planq.expectGolden(status.stdout, "samples-status.json")
        let gates = try planq.run(["gates", "--today", "2026-03-18", "--format", "json"])
        try Planq.expectGolden(gates.stdout, "samples-gates.json")
        for listing in ["risks", "metrics", "notes"] {
            let result = try planq.run([listing, "--format", "json"])
            #expect(result.status == 0)
            try Planq.expectGolden(result.stdout, "samples-\(listing).json")
        }
        // Every report in every format.
        let reports: [(arguments: [String], name: String)] = [(["week", "3"], "week-3"), (["burndown"], "burndown"), (["gates"], "gates"),
                                                               (["risks"], "risks"), (["metrics"], "metrics"), (["retro"], "retro")]
        let formats = [("md", "md"), ("html", "html"), ("json", "json"), ("csv", "csv")]
        for report in reports {
            for (format, suffix) in formats {
                let arguments = ["report"] + report.arguments + ["--today", "2026-03-18", "--format", format]
                let golden = "report-\(report.name).\(suffix)"
                let result = try planq.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                try Planq.expectGolden(result.stdout, golden)
            }
        }
        let atRisk = try planq.run(["gates", "--today", "2026-03-18", "--verdict", "at-risk"])
        #expect(atRisk.stdout.contains("| Phase 1 Gate | at risk |"))
        #expect(atRisk.stdout.split(separator: "\n").count == 3)
    }

    @Test func theSamplesAreConsistent() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let check = try planq.run(["check"])
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr == "no disagreements\n")
    }

    @Test func checkReportsADisagreementWithItsPathAndLine() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let summary = docs.appendingPathComponent("lumora/week-1-summary.md")
        let text = try String(contentsOf: summary, encoding: .utf8)
        try text.replacingOccurrences(of: "- [x] Authenticated ingest endpoint", with: "- [ ] Authenticated ingest endpoint")
            .write(to: summary, atomically: false, encoding: .utf8)
        try planq.run(["import", "docs"], in: planq.directory)
        let check = try planq.run(["check"], in: planq.directory)
        #expect(check.status == 1)
        #expect(check.stdout == "docs/lumora/tracker.md:25: task \"Ingest endpoint with auth\" is done in one document and not in docs/lumora/week-1-summary.md:17\n")
    }

    @Test func reimportSkipsUnchangedFilesAndFollowsEditsAndRemovals() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        #expect(try planq.run(["import", "docs"], in: planq.directory).status == 0)

        let again = try planq.run(["import", "docs"], in: planq.directory)
        #expect(again.stderr.hasPrefix("imported 5 files (0 parsed, 5 unchanged, 0 removed): 27 tasks (+0 ~0 -0)"))

        // Tick a box in the tracker: one file parsed, one task changed, same id.
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        let before = try planq.run(["tasks", "--status", "open", "--week", "1", "--format", "csv"], in: planq.directory).stdout
        #expect(before.contains("Load sample traffic"))
        let text = try String(contentsOf: tracker, encoding: .utf8)
        try text.replacingOccurrences(of: "- [ ] Load sample traffic", with: "- [x] Load sample traffic")
            .write(to: tracker, atomically: false, encoding: .utf8)
        let edited = try planq.run(["import", "docs"], in: planq.directory)
        #expect(edited.stderr.hasPrefix("imported 5 files (1 parsed, 4 unchanged, 0 removed): 27 tasks (+0 ~1 -0)"))
        let done = try planq.run(["tasks", "--status", "done", "--week", "1", "--format", "csv"], in: planq.directory).stdout
        let id = before.split(separator: "\n").first { $0.contains("Load sample traffic") }?.split(separator: ",").first
        #expect(done.split(separator: "\n").contains { $0.contains("Load sample traffic") && $0.hasPrefix(id! + ",") })

        // Remove the Kiro spec: its seven tasks go, the rest stay.
        try FileManager.default.removeItem(at: docs.appendingPathComponent("lumora/specs"))
        let removed = try planq.run(["import", "docs"], in: planq.directory)
        #expect(removed.stderr.hasPrefix("imported 4 files (0 parsed, 4 unchanged, 1 removed): 20 tasks (+0 ~0 -7)"))

        let history = try planq.run(["query", "SELECT count(*) AS imports FROM imports", "--format", "csv"], in: planq.directory)
        #expect(history.stdout == "imports\n4\n")

        let rebuilt = try planq.run(["import", "docs", "--rebuild"], in: planq.directory)
        #expect(rebuilt.stderr.hasPrefix("imported 4 files (4 parsed, 0 unchanged, 0 removed): 20 tasks (+20 ~0 -0)"))
    }

    @Test func badDocumentsAreReportedWithPathAndLineAndTheImportGoesOn() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("# Good\n\n- [ ] fine\n".utf8).write(to: docs.appendingPathComponent("good.md"))
        try Data(Array("# Broken\n\n- [ ] caf".utf8) + [0xE9] + Array("\n- [ ]\n".utf8)).write(to: docs.appendingPathComponent("broken.md"))
        try Data("ignored".utf8).write(to: docs.appendingPathComponent("image.png"))
        let result = try planq.run(["import", "notes"], in: planq.directory)
        #expect(result.status == 0)
        #expect(result.stderr.contains("notes/broken.md:3: warning: invalid UTF-8; undecodable bytes replaced with U+FFFD"))
        #expect(result.stderr.contains("notes/broken.md:4: warning: checkbox without a title; recorded as an untitled task"))
        #expect(result.stderr.contains("imported 2 files (2 parsed, 0 unchanged, 0 removed): 3 tasks"))
    }

    @Test func nothingToImportIsAFailure() throws {
        let planq = try Planq()
        let result = try planq.run(["import", "no-such-folder"], in: planq.directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-such-folder: error: no such file or directory"))
        #expect(result.stderr.contains("nothing to import"))
    }

    @Test func aDatabaseThatIsNotPlanqsIsNeverOverwritten() throws {
        let planq = try Planq()
        try "my notes".write(toFile: planq.database, atomically: false, encoding: .utf8)
        let result = try planq.run(["import", "samples/"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a planq knowledge base"))
        #expect(try String(contentsOfFile: planq.database, encoding: .utf8) == "my notes")
    }
}

/// The report acceptance checks on the seeds (skipped without ../shared).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Planq.root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path)))
struct SeedReportTests {
    static let seeds = Planq.root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path

    @Test func weekSevenAsOneHTMLFile() throws {
        let planq = try Planq()
        try planq.run(["import", Self.seeds])
        let file = planq.directory.appendingPathComponent("w7.html").path
        let result = try planq.run(["report", "week", "7", "--project", "pavi", "--html", "-o", file, "--today", "2026-01-10"])
        #expect(result.status == 0)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let tasks = HTMLTable.rows(id: "tasks", in: html)
        #expect(tasks.count == 4)
        #expect(tasks.contains { $0.contains("Load test (500 concurrent)") && $0.contains("You: Run, review") })
        #expect(html.contains("Phase 2 Gate"))
        #expect(HTMLTable.rows(id: "criteria_", in: html).count == 4)
        #expect(html.contains("Does staging pass all tests?"))
        #expect(HTMLTable.rows(id: "risks", in: html).contains { $0.contains("Step Functions POC fails Week 1") })
        #expect(HTMLTable.rows(id: "metrics", in: html).contains { $0.contains("API response time (p95)") })
        #expect(!html.contains("<script"))
        let dated = try planq.run(["report", "week", "7", "--project", "pavi", "--start", "2025-10-06", "--today", "2026-01-10"])
        #expect(dated.stdout.contains("| closing | Phase 2 Gate | phase | 7 | at risk |"))
    }

    @Test func weekTwoInMarkdownShowsItsTwentyTasksAndTheWeekOneSummary() throws {
        let planq = try Planq()
        try planq.run(["import", Self.seeds])
        let markdown = try planq.run(["report", "week", "2", "--project", "pavi", "--today", "2026-01-10"]).stdout
        #expect(markdown.contains("## Tasks (0 of 20 done)"))
        #expect(markdown.contains("| Design document completeness | 1 | 100% | 100% | met | ✅ |"))
        #expect(markdown.contains("| 1 | went well | Clear separation of POC infrastructure from production |"))
        #expect(markdown.contains("Blockers: none recorded."))
    }

    @Test func afirgenGatesReportListsFifteenCheckpoints() throws {
        let planq = try Planq()
        try planq.run(["import", Self.seeds])
        let json = try planq.run(["report", "gates", "--project", "afirgen", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let gates = try #require((object["sections"] as? [[String: Any]])?.first?["gates"] as? [[String: Any]])
        #expect(gates.count == 15)
        #expect(gates.allSatisfy { ($0["tasks"] as? Int ?? 0) > 0 && $0["kind"] as? String == "checkpoint" })
        #expect(gates.first?["verdict"] as? String == "passed")
        let check = try planq.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.split(separator: "\n").allSatisfy { $0.contains(".txt:") && $0.contains(": ") })
        let fargate = try planq.run(["search", "fargate", "--format", "json"]).stdout
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(fargate.utf8)) as? [[String: Any]])
        #expect(hits.count >= 4)
        #expect(hits.allSatisfy { $0["project"] as? String == "PAVI" && ($0["snippet"] as? String)?.contains("[Fargate]") == true })
        let rollback = try planq.run(["search", "rollback", "--kind", "gate"]).stdout
        #expect(rollback.contains("| gate | ") && rollback.contains("[Rollback] if"))
        let ambiguous = try planq.run(["report", "gates"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("choose one with --project"))
    }
}

/// Rows of an HTML report's tables, parsed back with libxml2, each row's cells joined.
enum HTMLTable {
    static func rows(id prefix: String, in html: String) -> [String] {
        HTMLDocument.tableRows(idPrefix: prefix, in: html).map { $0.joined(separator: " | ") }
    }
}

@Suite struct HistoryTests {
    private func git(_ arguments: [String], in folder: URL, date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test"; environment["GIT_AUTHOR_EMAIL"] = "test@example.com"
        environment["GIT_COMMITTER_NAME"] = "Test"; environment["GIT_COMMITTER_EMAIL"] = "test@example.com"
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments)")
    }

    private func tick(_ task: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "- [ ] \(task)", with: "- [x] \(task)").replacingOccurrences(of: "- [/] \(task)", with: "- [x] \(task)")
            .write(to: file, atomically: false, encoding: .utf8)
    }

    @Test func historyReplayGivesTheBurndownItsActualPointsAndAForecast() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        try git(["init", "-q"], in: planq.directory)
        try git(["add", "docs"], in: planq.directory)
        try git(["commit", "-q", "-m", "plan"], in: planq.directory, date: "2026-03-06T18:00:00Z")
        try tick("Load sample traffic", in: tracker)
        try tick("Batch writes to ClickHouse", in: tracker)
        try git(["commit", "-q", "-am", "week 2"], in: planq.directory, date: "2026-03-13T18:00:00Z")
        try tick("Backpressure on slow consumers", in: tracker)
        try tick("Latency dashboard", in: tracker)
        try git(["commit", "-q", "-am", "week 3"], in: planq.directory, date: "2026-03-20T18:00:00Z")
        try tick("Alert rules for error budget", in: tracker)
        try git(["commit", "-q", "-am", "week 4"], in: planq.directory, date: "2026-03-27T18:00:00Z")

        let first = try planq.run(["import", "docs", "--history"], in: planq.directory)
        #expect(first.status == 0)
        #expect(first.stderr.contains("replayed 4 commits of history"))
        let again = try planq.run(["import", "docs", "--history"], in: planq.directory)
        #expect(!again.stderr.contains("replayed"))

        func forecast(today: String, _ extra: [String] = []) throws -> (text: [String], fields: [String: Any], scope: [[String: Any]]) {
            let json = try planq.run(["report", "burndown", "--today", today, "--format", "json"] + extra, in: planq.directory).stdout
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let sections = try #require(object["sections"] as? [[String: Any]])
            let scope = try #require(sections.first { $0["id"] as? String == "scope" }?["scope"] as? [[String: Any]])
            let section = try #require(sections.first { $0["id"] as? String == "forecast" })
            return (section["text"] as? [String] ?? [], try #require(section["forecast"] as? [String: Any]), scope)
        }
        let week3 = try forecast(today: "2026-03-20")
        #expect(week3.scope.map { $0["week"] as? Int } == [1, 2, 3])
        #expect(week3.scope.map { $0["done"] as? Int } == [7, 9, 11])
        #expect(week3.text == ["At 2 tasks a week, the 13 remaining tasks end in week 10, 6 weeks behind the plan (week 4)."])
        #expect(week3.fields["p50_week"] is NSNull && week3.fields["weeks_of_history"] as? Int == 2, "two weeks are too few")
        // Four weekly imports: 2, 2 and 1 done a week, 12 left after week 4.
        let week4 = try forecast(today: "2026-03-27")
        #expect(week4.fields["method"] as? String == "monte_carlo" && week4.fields["runs"] as? Int == 10_000)
        #expect(week4.fields["weeks_of_history"] as? Int == 3)
        let p50 = try #require(week4.fields["p50_week"] as? Int), p95 = try #require(week4.fields["p95_week"] as? Int)
        #expect((4 + 6)...(4 + 12) ~= p50 && p50 <= p95 && p95 <= 4 + 12, "12 tasks at 1 to 2 a week: 6 to 12 more weeks")
        #expect(week4.fields["on_time_probability"] as? Double == 0)
        #expect(week4.fields["p50_date"] is String)
        #expect(try forecast(today: "2026-03-27").fields["p85_week"] as? Int == week4.fields["p85_week"] as? Int, "seeded: the same report again")
        let fewer = try forecast(today: "2026-03-27", ["--runs", "50", "--seed", "9"])
        #expect(fewer.fields["runs"] as? Int == 50 && fewer.fields["seed"] as? Int == 9)
        #expect(try planq.run(["report", "burndown", "--runs", "0"], in: planq.directory).status == 2)
    }

    @Test func historyOutsideAGitRepositoryIsAClearFailure() throws {
        let planq = try Planq()
        _ = try planq.copySamples()
        let result = try planq.run(["import", "docs", "--history"], in: planq.directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("--history needs docs inside a git repository"))
    }
}
