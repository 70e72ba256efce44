/// A gate a recognizer found: a checkpoint, phase gate, exit criteria or rollback trigger list.
/// Recognized now so that their checkboxes never count as tasks; the knowledge base stores
/// them from the schema version that adds the gate tables.
public struct GateItem: Equatable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case week, phase, final, exit, checkpoint, go, noGo = "no-go", rollback
    }

    public struct Criterion: Equatable, Codable, Sendable {
        public let line: Int
        public let text: String
        /// The criterion's checkbox, when it has one (`true` = ticked).
        public let checked: Bool?
        /// What the document says of it: a ticked box or ✅ is met, ❌ unmet.
        public var status: CriterionStatus
        /// A criterion to meet, or a condition that holds the gate (`DELAY ... If:` items).
        public var role: CriterionRole

        public init(line: Int, text: String, checked: Bool?, status: CriterionStatus? = nil, role: CriterionRole = .criterion) {
            self.line = line
            self.text = text
            self.checked = checked
            self.status = status ?? (checked == true ? .met : checked == false ? .unmet : .unknown)
            self.role = role
        }
    }

    public enum CriterionStatus: String, Codable, Sendable { case met, unmet, unknown }
    public enum CriterionRole: String, Codable, Sendable { case criterion, condition }

    public var line: Int
    public var kind: Kind
    public var title: String
    public var week: Int?
    public var phase: Int?
    /// The gate's own checkbox (Kiro checkpoint item, `- [ ] Gate passed`), when it has one.
    public var checkbox: Bool?
    public var criteria: [Criterion]
    /// A checkpoint table's Go/No-Go column (`Proceed to Phase 2 / Extend Phase 1`).
    public var decision: String?
    /// For Kiro checkpoints: the line after which the tasks it closes start (the previous
    /// checkpoint's line, or 0).
    public var scopeFromLine: Int?

    public init(line: Int, kind: Kind, title: String, week: Int?, phase: Int?,
                checkbox: Bool? = nil, criteria: [Criterion] = [], decision: String? = nil, scopeFromLine: Int? = nil) {
        self.line = line
        self.kind = kind
        self.title = title
        self.week = week
        self.phase = phase
        self.checkbox = checkbox
        self.criteria = criteria
        self.decision = decision
        self.scopeFromLine = scopeFromLine
    }

    /// GO / NO-GO / ROLLBACK boxes written under the gate: its decision's options, not
    /// criteria; the ticked one (if any) is `decision`.
    public var decisionBoxes = 0

    /// The checkboxes this gate accounts for: its own, its criteria's and its decision's.
    public var checkboxCount: Int {
        (checkbox == nil ? 0 : 1) + criteria.filter { $0.checked != nil }.count + decisionBoxes
    }
}
