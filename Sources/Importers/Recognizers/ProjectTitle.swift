import PlanModel

/// The project and kind of a document from its title: `# PAVI Overhaul - Task Tracker`,
/// `# Week 1 Completion Summary - PAVI Overhaul` and `# PAVI Technology Stack Overhaul -
/// 3-Month Implementation Plan` all name project "PAVI ..." once the document-kind words
/// are set aside. A front-matter `project:` overrides the title.
enum ProjectTitle {
    static func projectName(title: String?, frontMatter: [String: String], path: String) -> String {
        if let stated = frontMatter["project"], !TextPatterns.isBlank(stated) { return TextPatterns.clean(stated) }
        if let title, let name = fromTitle(title) { return name }
        return fallback(path)
    }

    /// The part of the title that is not about the document itself.
    static func fromTitle(_ title: String) -> String? {
        let segments = split(TaskTitle.trimDecorations(title))
        let candidates = segments.map(stripKindWords).filter { !$0.isEmpty }
        // Prefer a segment that had no kind words at all: it is the bare project name.
        if let pure = segments.first(where: { !$0.isEmpty && stripKindWords($0) == TextPatterns.clean($0) && !isGeneric($0) }) {
            return TextPatterns.clean(pure)
        }
        return candidates.first { !isGeneric($0) }
    }

    static func kind(title: String?, path: String, numberedTasks: Int) -> DocumentKind {
        let file = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        let lower = (title ?? "").lowercased()
        func has(_ word: String) -> Bool { TextPatterns.contains(lower, word) }
        if file == "tasks.md" && numberedTasks > 0 { return .kiroTasks }
        if ["tracker", "checklist", "progress", "board", "backlog"].contains(where: has) { return .tracker }
        if ["summary", "report", "status", "retro", "retrospective", "complete", "completion", "review"].contains(where: has) { return .summary }
        if has("action plan") || has("action items") || has("next steps") { return .actionPlan }
        if numberedTasks > 0 && has("implementation plan") { return .kiroTasks }
        if ["plan", "roadmap", "spec", "timeline", "schedule"].contains(where: has) { return .plan }
        if TextPatterns.contains(file, "tracker") || TextPatterns.contains(file, "checklist") { return .tracker }
        return .other
    }

    private static func split(_ title: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var previous: Character = " "
        for character in title {
            let isSeparator = (character == ":" || character == "：" || character == "|")
                || ("-–—".contains(character) && previous == " ")
            if isSeparator {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        segments.append(current)
        return segments.map { TextPatterns.clean($0) }.filter { !$0.isEmpty }
    }

    /// Words that say what kind of document this is, not which project.
    static let kindPhrases: [String] = [
        "task tracker", "tracker", "implementation plan", "action plan", "action items", "completion summary",
        "completion report", "status report", "progress report", "summary", "report", "checklist",
        "roadmap", "tasks", "task list", "plan", "spec", "requirements", "retrospective", "retro",
        "timeline", "schedule", "status", "progress", "overview", "next steps", "professional",
        "weekly", "daily", "final", "immediate", "current", "complete", "completion", "requirements document",
        "document", "task breakdown", "breakdown", "continuation", "quick status", "state", "countdown",
        "decision", "evening", "morning", "update", "notes",
    ]

    private static let kindPhraseWords: [[String]] = kindPhrases.map { $0.split(separator: " ").map(String.init) }

    static func stripKindWords(_ segment: String) -> String {
        var words = segment.split(separator: " ").map(String.init)
        var folded = words.map { $0.lowercased().trimming("()[],.") }
        var changed = true
        while changed {
            changed = false
            for parts in kindPhraseWords where parts.count <= words.count {
                for start in 0...(words.count - parts.count) where folded[start] == parts[0] {
                    if folded[start..<(start + parts.count)].elementsEqual(parts) {
                        words.removeSubrange(start..<(start + parts.count))
                        folded.removeSubrange(start..<(start + parts.count))
                        changed = true
                        break
                    }
                }
            }
        }
        // Drop schedule words (`Week 1`, `3-Month`, `Q1 2025`) and leftover numbers.
        var result: [String] = []
        var skipNumber = false
        for word in words {
            let lower = word.lowercased()
            if ["week", "weeks", "sprint", "day", "phase", "month"].contains(lower) { skipNumber = true; continue }
            if skipNumber && word.first?.isNumber == true { skipNumber = false; continue }
            skipNumber = false
            if word.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "." }) { continue }
            if lower.hasSuffix("-month") || lower.hasSuffix("-week") { continue }
            result.append(word)
        }
        return TextPatterns.clean(result.joined(separator: " ")).trimming(" -–—,")
    }

    /// A name made only of generic words cannot identify a project on its own.
    static func isGeneric(_ name: String) -> Bool {
        name.split(separator: " ").allSatisfy { genericWords.contains($0.lowercased()) }
    }

    static let genericWords: Set<String> = [
        "the", "a", "an", "our", "project", "production", "deployment", "migration", "database", "go/no-go",
        "go", "no-go", "gate", "decision", "sprint", "phase", "week", "day", "for", "of", "and", "to", "&",
        "implementation", "task", "tasks", "new", "next", "steps", "review", "extension",
    ]

    /// Without a usable title: the file's name, or its folder's when the file name is generic
    /// (`.kiro/specs/auth/tasks.md` is project "auth").
    private static func fallback(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        let file = parts.last ?? path
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        let genericFiles: Set<String> = ["tasks", "requirements", "design", "readme", "plan", "tracker", "todo", "index", "notes", "status", "roadmap", "state"]
        if genericFiles.contains(stem.lowercased()), parts.count >= 2 { return parts[parts.count - 2] }
        return stem
    }
}
