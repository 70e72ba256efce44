import Markdown
import PlanModel

/// The list right after a gate label (`**Phase 1 Gate:**`, `**Rollback if:**`) or under a gate
/// heading (`### GO to Production If:`): its items are the gate's criteria; a `Gate passed`
/// checkbox is the gate's own mark.
struct GateLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList else { return false }
        // `- [x] GO` / `- [ ] ROLLBACK` in a gate's section: the gate's decision, not tasks.
        if let index = Self.decisionGate(for: node, context: context, found: found) {
            for item in node.children {
                let box = CheckboxPrefix.of(item: item).box
                found.document.gates[index].decisionBoxes += box == nil ? 0 : 1
                if let box, box.status == .done { found.document.gates[index].decision = TaskTitle.trimDecorations(TextPatterns.clean(box.rest.plainText)) }
            }
            return true
        }
        if let label = context.label, let index = label.gate {
            Self.collect(node, into: &found.document.gates[index], role: .criterion)
            return true
        }
        if let heading = context.headingText, let pattern = context.headingGate, pattern.applies(in: context) {
            let line = context.frames.last?.line ?? node.line
            let index = found.document.gates.lastIndex { $0.line == line }
                ?? Self.open(pattern, title: heading, value: "", line: line, context: context, into: &found)
            let role: GateItem.CriterionRole = found.document.gates[index].line == line || pattern.isDecision || pattern.needsSchedule ? .criterion : .condition
            Self.collect(node, into: &found.document.gates[index], role: role)
            return true
        }
        return false
    }

    /// The gate whose section a list of decision boxes sits in, if every item is one.
    static func decisionGate(for list: Node, context: DocumentContext, found: Findings) -> Int? {
        guard ListShape.hasCheckbox(list), list.children.allSatisfy({ item in
            let (box, spans) = CheckboxPrefix.of(item: item)
            return box != nil && GateDecision.isOption(TextPatterns.clean((box?.rest ?? spans).plainText))
        }) else { return nil }
        let lines = Set(context.frames.map(\.line))
        return found.document.gates.lastIndex { lines.contains($0.line) }
    }

    /// Records a gate for a label or heading and returns its index. A DELAY (no-go) list right
    /// after a GO list is that gate's conditions, not a gate of its own.
    @discardableResult
    static func open(_ pattern: GatePattern, title: String, value: String, line: Int, context: DocumentContext,
                     into found: inout Findings) -> Int {
        // A sprint's Definition of Done or success criteria inside its go/no-go section are
        // that decision's criteria.
        if pattern.needsSchedule, let pending = found.pendingDecision {
            found.pendingDecision = nil
            return found.add(pending.gate, decision: true)
        }
        if pattern.kind == .noGo, let go = found.document.gates.lastIndex(where: { $0.kind == .go }),
           !found.document.gates[go].criteria.contains(where: { $0.role == .condition }) {
            return go
        }
        var gate = GateItem(line: line, kind: pattern.kind, title: title.trimming(" :"),
                            week: pattern.week ?? context.week, phase: pattern.phase ?? context.phase?.number)
        if !TextPatterns.isBlank(value) {
            gate.criteria.append(.init(line: line, text: value, checked: nil))
        }
        return found.add(gate, decision: pattern.isDecision)
    }

    static func collect(_ list: Node, into gate: inout GateItem, role: GateItem.CriterionRole) {
        for item in list.children {
            let (box, spans) = CheckboxPrefix.of(item: item)
            let raw = TextPatterns.clean((box?.rest ?? spans).lines.first?.plainText ?? "")
            let text = TaskTitle.trimDecorations(raw)
            let checked = box.map { $0.status == .done }
            if let checked, gate.checkbox == nil, role == .criterion, Self.isPassMark(text) {
                gate.checkbox = checked
            } else if let checked, GateDecision.isOption(text) {
                gate.decisionBoxes += 1
                if checked { gate.decision = text }
            } else if !text.isEmpty || checked != nil {
                gate.criteria.append(.init(line: item.line, text: text, checked: checked,
                                           status: status(raw, checked: checked, kind: gate.kind), role: role))
            }
            for child in item.children where child.isList { collect(child, into: &gate, role: role) }
        }
    }

    /// A box says met or unmet; so do ✅ and ❌, except in go/no-go lists, where they only
    /// style which list an item is in.
    static func status(_ raw: String, checked: Bool?, kind: GateItem.Kind) -> GateItem.CriterionStatus {
        if let checked { return checked ? .met : .unmet }
        guard kind != .go, kind != .noGo else { return .unknown }
        if TextPatterns.contains(raw, "✅") || TextPatterns.contains(raw, "✔") { return .met }
        if TextPatterns.contains(raw, "❌") { return .unmet }
        return .unknown
    }

    private static func isPassMark(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("gate passed") || lower == "passed" || lower.hasPrefix("gate approved")
    }
}

