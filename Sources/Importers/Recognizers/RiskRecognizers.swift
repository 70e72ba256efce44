import Markdown
import PlanModel

/// The columns of a table, by what their headers mean in the vocabulary.
struct TableColumns {
    let terms: [Vocabulary.Term?]
    let headers: [String]

    init(_ header: Node) {
        headers = header.children.map { TextPatterns.clean($0.text) }
        terms = headers.map(Vocabulary.term(of:))
    }

    func first(_ term: Vocabulary.Term) -> Int? { terms.firstIndex(of: term) }
    func has(_ term: Vocabulary.Term) -> Bool { terms.contains(term) }

    /// A row's cells as text, decorations trimmed; a blank cell reads as nil.
    struct Row {
        let cells: [String]
        init(_ row: Node) { cells = row.children.map { TaskTitle.trimDecorations(TextPatterns.clean($0.text)) } }
        subscript(_ index: Int?) -> String? {
            guard let index, index < cells.count, !TextPatterns.isBlank(cells[index]) else { return nil }
            return cells[index]
        }
    }

    /// A probability × impact matrix (`| Likelihood \ Impact | Low | Medium | High |`) or a
    /// scale whose header cells are levels or numbers: a picture of the scale, not a register.
    var isMatrix: Bool {
        headers.dropFirst().filter { RiskLevel($0) != nil || Int($0.trimming(" ")) != nil }.count >= 2
    }
}

/// Risk registers as tables, in any column order and language: a Risk column (or a
/// Description column beside Likelihood / Impact / an ID), with Mitigation, Contingency,
/// Likelihood, Impact, Severity / Level, Score, Owner and Status when present. Rows with the
/// same ID in several tables (description in one, mitigation in another) are one risk; a
/// table of issues, assumptions or dependencies (a RAID log) gives notes of those kinds.
struct RiskTable: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.kind == .table, let header = node.children.first else { return false }
        let columns = TableColumns(header)
        if let raid = [Vocabulary.Term.issue, .assumption, .dependency].first(where: { columns.first($0) != nil && !columns.has(.risk) }),
           columns.first(raid)! <= 2 {
            return readRAIDNotes(node, columns: columns, subject: raid, context: context, into: &found)
        }
        // `| Likelihood \\ Impact | Low | Medium | High |`: a picture of the scale, not a register.
        if columns.isMatrix, [.likelihood, .impact, .severity, .score].contains(columns.terms[0]) || RiskLists.isRiskHeading(context.headingText) {
            found.note(node.line, "table looks like a risk matrix, not a register")
            return true
        }
        if let typed = readTypedRAID(node, columns: columns, context: context, into: &found) { return typed }
        let identifier = columns.first(.identifier)
        let rows = Array(node.children.dropFirst())
        let idsLookLikeRisks = identifier.map { column in
            rows.contains { row in column < row.children.count && Self.isRiskID(TextPatterns.clean(row.children[column].text)) }
        } ?? false
        let title: Int
        if let risk = columns.first(.risk) {
            title = risk
        } else if let description = columns.first(.description),
                  columns.has(.likelihood) || columns.has(.impact) || columns.has(.mitigation)
                    && (idsLookLikeRisks || RiskLists.isRiskHeading(context.headingText)) {
            title = description
        } else if let identifier, idsLookLikeRisks,
                  [.mitigation, .contingency, .owner, .likelihood, .impact, .status].contains(where: columns.has) {
            // `| Risk ID | Mitigation | Owner |`: more about risks named by id elsewhere.
            title = identifier
        } else {
            return false
        }
        let mitigation = columns.first(.mitigation), contingency = columns.first(.contingency)
        let likelihood = columns.first(.likelihood), impact = columns.first(.impact)
        let level = columns.first(.severity), score = columns.first(.score), owner = columns.first(.owner)
        let status = columns.first(.status)
        for row in rows {
            let cell = TableColumns.Row(row)
            guard let text = cell[title] else { continue }
            var risk = RiskItem(line: row.line, title: text, likelihood: cell[likelihood], impact: cell[impact],
                                mitigation: cell[mitigation], contingency: cell[contingency], owner: cell[owner],
                                week: context.week, identifier: cell[identifier], status: cell[status])
            let raw = row.children.map(\.text)
            let stated = level.flatMap { $0 < raw.count ? RiskLevel(raw[$0]) : nil }
                ?? score.flatMap { $0 < raw.count ? RiskLevel.fromScore(raw[$0]) ?? RiskLevel(raw[$0]) : nil }
            RiskLevels.assign(stated, to: &risk, context: context)
            found.add(risk)
        }
        return true
    }

    /// `RISK-003`, `RSK-2`: an id that can only name a risk (`R1` also names requirements).
    static func isUnambiguousRiskID(_ text: String) -> Bool {
        let upper = text.uppercased()
        return (upper.hasPrefix("RISK") || upper.hasPrefix("RSK")) && TextPatterns.containsNumber(upper) && upper.count <= 16
    }

    /// `R1`, `R-01`, `RISK-003`, `CR-01`, `R-AT3-01`: an id that names a risk.
    static func isRiskID(_ text: String) -> Bool {
        let upper = text.uppercased()
        guard let first = upper.first, first.isLetter, upper.count <= 16, TextPatterns.containsNumber(upper) else { return false }
        let letters = upper.prefix { $0.isLetter }
        return ["R", "RISK", "RSK", "CR", "TR", "PR", "RI"].contains(String(letters)) && upper.dropFirst(letters.count).first.map { $0 == "-" || $0.isNumber || $0 == "_" } == true
    }

    /// A RAID log as one table with a Type column (`| ID | Type | Description | Owner |`): Risk
    /// rows are risks, Issue / Assumption / Dependency / Decision rows notes of those kinds.
    private func readTypedRAID(_ node: Node, columns: TableColumns, context: DocumentContext, into found: inout Findings) -> Bool? {
        guard let type = columns.headers.firstIndex(where: { Vocabulary.isTypeLabel($0) }) ?? columns.first(.category),
              let text = columns.first(.description) ?? columns.first(.risk) else { return nil }
        let rows = Array(node.children.dropFirst())
        func kind(_ row: Node) -> Vocabulary.Term? {
            type < row.children.count ? Vocabulary.term(of: TextPatterns.clean(row.children[type].text)) : nil
        }
        let kinds = rows.compactMap(kind)
        guard kinds.contains(.risk), kinds.contains(where: { [.issue, .assumption, .dependency, .decision].contains($0) }) else { return nil }
        let identifier = columns.first(.identifier), owner = columns.first(.owner), status = columns.first(.status)
        let mitigation = columns.first(.mitigation), impact = columns.first(.impact), likelihood = columns.first(.likelihood)
        for row in rows {
            let cell = TableColumns.Row(row)
            guard let title = cell[text], let term = kind(row) else { continue }
            if term == .risk {
                var risk = RiskItem(line: row.line, title: title, likelihood: cell[likelihood], impact: cell[impact],
                                    mitigation: cell[mitigation], owner: cell[owner], week: context.week,
                                    identifier: cell[identifier], status: cell[status])
                RiskLevels.assign(cell[columns.first(.severity)].flatMap(RiskLevel.init), to: &risk, context: context)
                found.add(risk)
            } else if let noteKind = term.raidNoteKind {
                found.document.notes.append(NoteItem(line: row.line, kind: noteKind, text: title, week: context.week))
            }
        }
        return true
    }

    private func readRAIDNotes(_ node: Node, columns: TableColumns, subject: Vocabulary.Term, context: DocumentContext,
                               into found: inout Findings) -> Bool {
        guard let kind = subject.raidNoteKind, let column = columns.first(subject) else { return false }
        for row in node.children.dropFirst() {
            guard column < row.children.count else { continue }
            let text = TaskTitle.trimDecorations(TextPatterns.clean(row.children[column].text))
            guard !TextPatterns.isBlank(text) else { continue }
            found.document.notes.append(NoteItem(line: row.line, kind: kind, text: text, week: context.week))
        }
        return true
    }
}

