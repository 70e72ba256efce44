import PlanModel

/// The list right after a gate label (`**Phase 1 Gate:**`, `**Rollback if:**`) or under a gate
/// heading (`### GO to Production If:`): its items are the gate's criteria; a `Gate passed`
/// checkbox is the gate's own mark.
struct GateLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList else { return false }
        if let label = context.label, let pattern = GatePattern(label.text) {
            var gate = GateItem(line: label.line, kind: pattern.kind, title: label.text,
                                week: pattern.week ?? context.week, phase: pattern.phase ?? context.phase?.number)
            if !TextPatterns.isBlank(label.value) {
                gate.criteria.append(.init(line: label.line, text: label.value, checked: nil))
            }
            collect(node, into: &gate)
            found.add(gate)
            return true
        }
        if let heading = context.headingText, let pattern = context.headingGate {
            let line = context.frames.last?.line ?? node.line
            if let index = found.document.gates.lastIndex(where: { $0.line == line }) {
                collect(node, into: &found.document.gates[index])
            } else {
                var gate = GateItem(line: line, kind: pattern.kind, title: heading,
                                    week: pattern.week ?? context.week, phase: pattern.phase ?? context.phase?.number)
                collect(node, into: &gate)
                found.add(gate)
            }
            return true
        }
        return false
    }

    private func collect(_ list: Node, into gate: inout GateItem) {
        for item in list.children {
            let (box, spans) = CheckboxPrefix.of(item: item)
            let text = TaskTitle.trimDecorations(TextPatterns.clean((box?.rest ?? spans).lines.first?.plainText ?? ""))
            let checked = box.map { $0.status == .done }
            if let checked, gate.checkbox == nil, Self.isPassMark(text) {
                gate.checkbox = checked
            } else if !text.isEmpty || checked != nil {
                gate.criteria.append(.init(line: item.line, text: text, checked: checked))
            }
            for child in item.children where child.isList { collect(child, into: &gate) }
        }
    }

    private static func isPassMark(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("gate passed") || lower == "passed" || lower.hasPrefix("gate approved")
    }
}
