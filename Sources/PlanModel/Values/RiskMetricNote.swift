/// A risk as one document describes it.
public struct RiskItem: Equatable, Codable, Sendable {
    public enum Severity: String, Codable, Sendable, CaseIterable { case high, medium, low, unknown }

    public var line: Int
    public var title: String
    public var severity: Severity
    public var likelihood: String?
    public var impact: String?
    public var mitigation: String?
    public var contingency: String?
    public var owner: String?
    public var week: Int?
    /// The level as the document names it, in English where it uses words (`critical`,
    /// `medium-high`), as written where it uses codes (`P0`); `severity` is its coarse bucket.
    public var level: String?
    /// The register's own id (`R-01`, `RISK-003`), which merges a risk's rows across tables.
    public var identifier: String?
    /// What the register says of the risk (`Open`, `Closed`, `🟡 In Progress`).
    public var status: String?

    public init(line: Int, title: String, severity: Severity = .unknown, likelihood: String? = nil, impact: String? = nil,
                mitigation: String? = nil, contingency: String? = nil, owner: String? = nil, week: Int? = nil,
                level: String? = nil, identifier: String? = nil, status: String? = nil) {
        self.level = level
        self.identifier = identifier
        self.status = status
        self.line = line
        self.title = title
        self.severity = severity
        self.likelihood = likelihood
        self.impact = impact
        self.mitigation = mitigation
        self.contingency = contingency
        self.owner = owner
        self.week = week
    }

    /// Fills what this description leaves blank from another description of the same risk.
    public mutating func complete(with other: RiskItem) {
        if title.count < 4 || (identifier != nil && title == identifier) { title = other.title }
        likelihood = likelihood ?? other.likelihood
        impact = impact ?? other.impact
        mitigation = mitigation ?? other.mitigation
        contingency = contingency ?? other.contingency
        owner = owner ?? other.owner
        status = status ?? other.status
        if level == nil, other.level != nil {
            level = other.level
            severity = other.severity
        }
    }
}

/// A success metric as one document states it.
public struct MetricItem: Equatable, Codable, Sendable {
    public var line: Int
    public var name: String
    public var target: String?
    public var actual: String?
    /// A status the document states (✅, ❌, "Met"), kept beside the computed one.
    public var stated: String?
    public var measurement: String?
    public var week: Int?
    /// Where the key result starts from (`Baseline: 125k`, `from 125k to 200k`).
    public var baseline: String?

    public init(line: Int, name: String, target: String?, actual: String?, stated: String? = nil,
                measurement: String? = nil, week: Int? = nil) {
        self.line = line
        self.name = name
        self.target = target
        self.actual = actual
        self.stated = stated
        self.measurement = measurement
        self.week = week
    }

    /// met, missed, pending or unknown, from the target and the actual.
    public var status: MetricStatus {
        guard let target, let parsed = MetricTarget.parse(target) else {
            if let actual, !Quantity.isBlank(Quantity.clean(actual)), target == nil { return .unknown }
            return actual.map { Quantity.isBlank(Quantity.clean($0)) } ?? true ? .pending : .unknown
        }
        return parsed.evaluate(actual)
    }
}

/// A note: a blocker, a lesson, a decision, a deferred item or scope cut, a next step.
public struct NoteItem: Equatable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case blocker, wentWell = "went-well", toImprove = "to-improve", lesson, decision, deferred, nextStep = "next-step"
        /// RAID entries that are not risks: issues, assumptions and dependencies.
        case issue, assumption, dependency
        /// A document's own status line (`**Status**: Week 1 Complete`), checked against the tasks.
        case status
    }

    public var line: Int
    public var kind: Kind
    public var text: String
    public var week: Int?

    public init(line: Int, kind: Kind, text: String, week: Int?) {
        self.line = line
        self.kind = kind
        self.text = text
        self.week = week
    }
}
