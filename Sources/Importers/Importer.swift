import Foundation
import PlanModel

/// Files → hashes → recognizers → knowledge base, in one transaction. Unchanged files (same
/// size and time, or same content hash) are not parsed again; removed files drop their items;
/// each project touched by a change is re-linked from its documents' mentions.
public final class Importer {
    public struct Options: Sendable {
        public var paths: [String]
        public var rebuild: Bool
        public var today: String?
        /// Where the documents come from: the working tree, or one commit of their history.
        public var source: DocumentSource
        /// The commit the source reads, recorded on the import.
        public var commit: String?
        public var limits: DocumentLimits
        /// How many task mentions of stored documents may wait in memory for their project to be
        /// linked (written once, with their task); past it they are stored unlinked and read back.
        public var heldMentions: Int
        /// Whether a path that does not exist is a document or folder that went away (watch
        /// imports the paths inotify names) rather than a mistyped argument to report.
        public var missingPathsAreRemovals = false

        public init(paths: [String], rebuild: Bool = false, today: String? = nil,
                    source: DocumentSource = WorkingTree(), commit: String? = nil, limits: DocumentLimits = .standard,
                    heldMentions: Int = 50_000) {
            self.heldMentions = heldMentions
            self.paths = paths
            self.rebuild = rebuild
            self.today = today
            self.source = source
            self.commit = commit
            self.limits = limits
        }
    }

    /// How much of one document the import reads, so that no file can take the machine's memory
    /// or the import's time: a larger file is skipped, a slower one is read up to where time ran out.
    public struct DocumentLimits: Sendable {
        /// The parsed tree takes some 30 times a file's bytes; planning documents are kilobytes.
        public var maxBytes: Int
        public var budget: Duration

        public init(maxBytes: Int, budget: Duration) {
            self.maxBytes = maxBytes
            self.budget = budget
        }

        public static let standard = DocumentLimits(maxBytes: 8 << 20, budget: DocumentRecognizer.defaultBudget)
    }

    public enum ImportError: Error, CustomStringConvertible {
        case nothingImported(String)
        public var description: String {
            switch self { case .nothingImported(let why): return why }
        }
    }

    private let knowledgeBase: KnowledgeBase
    private let report: (Diagnostic) -> Void
    private let progress: (Int, Int) -> Void
    private let parsed: (DocumentFindings) -> Void
    private let explainsLinks: Bool

    /// `report` receives diagnostics; `progress` (files done, total) and `parsed` (each document
    /// recognized) let a caller show what is happening. `explainsLinks`: whether `report` gets a
    /// note for each mention read that joined another document's task (`-v`); worded on the
    /// writing thread, they are not made for a caller that drops notes.
    public init(knowledgeBase: KnowledgeBase, report: @escaping (Diagnostic) -> Void,
                progress: @escaping (Int, Int) -> Void = { _, _ in },
                parsed: @escaping (DocumentFindings) -> Void = { _ in }, explainsLinks: Bool = true) {
        self.knowledgeBase = knowledgeBase
        self.report = report
        self.progress = progress
        self.parsed = parsed
        self.explainsLinks = explainsLinks
    }

