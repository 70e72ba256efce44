import PlanModel

/// Links the gates of one project's documents: the tracker's `**Phase 2 Gate:**` and the
/// plan's `**Phase 2 Gate (End Week 7):**` are one gate, as are a week's gate and that week's
/// `**Exit Criteria:**`. Gates link by kind and the week or phase they close; Kiro checkpoints,
/// checkpoint-table rows and go/no-go lists by their own titles. The most authoritative
/// document's description wins; the others fill in what it lacks.
public enum GateLinker {
    public static func link(_ mentions: [StoredGateMention]) -> [LinkedGate] {
        let ordered = mentions.sorted { a, b in
            if a.documentKind.authority != b.documentKind.authority { return a.documentKind.authority < b.documentKind.authority }
            return a.documentPath != b.documentPath ? a.documentPath < b.documentPath : a.item.line < b.item.line
        }
        var gates: [LinkedGate] = []
        var index: [String: Int] = [:]
        for mention in ordered {
            let key = Self.key(mention)
            if let position = index[key] {
                var merged = gates[position]
                merged.item = merge(merged.item, with: mention.item)
                merged.mentionIDs.append(mention.id)
                gates[position] = merged
            } else {
                index[key] = gates.count
                gates.append(LinkedGate(key: key, item: mention.item,
                                        source: SourceRef(path: mention.documentPath, line: mention.item.line),
                                        documentID: mention.documentID, mentionIDs: [mention.id]))
            }
        }
        return gates.sorted { $0.source.path != $1.source.path ? $0.source.path < $1.source.path : $0.source.line < $1.source.line }
    }

    static func key(_ mention: StoredGateMention) -> String {
        let item = mention.item
        var own: String { "\(mention.documentPath):\(TitleTokens.key(of: item.title))" }
        switch item.kind {
        case .final: return "final"
        case .phase: return item.phase.map { "phase:\($0)" } ?? "phase:" + own
        case .week, .exit: return item.week.map { "week:\($0)" } ?? "\(item.kind.rawValue):" + own
        case .rollback: return item.week.map { "rollback:\($0)" } ?? "rollback:" + own
        case .checkpoint:
            let words = TitleTokens.key(of: item.title)
            // A Kiro checkpoint belongs to its spec; a checkpoint-table row to its week.
            return item.scopeFromLine != nil ? "checkpoint:" + own : "checkpoint:w\(item.week.map(String.init) ?? "-"):\(words)"
        case .go, .noGo: return "\(item.kind.rawValue):" + own
        }
    }

    static func merge(_ primary: GateItem, with other: GateItem) -> GateItem {
        var merged = primary
        if merged.criteria.isEmpty { merged.criteria = other.criteria }
        merged.checkbox = merged.checkbox ?? other.checkbox
        merged.week = merged.week ?? other.week
        merged.phase = merged.phase ?? other.phase
        merged.decision = merged.decision ?? other.decision
        return merged
    }
}
