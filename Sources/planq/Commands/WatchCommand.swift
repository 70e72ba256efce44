import Foundation
import Importers
import PlanModel
import Reports

/// The pipe end a signal handler wakes the watch through (a handler captures nothing).
nonisolated(unsafe) private var watchWakeDescriptor: Int32 = -1

struct WatchCommand: Command {
    let name = "watch"
    let summary = "import, then re-import within a second of every save; re-render a site or a report"
    let arguments = "[PATH ...]"
    let options = [OptionSpec(name: "site", short: nil, value: "DIR", help: "re-render the report site in DIR after each import"),
                   OptionSpec(name: "report", short: nil, value: "ARGS", help: "re-run `planq report ARGS` after each import (e.g. \"week current --html -o week.html\")"),
                   OptionSpec.project, .start]
    let formats: [Settings.Format] = [.md]
    let details = """
        Imports PATH (default docs/) as `planq import` does, then waits for the kernel to say a
        document was saved, renamed into place, created or deleted (inotify; nothing is polled),
        and re-imports the files it named once the saves have been quiet for 150 ms (at most a
        second after the first): one transaction each, the other files as stored (all of PATH
        again when more than 256 changed or the kernel dropped events). Prints one line per
        re-import with what changed (`+2 done, -1 task; gate "Phase 1" ready (was at risk)`).
        --site and --report render after each import; --project and --start apply to them.
        Ctrl-C (or SIGTERM) stops it after the import in progress, exit 0.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        #if canImport(Glibc)
        let root = invocation.settings.root
        let paths = (invocation.arguments.positional.isEmpty ? ["docs/"] : invocation.arguments.positional).map { root.stored($0) }
        let knowledgeBase = try invocation.openKnowledgeBase(readOnly: false)
        let here = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(root.folder) else { throw CommandFailure("cannot enter the project root \(root.folder)") }
        let diagnostics = invocation.diagnostics
        let importer = ImportCommand.importer(knowledgeBase, diagnostics)
        let explicitToday = invocation.arguments.values["today"] ?? ProcessInfo.processInfo.environment["PLANQ_TODAY"].flatMap { $0.isEmpty ? nil : $0 }
        // After the first import, only the paths inotify names are imported: the others are as
        // stored, and on a corpus of thousands of files stat-ing them all would be most of a save.
        func importNow(only changed: Set<String>? = nil) -> ImportSummary? {
            let scope = changed.map { $0.count <= 256 ? $0.sorted() : paths } ?? paths
            var options = Importer.Options(paths: scope, today: explicitToday ?? CalendarDate.today().description)
            options.missingPathsAreRemovals = changed != nil
            do {
                let summary = try importer.run(options)
                diagnostics.clearProgress()
                return summary
            } catch Importer.ImportError.nothingImported(_) where changed != nil {
                // A document that came and went within the burst (an editor's lock or swap file).
                diagnostics.clearProgress()
                return nil
            } catch {
                diagnostics.clearProgress()
                diagnostics.failure("planq watch: error: \(error)")
                return nil
            }
        }
        let watcher: DocumentWatcher
        do {
            watcher = try DocumentWatcher(paths: paths.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 })
        } catch let error as DocumentWatcher.WatchError {
            throw CommandFailure(error.description)
        }
        watchWakeDescriptor = watcher.interruptDescriptor
        // A parent may start planq with these blocked (Foundation's Process does): unblock them.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { _ in
                var byte: UInt8 = 1
                _ = write(watchWakeDescriptor, &byte, 1)
            }
        }
        if let first = importNow() { diagnostics.info(ImportCommand.describe(first)) }
        var verdicts = try gateVerdicts(knowledgeBase, invocation, today: explicitToday)
        render(invocation, from: here, root: root.folder)
        diagnostics.info("watching \(paths.joined(separator: " ")) for saves (Ctrl-C stops)")
        while let changed = watcher.nextChanges() {
            guard let summary = importNow(only: changed) else { continue }
            // Only the projects the import touched can have gates that moved: on a corpus of
            // thousands of projects, reading every gate after each save would cost seconds.
            let touched = Set(summary.projectKeys)
            let now = verdicts.filter { !touched.contains($0.value.projectKey) }
                .merging(try gateVerdicts(knowledgeBase, invocation, today: explicitToday, projectKeys: touched)) { $1 }
            diagnostics.info(describe(summary, changed: changed, knowledgeBase: knowledgeBase, before: verdicts, after: now))
            verdicts = now
            render(invocation, from: here, root: root.folder)
        }
        diagnostics.info("stopped watching")
        return 0
        #else
        throw CommandFailure("planq watch needs inotify (Linux); on this system run `planq import` after saving")
        #endif
    }

    /// A gate's project, title and verdict.
    typealias GateState = (projectKey: String, title: String, verdict: GateVerdict)

    /// Each gate's title and verdict as of `today` (--today or $PLANQ_TODAY, else the real day), by
    /// id: of every project, or of those with `projectKeys`.
    private func gateVerdicts(_ knowledgeBase: KnowledgeBase, _ invocation: Invocation, today explicit: String?,
                              projectKeys: Set<String>? = nil) throws -> [Int64: GateState] {
        let start = try invocation.startDate()
        var projects: [Int64: Project] = [:]
        for project in try knowledgeBase.projects() where projectKeys?.contains(project.key) ?? true { projects[project.id] = project }
        guard !projects.isEmpty else { return [:] }
        let today = explicit ?? CalendarDate.today().description
        var verdicts: [Int64: GateState] = [:]
        for gate in try knowledgeBase.gates(projectIDs: projectKeys == nil ? nil : projects.keys.sorted()) {
            guard let project = projects[gate.projectID] else { continue }
            verdicts[gate.id] = (project.key, gate.title, gate.verdict(currentWeek: project.currentWeek(today: today, start: start)))
        }
        return verdicts
    }

    /// One line: which files, what the import changed in tasks, and gates whose verdict moved.
    func describe(_ summary: ImportSummary, changed: Set<String>, knowledgeBase: KnowledgeBase,
                  before: [Int64: GateState], after: [Int64: GateState]) -> String {
        // A new folder's documents stand for it.
        let files = changed.filter { path in !changed.contains { $0.hasPrefix(path + "/") } }.sorted()
        var line = files.count == 1 ? files[0] : "\(files.count) files"
        line += " (\(summary.filesParsed) parsed, \(summary.filesRemoved) removed): "
        var parts: [String] = []
        // Additions and removals from the import's counts (a removed project keeps no history);
        // which status changes finished or reopened a task, from its history rows.
        let history = (summary.importID.flatMap { try? knowledgeBase.changes(inImport: $0) } ?? []).map(\.change)
            .filter { $0.previous != nil && $0.status != "removed" }
        let done = history.filter { $0.status == TaskStatus.done.rawValue && $0.previous != TaskStatus.done.rawValue }.count
        let reopened = history.filter { $0.previous == TaskStatus.done.rawValue && $0.status != TaskStatus.done.rawValue }.count
        let added = summary.changes.added, removed = summary.changes.removed
        let other = max(0, summary.changes.changed - done - reopened)
        if done > 0 { parts.append("+\(done) done") }
        if reopened > 0 { parts.append("\(reopened) reopened") }
        if added > 0 { parts.append("+\(added) task\(added == 1 ? "" : "s")") }
        if removed > 0 { parts.append("-\(removed) task\(removed == 1 ? "" : "s")") }
        if other > 0 { parts.append("\(other) other change\(other == 1 ? "" : "s")") }
        var gates: [String] = []
        for (id, now) in after.sorted(by: { $0.key < $1.key }) {
            guard let was = before[id] else { gates.append("gate \"\(now.title)\" new (\(now.verdict.label))"); continue }
            if was.verdict != now.verdict { gates.append("gate \"\(now.title)\" \(now.verdict.label) (was \(was.verdict.label))") }
        }
        let line2 = (parts.isEmpty ? ["no task changed"] : parts).joined(separator: ", ")
        return line + line2 + (gates.isEmpty ? "" : "; " + gates.joined(separator: "; ")) + " in \(summary.durationMilliseconds) ms"
    }

    /// `--site DIR` and `--report ARGS`, each run as its command would run it from the folder
    /// watch was started in (their paths are relative to it), then back to the project root.
    private func render(_ invocation: Invocation, from here: String, root: String) {
        guard invocation.arguments.values["site"] != nil || invocation.arguments.values["report"] != nil else { return }
        FileManager.default.changeCurrentDirectoryPath(here)
        defer { FileManager.default.changeCurrentDirectoryPath(root) }
        var shared = ["--db", invocation.settings.databasePath]
        for name in ["project", "start", "today"] {
            if let value = invocation.arguments.values[name] { shared += ["--\(name)", value] }
        }
        if let site = invocation.arguments.values["site"] {
            _ = CLI.main(["planq"] + shared + ["report", "site", "-o", site, "-q"])
        }
        if let report = invocation.arguments.values["report"] {
            _ = CLI.main(["planq"] + shared + ["report"] + report.split(separator: " ").map(String.init))
        }
    }
}
