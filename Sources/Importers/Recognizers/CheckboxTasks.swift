import Markdown
import PlanModel

/// Checkbox list items at any depth: `- [ ]`, `* [x]`, `1. [X]`, `[/]` and `[-]` in progress,
/// Kiro numbered (`- [x] 2.1 Title`) and optional (`- [ ]* 3.2`) tasks with their parents,
/// `_Requirements: ..._` references and `**Property N:**` / `**Validates:**` lines, owners from
/// `Owner:` sub-items and `@name`. Kiro `Checkpoint` items are recorded as gates.
struct CheckboxTasks: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList else { return false }
        collect(node, parentLine: nil, context: context, into: &found)
        return true
    }

    private func collect(_ list: Node, parentLine: Int?, context: DocumentContext, into found: inout Findings) {
        for item in list.children {
            guard let box = CheckboxPrefix.of(item: item).box else {
                // A plain bullet: checkboxes nested under it keep the outer parent.
                for child in item.children where child.isList {
                    collect(child, parentLine: parentLine, context: context, into: &found)
                }
                continue
            }
            let title = TaskTitle(spans: box.rest)
            if GatePattern.isCheckpoint(title.text) {
                var gate = checkpoint(item, title: title, checked: box.status == .done, context: context)
                gate.scopeFromLine = found.lastCheckpointLine
                found.lastCheckpointLine = item.line
                found.add(gate)
                continue
            }
            var task = TaskItem(line: item.line, title: title.text,
                                status: title.status(from: box.status, deferred: context.deferred),
                                week: context.week, phase: context.phase?.number, day: context.day,
                                sprint: context.sprint, due: title.due, doneOn: title.doneOn,
                                milestone: title.milestone, optional: box.optional, number: title.number,
                                parentLine: parentLine, checkbox: true)
            if title.text.isEmpty {
                found.warn(item.line, "checkbox without a title; recorded as an untitled task")
                task.title = "(untitled)"
            }
            var details = ItemDetails()
            for line in box.rest.lines.dropFirst() { details.read(line) }
            for child in item.children.dropFirst() { details.read(block: child) }
            task.requirements = details.requirements
            task.details = details.kept
            task.owners = Owners.merge(details.owners + title.mentions.map { OwnerAction(name: $0, action: nil) },
                                       section: context.sectionOwner?.name)
            found.add(task)
            for child in item.children where child.isList {
                collect(child, parentLine: item.line, context: context, into: &found)
            }
        }
    }

    /// A checkpoint's bullets (and continuation lines) are its criteria.
    private func checkpoint(_ item: Node, title: TaskTitle, checked: Bool, context: DocumentContext) -> GateItem {
        var gate = GateItem(line: item.line, kind: .checkpoint,
                            title: [title.number.map { "\($0)." }, title.text].compactMap { $0 }.joined(separator: " "),
                            week: context.week, phase: context.phase?.number, checkbox: checked)
        func add(_ list: Node) {
            for bullet in list.children {
                let (box, spans) = CheckboxPrefix.of(item: bullet)
                let text = TextPatterns.clean((box?.rest ?? spans).plainText)
                if !text.isEmpty || box != nil {
                    gate.criteria.append(.init(line: bullet.line, text: text, checked: box.map { $0.status == .done }))
                }
                for nested in bullet.children where nested.isList { add(nested) }
            }
        }
        for child in item.children where child.isList { add(child) }
        return gate
    }
}

/// The lines under a task item that describe it rather than being sub-tasks.
struct ItemDetails {
    /// `_Requirements: 1.2, 4.1_`: the ids a requirements line lists.
    static let requirementSeparators = ScalarSplit.Separators(",", "，", "、")

    var requirements: [String] = []
    var kept: [String] = []
    var owners: [OwnerAction] = []

    mutating func read(block: Node) {
        switch block.kind {
        case .paragraph:
            for line in block.spans.lines { read(line) }
        case .list:
            for item in block.children {
                // Checkbox sub-items are tasks of their own, read by the caller.
                if case .item(let marker) = item.kind, marker != nil { continue }
                guard let first = item.children.first, first.isParagraph, CheckboxPrefix(first.spans) == nil else { continue }
                for line in first.spans.lines { read(line) }
            }
        default:
            break
        }
    }

    mutating func read(_ line: [Span]) {
        // Every kept line is `Key: value`; most detail lines have no colon and are skipped here.
        guard line.contains(where: { $0.text.utf8.contains(0x3A) || $0.text.utf8.contains(0xBC) }) else { return }
        let text = TextPatterns.clean(line.plainText)
        guard let colon = TextPatterns.firstColon(in: text) else { return }
        let key = text[..<colon].lowercased().trimming(" _*")
        let value = text[text.index(after: colon)...].trimming(" _*")
        switch key {
        case "requirements", "requirement", "reqs", "需求", "requisiti":
            requirements += ScalarSplit.split(value, on: Self.requirementSeparators)
                .map { TextPatterns.clean(String($0)) }.filter { !$0.isEmpty }
        case "validates":
            kept.append(text)
        default:
            if key.hasPrefix("property") {
                kept.append(text)
            } else if Vocabulary.term(of: key) == .owner {
                owners += Owners.names(in: value).map { OwnerAction(name: $0, action: nil) }
            }
        }
    }
}
