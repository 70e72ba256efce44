import PlanModel

/// Risk tables: a `Risk` column, with any of Mitigation, Contingency, Likelihood / Probability,
/// Impact, Severity, Owner and Score columns.
struct RiskTable: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.kind == .table, let header = node.children.first else { return false }
        let names = header.children.map { TextPatterns.clean($0.text).lowercased().trimming(" *:") }
        guard let title = names.firstIndex(where: { ["risk", "risks", "risk description", "threat", "risk item"].contains($0) }) else { return false }
        func column(_ words: [String]) -> Int? { names.firstIndex { name in words.contains { name.hasPrefix($0) } } }
        let mitigation = column(["mitigation"]), contingency = column(["contingency", "fallback"])
        let likelihood = column(["likelihood", "probability"]), impact = column(["impact"])
        let severity = column(["severity", "level", "priority", "rating", "score"]), owner = column(["owner"])
        for row in node.children.dropFirst() {
            let cells = row.children.map { TaskTitle.trimDecorations(TextPatterns.clean($0.text)) }
            func cell(_ index: Int?) -> String? {
                guard let index, index < cells.count, !TextPatterns.isBlank(cells[index]) else { return nil }
                return cells[index]
            }
            guard let text = cell(title) else { continue }
            let raw = row.children.map(\.text)
            var risk = RiskItem(line: row.line, title: text, likelihood: cell(likelihood), impact: cell(impact),
                                mitigation: cell(mitigation), contingency: cell(contingency), owner: cell(owner), week: context.week)
            risk.severity = severity.flatMap { $0 < raw.count ? RiskItem.severity(in: raw[$0]) : nil }
                ?? RiskItem.severity(likelihood: risk.likelihood, impact: risk.impact)
                ?? risk.impact.flatMap(RiskItem.severity(in:))
                ?? RiskLists.headingSeverity(context) ?? .unknown
            found.document.risks.append(risk)
        }
        return true
    }
}

/// Lists under risk headings (`High Risk Areas`, `### Medium Risk ⚠️`): each item a risk, its
/// `**Mitigation**` / `Contingency` / `Owner` sub-items read; "None identified" is no risk.
struct RiskLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList, Self.isRiskHeading(context.headingText), !ListShape.hasCheckbox(node) else { return false }
        let severity = Self.headingSeverity(context) ?? .unknown
        for item in node.children {
            let spans = item.children.first { $0.isParagraph }?.spans ?? []
            let firstLine = spans.lines.first ?? []
            let text = TaskTitle.trimDecorations(TextPatterns.clean(firstLine.plainText))
            guard !text.isEmpty, !text.lowercased().hasPrefix("none") else { continue }
            var risk = RiskItem(line: item.line, title: text, severity: severity, week: context.week)
            // `**Cognito Integration** - Blocks all authenticated features`: the bold part names it.
            if let bold = firstLine.first, bold.style.contains(.strong) {
                let name = TaskTitle.trimDecorations(TextPatterns.clean(bold.text))
                let rest = TextPatterns.clean(Array(firstLine.dropFirst()).plainText).trimming(" -–—:")
                if !name.isEmpty { risk.title = name }
                if !rest.isEmpty { risk.impact = rest }
            }
            for line in spans.lines.dropFirst() { Self.read(line, into: &risk) }
            for child in item.children where child.isList {
                for sub in child.children {
                    for line in (sub.children.first { $0.isParagraph }?.spans ?? []).lines { Self.read(line, into: &risk) }
                }
            }
            found.document.risks.append(risk)
        }
        return true
    }

    private static func read(_ line: [Span], into risk: inout RiskItem) {
        let text = TextPatterns.clean(line.plainText)
        guard let colon = text.firstIndex(of: ":") else { return }
        let key = text[..<colon].lowercased().trimming(" *_")
        let value = text[text.index(after: colon)...].trimming(" *_")
        guard !value.isEmpty else { return }
        switch key {
        case "mitigation": risk.mitigation = risk.mitigation.map { $0 + "; " + value } ?? value
        case "contingency", "fallback": risk.contingency = value
        case "owner": risk.owner = value
        case "likelihood", "probability": risk.likelihood = value
        case "impact": risk.impact = value
        default: break
        }
    }

    static func isRiskHeading(_ heading: String?) -> Bool {
        guard let lower = heading?.lowercased(), TextPatterns.contains(lower, "risk") else { return false }
        return !TextPatterns.contains(lower, "mitigation") && !TextPatterns.contains(lower, "approach")
    }

    static func headingSeverity(_ context: DocumentContext) -> RiskItem.Severity? {
        guard let heading = context.headingText, isRiskHeading(heading) else { return nil }
        return RiskItem.severity(in: heading)
    }
}

/// Shapes of lists other recognizers ask about.
enum ListShape {
    /// Whether any item, at any depth, opens with a checkbox.
    static func hasCheckbox(_ list: Node) -> Bool {
        list.children.contains { item in
            CheckboxPrefix.of(item: item).box != nil || item.children.contains { $0.isList && hasCheckbox($0) }
        }
    }
}
