import Reports
import PlanModel

struct TasksCommand: Command {
    let name = "tasks"
    let summary = "list tasks, filtered by project, week, phase, owner or status"
    let arguments = ""
    let options = [OptionSpec.project, .week, .phase, .owner, .status]

    func run(_ invocation: Invocation) throws -> Int32 {
        let arguments = invocation.arguments
        var filter = TaskFilter(week: try arguments.int("week"), phase: try arguments.int("phase"), owner: arguments.values["owner"])
        filter.status = try arguments.choice("status", "status", as: TaskStatus.self)
        let knowledgeBase = try invocation.openKnowledgeBase()
        filter.projectIDs = try invocation.selectedProjects(in: knowledgeBase)?.map(\.id)
        let tasks = try knowledgeBase.tasks(filter)
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
             ("start_date", Value(date: project.startDate))]
        }
        Emit.listing(Listing(fields: ["key", "name", "documents", "start_date"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
