import PlanModel

/// Remaining work per week: the planned line (from the week each task is scheduled in), the actual
/// line (from each import dated on or before the as-of day), scope added and removed, done so far
/// (burn-up), and the finish forecast: at the velocity so far, and by Monte Carlo over the
/// recorded weeks. The week review and the retro draw the same lines and forecast.
public struct BurndownReport: Sendable {
    public struct Point: Sendable, Equatable {
        public let week: Int
        public let remaining: Int
        public let done: Int
        public let added: Int
        public let removed: Int
        public let date: String
    }

    /// A forecast at the pace so far: tasks done per week and the week the remaining work ends.
    public struct Forecast: Sendable {
        public let velocity: Double
        public let remaining: Int
        public let endWeek: Int
        public let plannedEndWeek: Int?
        public var weeksLate: Int? { plannedEndWeek.map { endWeek - $0 } }
    }

    public let project: Project
    public let today: String
    public let startDate: String?
    public let planned: [(week: Int, remaining: Int)]
    public let actual: [Point]
    /// Imports dated after the as-of day: left out of the actual line.
    public let laterImports: Int
    public let plannedEnd: Int?
    public let forecast: Forecast?
    public let monteCarlo: MonteCarloForecast

    /// `tasks` are the project's, when the caller has read them already.
    public init(knowledgeBase: KnowledgeBase, project: Project, tasks projectTasks: [Task]? = nil, today: String, start: String?,
                forecast settings: MonteCarloForecast.Settings = .standard) throws {
        self.project = project
        self.today = today
        startDate = start ?? project.startDate
        let tasks = try (projectTasks ?? knowledgeBase.tasks(TaskFilter(projectIDs: [project.id]))).filter { $0.status != .deferred && $0.status != .cancelled }
        let weeks = tasks.compactMap(\.week)
        if let first = weeks.min(), let last = weeks.max() {
            // A task without a week (a Kiro spec's) is due by the plan's last week.
            planned = ((max(0, first - 1))...last).map { week in (week, tasks.filter { ($0.week ?? last) > week }.count) }
            plannedEnd = last
        } else {
            planned = []
            plannedEnd = nil
        }
        // Each import counts in the week its date falls in; without a start date, imports are
        // numbered 1, 2, 3 instead of dated. An import dated after the as-of day is not yet history.
        let start = startDate.flatMap(CalendarDate.init)
        let asOf = CalendarDate(today)
        let snapshots = try knowledgeBase.snapshots(projectID: project.id)
        let known = snapshots.filter { snapshot in
            guard let asOf, let date = CalendarDate(snapshot.date) else { return true }
            return date <= asOf
        }
        laterImports = snapshots.count - known.count
        var points: [Int: Point] = [:]
        for (index, snapshot) in known.enumerated() {
            let week = start.flatMap { start in CalendarDate(snapshot.date).map { $0.week(since: start) } } ?? index + 1
            let earlier = points[week]
            points[week] = Point(week: week, remaining: snapshot.remaining, done: snapshot.done,
                                 added: (earlier?.added ?? 0) + snapshot.added, removed: (earlier?.removed ?? 0) + snapshot.removed,
                                 date: snapshot.date)
        }
        actual = points.values.sorted { $0.week < $1.week }
        if let first = actual.first, let last = actual.last, last.week > first.week, last.done > first.done {
            let pace = Double(last.done - first.done) / Double(last.week - first.week)
            forecast = Forecast(velocity: pace, remaining: last.remaining,
                                endWeek: last.week + Int((Double(last.remaining) / pace).rounded(.up)), plannedEndWeek: plannedEnd)
        } else {
            forecast = nil
        }
        monteCarlo = MonteCarloForecast(points: actual, plannedEndWeek: plannedEnd, settings: settings)
    }

    /// The planned, actual and done lines, through `week` when given.
    public func chart(id: String, title: String, through week: Int? = nil) -> ReportChart {
        let limit = week ?? Int.max
        var series: [ReportChart.Series] = []
        if !planned.isEmpty { series.append(.init(name: "Planned remaining", points: planned.filter { $0.week <= limit }.map { ($0.week, $0.remaining) })) }
        let actual = self.actual.filter { $0.week <= limit }
        if !actual.isEmpty {
            series.append(.init(name: "Actual remaining", points: actual.map { ($0.week, $0.remaining) }))
            series.append(.init(name: "Done", points: actual.map { ($0.week, $0.done) }))
        }
        return ReportChart(id: id, title: title, xLabel: startDate == nil ? "Import" : "Week", yLabel: "Tasks", series: series)
    }

