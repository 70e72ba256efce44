import PlanModel

/// Where each project stands, as `planq status` and a report site's index show it: progress,
/// the current week, the next open gate with its verdict, high risks and missed metrics.
public struct StatusOverview: Sendable {
    public struct Entry: Sendable {
        public let status: ProjectStatus
        public let startDate: String?
        public let currentWeek: Int?
        /// The first gate not yet passed, in week order (gates without a week last).
        public let nextGate: ProjectStatus.NextGate?
        public let nextGateVerdict: GateVerdict?

        public var project: Project { status.project }
        public var percentDone: Int { status.scheduled == 0 ? 0 : status.done * 100 / status.scheduled }
        public var progress: String { "\(status.done)/\(status.scheduled) (\(percentDone)%)" }
        public var weekText: String { currentWeek.map { $0 == 0 ? "not started" : "week \($0)" } ?? "unknown" }
        public var gateText: String {
            guard let nextGate, let nextGateVerdict else { return "" }
            return (nextGate.week.map { "w\($0) " } ?? "") + nextGate.title + ": " + nextGateVerdict.label
        }
    }

    public let entries: [Entry]

    /// `selected` are the projects `--project` chose (nil: all of them).
    public init(knowledgeBase: KnowledgeBase, selected: [Project]?, today: String, start: String?) throws {
        let projects = try selected ?? knowledgeBase.projects()
        // One summary row per project, its next gate's facts with it.
        let statuses = try knowledgeBase.status(projects: projects)
        entries = statuses.map { status in
            let currentWeek = status.project.currentWeek(today: today, start: start)
            let gate = status.nextGate
            return Entry(status: status, startDate: start ?? status.project.startDate, currentWeek: currentWeek, nextGate: gate,
                         nextGateVerdict: gate?.verdict(currentWeek: currentWeek))
        }
    }
}
