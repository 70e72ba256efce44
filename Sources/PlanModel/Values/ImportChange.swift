/// One step of what an import changes in the knowledge base, as a value the importer builds and
/// `KnowledgeBase.apply(_:)` writes. An import is a sequence of them in one transaction, in this
/// order: `begin`; documents removed, touched and stored (with `storeUnlinkedMentions` when
/// memory runs short); projects settled and written (`unlinkProject` first for one written
/// earlier in the same import that got another document); `refreshSearch`; `finish`.
/// `apply` refuses a step out of that order. The import is not one value for all of it because
/// that value would hold every document's findings at once; as steps, memory stays bounded by
/// the largest project (ADR 0016).
public enum ImportChange: Sendable {
    case begin(ImportStart)
    /// A stored document whose file is gone: its rows go; its project is settled and written later.
    case removeDocument(id: Int64)
    /// A document whose content is as stored, at a new modification time.
    case touchDocument(path: String, mtimeNanoseconds: Int64)
    /// A document new or changed: its row and all it says but its new task mentions (those are
    /// written with their tasks by `writeProject`, or by `storeUnlinkedMentions`). Rows of a
    /// document stored before in the same project that it still has are kept (task mentions
    /// too: `documentStored` says which).
    case storeDocument(DocumentVersion)
    /// A stored document's new task mentions, not linked to tasks yet (linking reads them back).
    case storeUnlinkedMentions(documentID: Int64, items: [TaskItem])
    /// A project first written in this import, about to be linked again with more documents:
    /// what writing it did is undone (its documents and mentions stay).
    case unlinkProject(key: String)
    /// Each project's name and start date settled from its documents; one left without
    /// documents is dropped with its tasks.
    case settleProjects(keys: [String])
    /// A project's linked tasks, gates and repeated risks and metrics, written where they differ
    /// from what is stored, and its summary.
    case writeProject(ProjectChange)
    /// Search entries of these projects made again (`replacing`: those that may have some).
    case refreshSearch(projectKeys: Set<String>, replacing: Set<String>)
    /// The import's counts recorded; owners no task names any more dropped.
    case finish(ImportSummary)
}

/// What `KnowledgeBase.apply(_:)` reports of a step: the row an import or a document got, what
/// a project's write did to its tasks, or how many tasks went with dropped projects.
public enum ImportChangeOutcome: Sendable, Equatable {
    case applied
    case importStarted(id: Int64)
    /// Per task of the document, in order: its kept mention (`.stored`) or one to write (`.new`);
    /// and its gate mentions, risks and metrics as inserted, unless it kept stored rows.
    case documentStored(id: Int64, mentions: [LinkedMention.Origin], items: StoredDocumentItems?)
    case projectWritten(TaskChanges)
    case projectsSettled(tasksRemoved: Int)
}

/// How an import starts: when, for which day, from which commit, and whether everything
/// imported before is dropped first (`import --rebuild`).
public struct ImportStart: Sendable {
    public var startedAt: String
    public var today: String?
    public var commit: String?
    public var rebuild: Bool

    public init(startedAt: String, today: String? = nil, commit: String? = nil, rebuild: Bool = false) {
        self.startedAt = startedAt
        self.today = today
        self.commit = commit
        self.rebuild = rebuild
    }
}

/// A document as read in this import, to be stored in the project with `projectKey`.
public struct DocumentVersion: Sendable {
    public var findings: DocumentFindings
    public var projectKey: String
    public var hash: String
    public var size: Int
    public var mtimeNanoseconds: Int64

    public init(findings: DocumentFindings, projectKey: String, hash: String, size: Int, mtimeNanoseconds: Int64) {
        self.findings = findings
        self.projectKey = projectKey
        self.hash = hash
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}

/// One project after linking, all its documents stored: every task (with the mentions that make
/// it), every gate with the tasks it closes, and which risks and metrics repeat others.
public struct ProjectChange: Sendable {
    public let key: String
    public let tasks: [LinkedTask]
    /// The tasks' `KnowledgeBase.fingerprint`s, which tell a changed task from an unchanged one.
    public let fingerprints: [String]
    public let mentions: [LinkedMention]
    public let gates: [LinkedGate]
    /// One per gate.
    public let scopes: [GateScope]
    public let repeats: [ItemRepeats]
    /// The project's tasks and gates as stored, when its linker read them (nil: the write reads them).
    public let stored: StoredProjectRows?

    public init(key: String, tasks: [LinkedTask], fingerprints: [String], mentions: [LinkedMention],
                gates: [LinkedGate], scopes: [GateScope], repeats: [ItemRepeats], stored: StoredProjectRows? = nil) {
        precondition(tasks.count == fingerprints.count && gates.count == scopes.count, "one fingerprint per task, one scope per gate")
        self.key = key
        self.tasks = tasks
        self.fingerprints = fingerprints
        self.mentions = mentions
        self.gates = gates
        self.scopes = scopes
        self.repeats = repeats
        self.stored = stored
    }
}

/// Which rows of a project's risks or metrics repeat an earlier row: each row's primary as
/// stored (`current`) and as linked now (`primaries`; nil: the row is a primary).
public struct ItemRepeats: Sendable {
    public let table: KnowledgeBase.LinkedTable
    public let current: [Int64: Int64?]
    public let primaries: [(id: Int64, primary: Int64?)]

    public init(table: KnowledgeBase.LinkedTable, current: [Int64: Int64?], primaries: [(id: Int64, primary: Int64?)]) {
        self.table = table
        self.current = current
        self.primaries = primaries
    }
}
