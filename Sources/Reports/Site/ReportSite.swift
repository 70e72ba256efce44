import Foundation
import PlanModel

/// A static report site: `index.html` with every project, and per project an overview, each
/// week's checkpoint review, the gates, risks, metrics, burndown and retro reports; the decision
/// records beside them. One shared stylesheet, relative links only, no scripts and no external
/// resources, so the folder can be published as it is.
public struct ReportSite: Sendable {
    public struct Page: Sendable, Equatable {
        /// Relative to the site's folder, `/`-separated.
        public let path: String
        public let contents: String
    }

    public static let stylesheet = "style.css"
    public static let decisionsPage = "adrs.html"
    /// More week pages than this for one project are not written (a plan naming week 2026).
    public static let maximumWeeks = 260

    public let pages: [Page]

    public init(knowledgeBase: KnowledgeBase, selected: [Project]?, today: String, start: String?,
                forecast: MonteCarloForecast.Settings = .standard, records: [DecisionRecordSummary]) throws {
        let overview = try StatusOverview(knowledgeBase: knowledgeBase, selected: selected, today: today, start: start)
        let folders = Self.folders(for: overview.entries.map(\.project))
        var pages = [Page(path: Self.stylesheet, contents: Stylesheet.css)]
        pages.append(Page(path: "index.html", contents: HTMLRenderer.render(Self.index(overview, folders: folders, today: today, records: records),
                                                                             page: Self.sitePage(depth: 0, trail: [], current: nil, project: nil))))
        pages.append(Page(path: Self.decisionsPage, contents: HTMLRenderer.render(Self.decisions(records),
                                                                                  page: Self.sitePage(depth: 0, trail: [("Decision records", nil)], current: nil, project: nil))))
        for entry in overview.entries {
            pages += try ProjectPages(entry: entry, folder: folders[entry.project.id]!, knowledgeBase: knowledgeBase,
                                      today: today, start: start, forecast: forecast).pages
        }
        self.pages = pages
    }

