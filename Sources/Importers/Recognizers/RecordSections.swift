import Markdown
import PlanModel

/// Items written as sections: a heading, or a paragraph that is one bold line, opens one item
/// (`### R1: Vendor lock-in`, `## RISK-003: ...`, `### Tarea #1`, `### Task 1.2: ...`,
/// `**KR1: Grow weekly users**`), and the blocks under it give its fields: `**Field:** value`
/// lines, `Field: value` lines (several on one line when separated by two spaces or ` | `),
/// bullets `- Field: value`, or a two-column field/value table. The item is read like a table
/// row; the blocks that gave fields are its own and no other recognizer reads them (a bullet
/// `**Probability:** High` under a risk heading is a field, not a risk).
///
/// What the item is comes from its opening label (`Risk 2`, `R-01`, `Task 3`, `KR1`, in any
/// language of the vocabulary), else a `Type:` field (RAID logs: only risks are risks; issues,
/// assumptions, dependencies and decisions become notes), else the heading above it
/// (`## Tareas del Sprint` over `### Tarea #1`). A section with no field is not a record.
struct RecordSections {
    /// Where a register id ends in its label (`RISK-001: ...`).
    static let identifierEnds = ScalarSplit.Separators(":", " ")

    enum Subject: Equatable {
        case risk, task, keyResult
        case note(NoteItem.Kind)

        /// The subject a label or `Type:` value names.
        init?(_ term: Vocabulary.Term?) {
            switch term {
            case .risk: self = .risk
            case .task, .step: self = .task
            case .keyResult: self = .keyResult
            default:
                guard let kind = term?.raidNoteKind else { return nil }
                self = .note(kind)
            }
        }
    }

    struct Record {
        let line: Int
        var subject: Subject
        var title: String
        var fields: [Vocabulary.Term: String] = [:]
        /// The register id the opening label is (`RISK-001`), when it is one.
        var identifier: String?
        /// The blocks that gave fields: the walker does not offer them to other recognizers.
        var consumed: [Node] = []
    }

    /// Terms that are a record's attributes when they label a field.
    static let attributeTerms: Set<Vocabulary.Term> = [
        .likelihood, .impact, .severity, .score, .owner, .status, .mitigation, .contingency, .due, .doneDate,
        .target, .actual, .baseline, .category, .description, .estimate, .identifier,
    ]

    /// The opening label's subject and the item's title: `Risk 1: Incorrect formulas` →
    /// (risk, "Incorrect formulas"); `RISK-001: ...`; `Tarea #1` → (task, "Tarea #1").
    static func opening(_ text: String) -> (subject: Subject, title: String)? {
        openings.value(text) { readOpening(text) }.map { ($0.subject, $0.title) }
    }

    private struct Opening { let subject: Subject; let title: String }
    /// Every heading and bold line is asked about; the same ones recur in every document.
    private static let openings = Vocabulary.Cache<String, Opening?>()

    private static func readOpening(_ text: String) -> Opening? {
        // The label must hold a number (below); cleaning only removes text, so without a digit
        // anywhere there is no record to open.
        guard TextPatterns.containsNumber(text) else { return nil }
        let cleaned = TaskTitle.trimDecorations(TextPatterns.clean(text))
        let numbered = TextPatterns.leadingNumber(cleaned)?.rest ?? cleaned
        var label = numbered
        var title = numbered
        if let separator = Self.separator(in: numbered) {
            label = String(numbered[..<separator.lowerBound]).trimming(" ")
            title = String(numbered[separator.upperBound...]).trimming(" ")
        }
        // The label names the subject and is numbered or an id: `Risk 2`, `R-01`, `KR1`, `Tarea #1`.
        guard TextPatterns.containsNumber(label), label.count <= 40, ScalarSplit.split(label, on: ScalarSplit.spaces).count <= 4 else { return nil }
        if title.isEmpty { title = label }
        if RiskTable.isRiskID(label) { return Opening(subject: .risk, title: title) }
        let words = label.lowercased().filter { !$0.isNumber && $0 != "#" && $0 != "." && $0 != "-" }.trimming(" ")
        return Subject(Vocabulary.term(of: words)).map { Opening(subject: $0, title: title) }
    }

