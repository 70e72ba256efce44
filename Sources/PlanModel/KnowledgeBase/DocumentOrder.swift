/// The order a project's rows are linked in: by document path, then line, then id. Read
/// unsorted and put in order here: SQLite sorted whole rows in a temporary B-tree for an
/// `ORDER BY d.path, ...` over a join. Paths compare by bytes, as SQLite's `BINARY` does; rows
/// of one document come from SQLite in id order, so ties (one line) keep the order they had.
public enum DocumentOrder {
    public static func sorted(_ mentions: [StoredMention]) -> [StoredMention] {
        sorted(mentions, document: { $0.documentID }, path: { $0.documentPath }, line: { $0.item.line }, id: { $0.id })
    }

    public static func sorted(_ mentions: [StoredGateMention]) -> [StoredGateMention] {
        sorted(mentions, document: { $0.documentID }, path: { $0.documentPath }, line: { $0.item.line }, id: { $0.id })
    }

    public static func sorted(_ rows: [LinkableRow]) -> [LinkableRow] {
        sorted(rows, document: { $0.documentID }, path: { $0.documentPath }, line: { $0.line }, id: { $0.id })
    }

    @inline(__always) static func sorted<Row>(_ rows: [Row], document: (Row) -> Int64, path: (Row) -> String, line: (Row) -> Int,
                            id: (Row) -> Int64) -> [Row] {
        var rank: [Int64: Int] = [:]
        var documents: [(id: Int64, path: String)] = []
        for row in rows where rank.updateValue(0, forKey: document(row)) == nil { documents.append((document(row), path(row))) }
        documents.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for (position, entry) in documents.enumerated() { rank[entry.id] = position }
        return rows.indices.map { (rank: rank[document(rows[$0])]!, line: line(rows[$0]), id: id(rows[$0]), index: $0) }
            .sorted { ($0.rank, $0.line, $0.id) < ($1.rank, $1.line, $1.id) }
            .map { rows[$0.index] }
    }
}

extension KnowledgeBase {
    /// The condition that keeps a project's rows to those of `documents` (nil: all), its ids
    /// bound after the project's key.
    static func documentFilter(_ documents: [Int64]?) -> String {
        documents.map { " AND d.id IN (" + $0.map { _ in "?" }.joined(separator: ", ") + ")" } ?? ""
    }
}
