import Markdown
import PlanModel

/// Bold labels at the start of a paragraph line: `**Start Date:** 2025-05-05`,
/// `**Owner:** Dana`, `**Week 1 Gate:** <criterion>`, `**Rollback if:**`. Labels that
/// introduce a list are kept in the context for the next block.
struct LabelParagraph {
    struct Labeled {
        let label: String
        let value: String
    }

    /// The label and value of one paragraph line, when it starts with a bold `Label:`.
    static func read(_ line: [Span]) -> Labeled? {
        guard let first = line.first(where: { !$0.text.allSatisfy(\.isWhitespace) }), first.style.contains(.strong) else { return nil }
        var label = TextPatterns.clean(first.text)
        guard let position = line.firstIndex(of: first) else { return nil }
        var rest = Array(line[(position + 1)...]).plainText
        if label.hasSuffix(":") {
            label.removeLast()
        } else if rest.hasPrefix(":") {
            rest.removeFirst()
        } else {
            return nil
        }
        return Labeled(label: TextPatterns.clean(label), value: TextPatterns.clean(rest))
    }

    func recognize(_ paragraph: Node, context: inout DocumentContext, into found: inout Findings) {
        let lines = paragraph.spans.lines
        for (offset, line) in lines.enumerated() {
            guard let labeled = Self.read(line) else { continue }
            let key = labeled.label.lowercased()
            switch key {
            case "start date", "start", "started", "kickoff", "project start":
                if found.document.startDate == nil, !TextPatterns.isBlank(labeled.value),
                   let date = TextPatterns.parseDate(labeled.value) {
                    found.document.startDate = date
                }
            case "status":
                // `**Status**: ⚪ Not Started | 🟡 In Progress | 🟢 Complete` is a legend, not a claim.
                if StatusVocabulary.isLegend(labeled.value) {
                    found.note(paragraph.line + offset, "status line lists several statuses: a legend, not a claim")
                } else if !TextPatterns.isBlank(labeled.value) {
                    let week = TextPatterns.number(after: ["week"], in: labeled.value)?.first ?? context.week
                    found.document.notes.append(NoteItem(line: paragraph.line + offset, kind: .status, text: labeled.value, week: week))
                }
            default:
                let term = Vocabulary.term(of: labeled.label)
                if term == .owner, let name = Owners.names(in: labeled.value).first {
                    context.sectionOwner = (name, context.headingLevel)
                }
                // `**Key Result:** grow weekly users from 125k to 200k`.
                if term == .keyResult, !TextPatterns.isBlank(labeled.value),
                   KeyResultLists.inOKRContext(context, title: found.document.title) || KeyResultText(labeled.value).target != nil {
                    found.document.metrics.append(KeyResultText.metric(labeled.value, line: paragraph.line + offset, week: context.week))
                }
            }
            let lineNumber = paragraph.line + offset
            var label = DocumentContext.Label(text: labeled.label, value: labeled.value, line: lineNumber)
            if let pattern = GatePattern(labeled.label), pattern.applies(in: context) {
                label.gate = GateLists.open(pattern, title: labeled.label, value: labeled.value, line: lineNumber,
                                            context: context, into: &found)
            }
            // The last labelled line of a paragraph can introduce the list that follows it.
            if label.gate != nil || offset == lines.count - 1 || lines[(offset + 1)...].allSatisfy({ $0.plainText.allSatisfy(\.isWhitespace) }) {
                context.label = label
            }
        }
    }
}
