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
        try planq.run(["completions", "bash"], withDatabase: false).stdout.write(to: bash, atomically: true, encoding: .utf8)
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
        try page.write(to: file, atomically: true, encoding: .utf8)
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

    @Test func outputErrorsAreOneLineWithTheRightExitCode() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let folder = try planq.run(["tasks", "-o", planq.directory.path])
        #expect(folder.status == 1)
        #expect(folder.stderr == "planq tasks: error: cannot write \(planq.directory.path): it is a folder (give the name of a file inside it)\n")
        // A file size limit stands in for a full disk: the write fails the same way (EFBIG for ENOSPC).
        let big = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT x FROM c"
        let out = planq.directory.appendingPathComponent("big.txt").path
        let full = try planq.run(["-c", "ulimit -f 256; exec '\(Planq.binary)' --db '\(planq.database)' query '\(big)' --limit 1000000 -o '\(out)'"],
                                 withDatabase: false, executable: "/bin/sh")
        #expect(full.status == 1)
        #expect(full.stderr.split(separator: "\n").count == 1 && full.stderr.contains("no space left"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: planq.directory.path).filter { $0.contains("big.txt") }
        #expect(leftovers.isEmpty, "nothing half-written is left: \(leftovers)")
        let closed = try planq.run(["query", big, "--limit", "1000000"], closingStandardOutput: true)
        #expect(closed.status == 141)
        #expect(closed.stderr.isEmpty)
    }

    @Test func outputFilesKeepWhatTheyAre() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        // A FIFO (standing in for a device such as /dev/null) is written in place, not replaced.
        let fifo = planq.directory.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = try planq.run(["-c", "cat '\(fifo)' > '\(fifo).txt' & '\(Planq.binary)' --db '\(planq.database)' risks -o '\(fifo)'; wait"],
                                   withDatabase: false, executable: "/bin/sh")
        #expect(reader.status == 0, "\(reader.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(try String(contentsOfFile: fifo + ".txt", encoding: .utf8).contains("ClickHouse sizing is off"))
        // A regular file keeps its mode and owner; a symbolic link is followed, not replaced.
        let file = planq.directory.appendingPathComponent("kept.md").path
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        if geteuid() == 0 { chown(file, 65534, 65534) }
        let link = planq.directory.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try planq.run(["tasks", "-o", link]).status == 0)
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        if geteuid() == 0 { #expect(info.st_uid == 65534) }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Freeze the Schema"))
        // A generator that cannot write leaves no file behind, so the retry takes the same number.
        let adr = planq.directory.appendingPathComponent("adr").path
        try FileManager.default.createDirectory(atPath: adr, withIntermediateDirectories: true)
        let full = try planq.run(["-c", "ulimit -f 0; exec '\(Planq.binary)' --db '\(planq.directory.path)/none.db' new adr 'Buffer writes' --dir '\(adr)' --today 2026-03-18"],
                                 withDatabase: false, executable: "/bin/sh")
        #expect(full.status == 1 && full.stderr.contains("no space left"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: adr).isEmpty)
        let retry = try planq.run(["new", "adr", "Buffer writes", "--dir", adr, "--today", "2026-03-18"])
        #expect(retry.status == 0 && retry.stdout.contains("0001-buffer-writes.md"), "\(retry.stdout)\(retry.stderr)")
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

    @Test func queryRunsOneStatementWithinItsLimits() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let two = try planq.run(["query", "SELECT count(*) FROM tasks; DELETE FROM tasks"])
        #expect(two.status == 2 && two.stderr.contains("query takes one statement; remove what follows it: `DELETE FROM tasks`"))
        #expect(try planq.run(["query", "SELECT count(*) AS n FROM tasks", "--format", "csv"]).stdout == "n\n27\n", "nothing was deleted")
        let forever = try planq.run(["query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", "--timeout", "0.5"])
        #expect(forever.status == 1 && forever.stderr.contains("ran longer than 0.5 s and was stopped"))
        let many = try planq.run(["query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 50) SELECT x FROM c", "--limit", "5", "--format", "csv"])
        #expect(many.status == 0 && many.stdout == "x\n1\n2\n3\n4\n5\n")
        #expect(many.stderr.contains("printed the first 5 rows"))
        #expect(try planq.run(["query", "   "]).status == 2)
    }

    @Test func csvListingsAndReportsEscapeFormulas() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "# Orbit Tracker\n\n## Week 1\n\n- [ ] =HYPERLINK(\"http://example.invalid\",\"open me\")\n- [ ] @SUM(A1:A9)\n"
            .write(to: docs.appendingPathComponent("tracker.md"), atomically: true, encoding: .utf8)
        try planq.run(["import", docs.path])
        let csv = try planq.run(["tasks", "--format", "csv"]).stdout
        #expect(csv.contains(",\"'=HYPERLINK(") && csv.contains(",'@SUM(A1:A9),"), "\(csv)")
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",@SUM"))
    }

    /// Another user reading a knowledge base in a folder they cannot write (as on a read-only mount).
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aKnowledgeBaseInAReadOnlyPlaceCanBeRead() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "-q"])
        let folder = planq.directory.appendingPathComponent("readonly")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("kb.db").path
        try FileManager.default.copyItem(atPath: planq.database, toPath: database)
        chmod(database, 0o444)
        chmod(folder.path, 0o555)
        func asNobody(_ arguments: [String]) throws -> Planq.Result {
            try planq.run(["--reuid=65534", "--regid=65534", "--clear-groups", Planq.binary, "--db", database] + arguments,
                          withDatabase: false, executable: "/usr/bin/setpriv")
        }
        let status = try asNobody(["status", "--today", "2026-03-18", "--format", "json"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("\"current_week\": 3"))
        let write = try asNobody(["import", "samples/"])
        #expect(write.status == 1 && write.stderr.contains("cannot be written here"))
        #expect(!FileManager.default.fileExists(atPath: database + "-shm"))
    }

    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anUnreadableFileIsNamedAndTheExitCodeSaysSo() throws {
        let planq = try Planq()
        let folder = planq.directory.appendingPathComponent("shared")
        let docs = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "# Orbit Plan\n- [ ] readable\n".write(to: docs.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "# Orbit Notes\n- [ ] hidden\n".write(to: docs.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        chmod(docs.appendingPathComponent("b.md").path, 0o000)
        chmod(folder.path, 0o777)
        chmod(docs.path, 0o777)
        let result = try planq.run(["--reuid=65534", "--regid=65534", "--clear-groups", Planq.binary, "--db", folder.appendingPathComponent("kb.db").path,
                                    "import", docs.path], withDatabase: false, executable: "/usr/bin/setpriv")
        #expect(result.status == 3)
        #expect(result.stderr.contains("docs/b.md: error: cannot read file: permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("1 not read"))
    }

    @Test func verboseImportSaysWhyMentionsWereLinked() throws {
        let planq = try Planq()
        let verbose = try planq.run(["import", "samples/", "-v"])
        #expect(verbose.stderr.contains("samples/lumora/plan.md:15: note: \"Replay sample traffic\" is the task \"Load sample traffic\" of samples/lumora/tracker.md:17: row 4 of a week 1 table lined up row by row"))
        #expect(verbose.stderr.contains("% alike"), "\(verbose.stderr)")
        let quiet = try Planq().run(["import", "samples/"])
        #expect(!quiet.stderr.contains("is the task"))
    }

    @Test func weeksOutsideThePlanAreUsageErrors() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        for week in ["0", "99"] {
            let result = try planq.run(["report", "week", week])
            #expect(result.status == 2)
            #expect(result.stderr.contains("week \(week) is outside Lumora's plan (weeks 1-4)"))
        }
    }

    @Test func aRecordedStartDateCountsWeeksAndADocumentsOwnDateWins() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        let original = try String(contentsOf: tracker, encoding: .utf8)
        let blank = original.replacingOccurrences(of: #"\*\*Start Date:\*\* \d{4}-\d{2}-\d{2}"#, with: "**Start Date:** ____", options: .regularExpression)
        #expect(blank != original, "the sample states a start date")
        try blank.write(to: tracker, atomically: true, encoding: .utf8)
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
        try original.replacingOccurrences(of: "2026-03-02", with: "2026-03-09").write(to: tracker, atomically: true, encoding: .utf8)
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
        try String(contentsOf: tracker, encoding: .utf8).replacingOccurrences(of: "- [ ]", with: "- [x]").write(to: tracker, atomically: true, encoding: .utf8)
        try planq.run(["import", docs.path, "--today", "2026-03-25"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try planq.run(["report", "burndown", "--today", "2026-03-18", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let sections = try #require(report["sections"] as? [[String: Any]])
        let chart = try #require(sections.first?["burndown"] as? [String: Any])
        let actual = try #require((chart["series"] as? [[String: Any]])?.first { $0["id"] as? String == "actual_remaining" })
        #expect((actual["points"] as? [[String: Int]])?.map { $0["x"] } == [2])
        #expect((sections.first?["text"] as? [String])?.first == "1 import is dated after 2026-03-18 and left out of the actual line.")
    }
}
