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

    public init(line: Int, title: String, severity: Severity = .unknown, likelihood: String? = nil, impact: String? = nil,
                mitigation: String? = nil, contingency: String? = nil, owner: String? = nil, week: Int? = nil) {
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

    /// Severity from a heading, column or marker: `High`, `Critical`, `🔴`, `Medium ⚠️`, `Low`.
    public static func severity(in text: String) -> Severity? {
        let lower = text.lowercased()
        if lower.contains("critical") || lower.contains("high") || lower.contains("🔴") || lower.contains("🚫") || lower.contains("severe") { return .high }
        if lower.contains("medium") || lower.contains("moderate") || lower.contains("🟡") || lower.contains("🟠") || lower.contains("⚠") { return .medium }
        if lower.contains("low") || lower.contains("🟢") || lower.contains("minor") { return .low }
        return nil
    }

    /// Likelihood × impact: both high is high, both low is low, the rest medium.
    public static func severity(likelihood: String?, impact: String?) -> Severity? {
        func level(_ text: String?) -> Int? {
            guard let text, let severity = severity(in: text) else { return nil }
            switch severity { case .high: return 3; case .medium: return 2; case .low: return 1; case .unknown: return nil }
        }
        guard let l = level(likelihood), let i = level(impact) else { return nil }
        let score = l * i
        return score >= 6 ? .high : score >= 3 ? .medium : .low
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
