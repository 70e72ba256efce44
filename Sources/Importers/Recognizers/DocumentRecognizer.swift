import PlanModel

/// Walks one parsed document in order, keeping the heading context, and offers each block
/// to the recognizers. The result is everything found in the document, with diagnostics.
public enum DocumentRecognizer {
    public static func recognize(_ source: SourceText, path: String) -> (findings: DocumentFindings, diagnostics: [Diagnostic]) {
        let root = CmarkDocument.parse(source.markdown)
        let title = source.frontMatter["title"].flatMap { TextPatterns.isBlank($0) ? nil : $0 } ?? documentTitle(root)
        var walker = Walker(found: Findings(document: DocumentFindings(
            path: path, title: title,
            projectName: ProjectTitle.projectName(title: title, frontMatter: source.frontMatter, path: path),
            kind: .other)))
        walker.walk(root.children)
        walker.flushAction(atLevel: 1)
        var found = walker.found
        let weeks = walker.weekAtLine
        InlineMetrics.collect(root.children, week: { node in weeks.last { $0.line <= node.line }?.week }, into: &found)
        found.document.metrics.sort { $0.line < $1.line }
        found.document.tasks.sort { $0.line < $1.line }
        fillPhasesFromWeeks(&found.document)
        found.document.kind = ProjectTitle.kind(title: title, path: path, numberedTasks: found.numberedTasks.count)
        return (found.document, source.warnings + found.diagnostics)
    }

    /// The first level-1 heading, else the first heading of any level.
    private static func documentTitle(_ root: Node) -> String? {
        let headings = root.children.filter(\.isHeading)
        let heading = headings.first { $0.headingLevel == 1 } ?? headings.first
        return heading.map { TextPatterns.clean($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Tasks under a week heading but no phase heading take the phase whose weeks include it.
    private static func fillPhasesFromWeeks(_ document: inout DocumentFindings) {
        let ranged = document.phases.filter { $0.firstWeek != nil }
        guard !ranged.isEmpty else { return }
        for index in document.tasks.indices where document.tasks[index].phase == nil {
            guard let week = document.tasks[index].week else { continue }
            if let phase = ranged.first(where: { week >= $0.firstWeek! && week <= ($0.lastWeek ?? $0.firstWeek!) }) {
                document.tasks[index].phase = phase.number
            }
        }
    }
}

private struct Walker {
    var found: Findings
    var context = DocumentContext()
    var pendingAction: ActionHeadings.Candidate?
    /// The week in force at each block, for readers that run after the walk.
    var weekAtLine: [(line: Int, week: Int?)] = []
    let labels = LabelParagraph()
    let actions = ActionHeadings()

    mutating func walk(_ nodes: [Node]) {
        for node in nodes {
            weekAtLine.append((node.line, context.week))
            switch node.kind {
            case .heading(let level):
                enter(heading: node, level: level)
            case .paragraph:
                labels.recognize(node, context: &context, into: &found)
            case .blockQuote:
                context.label = nil
                walk(node.children)
            case .codeBlock(let info):
                // Code holds commands and examples, not plans: checkboxes there are not tasks.
                // The block itself is kept for runbooks.
                let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                found.document.codeBlocks.append(CodeBlockItem(line: node.line, language: language,
                                                               section: context.headingPath, text: node.literal))
                context.label = nil
            case .htmlBlock, .thematicBreak:
                context.label = nil
            default:
                var claimed = false
                for recognizer in Recognizers.all where recognizer.recognize(node, in: context, into: &found) {
                    claimed = true
                    break
                }
                context.label = nil
                if !claimed { walk(node.children) }
            }
        }
    }

    private mutating func enter(heading node: Node, level: Int) {
        flushAction(atLevel: level)
        let text = TextPatterns.clean(node.text)
        context.enter(heading: text, level: level, line: node.line)
        if let phase = context.frames.last?.facts.phase,
           !found.document.phases.contains(where: { $0.label == phase.label }) {
            found.document.phases.append(PhaseItem(label: phase.label, number: phase.number, title: phase.title,
                                                   firstWeek: phase.firstWeek, lastWeek: phase.lastWeek, line: node.line))
        }
        // A heading inside a pending action's section (`#### Step 1`) belongs to that action.
        if pendingAction == nil {
            pendingAction = actions.candidate(heading: text, level: level, line: node.line, context: context, found: found)
        }
    }

    /// Confirms the pending action heading when its section ended without tasks or gates.
    mutating func flushAction(atLevel level: Int) {
        guard let candidate = pendingAction, level <= candidate.level else { return }
        if found.document.tasks.count == candidate.tasksBefore, found.document.gates.count == candidate.gatesBefore {
            found.add(candidate.task)
        }
        pendingAction = nil
    }
}
