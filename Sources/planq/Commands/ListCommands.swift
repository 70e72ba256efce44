import Reports
import PlanModel

struct TasksCommand: Command {
    let name = "tasks"
    let summary = "list tasks, filtered by project, week, phase, owner or status"
    let arguments = ""
    let options = [OptionSpec.project, OptionSpec.week.helping("only tasks scheduled in week N (current: each project's week as of --today)"),
                   .phase, .owner, .status, .start]

    func run(_ invocation: Invocation) throws -> Int32 {
        let arguments = invocation.arguments
        let current = arguments.values["week"] == "current"
        var filter = TaskFilter(week: current ? nil : try arguments.int("week"), phase: try arguments.int("phase"), owner: arguments.values["owner"])
        filter.status = try arguments.choice("status", "status", as: TaskStatus.self)
        let start = try invocation.startDate()
        if start != nil, !current { throw UsageError(message: "--start goes with --week current: it is the only place tasks reason in weeks") }
        let knowledgeBase = try invocation.openKnowledgeBase()
        let projects = try invocation.selectedProjects(in: knowledgeBase)
        filter.projectIDs = projects?.map(\.id)
        var tasks = try knowledgeBase.tasks(filter)
        if current {
            // Each project's own current week; a project without a start date has none.
            var weeks: [String: Int] = [:]
            for project in try projects ?? knowledgeBase.projects() {
                if let week = project.currentWeek(today: invocation.settings.today, start: start) { weeks[project.name] = week }
            }
            if weeks.isEmpty {
                throw CommandFailure("no project has a start date to count weeks from: pass --start or run `planq project set P --start DATE`")
            }
            tasks = tasks.filter { task in task.week != nil && task.week == weeks[task.project] }
        }
        let rows = tasks.map(ListingObject.task)
        Emit.listing(Listing(fields: ListingObject.taskFields,
                             tableColumns: ["id", "project", "week", "status", "title", "owners", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct OwnersCommand: Command {
    let name = "owners"
    let summary = "list owners with their open and done tasks"
    let arguments = ""
    let options = [OptionSpec.project]

    func run(_ invocation: Invocation) throws -> Int32 {
        let knowledgeBase = try invocation.openKnowledgeBase()
        let owners = try knowledgeBase.owners(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id))
        let rows: [[(String, Value)]] = owners.map { owner in
            [("name", .string(owner.name)), ("tasks", .int(owner.tasks)), ("open", .int(owner.open)),
             ("done", .int(owner.done)), ("projects", .array(owner.projects.map { .string($0) }))]
        }
        Emit.listing(Listing(fields: ["name", "tasks", "open", "done", "projects"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct ProjectsCommand: Command {
    let name = "projects"
    let summary = "list projects with their key, documents and start date"
    let arguments = ""
    let options = [OptionSpec.project]

    func run(_ invocation: Invocation) throws -> Int32 {
        let knowledgeBase = try invocation.openKnowledgeBase()
        let projects = try invocation.selectedProjects(in: knowledgeBase) ?? knowledgeBase.projects()
        let rows: [[(String, Value)]] = projects.map { project in
            [("key", .string(project.key)), ("name", .string(project.name)), ("documents", .int(project.documents)),
             ("start_date", Value(date: project.startDate)), ("start_date_from", Value(project.startDateSource))]
        }
        Emit.listing(Listing(fields: ["key", "name", "documents", "start_date", "start_date_from"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct ProjectCommand: Command {
    let name = "project"
    let summary = "record facts the documents leave blank: planq project set P --start DATE"
    let arguments = "set P"
    let formats: [Settings.Format] = [.md]
    let options = [OptionSpec.start.helping("the project's start date, YYYY-MM-DD (none: forget it)")]
    let details = """
        The recorded start date counts weeks for status, gates and reports when no document states
        one; a document's own filled-in date wins, and `planq check` reports when the two differ.
        It is kept by project key, so it survives re-imports and `import --rebuild`.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        let positional = invocation.arguments.positional
        guard positional.count == 2, positional[0] == "set" else {
            throw UsageError(message: "project takes `set P --start DATE`")
        }
        guard let text = invocation.arguments.values["start"] else { throw UsageError(message: "project set needs --start DATE (or --start none)") }
        let start: String?
        if text == "none" {
            start = nil
        } else {
            guard let date = CalendarDate(text) else { throw UsageError(message: "--start needs a date as YYYY-MM-DD or none, got '\(text)'") }
            start = date.description
        }
        let knowledgeBase = try invocation.openKnowledgeBase(readOnly: false)
        let projects = try knowledgeBase.projects(matching: positional[1])
        guard projects.count == 1, let project = projects.first else {
            throw CommandFailure(projects.isEmpty ? "no project matches '\(positional[1])'" + Invocation.naming(try knowledgeBase.projects().map(\.key))
                                 : "'\(positional[1])' matches \(projects.count) projects: " + Invocation.listing(projects.map(\.key)))
        }
        try knowledgeBase.recordStartDate(projectKey: project.key, startDate: start, today: invocation.settings.today)
        var message = start.map { "\(project.name): start date \($0) recorded" } ?? "\(project.name): recorded start date forgotten"
        if let stated = project.documentStartDate, start != nil, stated != start { message += "; its documents state \(stated), which wins" }
        invocation.diagnostics.info(message)
        return 0
    }
}
