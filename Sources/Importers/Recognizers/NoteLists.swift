import Markdown
import PlanModel

/// Notes: blockers, lessons learned (went well / to improve), decisions, deferred items and
/// scope cuts, next steps, from the list under such a heading or bold label, and from a bullet
/// such as `Key architectural decisions:` with its sub-bullets. Lists with checkboxes are tasks.
struct NoteLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList, !ListShape.hasCheckbox(node) else { return false }
        // A bold label right before the list says what it is (`**Must Have:**` under "Scope Cuts"
        // is not a scope cut); without one, the heading does.
        let kind = context.label.map { Self.kind(of: $0.text) }
            ?? context.headingText.flatMap(Self.kind(of:))
            ?? context.parentHeadingText.flatMap { Self.kind(of: $0) == .lesson ? nil : Self.kind(of: $0) }
        // A decision under a go/no-go heading is the gate's ballot, not a decision taken.
        if kind == .decision, context.headingPath.contains(where: { GatePattern.namesDecision($0.lowercased()) }) { return false }
        if let kind {
            collect(node, kind: kind, week: context.week, into: &found)
            return true
        }
        // `- Key architectural decisions:` with the decisions as its sub-bullets.
        for item in node.children {
            let text = TextPatterns.clean(item.children.first { $0.isParagraph }?.text ?? "")
            guard text.hasSuffix(":"), let kind = Self.kind(of: String(text.dropLast())) else { continue }
            for child in item.children where child.isList { collect(child, kind: kind, week: context.week, into: &found) }
        }
        return false
    }

    private func collect(_ list: Node, kind: NoteItem.Kind, week: Int?, into found: inout Findings) {
        for item in list.children {
            let text = TaskTitle.trimDecorations(TextPatterns.clean((item.children.first { $0.isParagraph }?.spans.lines.first ?? []).plainText))
            guard !text.isEmpty, !TextPatterns.isBlank(text) else { continue }
            // `[Went well 1]`: a template's prompt, written in brackets.
            if text.hasPrefix("["), text.hasSuffix("]") { continue }
            if Self.saysNone(text) { continue }
            found.document.notes.append(NoteItem(line: item.line, kind: kind, text: text, week: week))
        }
    }

    /// `None`, `None identified`, `Ninguno identificado`, `Keine`, `なし`: the list says it is empty.
    static func saysNone(_ text: String) -> Bool {
        let lower = text.lowercased()
        // Its first word: the first run of letters (only that far is read).
        let word = lower.drop { !$0.isLetter }.prefix { $0.isLetter }
        let first = word.isEmpty ? lower : String(word)
        return noneWords.contains(first) || noneWords.contains(lower.trimming(" .。")) || lower.hasPrefix("无") || lower.hasPrefix("なし")
    }

    private static let noneWords: Set<String> = [
        "none", "nothing", "n/a", "keine", "kein", "nichts", "aucun", "aucune", "rien", "ninguno", "ninguna", "nada", "nenhum",
        "nenhuma", "nessuno", "nessuna", "geen", "niets", "inga", "ingen", "inget", "brak", "żadne", "无", "無", "なし", "特になし", "없음",
    ]

    private static let kinds = Vocabulary.Cache<String, NoteItem.Kind?>()

    /// The kind of note a heading or label announces, in any supported language.
    static func kind(of heading: String) -> NoteItem.Kind? {
        kinds.value(heading) { computeKind(of: heading) }
    }

    /// A heading word, encoded once, and whether it is CJK (matched only in short headings).
    private struct HeadingWord {
        let word: String
        let keyword: TextPatterns.Keyword
        let isCJK: Bool
        init(_ word: String) {
            self.word = word
            keyword = TextPatterns.Keyword(word)
            isCJK = word.unicodeScalars.contains(where: Vocabulary.isCJK)
        }
    }

    private static let headingWords = Vocabulary.noteHeadings.map { kind, words in (kind, words.map(HeadingWord.init)) }
    private static let notNotes = ["go/no-go", "decision point", "decision matrix"].map(HeadingWord.init)

    private static func computeKind(of heading: String) -> NoteItem.Kind? {
        let lower = Array(TextPatterns.lowercased(heading).utf8)
        let present = ByteSet(lower)
        func has(_ word: HeadingWord) -> Bool { word.keyword.occurs(in: lower, holding: present) }
        if notNotes.contains(where: has) { return nil }
        // CJK words match inside a heading only when they are most of it (`决策`, `经验教训`), not a
        // word of a longer title (`구조 결정 알고리즘`: a structure-decision algorithm).
        // Counted only when a CJK word is found: most headings have none.
        lazy var letters = heading.filter { $0.isLetter }.count
        for (kind, words) in headingWords where words.contains(where: { word in
            has(word) && (!word.isCJK || letters <= word.word.count + 5)
        }) { return kind }
        return nil
    }
}