    public func run(_ options: Options) throws -> ImportSummary {
        let clock = ContinuousClock.now
        var summary = ImportSummary()
        var warnings = 0
        let count: (Diagnostic) -> Void = { diagnostic in
            if diagnostic.severity != .note { warnings += 1 }
            self.report(diagnostic)
        }
        var present = options.paths
        if options.missingPathsAreRemovals {
            present = present.filter { path in
                var info = stat()
                return lstat(path, &info) == 0
            }
        }
        let files = present.isEmpty ? [] : options.source.find(present, report: count)
        summary.filesSeen = files.count
        let stored = options.rebuild ? [:] : try knowledgeBase.storedDocuments()

        // Files whose size and time match what is stored are not even read.
        var candidates: [DiscoveredFile] = []
        for file in files {
            if let known = stored[file.path], known.size == file.size, known.mtimeNanoseconds == file.mtimeNanoseconds {
                summary.filesUnchanged += 1
            } else {
                candidates.append(file)
            }
        }
        let foundPaths = Set(files.map(\.path))
        let removed = stored.values.filter { document in
            !foundPaths.contains(document.path) && options.paths.contains { FileDiscovery.isUnder(document.path, root: $0) }
        }.sorted { $0.path < $1.path }
        summary.filesRemoved = removed.count
        if files.isEmpty, stored.isEmpty || removed.isEmpty {
            throw ImportError.nothingImported("nothing to import: no Markdown files under \(options.paths.joined(separator: ", "))")
        }

        try knowledgeBase.transaction {
            let start = ImportStart(startedAt: Self.timestamp(), today: options.today, commit: options.commit, rebuild: options.rebuild)
            guard case .importStarted(let importID) = try knowledgeBase.apply(.begin(start)) else { preconditionFailure("begin reports the import") }
            summary.importID = importID
            var writer = DocumentWriter(knowledgeBase: knowledgeBase, parsed: parsed, heldLimit: options.heldMentions)
            for document in removed {
                try knowledgeBase.apply(.removeDocument(id: document.id))
                writer.affected.insert(document.projectKey)
            }
            // Documents are stored as they are recognized, a batch at a time; one that names no
            // project waits for the others, whose projects say where it belongs.
            var unnamed: [RecognitionPipeline.Parsed] = []
            var statedNow: [String: (key: String, name: String)?] = [:]
            var projects = ProjectWriting(known: Set(stored.values.map(\.projectKey)))
            let pipeline = RecognitionPipeline(files: candidates, stored: stored, source: options.source, limits: options.limits)
            defer { pipeline.cancel() }
            var done = summary.filesUnchanged
            while let outcomes = pipeline.next() {
                var storedNow: Set<String> = []
                for outcome in outcomes {
                    switch outcome {
                    case .unreadable(let file):
                        let reason = access(file.path, R_OK) != 0 ? String(cString: strerror(errno)).lowercased() : "it could not be read to the end"
                        count(Diagnostic(path: file.path, line: nil, severity: .error,
                                         message: "cannot read file: \(reason); its earlier import, if any, is kept"))
                        summary.filesFailed += 1
                    case .tooLarge(let file):
                        let megabytes = String(format: "%.1f", Double(file.size) / 1_048_576)
                        count(Diagnostic(path: file.path, line: nil, severity: .error, message: """
                            \(megabytes) MB is more than the \(options.limits.maxBytes >> 20) MB planq reads of one document; \
                            skipped (split it); its earlier import, if any, is kept
                            """))
                        summary.filesFailed += 1
                    case .unchanged(let file):
                        summary.filesUnchanged += 1
                        try knowledgeBase.apply(.touchDocument(path: file.path, mtimeNanoseconds: file.mtimeNanoseconds))
                    case .parsed(let document, let diagnostics):
                        diagnostics.forEach(count)
                        summary.filesParsed += 1
                        let findings = document.findings
                        if findings.projectStated {
                            let key = ProjectKey.key(for: findings.projectName)
                            statedNow[findings.path] = .some((key: key, name: findings.projectName))
                            try writer.store(document, key: key, previousKey: stored[findings.path]?.projectKey)
                            projects.stored(key)
                            storedNow.insert(key)
                        } else {
                            statedNow[findings.path] = .some(nil)
                            unnamed.append(document)
                        }
                    }
                }
                // A project new in this import whose documents stopped coming (files come in path
                // order, a project's usually in one folder) is linked and written now, while the
                // next documents are recognized. Should another document name it later, it is
                // linked again at the end, from scratch.
                let settled = projects.settled(after: storedNow)
                if !settled.isEmpty {
                    try linkAndWrite(settled, writer: &writer, committed: [], replacing: [], into: &projects)
                    // Their search entries too, a full statement's worth at a time (ADR 0021): done
                    // here, SQLite's work overlaps the recognizing of the next documents.
                    while let batch = projects.takeNewSearchBatch(of: KnowledgeBase.searchBatchProjects) {
                        try knowledgeBase.apply(.refreshSearch(projectKeys: batch, replacing: []))
                    }
                }
                done += outcomes.count
                progress(done, files.count)
            }
            let placements = Self.placeUnnamed(unnamed.map(\.findings), statedNow: statedNow, stored: stored,
                                               removed: Set(removed.map(\.path)))
            for var document in unnamed {
                let placement = placements[document.findings.path]
                let key = placement?.key ?? ProjectKey.key(for: document.findings.projectName)
                if let placement { document.findings.projectName = placement.name }
                try writer.store(document, key: key, previousKey: stored[document.findings.path]?.projectKey)
                projects.stored(key)
            }
            summary.phases.append(("read, recognize and store documents", Self.milliseconds(since: clock)))
            if summary.filesParsed == 0, summary.filesUnchanged == 0, summary.filesRemoved == 0 {
                throw ImportError.nothingImported("nothing could be imported")
            }

            // What is left: the projects that were known before, and those that got a document
            // after they were written (undone first, so that they are linked once with all of them).
            let remaining = writer.affected.subtracting(projects.written).union(projects.reopened).sorted()
            for key in projects.reopened.sorted() {
                try knowledgeBase.apply(.unlinkProject(key: key))
            }
            let writtenBefore = projects.written
            // Unchanged documents' mentions are read as committed, on the linking worker (see
            // `Committed`); not after mentions were stored unlinked in this transaction (only this
            // connection sees them) or rebuilt. Opened only when there is something to link.
            // One reader for each project being linked at a time (a connection is not shared by
            // two threads); all of them or none.
            let readers = options.rebuild || stored.isEmpty || remaining.isEmpty || writer.storedUnlinked
                ? [] : (0..<Self.linkingDepth).compactMap { _ in try? knowledgeBase.committedReader(documents: stored.count) }
            let changed = writer.reparsed.union(removed.map(\.id))
            let committed = readers.count == Self.linkingDepth ? readers.map { Committed(knowledgeBase: $0, changed: changed) } : []
            try linkAndWrite(remaining, writer: &writer, committed: committed,
                             replacing: projects.known.union(projects.reopened), into: &projects)
            // Every project with held mentions was linked; should one not have been, its
            // mentions are stored unlinked rather than lost.
            try writer.storeHeld()
            summary.projectKeys = writer.affected.sorted()
            summary.changes += projects.changes
            summary.changes.removed += projects.removedWithProjects
            summary.phases.append(("link and write \(remaining.count) projects (\(writtenBefore.count - projects.reopened.count) "
                                   + "written before, \(projects.reopened.count) again)", Self.milliseconds(since: clock)))
            try knowledgeBase.apply(.refreshSearch(projectKeys: Set(projects.staleSearch.keys),
                                                   replacing: Set(projects.staleSearch.filter(\.value).keys)))
            summary.phases.append(("search entries of \(projects.staleSearch.count) projects", Self.milliseconds(since: clock)))
            summary.tasksTotal = try knowledgeBase.taskCount()
            summary.warnings = warnings
            summary.durationMilliseconds = Self.milliseconds(since: clock)
            try knowledgeBase.apply(.finish(summary))
        }
        summary.durationMilliseconds = Self.milliseconds(since: clock)
        summary.phases.append(("commit", summary.durationMilliseconds))
        return summary
    }

