import Markdown
import PlanModel

/// A recognizer handles one Markdown structure. The walker offers it each block in document
/// order with the context above it; a recognizer that claims a block records what it found
/// and the walker does not descend into that block.
protocol Recognizer: Sendable {
    func recognize(_ node: Node, in context: DocumentContext, into found: inout Findings) -> Bool
}

/// The block recognizers, in the order they are offered a block: gates first, so a gate's
/// checkbox criteria never become tasks.
enum Recognizers {
    static let all: [any Recognizer] = [
        GateLists(), RiskLists(), NoteLists(), KeyResultLists(), TaskLists(), CheckboxTasks(),
        CheckpointTable(), GateCriteriaTable(), RiskTable(), MetricTable(), TaskTable(),
    ]
}

/// What the recognizers have found so far in one document.
struct Findings {
    var document: DocumentFindings
    var diagnostics: [Diagnostic] = []
    /// Line of each numbered task (`2.1` → line), for Kiro lists numbered flat.
    var numberedTasks: [String: Int] = [:]
    /// The line of the last Kiro checkpoint: the next one closes the tasks after it.
    var lastCheckpointLine = 0

    init(document: DocumentFindings) {
        self.document = document
    }

    mutating func add(_ task: TaskItem) {
        var task = task
        if let number = task.number {
            if task.parentLine == nil, let dot = number.lastIndex(of: ".") {
                task.parentLine = numberedTasks[String(number[..<dot])]
            }
            numberedTasks[number] = task.line
        }
        document.tasks.append(task)
    }

    /// Adds a gate and returns its index. A go/no-go decision named again in the same document
    /// for the same sprint, phase and week is the same gate: its criteria join the first.
    @discardableResult
    mutating func add(_ gate: GateItem, decision: Bool = false) -> Int {
        if decision {
            let sprint = HeadingFacts(heading: gate.title).sprint
            // A decision named without a sprint (`## GO/NO-GO Decision`) is the document's one.
            if let index = document.gates.firstIndex(where: { other in
                let otherSprint = HeadingFacts(heading: other.title).sprint
                return decisionLines.contains(other.line) && other.week == gate.week && other.phase == gate.phase
                    && (otherSprint == sprint || otherSprint == nil || sprint == nil)
            }) {
                document.gates[index].criteria += gate.criteria
                return index
            }
            decisionLines.insert(gate.line)
        }
        document.gates.append(gate)
        return document.gates.count - 1
    }

    /// A go/no-go heading whose section is being read: its gate is recorded when the section
    /// ends without gates of its own, or when a sprint's Definition of Done or success criteria
    /// inside it turn out to be its criteria.
    struct PendingDecision {
        let gate: GateItem
        let level: Int
        let gatesBefore: Int
    }

    var pendingDecision: PendingDecision?

    /// Lines of the go/no-go decision gates found so far.
    var decisionLines: Set<Int> = []

    /// Index of each risk by its register id, so that a second table about the same risks
    /// (mitigations, a summary) completes them instead of adding copies.
    var riskByID: [String: Int] = [:]

    /// The words of each risk's title, by its index in `document.risks` (`sameRisk` compares
    /// every new risk with each earlier one).
    private var riskTitleWords: [[Substring]] = []

    mutating func add(_ risk: RiskItem) {
        let id = risk.identifier?.uppercased()
        let words = Self.words(risk.title)
        if let index = id.flatMap({ riskByID[$0] }) ?? Self.sameRisk(words, in: riskTitleWords) {
            document.risks[index].complete(with: risk)
            riskTitleWords[index] = Self.words(document.risks[index].title)
            if let id, riskByID[id] == nil { riskByID[id] = index }
            return
        }
        document.risks.append(risk)
        riskTitleWords.append(words)
        if let id { riskByID[id] = document.risks.count - 1 }
    }

    private static func words(_ text: String) -> [Substring] { TextPatterns.words(in: TextPatterns.lowercased(text)) }

    /// A register's summary row and its detail section name one risk with the same words, or
    /// with more or fewer (`Data Loss`, `Risk 1: Data Loss During Migration`: the shorter
    /// title, of at least two words, starts the longer).
    private static func sameRisk(_ mine: [Substring], in earlier: [[Substring]]) -> Int? {
        earlier.firstIndex { theirs in
            let (short, long) = mine.count <= theirs.count ? (mine, theirs) : (theirs, mine)
            return !short.isEmpty && short == long || short.count >= 2 && long.starts(with: short)
        }
    }

    mutating func note(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: document.path, line: line, severity: .note, message: message))
    }

    mutating func warn(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: document.path, line: line, severity: .warning, message: message))
    }
}
