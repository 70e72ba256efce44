import Foundation
import PlanModel
import Reports
import Generators

struct ReportCommand: Command {
    let name = "report"
    let summary = "render a report: week N (the weekly checkpoint review), burndown, gates, risks, metrics, retro; or a site of them all"
    let arguments = "week N|current | burndown | gates | risks | metrics | retro | site -o DIR"
    let options = [OptionSpec.project, .start, .runs, .seed, .force]
    let formats: [Settings.Format] = [.md, .html, .json, .csv]
    let details = """
        Reports render as Markdown (default), self-contained HTML (--html: inline CSS and SVG, no
        scripts), JSON (one object with `report` and `schema_version`) or CSV (the report's first
        table). Dates come from --today; --start supplies a start date the documents leave blank.
        burndown, week and retro forecast the finish by Monte Carlo over the recorded weeks
        (--runs, --seed: the same history and seed give the same numbers; three weeks needed).
        --project is needed when the knowledge base holds more than one project.
        `report site -o DIR` writes a static site of every report: index.html with every
        project (or --project's), per project an overview, each week's review and the gates,
        risks, metrics, burndown and retro pages, the decision records; one stylesheet, relative
        links, no scripts. A re-run replaces only the files it wrote (listed in DIR/.planq-site);
        a DIR holding other files is refused unless --force, and they are never touched.
        """

    func ownsOutputPath(_ arguments: ParsedArguments) -> Bool { arguments.positional.first == "site" }

    func run(_ invocation: Invocation) throws -> Int32 {
        let positional = invocation.arguments.positional
        guard let kind = positional.first else { throw UsageError(message: "which report? week N, burndown, gates, risks, metrics, retro or site") }
        if kind == "site" { return try site(invocation) }
        var week: Int?
        if kind == "week" {
            guard positional.count == 2, positional[1] == "current" || Int(positional[1]).map({ $0 >= 0 }) == true else {
                throw UsageError(message: "report week needs a week number (or current): planq report week 7")
            }
            week = Int(positional[1])
        } else {
            guard ["burndown", "gates", "risks", "metrics", "retro"].contains(kind), positional.count == 1 else {
                throw UsageError(message: "unknown report '\(positional.joined(separator: " "))' (week N, burndown, gates, risks, metrics, retro)")
            }
        }
        let start = try invocation.startDate()
        let forecast = try invocation.forecastSettings()
        let knowledgeBase = try invocation.openKnowledgeBase()
        let project = try onlyProject(invocation, knowledgeBase)
        let today = invocation.settings.today
        let document: ReportDocument
        switch kind {
        case "week":
            if week == nil {
                guard let current = project.currentWeek(today: today, start: start) else {
                    throw CommandFailure("\(project.name) has no start date to count weeks from: pass --start or run `planq project set \(project.key) --start DATE`")
                }
                week = current
            }
            do {
                document = try WeekReport(knowledgeBase: knowledgeBase, project: project, week: week!, today: today, start: start, forecast: forecast).document
            } catch WeekReport.WeekError.noWeeks {
                throw CommandFailure("\(project.name) names no weeks: its documents schedule nothing by week (try `planq report burndown` or `gates`)")
            } catch WeekReport.WeekError.outsidePlan(let plan) {
                throw UsageError(message: "week \(week!) is outside \(project.name)'s plan (weeks \(plan.lowerBound)-\(plan.upperBound))")
            }
        case "retro":
            document = try RetroReport(knowledgeBase: knowledgeBase, project: project, today: today, start: start, forecast: forecast).document
        case "burndown":
            document = try BurndownReport(knowledgeBase: knowledgeBase, project: project, today: today, start: start, forecast: forecast).document
        default:
            document = try ListReport(kind: kind, knowledgeBase: knowledgeBase, project: project, today: today, start: start).document
        }
        let output = invocation.output
        switch invocation.settings.format {
        case .md: output.write(MarkdownRenderer.render(document))
        case .html:
            // Source links are relative to where the page goes: the -o file's folder, else here.
            let folder = invocation.settings.outputPath.map { ($0 as NSString).deletingLastPathComponent } ?? ""
            let absoluteFolder = ProjectRoot.absolute(folder.isEmpty ? "." : folder, in: FileManager.default.currentDirectoryPath)
            output.write(HTMLRenderer.render(document, links: SourceLinks(folder: absoluteFolder, workingDirectory: invocation.settings.root.folder)))
        case .json: output.write(JSONRenderer.render(document))
        case .csv: output.write(CSVRenderer.render(document))
        }
        return 0
    }

    /// `report site -o DIR`: every report of the selected projects as pages of one folder.
    private func site(_ invocation: Invocation) throws -> Int32 {
        guard invocation.arguments.positional.count == 1 else { throw UsageError(message: "report site takes no other argument (the folder is -o DIR)") }
        guard let folder = invocation.settings.outputPath else { throw UsageError(message: "report site needs the folder to write: -o DIR") }
        let start = try invocation.startDate()
        let forecast = try invocation.forecastSettings()
        let knowledgeBase = try invocation.openKnowledgeBase()
        let records = ((try? ADRFolder.locate(explicit: nil).records()) ?? []).map(\.summary)
        let site = try ReportSite(knowledgeBase: knowledgeBase, selected: try invocation.selectedProjects(in: knowledgeBase),
                                  today: invocation.settings.today, start: start, forecast: forecast, records: records)
        let outcome: SiteFolder.Outcome
        do {
            outcome = try SiteFolder(path: folder).write(site.pages, force: invocation.arguments.flags.contains("force"))
        } catch let error as GeneratorError {
            throw CommandFailure(error.description)
        }
        invocation.diagnostics.info("wrote \(folder)/index.html: \(site.pages.count) files (\(outcome.written) written, \(outcome.unchanged) unchanged, \(outcome.removed) removed)")
        return 0
    }

    /// The project a report is about: `--project`, or the only one.
    private func onlyProject(_ invocation: Invocation, _ knowledgeBase: KnowledgeBase) throws -> Project {
        let projects = try invocation.selectedProjects(in: knowledgeBase) ?? knowledgeBase.projects()
        guard projects.count == 1 else {
            throw CommandFailure(projects.isEmpty ? "no projects yet: run `planq import` first"
                                 : "this report is about one project; choose one with --project: \(ProjectChoice.list(projects))")
        }
        return projects[0]
    }
}
