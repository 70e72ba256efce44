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
    public enum Origin: Sendable {
        case stored(id: Int64, taskID: Int64?)
        case new(documentID: Int64, item: TaskItem)
    }

    public let origin: Origin
    public let taskIndex: Int
    /// Why this mention joined its task when it is not the task's primary mention
    /// ("titles 72% alike in week 3"), for `import -v`.
    public let reason: String?

    public init(origin: Origin, taskIndex: Int, reason: String? = nil) {
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
