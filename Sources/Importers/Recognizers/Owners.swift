import PlanModel

/// Owner names as documents write them: `Claude Code Does` → `Claude Code`, `You Do` → `You`,
/// `@alice` → `alice`, `Alice, Bob` → two owners.
enum Owners {
    /// What separates the names in an owner cell (once conjunctions are commas).
    static let nameSeparators = ScalarSplit.Separators(",", "&", ";", "/", "，")

    /// The owner a column header names, or nil when the header is a metadata column.
    static func name(fromHeader header: String) -> String? {
        var name = TaskTitle.trimDecorations(TextPatterns.clean(header))
        let lower = name.lowercased()
        let firstWord = ScalarSplit.split(lower, on: ScalarSplit.spaces).first.map(String.init) ?? lower
        if metadataHeaders.contains(lower) || metadataHeaders.contains(firstWord) { return nil }
        if name.isEmpty || name.count > 30 || name.contains(where: { !($0.isLetter || $0 == " " || $0 == "-" || $0 == "." || $0 == "'") }) { return nil }
        if ScalarSplit.split(name, on: ScalarSplit.spaces).count > 3 { return nil }
        for suffix in [" does", " do", " tasks", " task", " actions", " action", " role"] where lower.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        return name.isEmpty ? nil : name
    }

    /// `Claude Code Does`, `You Do`: a header that says its cells are someone's actions.
    static func namesAnActor(_ lowercasedHeader: String) -> Bool {
        lowercasedHeader.hasSuffix(" does") || lowercasedHeader.hasSuffix(" do") || lowercasedHeader.hasSuffix(" tasks")
            || lowercasedHeader.hasSuffix(" actions")
    }


    /// The names in an owner cell or `Owner:` value.
    private static let joiningWords = (Vocabulary.conjunctions + ["、"]).map { (word: $0, keyword: TextPatterns.Keyword($0)) }

    static func names(in text: String) -> [String] {
        // `Ana and Ben`, `Santiago y Salomé`, `Anna und Jan`, `张三、李四`: conjunctions join names.
        var joined = " " + text + " "
        // A word with a byte the cell lacks is not in it (most cells name one person). Replacing a
        // word adds only commas, which no joining word holds: the set stays a superset.
        let present = ByteSet(joined)
        for (word, keyword) in joiningWords where present.isSuperset(of: keyword.set) && TextPatterns.contains(joined, word) {
            joined = joined.replacingOccurrences(word, with: ",")
        }
        return ScalarSplit.split(joined, on: Self.nameSeparators)
            .map { TaskTitle.trimDecorations(TextPatterns.clean(String($0))).trimming("@ .") }
            .filter { !$0.isEmpty && !TextPatterns.isBlank($0) && $0.lowercased() != "tbd" && $0.count <= 60 }
    }

    /// A task's owners: named ones, else the section's `**Owner:**`; duplicates dropped.
    static func merge(_ owners: [OwnerAction], section: String?) -> [OwnerAction] {
        // One owner or none (most tasks): nothing to drop.
        if owners.count == 1 { return owners }
        if owners.isEmpty { return section.map { [OwnerAction(name: $0, action: nil)] } ?? [] }
        var seen: Set<String> = []
        var result: [OwnerAction] = []
        for owner in owners where seen.insert(owner.name.lowercased()).inserted { result.append(owner) }
        if result.isEmpty, let section { result.append(OwnerAction(name: section, action: nil)) }
        return result
    }

    static let metadataHeaders: Set<String> = [
        "status", "state", "notes", "note", "comments", "comment", "description", "details", "detail",
        "priority", "prio", "estimate", "est", "effort", "hours", "time", "duration", "due", "due date",
        "date", "deadline", "start", "end", "deps", "dependencies", "depends on", "dependency", "id", "#",
        "no", "no.", "week", "phase", "sprint", "day", "type", "category", "area", "component",
        "components", "files", "file", "acceptance", "criteria", "acceptance criteria", "result",
        "results", "outcome", "output", "outputs", "deliverable", "deliverables", "risk", "impact",
        "progress", "%", "complete", "completed", "done", "points", "story points", "size", "link",
        "links", "pr", "verified by", "verified", "evidence", "reference", "references", "ref",
        "requirement", "requirements", "tests", "test", "success criteria", "target", "actual",
        "metric", "measurement", "traffic", "environment", "env", "location", "path", "command",
        "tool", "tools", "purpose", "why", "how", "what", "when", "where", "reason", "rationale",
        "severity", "likelihood", "probability", "mitigation", "contingency", "score", "cost",
        "budget", "version", "module", "service", "feature", "scope", "goal", "goals", "objective",
        "milestone", "task", "tasks", "item", "items", "action", "step", "steps", "check", "checks",
        "blocker", "blockers", "sign-off", "signoff", "signature", "approval", "approved", "decision",
        "question", "key question", "go/no-go decision", "answer", "value", "default", "example",
        "name", "title", "summary", "remarks", "expected", "expected result", "actual result", "message", "comentarios", "备注", "状态", "说明", "durata",
    ]
}