    private static func separator(in text: String) -> Range<String.Index>? {
        for mark in [": ", "：", " - ", " – ", " — ", ":"] {
            if let range = text.utf8Range(of: mark) { return range }
        }
        return nil
    }

    /// The subject a heading above names for the sections under it (`## Risks`, `### Key Results`,
    /// `## Tareas del Sprint Backlog`).
    static func subject(ofParent heading: String?) -> Subject? {
        guard let heading else { return nil }
        if RiskLists.isRiskHeading(heading) { return .risk }
        if Vocabulary.mentions(heading, .keyResult) { return .keyResult }
        if Vocabulary.mentions(heading, .task) { return .task }
        return nil
    }

    /// Reads the record a heading (or bold line) opens from the blocks under it, or nil.
    /// Fields read so far, and the last key, whose value may continue on the next line.
    struct FieldSink {
        var fields: [Vocabulary.Term: String] = [:]
        var type: String?
        var lastKey: Vocabulary.Term?
        /// A label with no value (`**Mitigation:**`) whose value is the list that follows.
        var pendingKey: Vocabulary.Term?
    }

    static func read(opening text: String, line: Int, body: ArraySlice<Node>, parent: String?) -> Record? {
        // Most headings open nothing: without a label, a subject above, or a `Type:` line first,
        // the body is not read at all.
        // Every opening label holds a digit (`R1`, `Task 2`, `KR3`); only a `Type:` line opens one without.
        let hasDigit = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        if !hasDigit, !startsWithType(body.first) { return nil }
        let opened = hasDigit ? opening(text) : nil
        let unnumberedText = TextPatterns.leadingNumber(text)?.rest ?? text
        if opened == nil, !(TextPatterns.containsNumber(unnumberedText) && subject(ofParent: parent) != nil),
           !startsWithType(body.first) {
            return nil
        }
        var sink = FieldSink()
        var consumed: [Node] = []
        for block in body {
            if block.isHeading { break }
            var read = false
            switch block.kind {
            case .paragraph:
                for line in block.spans.lines { read = Self.fields(in: line, into: &sink) || read }
            case .list:
                if ListShape.hasCheckbox(block) { continue }
                if let key = sink.pendingKey {
                    let items = block.children.compactMap { item in
                        item.children.first(where: \.isParagraph).map { TextPatterns.clean($0.spans.lines.first?.plainText ?? "") }
                    }.filter { !$0.isEmpty }
                    if !items.isEmpty {
                        sink.fields[key] = items.joined(separator: "; ")
                        sink.pendingKey = nil
                        consumed.append(block)
                        continue
                    }
                }
                for item in block.children {
                    guard let paragraph = item.children.first(where: \.isParagraph) else { continue }
                    var itemRead = false
                    for (offset, line) in paragraph.spans.lines.enumerated() {
                        if Self.fields(in: line, into: &sink) {
                            itemRead = true
                        } else if offset > 0, itemRead, let last = sink.lastKey {
                            // A field's value continues on the item's next lines.
                            sink.fields[last, default: ""] += " " + TextPatterns.clean(line.plainText)
                        }
                    }
                    for nested in item.children where nested.isList {
                        for sub in nested.children {
                            for line in sub.children.first(where: \.isParagraph)?.spans.lines ?? [] {
                                itemRead = Self.fields(in: line, into: &sink) || itemRead
                            }
                        }
                    }
                    read = read || itemRead
                }
            case .table:
                read = Self.fieldTable(block, into: &sink)
            case .thematicBreak:
                continue
            default:
                break
            }
            if read || block.isParagraph { consumed.append(block) }
        }
        let fields = sink.fields
        guard !fields.isEmpty || sink.type != nil || sink.pendingKey != nil else { return nil }
        // `Phase 3: ...`, `Week 2 - ...`, `Sprint 1`: schedule headings group items; they are none.
        let lead = Self.separator(in: TextPatterns.clean(text)).map { String(TextPatterns.clean(text)[..<$0.lowerBound]) } ?? TextPatterns.clean(text)
        let leadTerm = Vocabulary.term(of: lead.filter { !$0.isNumber && $0 != "#" && $0 != "." }.trimming(" "))
        if let leadTerm, [.phase, .week, .sprint, .day, .milestone, .gate, .objective].contains(leadTerm) { return nil }
        var subject = opened?.subject
        // `Task 67: ...` names a task; `Step 4: ...` or a section under `## Tasks` is one only
        // when its fields say who, when or how far.
        var needsWorkFields = leadTerm == .step
        var title = opened?.title ?? TaskTitle.trimDecorations(TextPatterns.clean(text))
        if let type = sink.type, let typed = Subject(Vocabulary.term(of: type)) { subject = typed }
        // `### Tarea #1` under `## Tareas`: numbered within its label, not merely a numbered section.
        let unnumbered = TextPatterns.leadingNumber(text)?.rest ?? text
        if subject == nil, let parentSubject = Self.subject(ofParent: parent), TextPatterns.containsNumber(unnumbered) {
            subject = parentSubject
            needsWorkFields = true
        }
        guard let subject else { return nil }
        // `R1` names risks in a register and requirements in a spec: without a risk heading above,
        // the fields must say it is a risk.
        if subject == .risk, let label = opened.map({ _ in lead }), !RiskTable.isUnambiguousRiskID(label),
           !Vocabulary.mentions(label, .risk), !RiskLists.isRiskHeading(parent),
           ![.likelihood, .impact, .severity, .score, .mitigation, .contingency].contains(where: { fields[$0] != nil }) {
            return nil
        }
        let workFields: [Vocabulary.Term] = [.status, .owner, .due, .doneDate, .estimate, .likelihood, .impact, .severity, .target]
        if needsWorkFields, !workFields.contains(where: { fields[$0] != nil }) { return nil }
        if subject == .task, let description = fields[.description], title.count <= 12 {
            title = "\(title): \(description)"
        }
        let label = opened.map { _ in TaskTitle.trimDecorations(TextPatterns.clean(text)) }
        let identifier = label.flatMap { ScalarSplit.split($0, on: Self.identifierEnds).first.map(String.init) }
            .flatMap { RiskTable.isRiskID($0) ? $0 : nil }
        return Record(line: line, subject: subject, title: title, fields: fields, identifier: identifier, consumed: consumed)
    }

