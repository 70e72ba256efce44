import Markdown
import PlanModel

/// Walks one parsed document in order, keeping the heading context, and offers each block
/// to the recognizers. The result is everything found in the document, with diagnostics.
public enum DocumentRecognizer {
    /// How long one document's recognizers may run before the rest of it is left unread: a
    /// pathological file (hundreds of thousands of list items, tables nested in quotes) must not
    /// hold the import; planning documents take milliseconds.
    public static let defaultBudget: Duration = .seconds(30)

    public static func recognize(_ source: SourceText, path: String,
                                 budget: Duration = defaultBudget) -> (findings: DocumentFindings, diagnostics: [Diagnostic]) {
        let started = ContinuousClock.now
        let root = CmarkDocument.parse(source.markdown)
        let title = source.frontMatter["title"].flatMap { TextPatterns.isBlank($0) ? nil : $0 } ?? documentTitle(root)
        let project = ProjectTitle.projectName(title: title, frontMatter: source.frontMatter, path: path)
        var document = DocumentFindings(path: path, title: title, projectName: project.name, kind: .other)
        document.projectStated = project.stated
        var walker = Walker(found: Findings(document: document), deadline: started + budget)
        walker.walk(root.children)
        walker.flushAction(atLevel: 1)
        walker.flushDecision(atLevel: 1)
        var found = walker.found
        if let line = walker.stoppedAtLine {
            found.diagnostics.append(Diagnostic(path: path, line: line, severity: .warning, message: """
                recognition stopped after \(budget.components.seconds) s here: the document is too long or too \
                deeply nested to read in time; what it says from this line on is not imported
                """))
        } else {
            let weeks = walker.weekAtLine
            InlineMetrics.collect(root.children, week: { node in weeks.last { $0.line <= node.line }?.week }, into: &found)
        }
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
    /// When the walk gives up (`stoppedAtLine` says where).
    let deadline: ContinuousClock.Instant
    var stoppedAtLine: Int?
    /// Starts due, so a spent budget stops the walk at its first block.
    private var blocksSinceCheck = 63

    init(found: Findings, deadline: ContinuousClock.Instant) {
        self.found = found
        self.deadline = deadline
    }

    /// Whether the time is up, looked at every 64 blocks (reading the clock costs).
    private mutating func outOfTime(at line: Int) -> Bool {
        if stoppedAtLine != nil { return true }
        blocksSinceCheck += 1
        guard blocksSinceCheck >= 64 else { return false }
        blocksSinceCheck = 0
        if ContinuousClock.now >= deadline { stoppedAtLine = line }
        return stoppedAtLine != nil
    }

    var context = DocumentContext()
    var pendingAction: ActionHeadings.Candidate?
    /// The week in force at each block, for readers that run after the walk.
    var weekAtLine: [(line: Int, week: Int?)] = []
    let labels = LabelParagraph()
    let actions = ActionHeadings()

    /// Blocks a record section read as its fields: no other recognizer sees them.
    var consumed: Set<ObjectIdentifier> = []

    mutating func walk(_ nodes: [Node]) {
        for (index, node) in nodes.enumerated() {
            if outOfTime(at: node.line) { return }
            if consumed.contains(ObjectIdentifier(node)) { continue }
            weekAtLine.append((node.line, context.week))
            defer { if !node.isHeading { context.afterHeading = false } }
            switch node.kind {
            case .heading(let level):
                enter(heading: node, level: level)
                readRecord(opening: TextPatterns.clean(node.text), line: node.line, body: nodes[(index + 1)...],
                           parent: context.parentHeadingText, isHeading: true)
            case .paragraph:
                if let bold = Self.boldLine(node), RecordSections.opening(bold) != nil, index + 1 < nodes.count,
                   readRecord(opening: bold, line: node.line, body: nodes[(index + 1)...(index + 1)],
                              parent: context.headingText, isHeading: false) {
                    continue
                }
                if DelimitedLines.recognize(node, context: context, into: &found) { continue }
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

    /// A paragraph that is one bold line (`**KR1: Grow weekly users**`): an item's label.
    private static func boldLine(_ paragraph: Node) -> String? {
        let lines = paragraph.spans.lines
        guard lines.count == 1, let line = lines.first,
              line.contains(where: { $0.style.contains(.strong) }),
              line.allSatisfy({ $0.style.contains(.strong) || $0.text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || Vocabulary.isDecoration($0) } })
        else { return nil }
        return TextPatterns.clean(line.plainText)
    }

    /// Reads the record a heading or bold line opens, if the blocks under it give its fields.
    @discardableResult
    private mutating func readRecord(opening text: String, line: Int, body: ArraySlice<Node>, parent: String?, isHeading: Bool) -> Bool {
        guard let record = RecordSections.read(opening: text, line: line, body: body, parent: parent) else { return false }
        // A task heading whose section (sub-sections too) holds checkboxes groups those tasks; it is not one.
        if record.subject == .task {
            let level = isHeading ? (body.first.map { _ in context.headingLevel } ?? 0) : Int.max
            let section = body.prefix { node in !(node.headingLevel.map { $0 <= level } ?? false) }
            if section.contains(where: { $0.isList && ListShape.hasCheckbox($0) }) { return false }
        }
        if isHeading, pendingAction?.task.line == line { pendingAction = nil }
        RecordSections.add(record, context: context, into: &found)
        for block in record.consumed { consumed.insert(ObjectIdentifier(block)) }
        if !isHeading, let first = body.first { consumed.insert(ObjectIdentifier(first)) }
        return true
    }

    /// Records the pending go/no-go heading as a gate when its section ended without one.
    mutating func flushDecision(atLevel level: Int) {
        guard let pending = found.pendingDecision, level <= pending.level else { return }
        if found.document.gates.count == pending.gatesBefore { found.add(pending.gate, decision: true) }
        found.pendingDecision = nil
    }

    private mutating func enter(heading node: Node, level: Int) {
        flushAction(atLevel: level)
        flushDecision(atLevel: level)
        let text = TextPatterns.clean(node.text)
        context.enter(heading: text, level: level, line: node.line)
        // A heading that names a go/no-go decision is that gate, unless its section holds the
        // gate's own lists (`## Go/No-Go` over `### GO to Launch If:`).
        if let pattern = context.headingGate, pattern.isDecision, found.pendingDecision == nil {
            found.pendingDecision = Findings.PendingDecision(gate: GateItem(line: node.line, kind: .go, title: text.trimming(" :"),
                                                             week: pattern.week ?? context.week, phase: pattern.phase ?? context.phase?.number),
                                              level: level, gatesBefore: found.document.gates.count)
        }
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
