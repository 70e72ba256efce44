import Foundation
import Reports
import Importers
import PlanModel

struct ImportCommand: Command {
    let name = "import"
    let summary = "read planning documents into the knowledge base"
    let arguments = "[PATH ...]"
    let options = [OptionSpec.rebuild, .history]
    let formats: [Settings.Format] = [.md, .json]
    let details = """
        Reads .md, .markdown and .txt files under each PATH (default: docs/), recursively, skipping
        hidden folders, node_modules and .build. Unchanged files are not parsed again; files that
        are gone drop their tasks. The whole import is one transaction: on an error or an interrupt
        the knowledge base stays as it was. Problems in a document are reported as
        `path:line: warning: ...` and the import goes on; a document over 8 MB is skipped and one
        that takes over 30 s to read is read up to that line. The exit code is 1 only when nothing
        could be imported or the database failed, and 3 when the import landed but some files could
        not be read (each named on standard error with why). --format json prints the summary as one object
        on standard output (files, parsed, unchanged, removed, failed, tasks, tasks_added,
        tasks_changed, tasks_removed, warnings, duration_ms).
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        // Paths as the knowledge base stores them (relative to the project root), read from there.
        let root = invocation.settings.root
        let paths = (invocation.arguments.positional.isEmpty ? ["docs/"] : invocation.arguments.positional).map { root.stored($0) }
        let knowledgeBase = try invocation.openKnowledgeBase(readOnly: false)
        guard FileManager.default.changeCurrentDirectoryPath(root.folder) else {
            throw CommandFailure("cannot enter the project root \(root.folder)")
        }
        let diagnostics = invocation.diagnostics
        let importer = Self.importer(knowledgeBase, diagnostics)
        let summary: ImportSummary
        do {
            var rebuild = invocation.arguments.flags.contains("rebuild")
            if invocation.arguments.flags.contains("history") {
                rebuild = try replayHistory(paths: paths, knowledgeBase: knowledgeBase, importer: importer, diagnostics: diagnostics) || rebuild
            }
            // Every import records the day it describes (--today, $PLANQ_TODAY, else the real date):
            // the burndown places it by that day.
            summary = try importer.run(Importer.Options(paths: paths, rebuild: rebuild, today: invocation.settings.today))
        } catch let error as GitHistory.GitError {
            diagnostics.clearProgress()
            throw CommandFailure(error.description)
        } catch let error as Importer.ImportError {
            diagnostics.clearProgress()
            throw CommandFailure(error.description)
        }
        diagnostics.clearProgress()
        if diagnostics.verbose {
            var previous = 0
            let phases = summary.phases.map { phase -> String in
                defer { previous = phase.at }
                return "\(phase.name) \(phase.at - previous) ms"
            }
            diagnostics.detail("phases: " + phases.joined(separator: ", "))
        }
        if invocation.settings.format == .json {
            let changes = summary.changes
            invocation.output.line(Value.object([
                ("files", .int(summary.filesSeen)), ("parsed", .int(summary.filesParsed)), ("unchanged", .int(summary.filesUnchanged)),
                ("removed", .int(summary.filesRemoved)), ("failed", .int(summary.filesFailed)), ("tasks", .int(summary.tasksTotal)),
                ("tasks_added", .int(changes.added)), ("tasks_changed", .int(changes.changed)), ("tasks_removed", .int(changes.removed)),
                ("warnings", .int(summary.warnings)), ("duration_ms", .int(summary.durationMilliseconds)),
            ]).json(indent: 2))
        } else {
            diagnostics.info(Self.describe(summary))
        }
        // Files it could not read were reported as errors: the exit code is 3 (Diagnostics).
        return 0
    }

    /// The importer, reporting through `diagnostics` (progress, and with -v what each file held).
    static func importer(_ knowledgeBase: KnowledgeBase, _ diagnostics: Diagnostics) -> Importer {
        Importer(knowledgeBase: knowledgeBase, report: diagnostics.report, progress: { done, total in
            if done % 25 == 0 || done == total { diagnostics.progress("importing \(done)/\(total) files") }
        }, parsed: { findings in
            guard diagnostics.verbose else { return }
            diagnostics.detail("\(findings.path): \(findings.kind.rawValue) of project \"\(findings.projectName)\": "
                + "\(findings.tasks.count) tasks, \(findings.phases.count) phases, \(findings.gates.count) gates, \(findings.risks.count) risks, "
                + "\(findings.metrics.count) metrics, \(findings.notes.count) notes")
        }, explainsLinks: diagnostics.verbose)
    }

    /// The summary line: `imported 5 files (5 parsed, 0 unchanged, 0 removed): 27 tasks (+27 ~0 -0) in 14 ms`.
    static func describe(_ summary: ImportSummary) -> String {
        let changes = summary.changes
        return "imported \(summary.filesSeen) file\(summary.filesSeen == 1 ? "" : "s") (\(summary.filesParsed) parsed, \(summary.filesUnchanged) unchanged, "
            + "\(summary.filesRemoved) removed): \(summary.tasksTotal) tasks (+\(changes.added) ~\(changes.changed) "
            + "-\(changes.removed)) in \(summary.durationMilliseconds) ms"
            + (summary.warnings > 0 ? ", \(summary.warnings) warnings" : "")
            + (summary.filesFailed > 0 ? "; \(summary.filesFailed) not read" : "")
    }

    /// Replays every commit that touched the documents, oldest first, each as an import dated by
    /// its commit. History rows are changes from one import to the next, so a replay starts from
    /// an empty knowledge base; when every commit was replayed before, nothing is redone.
    /// Returns whether the working tree must be imported afresh after it (never: the replay ends
    /// with the newest commit's state, and the working-tree import records what changed since).
    private func replayHistory(paths: [String], knowledgeBase: KnowledgeBase, importer: Importer, diagnostics: Diagnostics) throws -> Bool {
        let history = try GitHistory(paths: paths)
        let commits = try history.commits()
        let replayed = try knowledgeBase.importedCommits()
        guard !commits.allSatisfy({ replayed.contains($0.hash) }) else { return false }
        for (index, commit) in commits.enumerated() {
            _ = try importer.run(Importer.Options(paths: paths, rebuild: index == 0, today: commit.date,
                                                  source: history.source(at: commit), commit: commit.hash))
        }
        diagnostics.info("replayed \(commits.count) commits of history")
        return false
    }
}
