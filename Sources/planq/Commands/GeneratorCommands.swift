import Foundation
import PlanModel
import Reports
import Generators

/// `planq new adr|runbook "Title"`: writes a skeleton filled in from the knowledge base, never
/// over an existing file, and prints the path it wrote.
struct NewCommand: Command {
    let name = "new"
    let summary = "write a new ADR or runbook, filled in from the knowledge base"
    let arguments = "adr|runbook TITLE"
    let options = [OptionSpec.project, .supersedes, .adrDir, .adrStatus, .fromNote]
    let ownsOutputPath = true
    let formats: [Settings.Format] = [.md]
    let details = """
        planq new adr "Use Step Functions for orchestration" [--project P] [--supersedes N] [--status S]
          writes the next numbered record (MADR) in the ADR folder: --dir, else the folder an .adr-dir
          file names, else docs/adr, docs/decisions or doc/adr if one exists, else docs/adr. Related
          tasks, risks, gates, metrics and notes (their words match the title) fill its sections, each
          linked to its source line; --supersedes N also sets record N's status line to "superseded
          by" the new one. --from-note ID makes the record from a decision note (`planq notes`).
        planq new runbook "Staging deployment" [--project P] [-o FILE]
          writes docs/runbooks/<title>.md (or FILE): the shell commands of the code blocks whose
          section matches the title, in document order, the rollback triggers, metrics and owners.
        Templates: templates/adr.md and templates/runbook.md are built in; .planq/templates/ overrides
        them. Nothing is ever overwritten: an existing file is an error.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        var positional = invocation.arguments.positional
        guard let kind = positional.first, kind == "adr" || kind == "runbook" else {
            throw UsageError(message: positional.isEmpty ? "new needs what to write: adr or runbook"
                             : "cannot write '\(positional[0])': new writes an adr or a runbook")
        }
        positional.removeFirst()
        let title = positional.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        let values = invocation.arguments.values
        if kind == "runbook" {
            for option in ["supersedes", "dir", "status", "from-note"] where values[option] != nil {
                throw UsageError(message: "--\(option) is for new adr")
            }
            return try writeRunbook(title: title, invocation)
        }
        if invocation.settings.outputPath != nil {
            throw UsageError(message: "new adr writes into the ADR folder; choose it with --dir, not -o")
        }
        return try writeADR(title: title, invocation)
    }

    private func writeADR(title: String, _ invocation: Invocation) throws -> Int32 {
        let arguments = invocation.arguments
        let supersedes = try arguments.int("supersedes")
        let noteID = try arguments.int("from-note")
        let status = (arguments.values["status"] ?? "proposed").trimmingCharacters(in: .whitespaces)
        guard !status.isEmpty, !status.contains(where: \.isNewline) else { throw UsageError(message: "--status needs one line of text") }
        guard !title.isEmpty || noteID != nil else { throw UsageError(message: "new adr needs a title (or --from-note ID)") }
        let source = try KnowledgeSource(invocation, required: noteID != nil)
        var note: Note?
        if let noteID {
            note = try source.note(Int64(noteID))
            guard note!.item.kind == .decision else {
                throw CommandFailure("note \(noteID) is a \(note!.item.kind.label.lowercased()), not a decision: a record is made from a decision (planq notes --kind decision lists them)")
            }
        }
        let recordTitle = title.isEmpty ? note!.item.text : title
        let slug = try checkedSlug(recordTitle)
        let folder = ADRFolder.locate(explicit: arguments.values["dir"])
        if arguments.values["dir"] == nil {
            // An .adr-dir may name any folder; planq writes outside the repository only when told.
            let repository = invocation.settings.root.repository()
            let target = ProjectRoot.absolute(folder.path, in: FileManager.default.currentDirectoryPath)
            guard ProjectRoot.contains(repository, target) else {
                throw CommandFailure("the ADR folder \(folder.path) (named by .adr-dir) is outside the repository \(repository); pass --dir \(folder.path) to write there")
            }
        }
        let superseded = try supersedes.map { number -> ADRRecord in
            let record = try folder.record(number)
            guard record.hasStatusLine else {
                throw CommandFailure("\(record.path) has no status line (`status:` front matter, `Status:` or a `## Status` section) to mark superseded; nothing was written")
            }
            return record
        }
        let project = try source.project(for: note)
        let facts = try project.map { try RelatedFacts.gather(from: source.knowledgeBase!, project: $0, about: recordTitle) }
        let draft = ADRDraft(title: recordTitle, date: invocation.settings.today, status: status, facts: facts,
                             note: note, supersedes: superseded)
        // New records follow the folder: adr-tools' shape among adr-tools records, else MADR.
        let template = try TemplateSource.adr(style: folder.style())
        let links = SourceLinks(folder: folder.path, workingDirectory: invocation.settings.root.folder)
        let path = try folder.create(slug: slug, allowingSameTitle: superseded != nil) { number in template.render(draft.values(number: number, links: links)) }
        print(path)
        if let superseded, let number = ADRFolder.number(of: (path as NSString).lastPathComponent) {
            try folder.markSuperseded(superseded, by: number, fileName: (path as NSString).lastPathComponent)
            invocation.diagnostics.info("marked \(superseded.path) superseded by ADR-\(ADRRecord.format(number))")
        }
        return 0
    }

    private func writeRunbook(title: String, _ invocation: Invocation) throws -> Int32 {
        guard !title.isEmpty else { throw UsageError(message: "new runbook needs a title") }
        let slug = try checkedSlug(title)
        let path = invocation.settings.outputPath ?? "docs/runbooks/\(slug).md"
        if FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("\(path) already exists; planq never overwrites a file")
        }
        let source = try KnowledgeSource(invocation, required: false)
        let draft = try source.project(for: nil).map {
            try RunbookDraft.gather(from: source.knowledgeBase!, project: $0, title: title, date: invocation.settings.today)
        } ?? RunbookDraft(title: title, date: invocation.settings.today)
        let template = try TemplateSource.runbook()
        let folder = (path as NSString).deletingLastPathComponent
        try GeneratedFile.create(path, contents: template.render(draft.values(links: SourceLinks(folder: ProjectRoot.absolute(folder.isEmpty ? "." : folder, in: FileManager.default.currentDirectoryPath), workingDirectory: invocation.settings.root.folder))))
        print(path)
        return 0
    }

    private func checkedSlug(_ title: String) throws -> String {
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw UsageError(message: "the title needs a letter or digit to name the file") }
        return slug
    }
}

/// The knowledge base a generator fills in from, when there is one: a generator works without
/// one (the skeleton keeps its prompts) unless it needs a note from it.
private struct KnowledgeSource {
    let knowledgeBase: KnowledgeBase?
    let invocation: Invocation

    init(_ invocation: Invocation, required: Bool) throws {
        self.invocation = invocation
        let path = invocation.settings.databasePath
        if !required, !FileManager.default.fileExists(atPath: path) {
            if invocation.arguments.values["project"] != nil { throw KnowledgeBase.OpenError.missing(path) }
            invocation.diagnostics.info("planq new: no knowledge base at \(path): the sections keep their prompts")
            knowledgeBase = nil
        } else {
            knowledgeBase = try invocation.openKnowledgeBase()
        }
    }

    func note(_ id: Int64) throws -> Note {
        guard let note = try knowledgeBase!.notes().first(where: { $0.id == id }) else {
            throw CommandFailure("no note \(id) (planq notes --kind decision lists them)")
        }
        return note
    }

    /// The project to fill in from: --project, else the note's, else the only one.
    func project(for note: Note?) throws -> Project? {
        guard let knowledgeBase else { return nil }
        if let selected = try invocation.selectedProjects(in: knowledgeBase) {
            guard selected.count == 1 else {
                throw CommandFailure("--project matches \(selected.map(\.name).joined(separator: ", ")); choose one")
            }
            return selected[0]
        }
        let projects = try knowledgeBase.projects()
        if let note, let own = projects.first(where: { $0.name == note.project }) { return own }
        if projects.count <= 1 { return projects.first }
        throw CommandFailure("choose one with --project (projects: \(ProjectChoice.list(projects, describe: \.key)))")
    }
}

/// `planq adrs`: the records in the ADR folder.
struct ADRsCommand: Command {
    let name = "adrs"
    let summary = "the decision records in the ADR folder: number, title, status, date, superseded by"
    let arguments = ""
    let options = [OptionSpec.adrDir]

    func run(_ invocation: Invocation) throws -> Int32 {
        let folder = ADRFolder.locate(explicit: invocation.arguments.values["dir"])
        let rows: [[(String, Value)]] = try folder.records().map { record in
            [("number", .int(record.number)), ("title", .string(record.title)), ("status", Value(record.statusWords)),
             ("date", Value(record.date)), ("superseded_by", Value(record.supersededBy)), ("path", .string(record.path))]
        }
        Emit.listing(Listing(fields: ["number", "title", "status", "date", "superseded_by", "path"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
