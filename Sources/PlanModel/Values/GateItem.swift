/// A gate a recognizer found: a checkpoint, phase gate, exit criteria or rollback trigger list.
/// Recognized now so that their checkboxes never count as tasks; the knowledge base stores
/// them from the schema version that adds the gate tables.
public struct GateItem: Equatable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case week, phase, final, exit, checkpoint, go, noGo = "no-go", rollback
    }

    public struct Criterion: Equatable, Codable, Sendable {
        public let line: Int
        public let text: String
        /// The criterion's checkbox, when it has one (`true` = ticked).
        public let checked: Bool?

        public init(line: Int, text: String, checked: Bool?) {
            self.line = line
            self.text = text
            self.checked = checked
        }
    }

    public var line: Int
    public var kind: Kind
    public var title: String
    public var week: Int?
    public var phase: Int?
    /// The gate's own checkbox (Kiro checkpoint item, `- [ ] Gate passed`), when it has one.
    public var checkbox: Bool?
    public var criteria: [Criterion]

    public init(line: Int, kind: Kind, title: String, week: Int?, phase: Int?,
                checkbox: Bool? = nil, criteria: [Criterion] = []) {
        self.line = line
        self.kind = kind
        self.title = title
        self.week = week
        self.phase = phase
        self.checkbox = checkbox
        self.criteria = criteria
    }

    /// The checkboxes this gate accounts for: its own and its criteria's.
    public var checkboxCount: Int {
        (checkbox == nil ? 0 : 1) + criteria.filter { $0.checked != nil }.count
    }
}
