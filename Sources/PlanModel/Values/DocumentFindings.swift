/// Everything the recognizers found in one document.
public struct DocumentFindings: Equatable, Codable, Sendable {
    public var path: String
    public var title: String?
    /// The project name the document states (title less its document-kind words, or front matter).
    public var projectName: String
    /// Whether the document itself names its project (front matter or title); when not, the
    /// importer places it by its folder (`ProjectFolders`).
    public var projectStated: Bool = true
    public var kind: DocumentKind
    public var startDate: String?
    public var phases: [PhaseItem]
    public var tasks: [TaskItem]
    public var gates: [GateItem]
    public var risks: [RiskItem] = []
    public var metrics: [MetricItem] = []
    public var notes: [NoteItem] = []
    public var codeBlocks: [CodeBlockItem] = []

    public init(path: String, title: String? = nil, projectName: String, kind: DocumentKind,
                startDate: String? = nil, phases: [PhaseItem] = [], tasks: [TaskItem] = [],
                gates: [GateItem] = []) {
        self.path = path
        self.title = title
        self.projectName = projectName
        self.kind = kind
        self.startDate = startDate
        self.phases = phases
        self.tasks = tasks
        self.gates = gates
    }
}
