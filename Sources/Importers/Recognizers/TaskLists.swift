import Markdown
import PlanModel

/// Plain lists right under a heading that names tasks (`#### Tasks`, `### Aufgaben`, `#### 具体任务`,
/// `## Tareas`): each top-level item is a planned task, titled by its bold lead or first line,
/// with the week range it states (`(Week 1-2)`, `(第1-2周)`); nested bullets describe it.
/// Lists of deliverables, and lists with checkboxes (read as checkbox tasks), are not these.
struct TaskLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        // A bold label before the list (`**验收标准**：`) says what the list is, not the heading.
        guard node.isList, context.label == nil, context.afterHeading, let heading = context.headingText, Self.namesTasks(heading),
              !ListShape.hasCheckbox(node) else { return false }
        for (index, item) in node.children.enumerated() {
            let spans = item.children.first { $0.isParagraph }?.spans.lines.first ?? []
            var title = TaskTitle(spans: spans)
            // `**Camera driver** (Weeks 3-4)`: the bold part names the task.
            if let bold = spans.first(where: { !$0.text.allSatisfy(\.isWhitespace) }), bold.style.contains(.strong) {
                let name = TaskTitle.trimDecorations(TextPatterns.clean(bold.text))
                if !name.isEmpty { title.text = name }
            }
            guard !title.text.isEmpty, !TextPatterns.isBlank(title.text) else { continue }
            let week = WeekWords.week(in: TextPatterns.clean(spans.plainText)) ?? context.week
            found.add(TaskItem(line: item.line, title: title.text, status: title.status(from: .planned, deferred: context.deferred),
                               week: week, phase: context.phase?.number, day: context.day, sprint: context.sprint,
                               number: title.number, owners: Owners.merge(title.mentions.map { OwnerAction(name: $0, action: nil) },
                                                                          section: context.sectionOwner?.name),
                               table: nil, row: index))
        }
        return true
    }

    /// The heading is a task word and nothing more (`Tasks`, `Aufgaben`, `具体任务`): `Post-GO
    /// Actions` or `Tasks completed` say something else about their lists.
    /// `任务`, `具体任务`, `タスク一覧`: a task word with at most a modifier that says which tasks;
    /// `任务管理` (task management) names a feature.
    static func isCJKTaskHeading(_ name: String) -> Bool {
        let modifiers = ["", "具体", "主要", "待办", "我的", "本周", "下周", "当前", "剩余", "详细", "一覧", "リスト", "목록", "세부"]
        for word in Vocabulary.words[.task]! where word.unicodeScalars.contains(where: Vocabulary.isCJK) && name.contains(word) {
            if modifiers.contains(name.replacingOccurrences(word, with: "")) { return true }
        }
        return false
    }

    private static let taskHeadings = Vocabulary.Cache<String, Bool>()

    static func namesTasks(_ heading: String) -> Bool {
        taskHeadings.value(heading) { computeNamesTasks(heading) }
    }

    private static func computeNamesTasks(_ heading: String) -> Bool {
        let name = Vocabulary.normalize(TextPatterns.leadingNumber(heading)?.rest ?? heading)
        let isCJK = name.unicodeScalars.contains(where: Vocabulary.isCJK)
        guard isCJK ? Self.isCJKTaskHeading(name) : Vocabulary.words[.task]!.contains(name) else { return false }
        let lower = heading.lowercased()
        return !["deliverable", "livrable", "entregable", "lieferergebnis", "交付", "成果物", "산출물"].contains { TextPatterns.contains(lower, $0) }
    }
}
