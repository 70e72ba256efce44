import PlanModel

/// The people behind a subject's tasks: a runbook's escalation contacts, a record's decision makers.
enum Contacts {
    /// The people who own `tasks`, busiest first: an AI assistant or a pronoun ("You + Claude
    /// Code") is a working model, not someone to escalate to or who decides.
    static func of(_ tasks: [Task], project: Project) -> [OwnerSummary] {
        var counts: [String: (tasks: Int, open: Int, done: Int)] = [:]
        for task in tasks {
            let names = Set(task.owners.flatMap { owner in
                owner.name.split(whereSeparator: { "+&,/".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            }.filter { !$0.isEmpty && !isWorkingModel($0) })
            for name in names {
                var count = counts[name, default: (0, 0, 0)]
                count.tasks += 1
                if task.status == .done { count.done += 1 } else if task.status != .cancelled && task.status != .deferred { count.open += 1 }
                counts[name] = count
            }
        }
        return counts.map { OwnerSummary(name: $0.key, projects: [project.name], tasks: $0.value.tasks, open: $0.value.open, done: $0.value.done) }
            .sorted { ($1.open, $1.tasks, $0.name) < ($0.open, $0.tasks, $1.name) }
    }

    static let assistants = ["claude", "copilot", "chatgpt", "gpt-", "gpt4", "gemini", "cursor", "codex", "llm", "ai pair", "ai assistant"]

    /// An AI assistant, or "you"/"me"/"we": who does the work, not whom to call.
    static func isWorkingModel(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["you", "me", "we", "ai", "us"].contains(lower) { return true }
        return assistants.contains { lower.contains($0) }
    }
}