    /// How many projects are linked at a time, each on a worker, while the one before them is
    /// written: the linker's work and SQLite's overlap on two cores. With one, a re-import's
    /// writing thread waited for the linker (which reads and links every mention of a changed
    /// project), with two both cores stay busy.
    static let linkingDepth = 2

    /// Links projects on workers while the one before them is written (`linkingDepth`). Their
    /// search entries are refreshed at the end of the import. `committed` has a reader for each
    /// worker, or none; it is not used for a project written before in this import (linked
    /// again), whose mentions were stored with their tasks in this transaction, where only this
    /// connection sees them.
    private func linkAndWrite(_ keys: [String], writer: inout DocumentWriter, committed: [Committed],
                              replacing: Set<String>, into projects: inout ProjectWriting) throws {
        guard !keys.isEmpty else { return }
        let writtenHere = projects.written
        if case .projectsSettled(let tasksRemoved) = try knowledgeBase.apply(.settleProjects(keys: keys)) {
            projects.removedWithProjects += tasksRemoved
        }
        // Project i is linked with reader i % depth: the one before it that used that reader is
        // written (so done) by the time it starts.
        func start(_ index: Int) throws -> Pending<Result<LinkedProject, Error>> {
            try startLinking(keys[index], held: writer.take(keys[index]),
                             committed: committed.isEmpty || writtenHere.contains(keys[index]) ? nil : committed[index % committed.count])
        }
        var pending = try (0..<min(Self.linkingDepth, keys.count)).map(start)
        for index in keys.indices {
            let current = try pending.removeFirst().value().get()
            if index + Self.linkingDepth < keys.count { pending.append(try start(index + Self.linkingDepth)) }
            var explained = projects.explained[current.change.key] ?? []
            let changes = try write(current, reparsed: writer.reparsed, explained: &explained)
            projects.wrote(current.change.key, changes: changes, explained: explained)
        }
        for key in keys { projects.searchIsStale(key, replacing: replacing.contains(key)) }
    }

