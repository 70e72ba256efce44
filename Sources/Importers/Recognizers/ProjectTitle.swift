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
        return candidates.first { !isGeneric($0) } ?? candidates.first
    }

    static func kind(title: String?, path: String, taskCount: Int, numberedTasks: Int) -> DocumentKind {
        let file = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        let lower = (title ?? "").lowercased()
        if file == "tasks.md" && numberedTasks > 0 { return .kiroTasks }
        if ["tracker", "checklist", "progress", "board", "backlog"].contains(where: { lower.contains($0) }) { return .tracker }
        if ["summary", "report", "status", "retro", "retrospective", "complete", "completion", "review"].contains(where: { lower.contains($0) }) { return .summary }
        if lower.contains("action plan") || lower.contains("action items") || lower.contains("next steps") { return .actionPlan }
        if numberedTasks > 0 && lower.contains("implementation plan") { return .kiroTasks }
        if ["plan", "roadmap", "spec", "timeline", "schedule"].contains(where: { lower.contains($0) }) { return .plan }
        if file.contains("tracker") || file.contains("checklist") { return .tracker }
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
        "weekly", "daily", "final", "immediate", "current", "complete", "completion",
    ]

    static func stripKindWords(_ segment: String) -> String {
        var words = segment.split(separator: " ").map(String.init)
        var changed = true
        while changed {
            changed = false
            for phrase in kindPhrases {
                let parts = phrase.split(separator: " ").map(String.init)
                guard parts.count <= words.count else { continue }
                for start in 0...(words.count - parts.count) {
                    let slice = words[start..<(start + parts.count)].map { $0.lowercased().trimming("()[],.") }
                    if slice == parts {
                        words.removeSubrange(start..<(start + parts.count))
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
    ]

    /// Without a title: the folder the document sits in, or its file name.
    private static func fallback(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        let generic: Set<String> = ["docs", "doc", "specs", "spec", "planning", "plans", "notes", ".", "..", ".kiro"]
        if parts.count >= 2, !generic.contains(parts[parts.count - 2].lowercased()) { return parts[parts.count - 2] }
        let file = parts.last ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }
}