    /// A folder name per project: its key as a slug, made unique; `project-ID` when the key has
    /// no ASCII letter or digit.
    static func folders(for projects: [Project]) -> [Int64: String] {
        var taken: Set<String> = ["index", "adrs", "style"]
        var folders: [Int64: String] = [:]
        for project in projects.sorted(by: { $0.id < $1.id }) {
            let base = Slug.make(project.key).isEmpty ? "project-\(project.id)" : Slug.make(project.key)
            var name = base, suffix = 2
            while taken.contains(name) {
                name = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            folders[project.id] = name
        }
        return folders
    }

    static func index(_ overview: StatusOverview, folders: [Int64: String], today: String, records: [DecisionRecordSummary]) -> ReportDocument {
        let rows: [[ReportTable.Cell]] = overview.entries.map { entry in
            let status = entry.status
            return [ReportTable.Cell(.link(entry.project.name, href: "\(folders[entry.project.id]!)/index.html")),
                    ReportTable.Cell(.string(entry.progress)),
                    ReportTable.Cell(.string(entry.weekText)), ReportTable.Cell(.string(entry.gateText)),
                    ReportTable.Cell(.int(status.highRisks), tone: status.highRisks > 0 ? .bad : nil),
                    ReportTable.Cell(.int(status.metricsMissed), tone: status.metricsMissed > 0 ? .bad : nil)]
        }
        let table = ReportTable(id: "projects", columns: [.init("project", "Project"), .init("progress", "Tasks done"),
                                                          .init("week", "Current week"), .init("next_gate", "Next gate"),
                                                          .init("high_risks", "High risks"), .init("metrics_missed", "Metrics missed")],
                                rows: rows, empty: "No projects yet: run `planq import` first.")
        let decisions = ReportTable(id: "decisions", columns: [.init("page", "Page"), .init("records", "Records")],
                                    rows: [[ReportTable.Cell(.link("Decision records", href: decisionsPage)), ReportTable.Cell(.int(records.count))]])
        return ReportDocument(report: "site", title: "Project reports", facts: [
            .init("as_of", "As of", Value(date: today)), .init("projects", "Projects", .int(overview.entries.count)),
        ], sections: [
            ReportSection(id: "projects", title: "Projects", blocks: [.table(table)]),
            ReportSection(id: "decisions", title: "Decisions", blocks: [.table(decisions)]),
        ])
    }

    static func decisions(_ records: [DecisionRecordSummary]) -> ReportDocument {
        let table = ReportTable(id: "records", columns: [.init("number", "Number"), .init("title", "Title"), .init("status", "Status"),
                                                         .init("date", "Date"), .init("superseded_by", "Superseded by")],
                                rows: records.map { record in
                                    [ReportTable.Cell(.int(record.number)), ReportTable.Cell(.string(record.title)),
                                     ReportTable.Cell(Value(record.status)), ReportTable.Cell(Value(date: record.date)),
                                     ReportTable.Cell(Value(record.supersededBy))]
                                }, empty: "No decision records found (planq looks in .adr-dir, docs/adr, docs/decisions and doc/adr).")
        return ReportDocument(report: "adrs", title: "Decision records", facts: [],
                              sections: [ReportSection(id: "records", title: "Records", blocks: [.table(table)])])
    }

    /// The navigation of a page `depth` folders below the site's root: breadcrumbs from "All
    /// projects" through `trail`, and the project's pages when it belongs to one.
    static func sitePage(depth: Int, trail: [(String, String?)], current: String?, project: ProjectPages.Navigation?) -> HTMLRenderer.SitePage {
        let up = String(repeating: "../", count: depth)
        var crumbs = [HTMLRenderer.SitePage.Link("All projects", up + "index.html", current: trail.isEmpty)]
        for (index, (text, href)) in trail.enumerated() {
            crumbs.append(.init(text, href, current: index == trail.count - 1))
        }
        var navigation: [HTMLRenderer.SitePage.Link] = []
        if let project {
            navigation = project.links.map { .init($0.text, $0.href, current: $0.href == current) }
        }
        navigation.append(.init("Decision records", up + decisionsPage, current: current == up + decisionsPage))
        return HTMLRenderer.SitePage(stylesheet: up + stylesheet, breadcrumbs: crumbs, navigation: navigation)
    }
}

/// A decision record as the site lists it (the generators read them from the ADR folder).
public struct DecisionRecordSummary: Sendable, Equatable {
    public let number: Int
    public let title: String
    public let status: String?
    public let date: String?
    public let supersededBy: Int?

    public init(number: Int, title: String, status: String?, date: String?, supersededBy: Int?) {
        self.number = number
        self.title = title
        self.status = status
        self.date = date
        self.supersededBy = supersededBy
    }
}

/// One project's pages: an overview, a week review per week of the plan, and its reports.
struct ProjectPages {
    /// The project's own links, relative to its folder.
    struct Navigation {
        let links: [(text: String, href: String)]
    }

    let pages: [ReportSite.Page]

    static let reports: [(kind: String, title: String)] = [("gates", "Gates"), ("risks", "Risks"), ("metrics", "Metrics"),
                                                           ("burndown", "Burndown"), ("retro", "Retro")]

