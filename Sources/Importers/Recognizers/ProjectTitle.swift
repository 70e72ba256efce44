import PlanModel

/// The project and kind of a document from its title: `# PAVI Overhaul - Task Tracker`,
/// `# Week 1 Completion Summary - PAVI Overhaul` and `# PAVI Technology Stack Overhaul -
/// 3-Month Implementation Plan` all name project "PAVI ..." once the document-kind words
/// are set aside. A front-matter `project:` overrides the title.
enum ProjectTitle {
    /// The project a document names: its front matter's `project:`, else a distinctive name in
    /// its title. A document that names none (`# Risk Register`, `# Sprint Backlog`) gets the
    /// nearest folder that is not a generic one, else its own title, with `stated` false: the
    /// importer then places it with the one project its folder's other documents name, if any.
    static func projectName(title: String?, frontMatter: [String: String], path: String) -> (name: String, stated: Bool) {
        if let stated = frontMatter["project"], !TextPatterns.isBlank(stated) { return (TextPatterns.clean(stated), true) }
        if let title, let name = fromTitle(title) { return (name, true) }
        if let folder = ProjectFolders.nearestNamed(path) { return (folder, false) }
        return (ownName(title: title), false)
    }

    /// A document's name for a project of its own: its title, short, or `(untitled)`.
    static func ownName(title: String?) -> String {
        guard let title else { return "(untitled)" }
        let cleaned = TaskTitle.trimDecorations(TextPatterns.clean(title))
        var words = Array(ScalarSplit.split(cleaned, on: ScalarSplit.spaces).prefix(5))
        while words.count > 1, words.joined(separator: " ").count > 40 { words.removeLast() }
        return words.isEmpty ? "(untitled)" : String(words.joined(separator: " ").prefix(40))
    }

    /// The part of the title that is not about the document itself, cut to its distinctive
    /// words (`Farmers Market Platform` → `Farmers Market`); nil when no word is distinctive.
    static func fromTitle(_ title: String) -> String? {
        let unnumbered = TextPatterns.leadingNumber(TaskTitle.trimDecorations(title))?.rest ?? TaskTitle.trimDecorations(title)
        let segments = split(unnumbered).map { $0.trimming("[] ") }.filter { !$0.isEmpty }
        let stripped = segments.map(stripKindWords)
        // Prefer a segment that had no kind words at all: it is the bare project name.
        if let pure = zip(segments, stripped).first(where: { $1 == TextPatterns.clean($0) && !isGeneric($0) }) {
            return shortName(TextPatterns.clean(pure.0))
        }
        return stripped.first { !$0.isEmpty && !isGeneric($0) }.map(shortName)
    }

    /// From the first distinctive word, at most three words, without a parenthesised remark or
    /// a trailing product word (`Farmers Market Platform` → `Farmers Market`).
    static func shortName(_ name: String) -> String {
        let words = ScalarSplit.split(name, on: ScalarSplit.spaces).map(String.init)
        guard let start = words.firstIndex(where: { !isGenericWord($0) }) else { return name }
        var kept = Array(words[start...].prefix { !$0.hasPrefix("(") && !$0.hasPrefix("（") }.prefix(3))
        while kept.count > 1, let last = kept.last?.lowercased(), trailingWords.contains(last) { kept.removeLast() }
        return kept.joined(separator: " ").trimming(" -–—,:")
    }

    /// Words that end a product's name without being part of it (`... Platform`, `... for`).
    static let trailingWords: Set<String> = [
        "platform", "app", "application", "system", "project", "service", "mvp", "tool", "website", "site",
        "for", "of", "and", "to", "the", "a", "in", "on", "with", "&", "de", "du", "des", "la", "le", "y", "und", "für",
    ]

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

