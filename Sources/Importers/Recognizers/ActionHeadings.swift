import Markdown
import PlanModel

/// Priority-ordered action headings: `### 1. Local Validation (TODAY - 1-2 hours)` under a
/// "Priority Order" or "Right now" heading, or with a timeline of its own. A heading whose
/// section holds checkboxes is a group of those tasks, not a task, so the walker confirms the
/// candidate only when its section ends without any.
struct ActionHeadings {
    struct Candidate {
        let task: TaskItem
        let level: Int
        let tasksBefore: Int
        let gatesBefore: Int
    }

    func candidate(heading text: String, level: Int, line: Int, context: DocumentContext,
                   found: Findings) -> Candidate? {
        guard let numbered = TextPatterns.leadingNumber(text), !numbered.number.contains(".") else { return nil }
        var title = numbered.rest
        var timeline: String?
        if title.hasSuffix(")"), let open = title.lastIndex(of: "(") {
            let inner = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
            if Self.isTimeline(inner) {
                timeline = TextPatterns.clean(inner)
                title = String(title[..<open])
            }
        }
        let parent = context.parentHeadingText?.lowercased() ?? ""
        let parentIsAgenda = ["priority", "action", "in order"].contains { TextPatterns.contains(parent, $0) }
            || HeadingFacts(heading: parent).timeline != nil
        guard timeline != nil || parentIsAgenda else { return nil }
        let parsed = TaskTitle(spans: [Span(title)])
        guard !parsed.text.isEmpty else { return nil }
        var week = context.week
        if let timeline {
            if let stated = TextPatterns.number(after: ["week"], in: timeline) {
                week = stated.first
            } else if let day = TextPatterns.number(after: ["day"], in: timeline) {
                week = (day.first - 1) / 7 + 1
            } else if HeadingFacts(heading: timeline).timeline != nil {
                week = context.week ?? 1
            }
        }
        var base: TaskStatus = .open
        if parsed.doneMarker { base = .done }
        let task = TaskItem(line: line, title: parsed.text,
                            status: parsed.status(from: base, deferred: context.deferred),
                            week: week, phase: context.phase?.number, day: context.day, sprint: context.sprint,
                            timeline: timeline ?? context.parentHeadingText.map(TextPatterns.clean),
                            milestone: false, number: numbered.number,
                            owners: Owners.merge([], section: context.sectionOwner?.name))
        return Candidate(task: task, level: level, tasksBefore: found.document.tasks.count,
                         gatesBefore: found.document.gates.count)
    }

    /// `TODAY - 1-2 hours`, `TOMORROW`, `DAY 3-4`, `WEEK 2-3`, `This week`.
    static func isTimeline(_ text: String) -> Bool {
        let lower = text.lowercased()
        if HeadingFacts(heading: lower).timeline != nil { return true }
        if TextPatterns.number(after: ["day", "week", "month", "sprint"], in: lower) != nil { return true }
        return TextPatterns.contains(lower, "this week") || TextPatterns.contains(lower, "next week") || lower.hasPrefix("now")
    }
}