    /// Which projects of an import are written, when, and what each did to the tasks. Projects
    /// the knowledge base knew before are written last, once; a new one as soon as its documents
    /// seem to be in, and again at the end (`reopened`) should one more come.
    private struct ProjectWriting {
        /// The projects with documents before this import.
        let known: Set<String>
        private(set) var written: Set<String> = []
        private(set) var reopened: Set<String> = []
        /// New projects with documents stored and not yet written.
        private var waiting: Set<String> = []
        private var changesByProject: [String: TaskChanges] = [:]
        /// The mentions whose links `-v` explained, by project.
        private(set) var explained: [String: Set<MentionLine>] = [:]
        var removedWithProjects = 0

        init(known: Set<String>) { self.known = known }

        mutating func stored(_ key: String) {
            if written.contains(key) {
                reopened.insert(key)
            } else if !known.contains(key) {
                waiting.insert(key)
            }
        }

        /// The waiting projects that got no document in the batch just stored, in key order.
        mutating func settled(after storedNow: Set<String>) -> [String] {
            let ready = waiting.subtracting(storedNow)
            waiting.subtract(ready)
            return ready.sorted()
        }

        /// The projects whose search entries are to be refreshed, and whether each may have
        /// entries already: after every project is written, but for new projects taken a batch
        /// at a time while documents are still read (`takeNewSearchBatch`). Batches of a statement's
        /// worth leave FTS5 as few segments to merge as one batch at the end (ADR 0015, 0021).
        private(set) var staleSearch: [String: Bool] = [:]

        mutating func searchIsStale(_ key: String, replacing: Bool) {
            staleSearch[key] = (staleSearch[key] ?? false) || replacing
        }

        /// `size` written projects with no entries yet, in key order, no longer stale; nil while
        /// fewer are waiting. One linked again later has its entries deleted with its links, and is
        /// stale again.
        mutating func takeNewSearchBatch(of size: Int) -> Set<String>? {
            let fresh = staleSearch.filter { !$0.value }.keys.sorted()
            guard fresh.count >= size else { return nil }
            let batch = Set(fresh.prefix(size))
            for key in batch { staleSearch[key] = nil }
            return batch
        }

        mutating func wrote(_ key: String, changes: TaskChanges, explained: Set<MentionLine>) {
            written.insert(key)
            changesByProject[key] = changes
            if !explained.isEmpty { self.explained[key] = explained }
        }

        var changes: TaskChanges { changesByProject.values.reduce(into: TaskChanges()) { $0 += $1 } }
    }

    /// A mention by document and line.
    private struct MentionLine: Hashable {
        let documentID: Int64
        let line: Int
    }

    /// One project's stored mentions, linked (on the linking worker: fingerprints and gate
    /// scopes too), before anything of it is written; `inputs` say where its mentions are, for `-v`.
    private struct LinkedProject: Sendable {
        let change: ProjectChange
        let inputs: [TaskLinker.Input]
    }

