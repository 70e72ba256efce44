import Foundation
import Testing

@Suite struct CommandLineTests {
    static let commands = ["import", "status", "tasks", "gates", "risks", "metrics", "notes", "report", "check", "search", "owners", "projects", "query", "schema"]

    @Test(arguments: commands)
    func everyCommandHasHelpAndTheReadmeNamesIt(command: String) throws {
        let result = try Planq().run([command, "--help"], withDatabase: false)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("usage: planq \(command)"))
        #expect(result.stdout.contains("Global options:"))
        let readme = try String(contentsOf: Planq.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("planq \(command)"), "README.md does not show `planq \(command)`")
    }

    @Test func topLevelHelpListsEveryCommand() throws {
        let result = try Planq().run(["--help"], withDatabase: false)
        #expect(result.status == 0)
        for command in Self.commands { #expect(result.stdout.contains("  \(command) ")) }
        #expect(try Planq().run(["--version"], withDatabase: false).stdout.hasPrefix("planq "))
    }

    @Test(arguments: [
        (["frobnicate"], "planq: error: unknown command 'frobnicate'"),
        (["tasks", "--wek", "3"], "planq tasks: error: unknown option --wek"),
        (["tasks", "--week", "three"], "planq tasks: error: --week needs a number, got 'three'"),
        (["tasks", "--status", "later"], "planq tasks: error: unknown status 'later'"),
        (["status", "--today", "2026-13-01"], "planq status: error: --today needs a date as YYYY-MM-DD, got '2026-13-01'"),
        (["tasks", "--format", "xml"], "planq tasks: error: unknown format 'xml' (md, json, csv; html for reports)"),
        (["query"], "planq query: error: query takes exactly one SQL statement (quote it)"),
        (["gates", "--kind", "milestone"], "planq gates: error: unknown gate kind 'milestone'"),
        (["gates", "--verdict", "late"], "planq gates: error: unknown verdict 'late'"),
        (["risks", "--severity", "dire"], "planq risks: error: unknown severity 'dire'"),
        (["metrics", "--status", "great"], "planq metrics: error: unknown metric status 'great'"),
        (["notes", "--kind", "gossip"], "planq notes: error: unknown note kind 'gossip'"),
        (["tasks", "--html"], "planq tasks: error: html is a report format"),
        (["search"], "planq search: error: search needs the text to look for"),
        (["search", "x", "--kind", "idea"], "planq search: error: unknown kind 'idea'"),
        (["report"], "planq report: error: which report?"),
        (["report", "week"], "planq report: error: report week needs a week number"),
        (["report", "weekly"], "planq report: error: unknown report 'weekly'"),
        (["report", "week", "3", "--start", "soon"], "planq report: error: --start needs a date as YYYY-MM-DD, got 'soon'"),
    ])
    func wrongUsageExitsTwoWithTheUsageLine(arguments: [String], message: String) throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let result = try planq.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message))
        #expect(result.stderr.contains("usage: planq"))
    }

    @Test func queryIsReadOnly() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let select = try planq.run(["query", "SELECT status, count(*) AS n FROM tasks GROUP BY status ORDER BY status", "--format", "csv"])
        #expect(select.status == 0)
        #expect(select.stdout == "status,n\ncancelled,1\ndeferred,2\ndone,7\nin_progress,1\nopen,16\n")
        let delete = try planq.run(["query", "DELETE FROM tasks"])
        #expect(delete.status == 1)
        #expect(delete.stderr == "planq query: error: planq query is read-only: the statement would change the knowledge base\n")
        #expect(try planq.run(["query", "SELECT count(*) FROM tasks", "--format", "csv"]).stdout == "count(*)\n27\n")
    }

    @Test func listingsFilterAndFormat() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let week3 = try planq.run(["tasks", "--project", "lum", "--week", "3", "--owner", "priya"])
        #expect(week3.status == 0)
        #expect(week3.stdout.hasPrefix("| id "))
        #expect(week3.stdout.split(separator: "\n").count == 2 + 3)
        #expect(week3.stdout.contains("| Alert rules for error budget |"))
        let csv = try planq.run(["owners", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("name,tasks,open,done,projects\nPriya,"))
        let none = try planq.run(["tasks", "--project", "zzz"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no project matches 'zzz' (projects: Lumora)"))
        let output = planq.directory.appendingPathComponent("projects.json")
        #expect(try planq.run(["projects", "--format", "json", "-o", output.path]).stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("\"start_date\": \"2026-03-02\""))
    }

    @Test func aClosedPipeIsNotAnError() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -o pipefail; '\(Planq.binary)' --db '\(planq.database)' schema | head -1 >/dev/null"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func searchFindsItemsOfEveryKindAndSurvivesReimports() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        try planq.run(["import", "docs"], in: planq.directory)
        let clickhouse = try planq.run(["search", "ClickHouse", "--format", "csv"], in: planq.directory).stdout
        #expect(clickhouse.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }.sorted()
                == ["note", "risk", "risk", "task"])
        #expect(try planq.run(["search", "\"quoted\" AND OR NEAR("], in: planq.directory).status == 0)
        try FileManager.default.removeItem(at: docs.appendingPathComponent("lumora/plan.md"))
        try planq.run(["import", "docs"], in: planq.directory)
        let after = try planq.run(["search", "ClickHouse", "--format", "csv"], in: planq.directory).stdout
        #expect(after.split(separator: "\n").count == 4) // header, the summary's risk and decision, the task
    }

    @Test func schemaDocumentsEveryTable() throws {
        let result = try Planq().run(["schema"], withDatabase: false)
        for table in ["documents", "projects", "phases", "tasks", "task_mentions", "owners", "task_owners", "imports", "task_history",
                      "gates", "gate_criteria", "gate_tasks", "gate_mentions", "risks", "metrics", "notes"] {
            #expect(result.stdout.contains("## \(table)\n"))
        }
        #expect(result.stdout.contains("| status "))
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNotGiven() throws {
        let planq = try Planq()
        let result = try planq.run(["import", "samples/"], environment: ["PLANQ_DB": planq.database], withDatabase: false)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: planq.database))
    }
}
