/// A task after linking: the merged facts of every mention of it in one project.
public struct LinkedTask: Equatable, Sendable {
    public var key: String
    public var item: TaskItem
    public var source: SourceRef
    public var parentKey: String?

    public init(key: String, item: TaskItem, source: SourceRef, parentKey: String?) {
        self.key = key
        self.item = item
        self.source = source
        self.parentKey = parentKey
    }
}

/// One mention and the linked task (by index) it belongs to.
public struct LinkedMention: Sendable {
    /// Where a mention comes from: a stored row and the task it was linked to before (nil when
    /// stored in this import), or a document read in this import whose mentions are written
    /// with their task, once linked.
    public enum Origin: Equatable, Sendable {
        case stored(id: Int64, taskID: Int64?)
        case new(documentID: Int64, item: TaskItem)
    }

    public let origin: Origin
    public let taskIndex: Int
    /// Why this mention joined its task when it is not the task's primary mention
    /// ("titles 72% alike in week 3"), for `import -v`.
    public let reason: LinkReason?

    public init(origin: Origin, taskIndex: Int, reason: LinkReason? = nil) {
        self.origin = origin
        self.taskIndex = taskIndex
        self.reason = reason
    }
}

/// Counts of what an import did to the tasks.
public struct TaskChanges: Equatable, Sendable {
    public var added = 0
    public var changed = 0
    public var removed = 0

    public init(added: Int = 0, changed: Int = 0, removed: Int = 0) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public static func += (lhs: inout TaskChanges, rhs: TaskChanges) {
        lhs.added += rhs.added
        lhs.changed += rhs.changed
        lhs.removed += rhs.removed
    }
}

/// Why a mention joined a task another mention opened. Kept as values and worded only when
/// `import -v` says it: a project's every mention is linked, few are explained.
public enum LinkReason: Sendable, Equatable, CustomStringConvertible {
    /// Row `row` (from 0) of a week's table lined up with the same row of `path`'s.
    case tableRow(row: Int, week: Int, path: String)
    /// The same title in another week.
    case carried(fromWeek: Int?)
    /// Titles `percent`% alike, in the same week (or none named).
    case similar(percent: Int, week: Int?)

    public var description: String {
        switch self {
        case .tableRow(let row, let week, let path):
            return "row \(row + 1) of a week \(week) table lined up row by row with \(path)'s"
        case .carried(let week):
            return "the same title, carried from week \(week.map(String.init) ?? "-")"
        case .similar(let percent, let week):
            return "titles \(percent)% alike (words shared)" + (week.map { " in week \($0)" } ?? ", no week named")
        }
    }
}