    /// What the actual line leaves out, for people: imports after the as-of day.
    public var leftOutNote: String? {
        laterImports == 0 ? nil
            : "\(laterImports) import\(laterImports == 1 ? " is" : "s are") dated after \(today) and left out of the actual line."
    }

    public var document: ReportDocument {
        var facts = [ReportDocument.Fact("project", "Project", .string(project.name)), .init("as_of", "As of", Value(date: today)),
                     .init("start_date", "Start date", Value(date: startDate),
                           absent: "unknown (imports are numbered, not dated; pass --start YYYY-MM-DD or `planq project set`)")]
        facts.append(.init("planned_end_week", "Planned end", Value(plannedEnd), absent: "no task names a week"))
        var sections: [ReportSection] = []
        let chart = self.chart(id: "burndown", title: "Remaining tasks per week: planned, actual, and done (burn-up)")
        var blocks: [ReportBlock] = [.chart(chart)]
        if chart.series.isEmpty { blocks.append(.empty("No scheduled tasks and no import history yet.")) }
        if let leftOutNote { blocks.append(.text(leftOutNote)) }
        sections.append(ReportSection(id: "burndown", title: "Burndown", blocks: blocks))
        sections.append(ReportSection(id: "scope", title: "Scope changes", blocks: [
            .table(ReportTable(id: "scope", columns: [.init("week", startDate == nil ? "Import" : "Week"), .init("date", "Date"),
                                                      .init("added", "Added"), .init("removed", "Removed"),
                                                      .init("remaining", "Remaining"), .init("done", "Done")],
                               rows: actual.map { point in
                                   [ReportTable.Cell(.int(point.week)), ReportTable.Cell(Value(date: point.date)), ReportTable.Cell(.int(point.added)),
                                    ReportTable.Cell(.int(point.removed)), ReportTable.Cell(.int(point.remaining)), ReportTable.Cell(.int(point.done))]
                               }, empty: "No import history on or before \(today) yet.")),
        ]))
        sections.append(forecastSection)
        return ReportDocument(report: "burndown", title: "\(project.name) — burndown", facts: facts, sections: sections)
    }

    /// The finish forecast, at the pace so far and by Monte Carlo, with the runs' histogram.
    public var forecastSection: ReportSection {
        var blocks: [ReportBlock] = []
        if let forecast {
            let pace = Value.decimalText((forecast.velocity * 10).rounded() / 10)
            var line = "At \(pace) tasks a week, the \(forecast.remaining) remaining tasks end in week \(forecast.endWeek)"
            if let plannedEnd = forecast.plannedEndWeek, let late = forecast.weeksLate {
                line += late > 0 ? ", \(late) week\(late == 1 ? "" : "s") behind the plan (week \(plannedEnd))."
                    : late < 0 ? ", \(-late) week\(late == -1 ? "" : "s") ahead of the plan (week \(plannedEnd))." : ", on plan."
            } else {
                line += "."
            }
            blocks.append(.text(line))
        } else {
            blocks.append(.empty("No forecast yet: it needs imports in at least two weeks with work done between them (import regularly, or `planq import --history`)."))
        }
        let simulated = monteCarlo
        let percentiles: MonteCarloForecast.Percentiles?
        switch simulated.outcome {
        case .tooLittleHistory:
            percentiles = nil
            let recorded = simulated.weeks.count
            blocks.append(.empty("No probabilistic forecast yet: it needs \(MonteCarloForecast.minimumWeeks) weeks of recorded throughput, "
                                 + "and the imports so far span \(recorded) week\(recorded == 1 ? "" : "s") (import weekly, or `planq import --history`)."))
        case .noProgress:
            percentiles = nil
            blocks.append(.text("No recorded week reduced the remaining work (\(simulated.weeks.count) weeks of history): at that pace it does not end."))
        case .finishes(let result):
            percentiles = result
            blocks.append(.text(monteCarloLine(result)))
            blocks.append(.chart(ReportChart(id: "forecast_runs", title: "Finish week of \(Self.count(simulated.settings.runs)) simulated runs",
                                             xLabel: startDate == nil ? "Import" : "Week", yLabel: "Runs",
                                             series: [.init(name: "Runs finishing", points: Self.everyWeek(of: result.histogram))],
                                             kind: .bars, markers: Self.markers(result))))
        }
        let ran = percentiles != nil
        let beyond = "not within \(MonteCarloForecast.horizonWeeks) weeks"
        blocks.append(.fields(id: "forecast", [
            .init("velocity", "Tasks done per week", forecast.map { .decimal($0.velocity) } ?? .null, absent: "unknown"),
            .init("remaining", "Remaining", Value(forecast?.remaining ?? actual.last?.remaining), absent: "unknown"),
            .init("end_week", "Forecast end week", Value(forecast?.endWeek), absent: "unknown"),
            .init("planned_end_week", "Planned end week", Value(plannedEnd), absent: "unknown"),
            .init("weeks_late", "Weeks behind plan", Value(forecast?.weeksLate), absent: "unknown"),
            .init("method", "Method", .string("monte_carlo"), dataOnly: true),
            .init("runs", "Runs", ran ? .int(simulated.settings.runs) : .null, dataOnly: true),
            .init("seed", "Seed", .int(Int(truncatingIfNeeded: simulated.settings.seed)), dataOnly: true),
            .init("weeks_of_history", "Weeks of history", .int(simulated.weeks.count), dataOnly: true),
            .init("p50_week", "P50 finish week", Value(percentiles?.p50), absent: beyond, dataOnly: !ran),
            .init("p85_week", "P85 finish week", Value(percentiles?.p85), absent: beyond, dataOnly: !ran),
            .init("p95_week", "P95 finish week", Value(percentiles?.p95), absent: beyond, dataOnly: !ran),
            .init("p50_date", "P50 finish date", Value(date: date(ofWeek: percentiles?.p50)), absent: "unknown", dataOnly: !ran || startDate == nil),
            .init("p85_date", "P85 finish date", Value(date: date(ofWeek: percentiles?.p85)), absent: "unknown", dataOnly: !ran || startDate == nil),
            .init("p95_date", "P95 finish date", Value(date: date(ofWeek: percentiles?.p95)), absent: "unknown", dataOnly: !ran || startDate == nil),
            .init("on_time_probability", "Chance of finishing on plan", percentiles?.onTimeProbability.map { .share($0) } ?? .null,
                  absent: "unknown", dataOnly: !ran || plannedEnd == nil),
            .init("unfinished_runs", "Runs not done in \(MonteCarloForecast.horizonWeeks) weeks", ran ? .int(percentiles!.unfinished) : .null, dataOnly: true),
        ]))
        return ReportSection(id: "forecast", title: "Forecast", blocks: blocks)
    }