/// The options a gate's decision is written as: `- [ ] GO`, `- [x] ROLLBACK`, `☐ No-Go`.
enum GateDecision {
    static let options: Set<String> = [
        "go", "no-go", "no go", "nogo", "rollback", "roll back", "proceed", "abort", "delay", "hold", "stop", "continue",
        "conditional go", "go with conditions", "conditional-go", "go avec conditions", "kein go", "no procede", "procede",
        "retour arrière", "revert", "pass", "fail", "approved", "rejected", "deferred",
    ]

    static func isOption(_ text: String) -> Bool {
        let lower = Vocabulary.normalize(text)
        return options.contains(lower) || options.contains(lower.replacingOccurrences("/", with: " ").trimming(" "))
    }
}

/// Criteria written as a table under a gate heading or label (`## GATE G1 — Pre-cutover` with
/// `| Check | Owner | Status |`): each row a criterion, met or unmet as its status cell says.
struct GateCriteriaTable: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.kind == .table, let header = node.children.first,
              context.label?.gate != nil || context.headingGate.map({ $0.applies(in: context) && context.afterHeading }) == true
        else { return false }
        let columns = TableColumns(header)
        // A table with targets measures the gate's criteria: metrics, read by `MetricTable`.
        if columns.has(.target) { return false }
        let index: Int
        if let gate = context.label?.gate {
            index = gate
        } else if let pattern = context.headingGate, let heading = context.headingText {
            let line = context.frames.last?.line ?? node.line
            index = found.document.gates.lastIndex { $0.line == line }
                ?? GateLists.open(pattern, title: heading, value: "", line: line, context: context, into: &found)
        } else {
            return false
        }
        let status = columns.first(.status)
        let text = columns.terms.firstIndex { $0 == nil || $0 == .description || $0 == .metric || $0 == .task || $0 == .step } ?? 0
        for row in node.children.dropFirst() {
            let cells = row.children.map { TextPatterns.clean($0.text) }
            guard text < cells.count, !TextPatterns.isBlank(cells[text]) else { continue }
            let stated = status.flatMap { $0 < cells.count ? StatusVocabulary.status(of: cells[$0]) : nil }
            let met: GateItem.CriterionStatus = stated == .done ? .met : stated == nil ? .unknown : .unmet
            found.document.gates[index].criteria.append(.init(line: row.line, text: TaskTitle.trimDecorations(cells[text]),
                                                              checked: nil, status: met))
        }
        return true
    }
}

/// Checkpoint tables (`| Week | Key Question | Go/No-Go Decision |`): one checkpoint per row,
/// tied to its week, with the question as its title and the decision kept.
struct CheckpointTable: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.kind == .table, let header = node.children.first else { return false }
        let names = header.children.map { TextPatterns.clean($0.text).lowercased() }
        guard let week = names.firstIndex(where: { $0 == "week" || $0 == "day" }),
              let question = names.firstIndex(where: { $0.contains("question") || $0.contains("checkpoint") }) else { return false }
        let decision = names.firstIndex { TextPatterns.contains($0, "go/no-go") || TextPatterns.contains($0, "decision") }
        for row in node.children.dropFirst() {
            let cells = row.children.map { TextPatterns.clean($0.text) }
            guard question < cells.count, !TextPatterns.isBlank(cells[question]) else { continue }
            let weekNumber = week < cells.count ? TextPatterns.number(after: ["week"], in: "week " + cells[week])?.first : nil
            found.add(GateItem(line: row.line, kind: .checkpoint, title: cells[question], week: weekNumber ?? context.week,
                               phase: context.phase?.number,
                               criteria: [.init(line: row.line, text: cells[question], checked: nil)],
                               decision: decision.flatMap { $0 < cells.count ? cells[$0] : nil }))
        }
        return true
    }
}
