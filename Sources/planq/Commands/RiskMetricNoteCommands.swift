import Reports
import PlanModel

struct RisksCommand: Command {
    let name = "risks"
    let summary = "the risk register: risks by severity with mitigation, contingency and owner"
    let arguments = ""
    let options = [OptionSpec.project, OptionSpec.week.helping("only risks tied to week N"), .severity]

    func run(_ invocation: Invocation) throws -> Int32 {
        let severity = try invocation.arguments.choice("severity", "severity", as: RiskItem.Severity.self)
        let week = try invocation.arguments.int("week")
        let knowledgeBase = try invocation.openKnowledgeBase()
        let risks = try knowledgeBase.risks(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id), severity: severity)
            .filter { week == nil || $0.item.week == week }
        let rows = risks.map(ListingObject.risk)
        Emit.listing(Listing(fields: ListingObject.riskFields,
                             tableColumns: ["id", "project", "severity", "title", "mitigation", "contingency", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct MetricsCommand: Command {
    let name = "metrics"
    let summary = "success metrics with target, actual and status (met, missed, pending, unknown)"
    let arguments = ""
    let options = [OptionSpec.project, OptionSpec.week.helping("only metrics measured in week N"), .metricStatus]

    func run(_ invocation: Invocation) throws -> Int32 {
        let status = try invocation.arguments.choice("status", "metric status", as: MetricStatus.self)
        let week = try invocation.arguments.int("week")
        let knowledgeBase = try invocation.openKnowledgeBase()
        let metrics = try knowledgeBase.metrics(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id),
                                                week: week, status: status)
        let rows = metrics.map(ListingObject.metric)
        Emit.listing(Listing(fields: ListingObject.metricFields,
                             tableColumns: ["id", "project", "week", "name", "target", "actual", "status", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct NotesCommand: Command {
    let name = "notes"
    let summary = "blockers, lessons, decisions, deferred items and next steps"
    let arguments = ""
    let options = [OptionSpec.project, OptionSpec.week.helping("only notes tagged with week N"), .noteKind]

    func run(_ invocation: Invocation) throws -> Int32 {
        let kind = try invocation.arguments.choice("kind", "note kind", as: NoteItem.Kind.self)
        let week = try invocation.arguments.int("week")
        let knowledgeBase = try invocation.openKnowledgeBase()
        let notes = try knowledgeBase.notes(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id),
                                            week: week, kind: kind)
        let rows = notes.map(ListingObject.note)
        Emit.listing(Listing(fields: ListingObject.noteFields,
                             tableColumns: ["id", "project", "week", "kind", "text", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