    /// `**Field:** value`, `Field: value`, or several `Key: value` separated by two spaces.
    private static func fields(in line: [Span], into sink: inout FieldSink) -> Bool {
        let raw = line.plainText
        // `:` or the full-width `：` (EF BC 9A); most lines have neither.
        guard raw.utf8.contains(0x3A) || raw.utf8.contains(0xBC) else { return false }
        let segments = raw.components(separatedBy: "  ").flatMap { $0.components(separatedBy: " | ") }
            .map { TextPatterns.clean($0) }.filter { !$0.isEmpty }
        let parts = segments.count > 1 && segments.allSatisfy({ $0.contains(":") || $0.contains("：") }) ? segments : [TextPatterns.clean(raw)]
        var read = false
        for part in parts {
            guard let colon = TextPatterns.firstColon(in: part) else { continue }
            let key = String(part[..<colon]).trimming(" *_")
            let value = String(part[part.index(after: colon)...]).trimming(" *_")
            guard !key.isEmpty, ScalarSplit.split(key, on: ScalarSplit.spaces).count <= 4 else { continue }
            if value.isEmpty {
                if let term = Vocabulary.term(of: key), attributeTerms.contains(term) {
                    sink.pendingKey = term
                    read = true
                }
                continue
            }
            if Vocabulary.isTypeLabel(key) {
                sink.type = value
                read = true
                continue
            }
            guard let term = Vocabulary.term(of: key), attributeTerms.contains(term) else { continue }
            if sink.fields[term] == nil { sink.fields[term] = value }
            sink.lastKey = term
            read = true
        }
        return read
    }

    /// Whether a block opens with a `Type:` field (a RAID entry).
    private static func startsWithType(_ block: Node?) -> Bool {
        guard let block else { return false }
        let paragraph = block.isParagraph ? block : block.isList ? block.children.first?.children.first : nil
        guard let first = paragraph?.spans.lines.first else { return false }
        let text = TextPatterns.clean(first.plainText)
        guard let colon = TextPatterns.firstColon(in: text) else { return false }
        return Vocabulary.isTypeLabel(String(text[..<colon]).trimming(" *_"))
    }

