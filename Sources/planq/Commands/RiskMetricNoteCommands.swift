import Reports
import PlanModel

struct RisksCommand: Command {
    let name = "risks"
    let summary = "the risk register: risks by severity with mitigation, contingency and owner"
    let arguments = ""
    let options = [OptionSpec.project, .week, .severity]

    func run(_ invocation: Invocation) throws -> Int32 {
        let severity = try invocation.arguments.choice("severity", "severity", as: RiskItem.Severity.self)
        let week = try invocation.arguments.int("week")
        let knowledgeBase = try invocation.openKnowledgeBase()
        let risks = try knowledgeBase.risks(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id), severity: severity)
            .filter { week == nil || $0.item.week == week }
        let rows: [[(String, Value)]] = risks.map { risk in
            let item = risk.item
            return [("id", .int(Int(risk.id))), ("project", .string(risk.project)), ("title", .string(item.title)),
                    ("severity", .string(item.severity.rawValue)), ("level", Value(item.level)), ("likelihood", Value(item.likelihood)),
                    ("impact", Value(item.impact)), ("mitigation", Value(item.mitigation)), ("contingency", Value(item.contingency)),
                    ("owner", Value(item.owner)), ("status", Value(item.status)), ("identifier", Value(item.identifier)),
                    ("week", Value(item.week)), ("source", .string(risk.source.description))]
        }
        Emit.listing(Listing(fields: ["id", "project", "title", "severity", "level", "likelihood", "impact", "mitigation", "contingency",
                                      "owner", "status", "identifier", "week", "source"],
                             tableColumns: ["id", "project", "severity", "title", "mitigation", "contingency", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct MetricsCommand: Command {
    let name = "metrics"
    let summary = "success metrics with target, actual and status (met, missed, pending, unknown)"
    let arguments = ""
    let options = [OptionSpec.project, .week, .metricStatus]

    func run(_ invocation: Invocation) throws -> Int32 {
        let status = try invocation.arguments.choice("status", "metric status", as: MetricStatus.self)
        let week = try invocation.arguments.int("week")
        let knowledgeBase = try invocation.openKnowledgeBase()
        let metrics = try knowledgeBase.metrics(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id),
                                                week: week, status: status)
        let rows: [[(String, Value)]] = metrics.map { metric in
            let item = metric.item
            return [("id", .int(Int(metric.id))), ("project", .string(metric.project)), ("name", .string(item.name)),
                    ("target", Value(item.target)), ("actual", Value(item.actual)), ("baseline", Value(item.baseline)),
                    ("status", .string(metric.status.rawValue)), ("stated_status", Value(item.stated)), ("week", Value(item.week)),
                    ("source", .string(metric.source.description))]
        }
        Emit.listing(Listing(fields: ["id", "project", "name", "target", "actual", "baseline", "status", "stated_status", "week", "source"],
                             tableColumns: ["id", "project", "week", "name", "target", "actual", "status", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}

struct NotesCommand: Command {
    let name = "notes"
    let summary = "blockers, lessons, decisions, deferred items and next steps"
    let arguments = ""
    let options = [OptionSpec.project, .week, .noteKind]

    func run(_ invocation: Invocation) throws -> Int32 {
        let kind = try invocation.arguments.choice("kind", "note kind", as: NoteItem.Kind.self)
        let week = try invocation.arguments.int("week")
        let knowledgeBase = try invocation.openKnowledgeBase()
        let notes = try knowledgeBase.notes(projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id),
                                            week: week, kind: kind)
        let rows: [[(String, Value)]] = notes.map { note in
            [("id", .int(Int(note.id))), ("project", .string(note.project)), ("kind", .string(note.item.kind.rawValue)),
             ("text", .string(note.item.text)), ("week", Value(note.item.week)), ("source", .string(note.source.description))]
        }
        Emit.listing(Listing(fields: ["id", "project", "kind", "text", "week", "source"],
                             tableColumns: ["id", "project", "week", "kind", "text", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
