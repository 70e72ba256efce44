/// A gate after linking: the merged description of every mention in one project.
public struct LinkedGate: Equatable, Sendable {
    public var key: String
    public var item: GateItem
    public var source: SourceRef
    /// The document the primary mention is in, for a Kiro checkpoint's scope.
    public var documentID: Int64
    public var mentionIDs: [Int64]

    public init(key: String, item: GateItem, source: SourceRef, documentID: Int64, mentionIDs: [Int64]) {
        self.key = key
        self.item = item
        self.source = source
        self.documentID = documentID
        self.mentionIDs = mentionIDs
    }
}

/// A gate mention already stored for a document.
public struct StoredGateMention: Sendable, Equatable {
    public let id: Int64
    public let documentID: Int64
    public let documentPath: String
    public let documentKind: DocumentKind
    public let item: GateItem
}

/// Whether a gate can be passed, as of a day.
public enum GateVerdict: String, Sendable, CaseIterable {
    /// Marked passed, or every criterion met.
    case passed
    /// Every task it closes is done; its criteria are not marked yet.
    case ready
    /// Its week has come or gone and work it closes is still open.
    case atRisk = "at-risk"
    /// Its week has not come.
    case notDue = "not-due"

    /// The verdict for a gate with these facts. `currentWeek` is nil when the project has no
    /// start date; then no gate can be late.
    public static func of(passed: Bool?, criteria: [GateItem.CriterionStatus], scopeTotal: Int, scopeOpen: Int,
                          week: Int?, currentWeek: Int?) -> GateVerdict {
        if passed == true { return .passed }
        if !criteria.isEmpty, criteria.allSatisfy({ $0 == .met }) { return .passed }
        if scopeTotal > 0, scopeOpen == 0 { return .ready }
        if let week, let currentWeek, currentWeek >= week, scopeOpen > 0 || scopeTotal == 0 { return .atRisk }
        return .notDue
    }
}

/// A gate as listings show it.
public struct Gate: Sendable {
    public struct Criterion: Sendable, Equatable {
        public let text: String
        public let status: GateItem.CriterionStatus
        public let role: GateItem.CriterionRole
    }

    public let id: Int64
    public let project: String
    public let projectID: Int64
    public let kind: GateItem.Kind
    public let title: String
    public let week: Int?
    public let phase: Int?
    public let passed: Bool?
    public let decision: String?
    public let criteria: [Criterion]
    public let scopeTotal: Int
    public let scopeOpen: Int
    public let source: SourceRef

    public func verdict(currentWeek: Int?) -> GateVerdict {
        GateVerdict.of(passed: passed, criteria: criteria.filter { $0.role == .criterion }.map(\.status),
                       scopeTotal: scopeTotal, scopeOpen: scopeOpen, week: week, currentWeek: currentWeek)
    }
}

/// The tasks one gate closes, by task key, and how many of them are neither done nor cancelled.
public struct GateScope: Equatable, Sendable {
    /// The tasks it closes, each once, as indexes into its project's linked tasks.
    public let tasks: [Int]
    public let open: Int

    public init(tasks: [Int], open: Int) {
        self.tasks = tasks
        self.open = open
    }
}
