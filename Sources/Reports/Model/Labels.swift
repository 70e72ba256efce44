import PlanModel

/// How a value may be coloured: HTML classes and badges, terminal colours.
public enum Tone: String, Sendable { case good, bad, warn, muted }

/// An enum every output names the same way: its raw value for programs (JSON, CSV, options), its
/// label for people (tables, reports, the status screen) and its tone. One mapping per enum, here.
public protocol Labelled: Sendable {
    var rawValue: String { get }
    var label: String { get }
    var tone: Tone? { get }
}

extension TaskStatus: Labelled {
    public var label: String { self == .inProgress ? "in progress" : rawValue }
    public var tone: Tone? {
        switch self {
        case .done: return .good
        case .inProgress: return .warn
        case .cancelled, .deferred: return .muted
        case .open, .planned: return nil
        }
    }
}

extension GateVerdict: Labelled {
    public var label: String {
        switch self {
        case .passed, .ready: return rawValue
        case .atRisk: return "at risk"
        case .notDue: return "not due"
        }
    }
    public var tone: Tone? {
        switch self {
        case .passed, .ready: return .good
        case .atRisk: return .bad
        case .notDue: return .muted
        }
    }
}

extension RiskItem.Severity: Labelled {
    public var label: String { rawValue }
    public var tone: Tone? {
        switch self {
        case .high: return .bad
        case .medium: return .warn
        case .low: return nil
        case .unknown: return .muted
        }
    }
}

extension MetricStatus: Labelled {
    public var label: String { rawValue }
    public var tone: Tone? {
        switch self {
        case .met: return .good
        case .missed: return .bad
        case .pending, .unknown: return .muted
        }
    }
}

extension GateItem.CriterionStatus: Labelled {
    public var label: String { rawValue }
    public var tone: Tone? {
        switch self {
        case .met: return .good
        case .unmet: return .bad
        case .unknown: return .muted
        }
    }
}

extension GateItem.Kind: Labelled {
    public var label: String { rawValue }
    public var tone: Tone? { nil }
}

extension NoteItem.Kind: Labelled {
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
    public var tone: Tone? { self == .blocker ? .bad : nil }
}
