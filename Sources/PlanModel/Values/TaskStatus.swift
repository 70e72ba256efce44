/// A task's state. The raw values are the knowledge base's and the JSON contract's words.
public enum TaskStatus: String, CaseIterable, Codable, Sendable {
    case open
    case done
    case inProgress = "in_progress"
    case cancelled
    case deferred
    /// A row of a plan's task table: scheduled, with no checkbox to say more.
    case planned

    /// Whether the work is finished or will not be done: what a burndown counts as burnt.
    public var isClosed: Bool { self == .done || self == .cancelled }

    /// How much a status says about real progress: a checkbox's state beats a plan's row.
    public var evidence: Int {
        switch self {
        case .planned: return 0
        case .open, .deferred: return 1
        case .inProgress, .cancelled: return 2
        case .done: return 3
        }
    }
}
