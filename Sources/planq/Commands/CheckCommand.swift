import PlanModel
import Reports

struct CheckCommand: Command {
    let name = "check"
    let summary = "report where documents disagree, one `path:line: ...` per line; exit 1 if any"
    let arguments = ""
    let options = [OptionSpec.project, OptionSpec.start.helping("also report projects whose documents state another start date than DATE")]
    let details = """
        Disagreements: a task done in one document and open in another, a gate marked passed with
        unmet criteria, a metric whose stated status contradicts its actual and target. Usable in CI.
        """

    func run(_ invocation: Invocation) throws -> Int32 {
        let knowledgeBase = try invocation.openKnowledgeBase()
        let selected = try invocation.selectedProjects(in: knowledgeBase)
        var found = try knowledgeBase.disagreements(projectIDs: selected?.map(\.id))
        if let start = try invocation.startDate() {
            found += try knowledgeBase.startDateDisagreements(with: start, projectIDs: selected?.map(\.id))
        }
        if invocation.settings.format == .md {
            for disagreement in found { invocation.output.line("\(disagreement.source): \(disagreement.message)") }
        } else {
            let rows: [[(String, Value)]] = found.map { [("project", .string($0.project)), ("source", .source($0.source)),
                                                         ("week", Value($0.week)), ("message", .string($0.message))] }
            Emit.listing(Listing(fields: ["project", "source", "week", "message"], rows: rows), format: invocation.settings.format, to: invocation.output)
        }
        invocation.diagnostics.info(found.isEmpty ? "no disagreements" : "\(found.count) disagreement\(found.count == 1 ? "" : "s")")
        return found.isEmpty ? 0 : 1
    }
}
