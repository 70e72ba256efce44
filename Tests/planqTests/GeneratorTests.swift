import Foundation
import Testing

/// `planq new adr|runbook` and `planq adrs`, run as a user would in a scratch copy of samples/.
@Suite struct GeneratorTests {
    /// A scratch folder holding `docs/` (a copy of samples/) imported into its knowledge base.
    static func imported() throws -> (Planq, URL) {
        let planq = try Planq()
        _ = try planq.copySamples()
        let result = try planq.run(["import", "docs", "-q"], in: planq.directory)
        #expect(result.status == 0)
        return (planq, planq.directory)
    }

    static func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func anADRIsFilledInFromTheKnowledgeBase() throws {
        let (planq, folder) = try Self.imported()
        let result = try planq.run(["new", "adr", "Buffer ClickHouse writes in Kafka", "--today", "2026-03-18"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "docs/adr/0001-buffer-clickhouse-writes-in-kafka.md\n")
        try Planq.expectGolden(try Self.read(folder, "docs/adr/0001-buffer-clickhouse-writes-in-kafka.md"), "new-adr.md")
    }

    @Test func aDecisionNoteBecomesAnADR() throws {
        let (planq, folder) = try Self.imported()
        let notes = try planq.run(["notes", "--kind", "decision", "--format", "csv"], in: folder).stdout
        let id = try #require(notes.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        let result = try planq.run(["new", "adr", "--from-note", id, "--today", "2026-03-18", "--status", "accepted"], in: folder)
        #expect(result.status == 0)
        let path = result.stdout.trimmingCharacters(in: .newlines)
        #expect(path == "docs/adr/0001-buffer-events-in-kafka-for-a-day-so-a-clickhouse-outage.md")
        let record = try Self.read(folder, path)
        #expect(record.hasPrefix("---\nstatus: accepted\ndate: 2026-03-18\ndecision-makers: "))
        #expect(record.contains("\n---\n\n# Buffer events in Kafka for a day"))
        #expect(record.contains("The plans record this decision: “Buffer events in Kafka for a day so a ClickHouse outage loses none” ([docs/lumora/week-1-summary.md:42](../lumora/week-1-summary.md#L42))."))
        #expect(try planq.run(["new", "adr", "--from-note", "999"], in: folder).stderr.contains("no note 999"))
        let lessons = try planq.run(["notes", "--kind", "lesson", "--format", "csv"], in: folder).stdout
        if let lesson = lessons.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init) {
            let refused = try planq.run(["new", "adr", "--from-note", lesson], in: folder)
            #expect(refused.status == 1 && refused.stderr.contains("not a decision"), "\(refused.stderr)")
        }
    }

