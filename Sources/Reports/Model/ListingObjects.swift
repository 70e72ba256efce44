import PlanModel

/// The JSON objects of the listings (`planq tasks --format json`, ...), with DESIGN's field names
/// and types. Listings print them; reports embed the same objects, so a program reads a task the
/// same way wherever it finds one.
public enum ListingObject {
    public static let taskFields = ["id", "project", "title", "status", "week", "phase", "owners", "due", "done_on", "source"]

    public static func task(_ task: Task) -> [(String, Value)] {
        [
            ("id", .int(Int(task.id))),
            ("project", .string(task.project)),
            ("title", .string(task.title)),
            ("status", .label(task.status)),
            ("week", Value(task.week)),
            ("phase", Value(task.phase)),
            ("owners", .array(task.owners.map { .object([("name", .string($0.name)), ("action", Value($0.action))]) })),
            ("due", Value(date: task.due)),
            ("done_on", Value(date: task.doneOn)),
            ("source", .source(task.source)),
        ]
    }

    public static let gateFields = ["id", "project", "kind", "title", "week", "phase", "verdict", "evidence", "criteria", "criteria_met",
                                    "conditions", "tasks", "open_tasks", "decision", "source"]

    public static func gate(_ gate: Gate, currentWeek: Int?) -> [(String, Value)] {
        let verdict = gate.verdict(currentWeek: currentWeek)
        let criteria = gate.criteria.filter { $0.role == .criterion }
        let conditions = gate.criteria.filter { $0.role == .condition }
        func list(_ items: [Gate.Criterion]) -> Value {
            .array(items.map { .object([("text", .string($0.text)), ("status", .label($0.status))]) })
        }
        return [
            ("id", .int(Int(gate.id))),
            ("project", .string(gate.project)),
            ("kind", .label(gate.kind)),
            ("title", .string(gate.title)),
            ("week", Value(gate.week)),
            ("phase", Value(gate.phase)),
            ("verdict", .label(verdict)),
            ("evidence", .string(evidence(gate, verdict: verdict, currentWeek: currentWeek))),
            ("criteria", list(criteria)),
            ("criteria_met", .int(criteria.filter { $0.status == .met }.count)),
            ("conditions", list(conditions)),
            ("tasks", .int(gate.scopeTotal)),
            ("open_tasks", .int(gate.scopeOpen)),
            ("decision", Value(gate.decision)),
            ("source", .source(gate.source)),
        ]
    }

    /// Why a gate has its verdict, in one clause.
    public static func evidence(_ gate: Gate, verdict: GateVerdict, currentWeek: Int?) -> String {
        let criteria = gate.criteria.filter { $0.role == .criterion }
        switch verdict {
        case .passed: return gate.passed == true ? "its pass box is ticked" : "all \(criteria.count) criteria are met"
        case .ready: return "all \(gate.scopeTotal) tasks it closes are done"
        case .atRisk:
            return "week \(gate.week.map(String.init) ?? "?") has come with \(gate.scopeOpen) of \(gate.scopeTotal) tasks open"
        case .notDue:
            if gate.week == nil { return "it names no week; \(gate.scopeOpen) of \(gate.scopeTotal) tasks open" }
            return currentWeek == nil ? "no start date to judge it by (pass --start or `planq project set`)" : "its week has not come"
        }
    }

    public static let riskFields = ["id", "project", "title", "severity", "level", "likelihood", "impact", "mitigation", "contingency",
                                    "owner", "status", "identifier", "week", "source"]

    public static func risk(_ risk: Risk) -> [(String, Value)] {
        let item = risk.item
        return [("id", .int(Int(risk.id))), ("project", .string(risk.project)), ("title", .string(item.title)),
                ("severity", .label(item.severity)), ("level", Value(item.level)), ("likelihood", Value(item.likelihood)),
                ("impact", Value(item.impact)), ("mitigation", Value(item.mitigation)), ("contingency", Value(item.contingency)),
                ("owner", Value(item.owner)), ("status", Value(item.status)), ("identifier", Value(item.identifier)),
                ("week", Value(item.week)), ("source", .source(risk.source))]
    }

    public static let metricFields = ["id", "project", "name", "target", "actual", "baseline", "status", "stated_status", "week", "source"]

    public static func metric(_ metric: Metric) -> [(String, Value)] {
        let item = metric.item
        return [("id", .int(Int(metric.id))), ("project", .string(metric.project)), ("name", .string(item.name)),
                ("target", Value(item.target)), ("actual", Value(item.actual)), ("baseline", Value(item.baseline)),
                ("status", .label(metric.status)), ("stated_status", Value(item.stated)), ("week", Value(item.week)),
                ("source", .source(metric.source))]
    }

    public static let noteFields = ["id", "project", "kind", "text", "week", "source"]

    public static func note(_ note: Note) -> [(String, Value)] {
        [("id", .int(Int(note.id))), ("project", .string(note.project)), ("kind", .label(note.item.kind)),
         ("text", .string(note.item.text)), ("week", Value(note.item.week)), ("source", .source(note.source))]
    }
}