    init(entry: StatusOverview.Entry, folder: String, knowledgeBase: KnowledgeBase, today: String, start: String?,
         forecast: MonteCarloForecast.Settings) throws {
        let project = entry.project
        let tasks = try knowledgeBase.tasks(TaskFilter(projectIDs: [project.id]))
        let gates = try knowledgeBase.gates(projectIDs: [project.id])
        // One burndown (import history read and runs simulated once) for every page that shows it.
        let burndown = try BurndownReport(knowledgeBase: knowledgeBase, project: project, tasks: tasks, today: today, start: start,
                                          forecast: forecast)
        var weeks: [Int] = []
        if let span = entry.status.weeks {
            weeks = Array(span.lowerBound...min(span.upperBound, span.lowerBound + ReportSite.maximumWeeks - 1))
        }
        // A week the plan's range holds but WeekReport refuses (no task, gate, metric or note) gets no page.
        let reviews = weeks.compactMap { week in
            (try? WeekReport(knowledgeBase: knowledgeBase, project: project, week: week, today: today, start: start, forecast: forecast,
                             burndown: burndown))
                .map { (week, $0.document) }
        }
        weeks = reviews.map(\.0)
        var links: [(text: String, href: String)] = [("Overview", "index.html")]
        if let current = entry.currentWeek, weeks.contains(current) { links.append(("Week \(current)", "week-\(current).html")) }
        links += Self.reports.map { ($0.title, "\($0.kind).html") }
        let navigation = Navigation(links: links)
        func page(_ name: String, _ document: ReportDocument, crumb: String?, extra: [(text: String, href: String)] = []) -> ReportSite.Page {
            let trail: [(String, String?)] = [(project.name, crumb == nil ? nil : "index.html")] + (crumb.map { [($0, nil)] } ?? [])
            return ReportSite.Page(path: "\(folder)/\(name)", contents: HTMLRenderer.render(
                document, page: ReportSite.sitePage(depth: 1, trail: trail, current: name, project: Navigation(links: navigation.links + extra))))
        }
        var pages: [ReportSite.Page] = []
        pages.append(page("index.html", Self.overview(entry, weeks: weeks, tasks: tasks, gates: gates, today: today), crumb: nil))
        for (index, (week, document)) in reviews.enumerated() {
            var around: [(text: String, href: String)] = []
            if index > 0 { around.append(("← Week \(reviews[index - 1].0)", "week-\(reviews[index - 1].0).html")) }
            if index + 1 < reviews.count { around.append(("Week \(reviews[index + 1].0) →", "week-\(reviews[index + 1].0).html")) }
            pages.append(page("week-\(week).html", document, crumb: "Week \(week)", extra: around))
        }
        for report in Self.reports {
            let document: ReportDocument
            switch report.kind {
            case "burndown": document = burndown.document
            case "retro": document = try RetroReport(knowledgeBase: knowledgeBase, project: project, today: today, start: start,
                                                     forecast: forecast, burndown: burndown).document
            default: document = try ListReport(kind: report.kind, knowledgeBase: knowledgeBase, project: project, today: today, start: start).document
            }
            pages.append(page("\(report.kind).html", document, crumb: report.title))
        }
        self.pages = pages
    }

    /// The project's front page: where it stands, then a line per week linking its review.
    static func overview(_ entry: StatusOverview.Entry, weeks: [Int], tasks: [Task], gates: [Gate], today: String) -> ReportDocument {
        let status = entry.status
        let rows: [[ReportTable.Cell]] = weeks.map { week in
            let inWeek = tasks.filter { $0.week == week && $0.status != .deferred && $0.status != .cancelled }
            let closing = gates.filter { $0.week == week }.map { "\($0.title): \($0.verdict(currentWeek: entry.currentWeek).label)" }
            return [ReportTable.Cell(.link("Week \(week)", href: "week-\(week).html")), ReportTable.Cell(.int(inWeek.count)),
                    ReportTable.Cell(.int(inWeek.filter { $0.status == .done }.count)), ReportTable.Cell(.string(closing.joined(separator: "; ")))]
        }
        let reports = ReportTable(id: "reports", columns: [.init("report", "Report")],
                                  rows: reports.map { [ReportTable.Cell(.link($0.title, href: "\($0.kind).html"))] })
        return ReportDocument(report: "project", title: "\(entry.project.name) — overview", facts: [
            .init("project", "Project", .string(entry.project.name)), .init("as_of", "As of", Value(date: today)),
            .init("start_date", "Start date", Value(date: entry.startDate), absent: "unknown"),
            .init("current_week", "Current week", .string(entry.weekText)),
        ], summary: [
            .init("progress", "Tasks done", .string(entry.progress)),
            .init("next_gate", "Next gate", .string(entry.gateText.isEmpty ? "none open" : entry.gateText)),
            .init("high_risks", "High risks", .int(status.highRisks), tone: status.highRisks > 0 ? .bad : nil),
            .init("metrics_missed", "Metrics missed", .int(status.metricsMissed), tone: status.metricsMissed > 0 ? .bad : nil),
        ], sections: [
            ReportSection(id: "weeks", title: "Weeks", blocks: [.table(ReportTable(
                id: "weeks", columns: [.init("week", "Week"), .init("tasks", "Tasks"), .init("done", "Done"), .init("gates", "Gates")],
                rows: rows, empty: "The documents schedule nothing by week."))]),
            ReportSection(id: "reports", title: "Reports", blocks: [.table(reports)]),
        ])
    }
}