    /// The title cut at `:`, `：`, `|`, and at a dash after a space.
    private static func split(_ title: String) -> [String] {
        var previous: Character = " "
        return ScalarSplit.split(title) { character in
            defer { previous = character }
            return character == ":" || character == "：" || character == "|"
                || (previous == " " && (character == "-" || character == "–" || character == "—"))
        }.map { TextPatterns.clean(String($0)) }.filter { !$0.isEmpty }
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
    /// Each kind phrase's first word: a title holding none of them has no kind phrase to take out.
    private static let kindPhraseFirstWords = Set(kindPhraseWords.compactMap(\.first))

    static func stripKindWords(_ segment: String) -> String {
        var words = ScalarSplit.split(segment, on: ScalarSplit.spaces).map(String.init)
        var folded = words.map { $0.lowercased().trimming("()[],.") }
        var changed = folded.contains(where: kindPhraseFirstWords.contains)
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
        ScalarSplit.split(name, on: ScalarSplit.spaces).allSatisfy(isGenericWord)
    }

    /// Whether a word is generic: a document-kind, technical or common word in any supported
    /// language, a version or number, or a CJK phrase made of planning vocabulary.
    static func isGenericWord<S: StringProtocol>(_ word: S) -> Bool {
        let lower = word.lowercased().trimming("()[],.:;!?\"'«»“”（）")
        if lower.isEmpty || genericWords.contains(lower) { return true }
        // Planning vocabulary in any language (Risiken, Hypothèses, Tareas, Status...), and ADR numbers.
        if !lower.unicodeScalars.contains(where: Vocabulary.isCJK), Vocabulary.term(of: lower) != nil { return true }
        if lower.hasPrefix("adr"), lower.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "-" }) { return true }
        if lower.allSatisfy({ !$0.isLetter }) { return true }
        // `v1.0`, `v2`, `2025`, `Q3`: versions and dates.
        if let first = lower.first, "vq".contains(first), lower.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }), lower.count > 1 { return true }
        if lower.unicodeScalars.contains(where: Vocabulary.isCJK) {
            var rest = lower
            for word in cjkRemovals where rest.utf8Contains(word) { rest = rest.replacingOccurrences(word, with: "") }
            return rest.filter { $0.isLetter }.count < 2
        }
        return false
    }

    /// What a CJK title loses before the letters left are counted, in the order they are taken
    /// out: the kind words, longest first, then the vocabulary's CJK words.
    private static let cjkRemovals: [String] = cjkKindWords.sorted { $0.count > $1.count }
        + Vocabulary.words.values.flatMap { list in list.filter { $0.unicodeScalars.contains(where: Vocabulary.isCJK) } }

    static let cjkKindWords: [String] = [
        "清单", "清單", "列表", "一覧", "一览", "计划", "計劃", "計画", "报告", "報告", "总结", "總結", "开发", "開發", "開発",
        "常に最新", "最新", "项目", "項目", "管理", "分工", "文档", "文檔", "ドキュメント", "プロジェクト", "현황", "계획", "보고서",
        "프로젝트", "목록", "概要", "路线图", "ロードマップ", "로드맵",
    ]

    static let genericWords: Set<String> = [
        // Articles, prepositions, conjunctions.
        "the", "a", "an", "our", "my", "your", "for", "of", "and", "to", "&", "+", "in", "on", "with", "by", "from", "at", "as",
        "de", "del", "la", "le", "les", "el", "los", "das", "der", "die", "des", "du", "et", "y", "e", "und", "i", "z", "w", "do", "na",
        // Planning and document words (English and the other supported languages).
        "project", "projekt", "projektu", "projet", "proyecto", "projeto", "progetto", "production", "deployment",
        "migration", "database", "go/no-go", "go", "no-go", "gate", "decision", "decisions", "sprint", "phase", "week",
        "day", "implementation", "task", "tasks", "new", "next", "steps", "review", "extension", "risk", "risks",
        "register", "log", "matrix", "raid", "okr", "okrs", "kpi", "kpis", "wbs", "work", "breakdown", "structure",
        "backlog", "planning", "planung", "sprint-planung", "cutover", "rollback", "runbook", "procedures", "procedure",
        "process", "processus", "proceso", "processo", "checklist", "criteria", "metrics", "goals", "objectives",
        "milestones", "milestone", "feature", "features", "legacy", "draft", "version", "revision", "guide", "overview",
        "consolidated", "consolidada", "consolidado", "risiken", "risiko", "riscos", "risco", "riesgos", "riesgo",
        "risques", "risque", "rischi", "matriz", "matrice", "progreso", "progresso", "semanal", "semanales", "harmonogram",
        "zeitplan", "cronograma", "calendrier", "échéancier", "roadmap-status", "adr", "architecture", "record",
        "post-deployment", "post-launch", "pmo", "pm", "mvp", "poc", "alpha", "beta", "release", "launch",
        // Technical words that name no project on their own.
        "ai", "ml", "llm", "api", "apis", "ui", "ux", "frontend", "backend", "server", "server-side", "client",
        "client-side", "web", "mobile", "app", "application", "system", "systems", "platform", "service", "services",
        "data", "auth", "authentication", "login", "user", "users", "profile", "settings", "dashboard", "reporting",
        "reports", "security", "performance", "testing", "tests", "test", "ci", "cd", "ci/cd", "devops", "infra",
        "infrastructure", "cloud", "postgresql", "postgres", "mysql", "sqlite", "redis", "docker", "kubernetes", "k8s",
        "aws", "gcp", "azure", "terraform", "rendering", "cleanup", "consolidation", "integration", "support",
        "categories", "category", "format", "formats", "dates", "date", "iso", "flags", "flag", "feature-flags",
        "pipeline", "pipelines", "monitoring", "observability", "logging", "cache", "caching", "storage", "network",
        "documentation", "docs", "readme", "skills", "model", "models", "schema", "idempotency", "hardening",
        "redesign", "refactor", "refactoring", "upgrade", "setup", "configuration", "config", "environment",
        "page", "pages", "rollout", "framework", "execution", "sources", "source", "track", "tracking",
        // Verbs that open decision and task titles.
        "use", "using", "add", "adding", "implement", "create", "build", "fix", "update", "improve",
        "remove", "enable", "disable", "adopt", "replace", "move", "switch", "introduce", "migrate", "define",
    ]
}
