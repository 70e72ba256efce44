/// One document's mention of a task, as a recognizer found it. Mentions of the same task in
/// several documents of a project are linked into one `Task` by the knowledge base.
public struct TaskItem: Equatable, Codable, Sendable {
    public var line: Int
    public var title: String
    public var status: TaskStatus
    public var week: Int?
    public var phase: Int?
    public var day: Int?
    public var sprint: Int?
    /// The schedule as written in an action heading (`TODAY - 1-2 hours`, `WEEK 2-3`).
    public var timeline: String?
    /// `YYYY-MM-DD` (Obsidian `📅`).
    public var due: String?
    /// `YYYY-MM-DD` (Obsidian `✅`).
    public var doneOn: String?
    public var milestone: Bool
    /// Kiro `- [ ]*`: may be skipped for an MVP.
    public var optional: Bool
    /// Kiro's number (`2.1`) when the item has one.
    public var number: String?
    /// The line of the task this one is nested under (or numbered under), in the same document.
    public var parentLine: Int?
    /// Kiro `_Requirements: 4.1.1, 4.5.6_` references.
    public var requirements: [String]
    /// Kept lines such as `**Property 1: ...**` and `**Validates: ...**`.
    public var details: [String]
    public var owners: [OwnerAction]
    /// Row order inside a task table (`table` is the table's line): lets a tracker's table
    /// and the plan's table for the same week line up row by row.
    public var table: Int?
    public var row: Int?
    /// Whether the mention is a checkbox (`- [ ]`, a `| - [ ] |` cell), not a plan row or heading.
    public var checkbox: Bool

    public init(line: Int, title: String, status: TaskStatus, week: Int? = nil, phase: Int? = nil,
                day: Int? = nil, sprint: Int? = nil, timeline: String? = nil, due: String? = nil,
                doneOn: String? = nil, milestone: Bool = false, optional: Bool = false,
                number: String? = nil, parentLine: Int? = nil, requirements: [String] = [],
                details: [String] = [], owners: [OwnerAction] = [], table: Int? = nil, row: Int? = nil,
                checkbox: Bool = false) {
        self.line = line
        self.title = title
        self.status = status
        self.week = week
        self.phase = phase
        self.day = day
        self.sprint = sprint
        self.timeline = timeline
        self.due = due
        self.doneOn = doneOn
        self.milestone = milestone
        self.optional = optional
        self.number = number
        self.parentLine = parentLine
        self.requirements = requirements
        self.details = details
        self.owners = owners
        self.table = table
        self.row = row
        self.checkbox = checkbox
    }
}
