import Foundation
import Testing
import Reports

/// What the command line does around the edges: colours, widths, completions, the man page,
/// suggestions, refused formats, output errors, project roots and start dates.
@Suite struct CommandLineBehaviourTests {
    static let scriptAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// Runs planq on a pseudo-terminal (util-linux `script`), so it sees a terminal as a user's shell would.
    static func onTerminal(_ planq: Planq, _ arguments: [String], environment: String = "") throws -> String {
        let log = planq.directory.appendingPathComponent("typescript.log").path
        let command = "env -u NO_COLOR " + environment + " " + ([Planq.binary, "--db", planq.database] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try planq.run(["-q", "-e", "-c", command, log], withDatabase: false, executable: "/usr/bin/script")
        return result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func aReportThatNeedsAProjectNamesAFewAndCountsTheRest() throws {
        let planq = try Planq()
        for n in 1...11 {
            try planq.write("docs/p\(n)/tracker.md", "# Project\(n) - Task Tracker\n\n## Week 1: Start\n- [ ] Task \(n)\n")
        }
        #expect(try planq.run(["import", "docs", "-q"]).status == 0)
        let report = try planq.run(["report", "gates"])
        #expect(report.status == 1)
        #expect(report.stderr.contains("choose one with --project: project1 (Project1), project10 (Project10)"), "\(report.stderr)")
        #expect(report.stderr.contains(", and 3 more (`planq projects` lists them)"), "\(report.stderr)")
        #expect(!report.stderr.contains("project9"), "the ninth project is among the three counted")
    }

    @Test func colourFollowsColorAndNoColor() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        #expect(try planq.run(["gates", "--color", "always", "--today", "2026-03-18"]).stdout.contains("\u{1B}[31mat risk\u{1B}[0m"))
        #expect(!(try planq.run(["gates", "--color", "never", "--today", "2026-03-18"]).stdout.contains("\u{1B}[")))
        #expect(!(try planq.run(["gates", "--today", "2026-03-18"]).stdout.contains("\u{1B}[")), "auto is off into a pipe")
        #expect(try planq.run(["gates", "--color", "sometimes"]).status == 2)
        guard Self.scriptAvailable else { return }
        let coloured = try Self.onTerminal(planq, ["gates", "--today", "2026-03-18"])
        #expect(coloured.contains("\u{1B}[32mpassed"), "\(coloured)")
        #expect(!(try Self.onTerminal(planq, ["gates", "--today", "2026-03-18"], environment: "NO_COLOR=1").contains("\u{1B}[")))
    }

    @Test(.enabled(if: scriptAvailable)) func tablesFitTheTerminalWidth() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let wide = try Self.onTerminal(planq, ["tasks", "--color", "never"], environment: "COLUMNS=200")
        let narrow = try Self.onTerminal(planq, ["tasks", "--color", "never"], environment: "COLUMNS=80")
        #expect(wide.split(separator: "\n").contains { $0.count > 80 })
        let lines = narrow.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == wide.split(separator: "\n").filter { !$0.isEmpty }.count, "one line per row, no wrapping")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.map(\.count))")
        #expect(narrow.contains("…"))
    }

    @Test func completionsNameEveryCommandAndOption() throws {
        let planq = try Planq()
        let names = try #require(try planq.run(["--help"], withDatabase: false).stdout.components(separatedBy: "Commands:\n").last)
            .split(separator: "\n").prefix { $0.hasPrefix("  ") }.map { String($0.split(separator: " ")[0]) }
        #expect(names.contains("completions") && names.contains("man") && names.contains("project"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try planq.run(["completions", shell], withDatabase: false)
            #expect(script.status == 0)
            for name in names { #expect(script.stdout.contains(name), "\(shell) completion lacks \(name)") }
            let flag = shell == "fish" ? "-l verdict" : "--verdict"
            #expect(script.stdout.contains(flag) && script.stdout.contains("start"))
        }
        let bash = planq.directory.appendingPathComponent("planq.bash")
        try planq.run(["completions", "bash"], withDatabase: false).stdout.write(to: bash, atomically: false, encoding: .utf8)
        let completed = try planq.run(["-c", "source '\(bash.path)'; COMP_WORDS=(planq gates --verd); COMP_CWORD=2; _planq; echo \"${COMPREPLY[@]}\""],
                                      withDatabase: false, executable: "/bin/bash")
        #expect(completed.stdout == "--verdict\n")
        #expect(try planq.run(["completions", "tcsh"], withDatabase: false).status == 2)
    }

    @Test func manPageDocumentsEveryCommand() throws {
        let planq = try Planq()
        let page = try planq.run(["man"], withDatabase: false).stdout
        #expect(page.hasPrefix(".TH PLANQ 1"))
        for command in ["import", "status", "report", "project", "completions", "man"] { #expect(page.contains("\\fB\(command)\\fR")) }
        #expect(page.contains(".SH EXIT STATUS") && page.contains("\\fB\\-\\-color\\fR"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let file = planq.directory.appendingPathComponent("planq.1")
        try page.write(to: file, atomically: false, encoding: .utf8)
        let lint = try planq.run(["-man", "-Tutf8", "-ww", "-z", file.path], withDatabase: false, executable: "/usr/bin/groff")
        let warnings = lint.stderr
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func mistypedCommandsAndOptionsSuggestTheNearest() throws {
        let planq = try Planq()
        let command = try planq.run(["taks"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("unknown command 'taks'; did you mean 'tasks'?"))
        let option = try planq.run(["gates", "--verdcit", "at-risk"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("did you mean --verdict?"))
        #expect(!(try planq.run(["frobnicate"]).stderr.contains("did you mean")))
    }

    @Test func everyCommandHonoursOrRefusesFormat() throws {
        let planq = try Planq()
        let imported = try planq.run(["import", "samples/", "--format", "json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(summary["files"] as? Int == 5 && summary["tasks"] as? Int == 27)
        let check = try planq.run(["check", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [Any])?.isEmpty == true)
        let refused = try planq.run(["new", "adr", "Anything", "--format", "json"])
        #expect(refused.status == 2 && refused.stderr.contains("new prints md, not json"))
        #expect(try planq.run(["tasks", "--html"]).status == 2)
        #expect(try planq.run(["schema", "--reports", "--format", "json"]).status == 2)
    }

    @Test func everyCommandNamesItsFormatsAndRefusesTheOthers() throws {
        let planq = try Planq()
        let help = try planq.run(["--help"], withDatabase: false).stdout
        let names = try #require(help.components(separatedBy: "Commands:\n").last).split(separator: "\n").prefix { $0.hasPrefix("  ") }
            .map { String($0.split(separator: " ")[0]) }
        #expect(names.count >= 19)
        for name in names {
            let own = try planq.run([name, "--help"], withDatabase: false).stdout
            let line = try #require(own.split(separator: "\n").first { $0.hasPrefix("Formats (--format): ") }, "\(name) --help names no formats")
            let formats = line.dropFirst("Formats (--format): ".count).prefix { $0 != ";" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for format in ["md", "json", "csv", "html"] where !formats.contains(format) {
                let refused = try planq.run([name, "--format", format])
                #expect(refused.status == 2 && refused.stderr.contains("prints"), "\(name) --format \(format): \(refused.stderr)")
            }
        }
    }

    @Test func oneFileIsOneDocumentHoweverItIsSpelled() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        #expect(try planq.run(["import", "docs", "-q"], withDatabase: false).status == 0)
        let again = try planq.run(["import", docs.path], withDatabase: false)
        #expect(again.stderr.contains("0 parsed, 5 unchanged, 0 removed): 27 tasks (+0 ~0 -0)"), "\(again.stderr)")
        // From a subfolder, planq finds .planq/ in a parent folder, as git finds .git/.
        let lumora = docs.appendingPathComponent("lumora")
        let nested = try planq.run(["import", ".."], in: lumora, withDatabase: false)
        #expect(nested.stderr.contains("0 parsed, 5 unchanged"), "\(nested.stderr)")
        let tasks = try planq.run(["tasks", "--format", "json"], in: lumora, withDatabase: false)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 27)
        #expect(rows.allSatisfy { ($0["source"] as? String)?.hasPrefix("docs/lumora/") == true }, "sources are relative to the project root")
        #expect(!FileManager.default.fileExists(atPath: lumora.appendingPathComponent(".planq").path))
    }

    @Test func queryReturnsNumbersAsNumbers() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(try planq.run(["query", "select 1.5 as x, 2 as n, 'a' as s", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["x"] as? Double == 1.5)
        #expect(rows.first?["n"] as? Int == 2)
        #expect(rows.first?["s"] as? String == "a")
    }

    @Test func aRecordedStartDateCountsWeeksAndADocumentsOwnDateWins() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        let original = try String(contentsOf: tracker, encoding: .utf8)
        let blank = original.replacingOccurrences(of: #"\*\*Start Date:\*\* \d{4}-\d{2}-\d{2}"#, with: "**Start Date:** ____", options: .regularExpression)
        #expect(blank != original, "the sample states a start date")
        try blank.write(to: tracker, atomically: false, encoding: .utf8)
        try planq.run(["import", docs.path])
        #expect(try planq.run(["gates", "--today", "2026-03-18", "--verdict", "at-risk", "--format", "json"]).stdout == "[]\n")
        #expect(try planq.run(["gates", "--today", "2026-03-18", "--verdict", "at-risk", "--start", "2026-03-02"]).stdout.contains("Phase 1 Gate"))
        let set = try planq.run(["project", "set", "lumora", "--start", "2026-03-02"])
        #expect(set.status == 0 && set.stderr.contains("start date 2026-03-02 recorded"))
        let projects = try #require(try JSONSerialization.jsonObject(with: Data(try planq.run(["projects", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(projects.first?["start_date"] as? String == "2026-03-02" && projects.first?["start_date_from"] as? String == "recorded")
        #expect(try planq.run(["status", "--today", "2026-03-18", "--format", "json"]).stdout.contains("\"current_week\": 3"))
        let current = try #require(try JSONSerialization.jsonObject(with: Data(try planq.run(["tasks", "--week", "current", "--today", "2026-03-18", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(current.count == 3 && current.allSatisfy { $0["week"] as? Int == 3 })
        #expect(try planq.run(["report", "week", "current", "--today", "2026-03-25"]).stdout.hasPrefix("# Lumora — week 4 checkpoint review"))
        #expect(try planq.run(["tasks", "--start", "2026-03-02"]).status == 2, "--start without --week current would be ignored: refused")
        #expect(try planq.run(["import", docs.path, "--rebuild", "-q"]).status == 0)
        #expect(try planq.run(["gates", "--today", "2026-03-18", "--verdict", "at-risk"]).stdout.contains("Phase 1 Gate"), "kept across a rebuild")
        // The document fills its date in, differently: it wins, and check says so.
        try original.replacingOccurrences(of: "2026-03-02", with: "2026-03-09").write(to: tracker, atomically: false, encoding: .utf8)
        try planq.run(["import", docs.path])
        let check = try planq.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("states the start date 2026-03-09, but `planq project set` recorded 2026-03-02"))
        #expect(try planq.run(["project", "set", "lumora", "--start", "none"]).status == 0)
        #expect(try planq.run(["check"]).status == 0, "forgotten: nothing to differ from")
        let differs = try planq.run(["check", "--start", "2026-03-02"])
        #expect(differs.status == 1 && differs.stdout.contains("states the start date 2026-03-09, but --start says 2026-03-02"))
        #expect(try planq.run(["check", "--start", "2026-03-09"]).status == 0)
        #expect(try planq.run(["project", "set", "nothing", "--start", "2026-03-02"]).status == 1)
        #expect(try planq.run(["project", "set", "lumora", "--start", "March"]).status == 2)
    }

    @Test func theBurndownPlotsNoImportAfterItsAsOfDay() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        try planq.run(["import", docs.path, "--today", "2026-03-09"])
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        try String(contentsOf: tracker, encoding: .utf8).replacingOccurrences(of: "- [ ]", with: "- [x]").write(to: tracker, atomically: false, encoding: .utf8)
        try planq.run(["import", docs.path, "--today", "2026-03-25"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try planq.run(["report", "burndown", "--today", "2026-03-18", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let sections = try #require(report["sections"] as? [[String: Any]])
        let chart = try #require(sections.first?["burndown"] as? [String: Any])
        let actual = try #require((chart["series"] as? [[String: Any]])?.first { $0["id"] as? String == "actual_remaining" })
        #expect((actual["points"] as? [[String: Int]])?.map { $0["x"] } == [2])
        #expect((sections.first?["text"] as? [String])?.first == "1 import is dated after 2026-03-18 and left out of the actual line.")
    }
}
