import PlanModel
import Reports

struct SearchCommand: Command {
    let name = "search"
    let summary = "full-text search over tasks, gates, risks, metrics and notes"
    let arguments = "TEXT"
    let options = [OptionSpec.project, .searchKind]
    let details = "Every word must match (a word also matches words it begins). Best matches first; matches in [brackets]."

    func run(_ invocation: Invocation) throws -> Int32 {
        let text = invocation.arguments.positional.joined(separator: " ")
        guard !text.isEmpty else { throw UsageError(message: "search needs the text to look for") }
        let kind = invocation.arguments.values["kind"]
        if let kind, !KnowledgeBase.searchKinds.contains(kind) {
            throw UsageError(message: "unknown kind '\(kind)' (\(KnowledgeBase.searchKinds.joined(separator: ", ")))")
        }
        let knowledgeBase = try invocation.openKnowledgeBase()
        let hits = try knowledgeBase.search(text, projectIDs: try invocation.selectedProjects(in: knowledgeBase)?.map(\.id), kind: kind)
        let rows: [[(String, Value)]] = hits.map { hit in
            [("kind", .string(hit.kind)), ("id", .int(Int(hit.itemID))), ("project", .string(hit.project)),
             ("snippet", .string(hit.snippet)), ("source", .string(hit.source))]
        }
        Emit.listing(Listing(fields: ["kind", "id", "project", "snippet", "source"], rows: rows),
                     format: invocation.settings.format, to: invocation.output)
        return 0
    }
}
