import Markdown
import PlanModel

extension KeyResultLists {
    /// Key results belong to objectives: an OKR title, or an Objective heading, must be around;
    /// a paper's `## Key Results` are findings, not targets.
    static func inOKRContext(_ context: DocumentContext, title: String?) -> Bool {
        let texts = context.headingPath + [title ?? ""]
        return texts.contains { text in
            let lower = text.lowercased()
            return TextPatterns.contains(lower, "okr") || Vocabulary.mentions(text, .objective) || TextPatterns.contains(lower, "objective")
        }
    }
}

/// Key results written as a list under a Key Results heading (`## 🎯 Key Results`, `### 핵심
/// 결과`): each item a metric, with the from/to and current value it states. Checkbox key
/// results stay tasks as well: whether they are also work is the document's to say.
struct KeyResultLists: Recognizer {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool {
        guard node.isList, let heading = context.headingText, Vocabulary.term(of: heading) == .keyResult,
              Self.inOKRContext(context, title: found.document.title) else { return false }
        for item in node.children {
            let (box, spans) = CheckboxPrefix.of(item: item)
            let text = TaskTitle.trimDecorations(TextPatterns.clean((box?.rest ?? spans).lines.first?.plainText ?? ""))
            guard !text.isEmpty else { continue }
            found.document.metrics.append(KeyResultText.metric(text, line: item.line, week: context.week,
                                                               stated: box.map { $0.status == .done ? "done" : "open" }))
        }
        return !ListShape.hasCheckbox(node)
    }
}
