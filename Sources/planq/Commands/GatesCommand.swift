import Reports
import PlanModel

struct GatesCommand: Command {
    let name = "gates"
    let summary = "list gates with their criteria, the tasks they close and a verdict"
    let arguments = ""
    let options = [OptionSpec.project, OptionSpec.week.helping("only gates that close week N"), .kind, .verdict, .start]
    let details = """
        Verdicts, as of --today: passed (marked passed, or every criterion met), ready (every task it
        closes is done), at-risk (its week has come or gone and work is open), not-due. A project
        without a start date has no current week, so none of its gates can be at risk: pass
        --start, or record one with `planq project set P --start DATE`.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        let arguments = invocation.arguments
        let kind = try arguments.choice("kind", "gate kind", as: GateItem.Kind.self)
        let verdict = try arguments.choice("verdict", "verdict", as: GateVerdict.self)
        let week = try arguments.int("week")
        let start = try invocation.startDate()
        let knowledgeBase = try invocation.openKnowledgeBase()
        let projects = try invocation.selectedProjects(in: knowledgeBase) ?? knowledgeBase.projects()
        let gates = try knowledgeBase.gates(projectIDs: projects.map(\.id), week: week, kind: kind)
            .map { gate in (gate, projects.first { $0.id == gate.projectID }?.currentWeek(today: invocation.settings.today, start: start)) }
            .filter { verdict == nil || $0.0.verdict(currentWeek: $0.1) == verdict }
        // The table reads "met" as "1/3"; JSON and CSV carry `criteria_met` and the criteria themselves.
        let rows = gates.map { gate, currentWeek in
            let criteria = gate.criteria.filter { $0.role == .criterion }
            return ListingObject.gate(gate, currentWeek: currentWeek) + [("met", .string("\(criteria.filter { $0.status == .met }.count)/\(criteria.count)"))]
        }
        Emit.listing(Listing(fields: ListingObject.gateFields,
                             tableColumns: ["id", "project", "week", "kind", "title", "verdict", "met", "open_tasks", "source"],
                             rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
