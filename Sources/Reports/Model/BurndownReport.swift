import PlanModel

/// Remaining work per week: the planned line (from the week each task is scheduled in), the actual
/// line (from each import's recorded statuses), scope added and removed, done so far (burn-up),
/// and a forecast at the velocity so far.
public struct BurndownReport: Sendable {
    public struct Point: Sendable, Equatable {
        public let week: Int
        public let remaining: Int
        public let done: Int
        public let added: Int
        public let removed: Int
        public let date: String
    }

    public let project: Project
    public let today: String
    public let startDate: String?
    public let planned: [(week: Int, remaining: Int)]
    public let actual: [Point]
    public let plannedEnd: Int?
    /// Tasks done per week at the pace so far, and the week the remaining work ends at that pace.
    public let velocity: Double?
    public let forecastEnd: Int?

    public init(knowledgeBase: KnowledgeBase, project: Project, today: String, start: String?) throws {
        self.project = project
        self.today = today
        startDate = start ?? project.startDate
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id])).filter { $0.status != .deferred && $0.status != .cancelled }
        let weeks = tasks.compactMap(\.week)
        if let first = weeks.min(), let last = weeks.max() {
            // A task without a week (a Kiro spec's) is due by the plan's last week.
            planned = ((first - 1)...last).map { week in (week, tasks.filter { ($0.week ?? last) > week }.count) }
            plannedEnd = last
        } else {
            planned = []
            plannedEnd = nil
        }
        // Each import counts in the week its date falls in; without a start date, imports are
        // numbered 1, 2, 3 instead of dated.
        let start = startDate.flatMap(CalendarDate.init)
        var points: [Int: Point] = [:]
        for (index, snapshot) in try knowledgeBase.snapshots(projectID: project.id).enumerated() {
            let week = start.flatMap { start in CalendarDate(snapshot.date).map { $0.week(since: start) } } ?? index + 1
            let earlier = points[week]
            points[week] = Point(week: week, remaining: snapshot.remaining, done: snapshot.done,
                                 added: (earlier?.added ?? 0) + snapshot.added, removed: (earlier?.removed ?? 0) + snapshot.removed,
                                 date: snapshot.date)
        }
        actual = points.values.sorted { $0.week < $1.week }
        if let first = actual.first, let last = actual.last, last.week > first.week, last.done > first.done {
            let pace = Double(last.done - first.done) / Double(last.week - first.week)
            velocity = pace
            forecastEnd = last.week + Int((Double(last.remaining) / pace).rounded(.up))
        } else {
            velocity = nil
            forecastEnd = nil
        }
    }

    public var document: ReportDocument {
        var facts = [ReportDocument.Fact("project", "Project", project.name), ReportDocument.Fact("as_of", "As of", today)]
        facts.append(.init("start_date", "Start date", startDate ?? "unknown (imports are numbered, not dated; pass --start YYYY-MM-DD)"))
        var sections: [ReportSection] = []
        var chartSeries: [ReportChart.Series] = []
        if !planned.isEmpty { chartSeries.append(.init(name: "Planned remaining", points: planned.map { ($0.week, $0.remaining) })) }
        if !actual.isEmpty {
            chartSeries.append(.init(name: "Actual remaining", points: actual.map { ($0.week, $0.remaining) }))
            chartSeries.append(.init(name: "Done", points: actual.map { ($0.week, $0.done) }))
        }
        sections.append(ReportSection(id: "burndown", title: "Burndown", blocks: chartSeries.isEmpty
            ? [.empty("No scheduled tasks and no import history yet.")]
            : [.chart(ReportChart(id: "burndown", title: "Remaining tasks per week: planned, actual, and done (burn-up)",
                                  xLabel: startDate == nil ? "Import" : "Week", yLabel: "Tasks", series: chartSeries))]))
        sections.append(ReportSection(id: "scope", title: "Scope changes", blocks: actual.isEmpty
            ? [.empty("No import history yet.")]
            : [.table(ReportTable(id: "scope", columns: [.init("week", startDate == nil ? "Import" : "Week"), .init("date", "Date"),
                                                         .init("added", "Added"), .init("removed", "Removed"),
                                                         .init("remaining", "Remaining"), .init("done", "Done")],
                                  rows: actual.map { point in
                                      [ReportTable.Cell(String(point.week)), ReportTable.Cell(point.date), ReportTable.Cell(String(point.added)),
                                       ReportTable.Cell(String(point.removed)), ReportTable.Cell(String(point.remaining)), ReportTable.Cell(String(point.done))]
                                  }))]))
        var forecast: [ReportBlock] = []
        if let velocity, let forecastEnd, let last = actual.last {
            let pace = (velocity * 10).rounded() / 10
            var line = "At \(pace) tasks a week, the \(last.remaining) remaining tasks end in week \(forecastEnd)"
            if let plannedEnd {
                let slip = forecastEnd - plannedEnd
                line += slip > 0 ? ", \(slip) week\(slip == 1 ? "" : "s") behind the plan (week \(plannedEnd))."
                    : slip < 0 ? ", \(-slip) week\(slip == -1 ? "" : "s") ahead of the plan (week \(plannedEnd))." : ", on plan."
            } else {
                line += "."
            }
            forecast.append(.text(line))
        } else {
            forecast.append(.empty("No forecast yet: it needs imports in at least two weeks with work done between them (import regularly, or `planq import --history`)."))
        }
        sections.append(ReportSection(id: "forecast", title: "Forecast", blocks: forecast))
        return ReportDocument(report: "burndown", title: "\(project.name) — burndown", facts: facts, sections: sections)
    }
}
