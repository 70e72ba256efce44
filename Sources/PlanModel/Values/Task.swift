/// A task as the knowledge base holds it: one per piece of work, however many documents
/// mention it. Field names follow DESIGN's listing contract.
public struct Task: Equatable, Sendable {
    public let id: Int64
    public let project: String
    public let title: String
    public let status: TaskStatus
    public let week: Int?
    public let phase: Int?
    public let owners: [OwnerAction]
    public let due: String?
    public let doneOn: String?
    public let source: SourceRef
    public let milestone: Bool
    public let optional: Bool
    public let number: String?
    public let parentID: Int64?
    public let requirements: [String]
    public let timeline: String?
    /// Every document that mentions the task, as `path:line`.
    public let mentions: [SourceRef]

    public init(id: Int64, project: String, title: String, status: TaskStatus, week: Int?, phase: Int?,
                owners: [OwnerAction], due: String?, doneOn: String?, source: SourceRef,
                milestone: Bool, optional: Bool, number: String?, parentID: Int64?,
                requirements: [String], timeline: String?, mentions: [SourceRef]) {
        self.id = id
        self.project = project
        self.title = title
        self.status = status
        self.week = week
        self.phase = phase
        self.owners = owners
        self.due = due
        self.doneOn = doneOn
        self.source = source
        self.milestone = milestone
        self.optional = optional
        self.number = number
        self.parentID = parentID
        self.requirements = requirements
        self.timeline = timeline
        self.mentions = mentions
    }
}
