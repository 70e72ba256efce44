/// What sort of planning document a file is; decides which document wins when two describe
/// the same task (a tracker's checkbox beats the plan row it was made from).
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case tracker
    case kiroTasks = "kiro-tasks"
    case summary
    case actionPlan = "action-plan"
    case plan
    case other

    /// Lower ranks are more authoritative about a task's state.
    public var authority: Int {
        switch self {
        case .tracker: return 0
        case .kiroTasks: return 1
        case .actionPlan: return 2
        case .summary: return 3
        case .plan: return 4
        case .other: return 5
        }
    }
}
