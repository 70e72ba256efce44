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

    static func namesTasks(_ heading: String) -> Bool {
        let name = Vocabulary.normalize(TextPatterns.leadingNumber(heading)?.rest ?? heading)
        let isCJK = name.unicodeScalars.contains(where: Vocabulary.isCJK)
        guard isCJK ? Self.isCJKTaskHeading(name) : Vocabulary.words[.task]!.contains(name) else { return false }
        let lower = heading.lowercased()
        return !["deliverable", "livrable", "entregable", "lieferergebnis", "交付", "成果物", "산출물"].contains { TextPatterns.contains(lower, $0) }
    }
}

/// Key results written as a list under a Key Results heading (`## 🎯 Key Results`, `### 핵심
/// 결과`): each item a metric, with the from/to and current value it states. Checkbox key
/// results stay tasks as well: whether they are also work is the document's to say.
struct KeyResultLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList, let heading = context.headingText, Vocabulary.term(of: heading) == .keyResult else { return false }
        for item in node.children {
            let (box, spans) = CheckboxPrefix.of(item: item)
            let text = TaskTitle.trimDecorations(TextPatterns.clean((box?.rest ?? spans).lines.first?.plainText ?? ""))
            guard !text.isEmpty else { continue }
            let parsed = KeyResultText(text)
            var metric = MetricItem(line: item.line, name: parsed.name, target: parsed.target, actual: parsed.current,
                                    stated: box.map { $0.status == .done ? "done" : "open" }, week: context.week)
            metric.baseline = parsed.baseline
            found.document.metrics.append(metric)
        }
        return !ListShape.hasCheckbox(node)
    }
}

/// Week numbers as titles and headings write them in every supported language.
enum WeekWords {
    /// `Week 3`, `Weeks 1-2`, `Woche 3`, `KW 12`, `Semana 2`, `第3周`, `第1-2周`, `第2週`, `3주차`.
    static func week(in text: String) -> Int? {
        let lower = text.lowercased()
        if let found = TextPatterns.number(after: Vocabulary.words[.week]!.filter { !$0.unicodeScalars.contains(where: Vocabulary.isCJK) }, in: lower) {
            return found.first
        }
        // CJK: the number sits between 第 and 周/週, or before 주차 / 週目.
        let characters = Array(lower)
        for (index, character) in characters.enumerated() where character == "第" {
            let digits = characters[(index + 1)...].prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(String(digits)) else { continue }
            let rest = characters[(index + 1 + digits.count)...].drop { $0 == "-" || $0 == "–" || $0 == "~" || $0.isNumber || $0 == " " }
            if let unit = rest.first, unit == "周" || unit == "週" { return value }
        }
        for marker in ["주차", "週目"] {
            if let range = lower.range(of: marker) {
                let before = lower[..<range.lowerBound].reversed().drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
                if let value = Int(String(before.reversed())) { return value }
            }
        }
        return nil
    }
}