    @Test func aRunbookHasTheMatchingCommandsInOrderAndTheRollbackTriggers() throws {
        let (planq, folder) = try Self.imported()
        let result = try planq.run(["new", "runbook", "Rollback rehearsal", "--today", "2026-03-18"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "docs/runbooks/rollback-rehearsal.md\n")
        let runbook = try Self.read(folder, "docs/runbooks/rollback-rehearsal.md")
        try Planq.expectGolden(runbook, "new-runbook.md")
        // The schema freeze's commands are not about rollback; the rehearsal's two blocks are, in order.
        #expect(!runbook.contains("git tag"))
        let switchBack = try #require(runbook.range(of: "--to legacy"))
        let resume = try #require(runbook.range(of: "--to lumora"))
        #expect(switchBack.lowerBound < resume.lowerBound)
        #expect(runbook.contains("- Ingest error rate > 0.5%"))
        let custom = try planq.run(["new", "runbook", "Rollback rehearsal", "-o", "ops/rehearsal.md"], in: folder)
        #expect(custom.stdout == "ops/rehearsal.md\n")
        #expect(try Self.read(folder, "ops/rehearsal.md").contains("./scripts/collector-switch.sh --env staging --to legacy"))
    }

    @Test func supersedingLinksBothWaysAndEditsOnlyTheStatusLine() throws {
        let (planq, folder) = try Self.imported()
        try planq.run(["new", "adr", "Store events in ClickHouse", "--today", "2026-03-02"], in: folder)
        let first = "docs/adr/0001-store-events-in-clickhouse.md"
        let before = try Self.read(folder, first)
        let second = try planq.run(["new", "adr", "Store events in Druid", "--supersedes", "1", "--today", "2026-03-18"], in: folder)
        #expect(second.status == 0)
        #expect(second.stdout == "docs/adr/0002-store-events-in-druid.md\n")
        #expect(try Self.read(folder, "docs/adr/0002-store-events-in-druid.md")
            .contains("Supersedes [ADR-0001: Store events in ClickHouse](0001-store-events-in-clickhouse.md)."))
        let after = try Self.read(folder, first)
        #expect(after == before.replacingOccurrences(of: "status: proposed", with: "status: \"superseded by [ADR-0002](0002-store-events-in-druid.md)\""))
        let listing = try planq.run(["adrs", "--format", "csv"], in: folder)
        #expect(listing.stdout == """
            number,title,status,date,superseded_by,path
            1,Store events in ClickHouse,superseded by ADR-0002,2026-03-02,2,docs/adr/0001-store-events-in-clickhouse.md
            2,Store events in Druid,proposed,2026-03-18,,docs/adr/0002-store-events-in-druid.md

            """)
        #expect(try planq.run(["new", "adr", "Store events in Pinot", "--supersedes", "7"], in: folder).stderr.contains("no record 0007 in docs/adr"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/adr/0003-store-events-in-pinot.md").path))
    }

    @Test func generatorsNeverOverwriteAndNeverWriteOutsideTheirFolder() throws {
        let (planq, folder) = try Self.imported()
        let adr = folder.appendingPathComponent("docs/adr/0001-ship-it.md")
        try planq.run(["new", "adr", "Ship it"], in: folder)
        let original = try String(contentsOf: adr, encoding: .utf8)
        let again = try planq.run(["new", "adr", "Ship it"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("docs/adr/0001-ship-it.md already records \"Ship it\""))
        #expect(try String(contentsOf: adr, encoding: .utf8) == original)
        // A title is never a path: it is spelled into one file name inside the ADR folder.
        for (title, file) in [("../../../escape", "0002-escape.md"), ("/etc/passwd", "0003-etc-passwd.md"),
                              (String(repeating: "very long title ", count: 400), "0004-very-long-title-very-long-title-very-long-title-very-long.md")] {
            let result = try planq.run(["new", "adr", title], in: folder)
            #expect(result.status == 0)
            #expect(result.stdout == "docs/adr/\(file)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: planq.directory.deletingLastPathComponent().appendingPathComponent("escape.md").path))
        let symbols = try planq.run(["new", "adr", "/../ ✨"], in: folder)
        #expect(symbols.status == 2)
        #expect(symbols.stderr.contains("the title needs a letter or digit"))
        // A runbook's file: never replaced, whether named by its title or by -o.
        let runbook = folder.appendingPathComponent("docs/runbooks/ship-it.md")
        try FileManager.default.createDirectory(at: runbook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "my runbook".write(to: runbook, atomically: false, encoding: .utf8)
        let clash = try planq.run(["new", "runbook", "Ship it"], in: folder)
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("docs/runbooks/ship-it.md already exists; planq never overwrites a file"))
        #expect(try planq.run(["new", "runbook", "Other", "-o", "docs/runbooks/ship-it.md"], in: folder).status == 1)
        #expect(try String(contentsOf: runbook, encoding: .utf8) == "my runbook")
    }

    @Test func twoGeneratorsAtOnceNeverTakeTheSameNumber() throws {
        let (planq, folder) = try Self.imported()
        let processes: [Process] = try (1...6).map { index in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Planq.binary)
            process.arguments = ["--db", planq.database, "new", "adr", "Decision \(index)", "-q"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docs/adr").path)
        #expect(Set(names.map { $0.prefix(4) }) == ["0001", "0002", "0003", "0004", "0005", "0006"])
        #expect(names.count == 6)
    }

    @Test func theADRFolderIsFoundTheWayADRToolsFindIt() throws {
        let (planq, folder) = try Self.imported()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("doc/adr"), withIntermediateDirectories: true)
        #expect(try planq.run(["new", "adr", "First"], in: folder).stdout == "doc/adr/0001-first.md\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs/decisions"), withIntermediateDirectories: true)
        #expect(try planq.run(["new", "adr", "Second"], in: folder).stdout == "docs/decisions/0001-second.md\n")
        try "architecture/records\n".write(to: folder.appendingPathComponent(".adr-dir"), atomically: false, encoding: .utf8)
        #expect(try planq.run(["new", "adr", "Third"], in: folder).stdout == "architecture/records/0001-third.md\n")
        #expect(try planq.run(["new", "adr", "Fourth", "--dir", "elsewhere"], in: folder).stdout == "elsewhere/0001-fourth.md\n")
        // An .adr-dir that leads out of the repository is not followed without --dir.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("planq-outside-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "\(outside)\n".write(to: folder.appendingPathComponent(".adr-dir"), atomically: false, encoding: .utf8)
        let refused = try planq.run(["new", "adr", "Escape"], in: folder)
        #expect(refused.status == 1 && refused.stderr.contains("is outside the repository"))
        #expect(!FileManager.default.fileExists(atPath: outside))
        try "architecture/records\n".write(to: folder.appendingPathComponent(".adr-dir"), atomically: false, encoding: .utf8)
        // adr-tools records: `## Status` sections and numbered titles.
        try "# 2. Use Kafka\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n".write(
            to: folder.appendingPathComponent("architecture/records/0002-use-kafka.md"), atomically: false, encoding: .utf8)
        try planq.run(["new", "adr", "Use Redpanda", "--supersedes", "2"], in: folder)
        #expect(try Self.read(folder, "architecture/records/0002-use-kafka.md")
            == "# 2. Use Kafka\n\nDate: 2026-01-05\n\n## Status\n\nSuperseded by [ADR-0003](0003-use-redpanda.md)\n\n## Context\n")
        let listing = try planq.run(["adrs"], in: folder).stdout
        #expect(listing.contains("| 2      | Use Kafka    | Superseded by ADR-0003 | 2026-01-05 | 3             |"), "status words, not the link: \(listing)")
        // A folder adr-tools keeps gets records in its shape, and planq reads them back.
        let redpanda = try Self.read(folder, "architecture/records/0003-use-redpanda.md")
        #expect(redpanda.hasPrefix("# 3. Use Redpanda\n\nDate: "), "\(redpanda)")
        #expect(redpanda.contains("\n## Status\n\nProposed\n\nSupersedes [ADR-0002: Use Kafka](0002-use-kafka.md).\n"))
        #expect(!redpanda.hasPrefix("---"))
        #expect(listing.contains("| 3      | Use Redpanda | Proposed"), "\(listing)")
    }

    @Test func templatesAreOverriddenBesideTheDocumentsAndUnknownPlaceholdersAreErrors() throws {
        let (planq, folder) = try Self.imported()
        let templates = folder.appendingPathComponent(".planq/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{! ours }}\n# {{title}} ({{number}})\n\n{{#drivers}}\nnone known\n{{/drivers}}\n".write(
            to: templates.appendingPathComponent("adr.md"), atomically: false, encoding: .utf8)
        #expect(try planq.run(["new", "adr", "Nothing matches this"], in: folder).status == 0)
        #expect(try Self.read(folder, "docs/adr/0001-nothing-matches-this.md") == "# Nothing matches this (0001)\n\nnone known\n")
        try "# {{title}}\n\n{{owner}}\n".write(to: templates.appendingPathComponent("runbook.md"), atomically: false, encoding: .utf8)
        let broken = try planq.run(["new", "runbook", "Deploy"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(".planq/templates/runbook.md:3: unknown placeholder `{{owner}}`"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/runbooks/deploy.md").path))
    }

    @Test func withoutAKnowledgeBaseTheSkeletonKeepsItsPrompts() throws {
        let planq = try Planq()
        let result = try planq.run(["new", "runbook", "Deploy", "--today", "2026-03-18"], in: planq.directory)
        #expect(result.status == 0)
        #expect(result.stderr.contains("no knowledge base"))
        let runbook = try Self.read(planq.directory, "docs/runbooks/deploy.md")
        #expect(try runbook == BuiltinTemplatesText.runbookPrompts(title: "Deploy", date: "2026-03-18"))
    }

    @Test func generatedRecordsAndRunbooksAreNotImportedAsPlans() throws {
        let (planq, folder) = try Self.imported()
        let before = try planq.run(["tasks", "--format", "csv"], in: folder).stdout
        try planq.run(["new", "adr", "Buffer ClickHouse writes in Kafka"], in: folder)
        try planq.run(["new", "runbook", "Rollback rehearsal"], in: folder)
        try planq.run(["import", "docs", "-q"], in: folder)
        #expect(try planq.run(["tasks", "--format", "csv"], in: folder).stdout == before)
        #expect(try planq.run(["projects", "--format", "csv"], in: folder).stdout.split(separator: "\n").count == 2)
    }
}

/// The built-in runbook with every section left to its prompt, read from templates/runbook.md.
enum BuiltinTemplatesText {
    static func runbookPrompts(title: String, date: String) throws -> String {
        var text = try String(contentsOf: Planq.root.appendingPathComponent("templates/runbook.md"), encoding: .utf8)
        text = String(text[text.range(of: "}}\n")!.upperBound...])
        text = text.replacingOccurrences(of: "{{title}}", with: title).replacingOccurrences(of: "{{date}}", with: date)
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("{{") }.joined(separator: "\n")
    }
}

/// The generators' acceptance on the real seeds, in a scratch folder (skipped without ../shared).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SeedReportTests.seeds)))
struct SeedGeneratorTests {
    static func scratch() throws -> (Planq, URL) {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("docs")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SeedReportTests.seeds), to: docs)
        #expect(try planq.run(["import", "docs", "-q"], in: planq.directory).status == 0)
        return (planq, planq.directory)
    }

    @Test func stepFunctionsADRNamesThePOCTasksAndTheRiskWithItsContingency() throws {
        let (planq, folder) = try Self.scratch()
        let command = ["new", "adr", "Use Step Functions for orchestration", "--project", "pavi", "--today", "2025-02-01"]
        let first = try planq.run(command, in: folder)
        #expect(first.stdout == "docs/adr/0001-use-step-functions-for-orchestration.md\n")
        let record = try GeneratorTests.read(folder, "docs/adr/0001-use-step-functions-for-orchestration.md")
        #expect(record.hasPrefix("---\nstatus: proposed\ndate: 2025-02-01\ndecision-makers: "))
        let makers = record.split(separator: "\n").first { $0.hasPrefix("decision-makers:") } ?? ""
        #expect(!makers.contains("Claude") && !makers.contains("You"), "the AI pair does not decide: \(makers)")
        let tracker = "docs/000_558e447728cca956.txt"
        #expect(record.contains("- Step Functions POC — open, week 1, Claude, You ([\(tracker):18](../000_558e447728cca956.txt#L18))"))
        #expect(record.contains("- Map Nextflow → Step Functions — open, week 1"))
        #expect(record.contains("- Risk: Step Functions POC fails Week 1 — mitigation: Spike isolated, quick fail — contingency: Fallback to Nextflow optimization (simpler) ([docs/001_ba77c7a95965cd9f.txt:185](../001_ba77c7a95965cd9f.txt#L185))"))
        // Running it again writes nothing over 0001; the next record is 0002 and links both ways.
        let before = try GeneratorTests.read(folder, "docs/adr/0001-use-step-functions-for-orchestration.md")
        #expect(try planq.run(command, in: folder).status == 1)
        let second = try planq.run(["new", "adr", "Keep Nextflow for the pipeline", "--project", "pavi", "--supersedes", "1"], in: folder)
        #expect(second.stdout == "docs/adr/0002-keep-nextflow-for-the-pipeline.md\n")
        #expect(try GeneratorTests.read(folder, "docs/adr/0002-keep-nextflow-for-the-pipeline.md")
            .contains("Supersedes [ADR-0001: Use Step Functions for orchestration](0001-use-step-functions-for-orchestration.md)."))
        #expect(try GeneratorTests.read(folder, "docs/adr/0001-use-step-functions-for-orchestration.md")
            == before.replacingOccurrences(of: "status: proposed", with: "status: \"superseded by [ADR-0002](0002-keep-nextflow-for-the-pipeline.md)\""))
    }

    @Test func runbooksCarryClarityCommandsInOrderAndPAVIRollbackTriggers() throws {
        let (planq, folder) = try Self.scratch()
        #expect(try planq.run(["new", "runbook", "Staging deployment", "--project", "clarity"], in: folder).status == 0)
        let staging = try GeneratorTests.read(folder, "docs/runbooks/staging-deployment.md")
        let procedureStart = try #require(staging.range(of: "## Procedure"))
        let procedure = String(staging[procedureStart.upperBound...])
        let script = try #require(procedure.range(of: "./test_local_deployment.sh"))
        let create = try #require(procedure.range(of: "aws ecs create-service \\\n  --cluster clarity-staging"))
        #expect(script.lowerBound < create.lowerBound)
        #expect(!procedure.contains("test_critical_paths.py")) // a Python block is not a command
        #expect(try planq.run(["new", "runbook", "Production cutover", "--project", "pavi"], in: folder).status == 0)
        let cutover = try GeneratorTests.read(folder, "docs/runbooks/production-cutover.md")
        let rollbackStart = try #require(cutover.range(of: "## Rollback"))
        let rollback = String(cutover[rollbackStart.upperBound...])
        #expect(rollback.contains("**Rollback if** (rollback gate, week 9"))
        // Triggers without the tracker's answer after the question.
        for trigger in ["- Error rate > 1%\n", "- p95 > 1s\n", "- Data issues\n"] { #expect(rollback.contains(trigger), "\(trigger): \(rollback)") }
        #expect(!rollback.contains("? NO"))
    }
}