/// How a risk's severity is decided, wherever the risk was read: a stated level or score
/// first, then the heading band it sits under (`## High Priority Risks`), then its impact (a
/// reader takes a low-likelihood, high-impact risk as high; likelihood alone says nothing).
enum RiskLevels {
    static func assign(_ stated: RiskLevel?, to risk: inout RiskItem, context: DocumentContext) {
        let level = stated
            ?? RiskLists.headingLevel(context)
            ?? risk.impact.flatMap(RiskLevel.init)
        risk.level = level?.name
        risk.severity = level?.severity ?? .unknown
    }
}

/// Lists under risk headings (`High Risk Areas`, `### Medium Risk ⚠️`): each item a risk, its
/// `**Mitigation**` / `Contingency` / `Owner` sub-items read; "None identified" is no risk.
struct RiskLists: Recognizer {
    /// `(P: high; I: medium)`: the parts of inline levels, and each part's key and value.
    static let inlineLevelSeparators = ScalarSplit.Separators(",", ";", "/", "，")
    static let keyValueSeparators = ScalarSplit.Separators(":", "=", "：")

    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList, Self.isRiskHeading(context.headingText), !ListShape.hasCheckbox(node) else { return false }
        if Self.isLevelLegend(node) {
            found.note(node.line, "list defines risk levels, not risks")
            return true
        }
        for item in node.children {
            let spans = item.children.first { $0.isParagraph }?.spans ?? []
            let firstLine = spans.lines.first ?? []
            let text = TaskTitle.trimDecorations(TextPatterns.clean(firstLine.plainText))
            guard !text.isEmpty, !text.lowercased().hasPrefix("none") else { continue }
            var risk = RiskItem(line: item.line, title: text, week: context.week)
            // `**Cognito Integration** - Blocks all authenticated features`: the bold part names it.
            if let bold = firstLine.first, bold.style.contains(.strong) {
                let name = TaskTitle.trimDecorations(TextPatterns.clean(bold.text))
                let rest = TextPatterns.clean(Array(firstLine.dropFirst()).plainText).trimming(" -–—:")
                if !name.isEmpty { risk.title = name }
                if !rest.isEmpty { risk.impact = rest }
            }
            Self.readInline(&risk)
            for line in spans.lines.dropFirst() { Self.read(line, into: &risk) }
            for child in item.children where child.isList {
                for sub in child.children {
                    for line in (sub.children.first { $0.isParagraph }?.spans ?? []).lines { Self.read(line, into: &risk) }
                }
            }
            let trailing = RiskLevel.trailing(in: TextPatterns.clean(firstLine.plainText))
            if risk.level == nil { RiskLevels.assign(trailing?.level, to: &risk, context: context) }
            found.add(risk)
        }
        return true
    }

    /// A sub-item `**Mitigation**: ...`, `Gegenmaßnahme: ...`, `Owner: ...`: a field of the risk.
    private static func read(_ line: [Span], into risk: inout RiskItem) {
        let text = TextPatterns.clean(line.plainText)
        guard let colon = TextPatterns.firstColon(in: text) else { return }
        let value = text[text.index(after: colon)...].trimming(" *_")
        guard !value.isEmpty else { return }
        switch Vocabulary.term(of: String(text[..<colon])) {
        case .mitigation: risk.mitigation = risk.mitigation.map { $0 + "; " + value } ?? value
        case .contingency: risk.contingency = value
        case .owner: risk.owner = value
        case .likelihood: risk.likelihood = value
        case .impact: risk.impact = value
        default: break
        }
    }

    /// `Vendor lock-in (P: high, I: medium)`, `Outage (likelihood: low; impact: high)`,
    /// `Scope creep (High)`: levels written inline after the risk's name.
    static func readInline(_ risk: inout RiskItem) {
        let title = risk.title
        guard title.hasSuffix(")") || title.hasSuffix("）"), let open = title.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return }
        let inner = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
        var read = false
        for part in ScalarSplit.split(inner, on: Self.inlineLevelSeparators) {
            let pair = ScalarSplit.split(part, maxSplits: 1, on: Self.keyValueSeparators)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimming(" ").lowercased(), value = pair[1].trimming(" ")
            if ["p", "l", "prob"].contains(key) || Vocabulary.term(of: key) == .likelihood {
                risk.likelihood = value
                read = true
            } else if ["i", "imp"].contains(key) || Vocabulary.term(of: key) == .impact {
                risk.impact = value
                read = true
            } else if ["s", "sev"].contains(key) || Vocabulary.term(of: key) == .severity {
                if let level = RiskLevel(value) { risk.level = level.name; risk.severity = level.severity }
                read = true
            }
        }
        if !read, RiskLevel(inner) != nil, ScalarSplit.split(inner, on: ScalarSplit.spaces).count <= 2 { read = true }
        if read { risk.title = String(title[..<open]).trimming(" -–—:") }
    }

    /// `- P0：data loss ...`, `- **High**: address now`: every item defines a level.
    static func isLevelLegend(_ list: Node) -> Bool {
        list.children.allSatisfy { item in
            let text = TextPatterns.clean(item.children.first { $0.isParagraph }?.text ?? "")
            guard let colon = TextPatterns.firstColon(in: text, orEquals: true) else { return false }
            let key = String(text[..<colon]).trimming(" *")
            return ScalarSplit.split(key, on: ScalarSplit.spaces).count <= 3 && (RiskLevel(key) != nil || RiskLevel.fromScore(key) != nil
                || key.lowercased().hasPrefix("score"))
        }
    }

    /// `Risks`, `Risiken und Maßnahmen`, `Risks & Mitigations`, `リスクと対策`: a heading over risks.
    /// `Risk Mitigation Strategies` is over mitigations.
    static func isRiskHeading(_ heading: String?) -> Bool {
        guard let heading else { return false }
        return riskHeadings.value(heading) { computeIsRiskHeading(heading) }
    }

    /// Every recognizer asks about the headings above it; headings repeat across documents.
    private static let riskHeadings = Vocabulary.Cache<String, Bool>()

    private static func computeIsRiskHeading(_ heading: String) -> Bool {
        let lower = TextPatterns.lowercased(heading)
        guard Vocabulary.mentions(heading, .risk) || TextPatterns.contains(lower, "risk") else { return false }
        if TextPatterns.contains(lower, "approach") { return false }
        guard Vocabulary.mentions(heading, .mitigation) else { return true }
        return (Vocabulary.conjunctions + [" & ", "/", "と", "和", "与", "及"]).contains { TextPatterns.contains(lower, $0) }
    }

    /// The level a risk heading above names (`### Medium Risk ⚠️`, `## High Priority Risks —
    /// Score 9`, `### 高风险`), the nearest first.
    static func headingLevel(_ context: DocumentContext) -> RiskLevel? {
        for heading in context.headingPath.reversed() where isRiskHeading(heading) {
            // `R2: High memory use` names a risk, not a band: only the words before a colon count.
            let band = heading.split(separator: ":", maxSplits: 1).first.map(String.init) ?? heading
            if let level = RiskLevel(band) { return level }
        }
        return nil
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