    /// Which rows of a project's risks or metrics repeat an earlier row (`ItemLinker`).
    private static func repeats(_ table: KnowledgeBase.LinkedTable, rows: [LinkableRow]) -> ItemRepeats {
        ItemRepeats(table: table, current: Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.primaryID) }),
                    primaries: ItemLinker.primaries(rows))
    }

    /// The knowledge base as committed before this import, read by a second connection: an
    /// unchanged document's mentions (and the tasks they were linked to) are the same there, since
    /// a known project is written once, at the end, after its mentions are read. Documents stored
    /// again or removed in this import (`changed`) are left out: their rows there are the old ones.
    /// The project's tasks and gates are read there too (`StoredProjectRows`), for its write to
    /// compare with, off the writing thread.
    private struct Committed: @unchecked Sendable {
        let knowledgeBase: KnowledgeBase
        let changed: Set<Int64>

        func mentions(projectKey: String) throws -> [StoredMention] {
            try knowledgeBase.storedMentions(projectKey: projectKey, excluding: changed)
        }

        func gateMentions(projectKey: String) throws -> [StoredGateMention] {
            try knowledgeBase.storedGateMentions(projectKey: projectKey, excluding: changed)
        }

        func linkableRows(_ table: KnowledgeBase.LinkedTable, projectKey: String) throws -> [LinkableRow] {
            try knowledgeBase.linkableRows(table, projectKey: projectKey, excluding: changed)
        }
    }

    /// A project's gate mentions and risk and metric rows as this import leaves them. A held
    /// document stored afresh brings its rows as inserted; the rows of the others are read here,
    /// on the writing connection: with a committed reader only those of held documents that kept
    /// stored rows (the linking worker reads the rest as committed and merges the two: `merged`),
    /// else those of every document of the project not held. The writing thread is the import's
    /// narrowest step: in a full import every document is stored afresh and nothing is read.
    private struct ProjectItems: Sendable {
        var gateMentions: [StoredGateMention] = []
        var risks: [LinkableRow] = []
        var metrics: [LinkableRow] = []

        init(_ knowledgeBase: KnowledgeBase, projectKey: String, held: [DocumentWriter.HeldDocument], committed: Bool) throws {
            var brought = Set<Int64>()
            for document in held {
                guard let items = document.stored else { continue }
                gateMentions += items.gateMentions
                risks += items.risks
                metrics += items.metrics
                brought.insert(document.id)
            }
            let unread = committed ? held.filter { $0.stored == nil }.map(\.id)
                : try knowledgeBase.documentIDs(projectKey: projectKey).filter { !brought.contains($0) }
            if !unread.isEmpty {
                // Past a few hundred documents, reading the whole project is simpler than binding them all.
                let bound = unread.count <= 500 ? unread : nil
                let wanted = Set(unread)
                gateMentions += try knowledgeBase.storedGateMentions(projectKey: projectKey, documents: bound).filter { wanted.contains($0.documentID) }
                risks += try knowledgeBase.linkableRows(.risks, projectKey: projectKey, documents: bound).filter { wanted.contains($0.documentID) }
                metrics += try knowledgeBase.linkableRows(.metrics, projectKey: projectKey, documents: bound).filter { wanted.contains($0.documentID) }
            }
            // In linking order; `merged` orders them with the committed rows.
            if !committed { (gateMentions, risks, metrics) = (DocumentOrder.sorted(gateMentions), DocumentOrder.sorted(risks), DocumentOrder.sorted(metrics)) }
        }

        /// These rows and the committed ones of the project's other documents, in linking order.
        func merged(with committed: Committed?, projectKey: String) throws -> ProjectItems {
            guard let committed else { return self }
            var all = self
            all.gateMentions = DocumentOrder.sorted(try committed.gateMentions(projectKey: projectKey) + gateMentions)
            all.risks = DocumentOrder.sorted(try committed.linkableRows(.risks, projectKey: projectKey) + risks)
            all.metrics = DocumentOrder.sorted(try committed.linkableRows(.metrics, projectKey: projectKey) + metrics)
            return all
        }
    }

    /// Reads a project's task and gate mentions (all of them: an unchanged document's stored
    /// mentions can join a task a changed one now names; `held` are those of documents stored in
    /// this import) and links them on a worker, which also reads the stored mentions when a
    /// committed reader can.
    private func startLinking(_ key: String, held: [DocumentWriter.HeldDocument], committed: Committed?) throws
        -> Pending<Result<LinkedProject, Error>> {
        // Mentions the held documents kept are stored already; they come with the held documents.
        let heldIDs = Set(held.map(\.id))
        let storedHere = committed == nil ? try knowledgeBase.storedMentions(projectKey: key, excluding: heldIDs) : []
        let phases = try knowledgeBase.phaseRanges(projectKey: key)
        // Its documents are all stored, so their risks and metrics are as they will be written.
        let itemsHere = try ProjectItems(knowledgeBase, projectKey: key, held: held, committed: committed != nil)
        return Pending {
            Result {
                let stored = try committed?.mentions(projectKey: key) ?? storedHere
                let items = try itemsHere.merged(with: committed, projectKey: key)
                return Self.link(key, stored: stored, held: held, phases: phases, gateMentions: items.gateMentions,
                                 repeats: [Self.repeats(.risks, rows: items.risks), Self.repeats(.metrics, rows: items.metrics)],
                                 rows: try committed?.knowledgeBase.storedProjectRows(projectKey: key))
            }
        }
    }

    private static func link(_ key: String, stored: [StoredMention], held: [DocumentWriter.HeldDocument],
                             phases: [(number: Int, weeks: ClosedRange<Int>)], gateMentions: [StoredGateMention],
                             repeats: [ItemRepeats], rows: StoredProjectRows?) -> LinkedProject {
        let inputs = inPathOrder(stored, held)
        var linked = TaskLinker.link(inputs)
        // A week without a phase heading above it (a summary's next steps) is in the
        // phase whose weeks include it, in whichever document of the project says so.
        for index in linked.tasks.indices where linked.tasks[index].item.phase == nil {
            guard let week = linked.tasks[index].item.week else { continue }
            linked.tasks[index].item.phase = phases.first { $0.weeks.contains(week) }?.number
        }
        let gates = GateLinker.link(gateMentions)
        let change = ProjectChange(key: key, tasks: linked.tasks, fingerprints: linked.tasks.map(KnowledgeBase.fingerprint),
                                   mentions: linked.mentions, gates: gates,
                                   scopes: GateScopes.of(gates, tasks: linked.tasks, inputs: inputs, mentions: linked.mentions),
                                   repeats: repeats, stored: rows)
        return LinkedProject(change: change, inputs: inputs)
    }

    /// The stored mentions (in path and line order, as the knowledge base reads them) and the
    /// held documents' merged into that order: the linker's result depends on its input's order,
    /// which must not depend on which documents changed. Paths compare by bytes, as SQLite's do.
    /// Made in one pass: an input holds a whole `TaskItem`, and copying 14,000 of them twice (made,
    /// then merged) was a tenth of a re-import's linking.
    private static func inPathOrder(_ stored: [StoredMention], _ held: [DocumentWriter.HeldDocument]) -> [TaskLinker.Input] {
        func input(_ mention: StoredMention) -> TaskLinker.Input {
            TaskLinker.Input(origin: .stored(id: mention.id, taskID: mention.taskID), documentID: mention.documentID,
                             documentPath: mention.documentPath, documentKind: mention.documentKind, item: mention.item)
        }
        guard !held.isEmpty else { return stored.map(input) }
        let documents = held.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var result: [TaskLinker.Input] = []
        result.reserveCapacity(stored.count + documents.reduce(0) { $0 + $1.items.count })
        var next = stored.startIndex
        for document in documents {
            while next < stored.endIndex, stored[next].documentPath.utf8.lexicographicallyPrecedes(document.path.utf8) {
                result.append(input(stored[next]))
                next += 1
            }
            for (item, origin) in zip(document.items, document.origins) {
                result.append(TaskLinker.Input(origin: origin, documentID: document.id, documentPath: document.path,
                                               documentKind: document.kind, item: item))
            }
        }
        result.append(contentsOf: stored[next...].lazy.map(input))
        return result
    }

    /// Writes a linked project, after saying (`-v`) why mentions read now joined their tasks.
    private func write(_ linked: LinkedProject, reparsed: Set<Int64>, explained: inout Set<MentionLine>) throws -> TaskChanges {
        let project = linked.change
        // `-v` says why each mention read now joined a task another document wrote (once, when a
        // project is linked again).
        for (mention, input) in zip(project.mentions, linked.inputs) where explainsLinks && reparsed.contains(input.documentID) {
            guard let reason = mention.reason,
                  explained.insert(MentionLine(documentID: input.documentID, line: input.item.line)).inserted else { continue }
            let task = project.tasks[mention.taskIndex]
            report(Diagnostic(path: input.documentPath, line: input.item.line, severity: .note,
                              message: "\"\(input.item.title)\" is the task \"\(task.item.title)\" of \(task.source): \(reason)"))
        }
        guard case .projectWritten(let changes) = try knowledgeBase.apply(.writeProject(project)) else { preconditionFailure("a write reports its changes") }
        return changes
    }

    /// Stores recognized documents and remembers what a later step needs: the projects they
    /// touched and which documents were stored in this import.
    private struct DocumentWriter {
        let knowledgeBase: KnowledgeBase
        let parsed: (DocumentFindings) -> Void
        /// Past this many held mentions (documents of many projects interleaved, none settled),
        /// they are stored unlinked, so that memory stays bounded.
        let heldLimit: Int
        var affected: Set<String> = []
        var reparsed: Set<Int64> = []

        /// A stored document's task mentions, held until its project is linked: then they are
        /// written once, with their task, instead of stored, read back and updated. `origins`
        /// say, per item, whether its stored mention was kept (`.stored`) or it is to be written.
        struct HeldDocument {
            let id: Int64
            let path: String
            let kind: DocumentKind
            let items: [TaskItem]
            let origins: [LinkedMention.Origin]
            /// Its gate mentions, risks and metrics as inserted; nil when it kept stored rows.
            let stored: StoredDocumentItems?

            /// The items whose mentions are not stored.
            var newItems: [TaskItem] {
                zip(items, origins).compactMap { item, origin in
                    if case .new = origin { return item }
                    return nil
                }
            }
        }

        fileprivate var held: [String: [HeldDocument]] = [:]
        fileprivate var heldMentions = 0

        mutating func store(_ document: RecognitionPipeline.Parsed, key: String, previousKey: String?) throws {
            let findings = document.findings
            parsed(findings)
            if let previousKey { affected.insert(previousKey) }
            affected.insert(key)
            let version = DocumentVersion(findings: findings, projectKey: key, hash: document.hash, size: document.file.size,
                                          mtimeNanoseconds: document.file.mtimeNanoseconds)
            guard case .documentStored(let documentID, let origins, let stored) = try knowledgeBase.apply(.storeDocument(version)) else {
                preconditionFailure("a stored document reports its id")
            }
            reparsed.insert(documentID)
            held[key, default: []].append(HeldDocument(id: documentID, path: findings.path, kind: findings.kind, items: findings.tasks,
                                                       origins: origins, stored: stored))
            heldMentions += findings.tasks.count
            if heldMentions > heldLimit { try storeHeld() }
        }

        /// The held documents of a project about to be linked.
        mutating func take(_ key: String) -> [HeldDocument] {
            let documents = held.removeValue(forKey: key) ?? []
            heldMentions -= documents.reduce(0) { $0 + $1.items.count }
            return documents
        }

        /// Whether some mentions were stored unlinked in this import (only this connection sees them).
        private(set) var storedUnlinked = false

        /// Stores every held mention unlinked (linking reads them back).
        mutating func storeHeld() throws {
            for document in held.values.joined() {
                storedUnlinked = true
                try knowledgeBase.apply(.storeUnlinkedMentions(documentID: document.id, items: document.newItems))
            }
            held = [:]
            heldMentions = 0
        }
    }

    /// Where each parsed document that names no project belongs, from the projects the other
    /// documents name: those parsed now (`statedNow`: the project a parsed document states, or
    /// nil when it states none), else as stored.
    private static func placeUnnamed(_ unnamed: [DocumentFindings], statedNow: [String: (key: String, name: String)?],
                                     stored: [String: StoredDocument], removed: Set<String>) -> [String: ProjectFolders.Placement] {
        var result: [String: ProjectFolders.Placement] = [:]
        guard !unnamed.isEmpty else { return result }
        var stated: [String: (key: String, name: String)] = [:]
        for document in stored.values where document.projectStated && !removed.contains(document.path) {
            stated[document.path] = (document.projectKey, document.projectName)
        }
        for (path, project) in statedNow { stated[path] = project }
        let index = ProjectFolders.Index(stated: stated)
        for findings in unnamed {
            result[findings.path] = index.place(findings.path, title: findings.title)
        }
        return result
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Now in UTC, ISO 8601 to the second (`2026-03-01T09:30:00Z`). Formatted by hand: making an
    /// `ISO8601DateFormatter` took 2 ms, a tenth of a re-import that changed nothing.
    static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// Which project a document belongs to: the distinctive leading word of the name it states.
public enum ProjectKey {
    public static func key(for name: String) -> String {
        let words = name.split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "_" }.map { $0.lowercased() }
        if let distinctive = words.first(where: { !ProjectTitle.genericWords.contains($0) && $0.contains(where: \.isLetter) }) {
            return distinctive
        }
        return words.isEmpty ? "untitled" : words.joined(separator: "-")
    }
}