    /// A two-column table whose first column names fields (`| Target | 200k |`).
    private static func fieldTable(_ table: Node, into sink: inout FieldSink) -> Bool {
        let rows = table.children
        guard rows.allSatisfy({ $0.children.count == 2 }) else { return false }
        var matched = 0
        for row in rows {
            let key = TextPatterns.clean(row.children[0].text), value = TextPatterns.clean(row.children[1].text)
            if Vocabulary.isTypeLabel(key) { sink.type = value; matched += 1; continue }
            guard let term = Vocabulary.term(of: key), attributeTerms.contains(term), !TextPatterns.isBlank(value) else { continue }
            if sink.fields[term] == nil { sink.fields[term] = value }
            matched += 1
        }
        return matched * 2 >= rows.count && matched > 0
    }

    /// Adds what a record describes to the findings.
    static func add(_ record: Record, context: DocumentContext, into found: inout Findings) {
        let fields = record.fields
        switch record.subject {
        case .risk:
            // `Risk 1: Scope Creep 🟢 LOW`: a level at the end of the title is the risk's level.
            let trailing = RiskLevel.trailing(in: record.title)
            var risk = RiskItem(line: record.line, title: trailing?.rest ?? record.title, likelihood: fields[.likelihood], impact: fields[.impact],
                                mitigation: fields[.mitigation], contingency: fields[.contingency], owner: fields[.owner],
                                week: context.week, identifier: record.identifier, status: fields[.status])
            let stated = fields[.severity].flatMap(RiskLevel.init) ?? trailing?.level ?? fields[.score].flatMap(RiskLevel.fromScore)
            RiskLevels.assign(stated, to: &risk, context: context)
            found.add(risk)
        case .keyResult:
            found.document.metrics.append(KeyResultText.metric(record.title, line: record.line, week: context.week,
                                                               target: fields[.target], actual: fields[.actual],
                                                               baseline: fields[.baseline], stated: fields[.status]))
        case .task:
            let status = fields[.status].flatMap(StatusVocabulary.status(of:)) ?? (fields[.doneDate] != nil ? .done : .planned)
            var task = TaskItem(line: record.line, title: record.title,
                                status: context.deferred && status != .done ? .deferred : status,
                                week: context.week, phase: context.phase?.number, day: context.day, sprint: context.sprint,
                                due: fields[.due].flatMap(TextPatterns.parseDate))
            task.owners = Owners.merge((fields[.owner].map(Owners.names(in:)) ?? []).map { OwnerAction(name: $0, action: nil) },
                                       section: context.sectionOwner?.name)
            found.add(task)
        case .note(let kind):
            found.document.notes.append(NoteItem(line: record.line, kind: kind, text: record.title, week: context.week))
        }
    }
}

/// A key result's own words: `Grow weekly users from 125k to 200k`, `... (current: 140k)`.
struct KeyResultText {
    var name: String
    var baseline: String?
    var target: String?
    var current: String?

    /// The metric a key result states; fields written beside it win over its own words.
    static func metric(_ text: String, line: Int, week: Int?, target: String? = nil, actual: String? = nil,
                       baseline: String? = nil, stated: String? = nil) -> MetricItem {
        let parsed = KeyResultText(text)
        var metric = MetricItem(line: line, name: parsed.name, target: target ?? parsed.target, actual: actual ?? parsed.current,
                                stated: stated, week: week)
        metric.baseline = baseline ?? parsed.baseline
        return metric
    }

    init(_ text: String) {
        name = text
        let lower = text.lowercased()
        if let from = lower.utf8Range(of: " from "), let to = lower[from.upperBound...].utf8Range(of: " to ") {
            baseline = String(text[from.upperBound..<to.lowerBound]).trimming(" ")
            target = String(text[to.upperBound...]).prefix { $0 != " " && $0 != "," && $0 != "(" }.trimming(" .")
        }
        for marker in ["current is ", "current: ", "currently ", "now "] {
            if let range = lower.utf8Range(of: marker) {
                current = String(text[range.upperBound...]).prefix { $0 != " " && $0 != "," && $0 != ")" }.trimming(" .")
                break
            }
        }
    }
}
