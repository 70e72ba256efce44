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
            let lower = text.lowercased()
            if lower == "none" || lower.hasPrefix("none ") || lower.hasPrefix("none.") { continue }
            found.document.notes.append(NoteItem(line: item.line, kind: kind, text: text, week: week))
        }
    }

    /// The kind of note a heading or label announces.
    static func kind(of heading: String) -> NoteItem.Kind? {
        let lower = heading.lowercased()
        func has(_ word: String) -> Bool { TextPatterns.contains(lower, word) }
        if has("blocker") || has("impediment") { return .blocker }
        if has("went well") || has("wins") || has("successes") || has("what worked") { return .wentWell }
        if has("to improve") || has("could be improved") || has("didn't go well") || has("did not go well") || has("went wrong")
            || has("challenges") { return .toImprove }
        if has("lessons") || has("learned") || has("insights") || has("learnings") { return .lesson }
        if has("decision") && !has("go/no-go") && !has("decision point") { return .decision }
        if has("deferred") || has("scope cut") || has("out of scope") || has("post-launch") { return .deferred }
        if has("next step") || has("next session") || has("follow-up") || has("follow up") { return .nextStep }
        return nil
    }
}
