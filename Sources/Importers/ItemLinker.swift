import PlanModel

/// Links risks (by title) and metrics (by name) that several documents of one project describe:
/// the most authoritative description is the primary, the others point at it. Two rows of one
/// document never link.
public enum ItemLinker {
    static let threshold = 0.6

    public static func primaries(_ rows: [LinkableRow]) -> [(id: Int64, primary: Int64?)] {
        let ordered = rows.sorted { a, b in
            if a.documentKind.authority != b.documentKind.authority { return a.documentKind.authority < b.documentKind.authority }
            return a.documentPath != b.documentPath ? a.documentPath < b.documentPath : a.line < b.line
        }
        var tokens = LazyTokens(ordered.map(\.text))
        var heads: [(index: Int, documents: Set<Int64>)] = []
        var result: [(id: Int64, primary: Int64?)] = []
        for (index, row) in ordered.enumerated() {
            var best: (head: Int, score: Double)?
            for (position, head) in heads.enumerated() where !head.documents.contains(row.documentID) {
                let score = tokens.similarity(index, head.index)
                if score >= threshold, score > (best?.score ?? 0) { best = (position, score) }
            }
            if let best {
                heads[best.head].documents.insert(row.documentID)
                result.append((row.id, ordered[heads[best.head].index].id))
            } else {
                heads.append((index, [row.documentID]))
                result.append((row.id, nil))
            }
        }
        return result
    }
}