    /// The last day of `week`, when the project has a start date to count from.
    func date(ofWeek week: Int?) -> String? {
        guard let week, let start = startDate.flatMap(CalendarDate.init) else { return nil }
        return start.lastDay(ofWeek: week).description
    }

    private func monteCarloLine(_ result: MonteCarloForecast.Percentiles) -> String {
        func finish(_ label: String, _ week: Int?) -> String {
            guard let week else { return "not within \(MonteCarloForecast.horizonWeeks) weeks (\(label))" }
            return "week \(week) (\(label)\(date(ofWeek: week).map { ", " + $0 } ?? ""))"
        }
        var line = "\(Self.count(monteCarlo.settings.runs)) runs over \(monteCarlo.weeks.count) recorded weeks finish by "
            + [finish("P50", result.p50), finish("P85", result.p85), finish("P95", result.p95)].joined(separator: ", ")
        if let chance = result.onTimeProbability, let plannedEnd {
            line += "; \(Int((chance * 100).rounded()))% finish by the plan's last week (week \(plannedEnd))"
        }
        return line + "."
    }

    /// P50, P85 and P95 over the histogram; percentiles in one week share one label.
    static func markers(_ result: MonteCarloForecast.Percentiles) -> [ReportChart.Marker] {
        var labels: [(week: Int, label: String)] = []
        for (label, week) in [("P50", result.p50), ("P85", result.p85), ("P95", result.p95)] {
            guard let week else { continue }
            if let last = labels.last, last.week == week { labels[labels.count - 1].label += " " + label } else { labels.append((week, label)) }
        }
        return labels.map { ReportChart.Marker(x: $0.week, label: $0.label) }
    }

    /// The histogram with the weeks no run ended in as zeros: a bar chart's x axis has no gaps.
    static func everyWeek(of histogram: [MonteCarloForecast.Bin]) -> [(x: Int, y: Int)] {
        guard let first = histogram.first?.week, let last = histogram.last?.week else { return [] }
        let runs = Dictionary(uniqueKeysWithValues: histogram.map { ($0.week, $0.runs) })
        return (first...last).map { ($0, runs[$0] ?? 0) }
    }

    /// 10000 as "10,000".
    static func count(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
