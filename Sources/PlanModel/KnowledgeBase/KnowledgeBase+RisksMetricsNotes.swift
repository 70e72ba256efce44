/// A risk or metric row to link: its text and where it comes from.
public struct LinkableRow: Sendable, Equatable {
    public let id: Int64
    public let text: String
    public let documentID: Int64
    public let documentPath: String
    public let documentKind: DocumentKind
    public let line: Int
    /// The row's current primary, so unchanged links are not written again.
    public let primaryID: Int64?
}

/// Risks and metrics as listings show them: the primary description, filled in from the others.
public struct Risk: Sendable {
    public let id: Int64
    public let project: String
    public let item: RiskItem
    public let source: SourceRef
}

public struct Metric: Sendable {
    public let id: Int64
    public let project: String
    public let item: MetricItem
    public let status: MetricStatus
    public let source: SourceRef
}

public struct Note: Sendable {
    public let id: Int64
    public let project: String
    public let projectID: Int64
    public let item: NoteItem
    public let source: SourceRef
}

extension KnowledgeBase {
    public enum LinkedTable: String, Sendable {
        case risks, metrics
        var textColumn: String { self == .risks ? "title" : "name" }
    }

    /// A project's risk or metric rows (or those of its documents in `documents`), but those of
    /// documents in `excluded`, for linking, by path and line (`DocumentOrder`).
    public func linkableRows(_ table: LinkedTable, projectKey: String, documents: [Int64]? = nil,
                             excluding excluded: Set<Int64> = []) throws -> [LinkableRow] {
        var rows: [LinkableRow] = []
        try database.forEachRow("""
            SELECT r.id, r.\(table.textColumn), d.id, d.path, d.kind, r.line, r.primary_id
            FROM \(table.rawValue) r JOIN documents d ON d.id = r.document_id JOIN projects p ON p.id = d.project_id
            WHERE p.key = ?\(Self.documentFilter(documents))
            """, [.text(projectKey)] + (documents ?? []).map { .integer($0) }) { row in
            guard !excluded.contains(row.int64(2)) else { return }
            rows.append(LinkableRow(id: row.int64(0), text: row.text(1) ?? "", documentID: row.int64(2), documentPath: row.text(3) ?? "",
                                    documentKind: DocumentKind(rawValue: row.text(4) ?? "") ?? .other, line: row.int(5) ?? 0,
                                    primaryID: row.int(6).map(Int64.init)))
        }
        return DocumentOrder.sorted(rows)
    }

    /// Points each row at the primary row it repeats (nil: it is a primary).
    func setPrimaries(_ table: LinkedTable, _ primaries: [(id: Int64, primary: Int64?)], current: [Int64: Int64?]) throws {
        for entry in primaries where current[entry.id] != .some(entry.primary) {
            try database.run("UPDATE \(table.rawValue) SET primary_id = ? WHERE id = ?", [SQLValue(entry.primary), .integer(entry.id)])
        }
    }

    public func risks(projectIDs: [Int64]? = nil, severity: RiskItem.Severity? = nil) throws -> [Risk] {
        let rows = try database.rows("""
            SELECT r.id, coalesce(r.primary_id, r.id) AS head, p.name, r.title, r.severity, r.likelihood, r.impact, r.mitigation,
                   r.contingency, r.owner, r.week, r.line, d.path, p.id, r.level, r.identifier, r.status
            FROM risks r JOIN documents d ON d.id = r.document_id JOIN projects p ON p.id = d.project_id \(Self.projectFilter(projectIDs))
            ORDER BY p.name COLLATE NOCASE, d.path, r.line
            """, (projectIDs ?? []).map { .integer($0) })
        let grouped = PrimaryGroups(Self.inProjects(rows, column: 13, projectIDs), id: { Int64($0[0].int ?? 0) }, head: { Int64($0[1].int ?? 0) })
        let rank: [String: Int] = ["high": 0, "medium": 1, "low": 2, "unknown": 3]
        let risks: [Risk] = grouped.groups.map { head, primary, members in
            func first(_ column: Int) -> String? { PrimaryGroups.merged(primary, members) { $0[column].string } }
            let rated = PrimaryGroups.rated(primary, members) { RiskItem.Severity(rawValue: $0[4].string ?? "") ?? .unknown }
            let severity = RiskItem.Severity(rawValue: rated[4].string ?? "") ?? .unknown
            let level = rated[14].string
            let item = RiskItem(line: primary[11].int ?? 0, title: primary[3].string ?? "", severity: severity,
                                likelihood: first(5), impact: first(6), mitigation: first(7), contingency: first(8),
                                owner: first(9), week: primary[10].int, level: level, identifier: first(15), status: first(16))
            return Risk(id: head, project: primary[2].string ?? "", item: item,
                        source: SourceRef(path: primary[12].string ?? "", line: primary[11].int ?? 0))
        }
        return risks.filter { severity == nil || $0.item.severity == severity }
            .sorted { a, b in
                if a.project != b.project { return a.project.lowercased() < b.project.lowercased() }
                let x = rank[a.item.severity.rawValue] ?? 3, y = rank[b.item.severity.rawValue] ?? 3
                return x != y ? x < y : (a.source.path, a.source.line) < (b.source.path, b.source.line)
            }
    }

    public func metrics(projectIDs: [Int64]? = nil, week: Int? = nil, status: MetricStatus? = nil) throws -> [Metric] {
        let rows = try database.rows("""
            SELECT r.id, coalesce(r.primary_id, r.id), p.name, r.name, r.target, r.actual, r.stated_status, r.measurement,
                   r.week, r.line, d.path, p.id, r.baseline
            FROM metrics r JOIN documents d ON d.id = r.document_id JOIN projects p ON p.id = d.project_id \(Self.projectFilter(projectIDs))
            ORDER BY p.name COLLATE NOCASE, d.path, r.line
            """, (projectIDs ?? []).map { .integer($0) })
        let grouped = PrimaryGroups(Self.inProjects(rows, column: 11, projectIDs), id: { Int64($0[0].int ?? 0) }, head: { Int64($0[1].int ?? 0) })
        let metrics: [Metric] = grouped.groups.map { head, primary, members in
            func first(_ column: Int) -> String? { PrimaryGroups.merged(primary, members) { $0[column].string } }
            var item = MetricItem(line: primary[9].int ?? 0, name: primary[3].string ?? "", target: first(4), actual: first(5),
                                  stated: first(6), measurement: first(7), week: primary[8].int ?? members.compactMap { $0[8].int }.first)
            item.baseline = first(12)
            return Metric(id: head, project: primary[2].string ?? "", item: item, status: item.status,
                          source: SourceRef(path: primary[10].string ?? "", line: primary[9].int ?? 0))
        }
        return metrics.filter { (week == nil || $0.item.week == week) && (status == nil || $0.status == status) }
            .sorted { a, b in
                if a.project != b.project { return a.project.lowercased() < b.project.lowercased() }
                if a.item.week != b.item.week { return (a.item.week ?? Int.max) < (b.item.week ?? Int.max) }
                return (a.source.path, a.source.line) < (b.source.path, b.source.line)
            }
    }

    /// How many of a project's risks are high and how many of its metrics missed, merged as
    /// `risks` and `metrics` list them (a group takes its primary's severity, or its first rated
    /// row's; a metric its primary's target and actual, or its first row's that has one), read
    /// with only the columns the counts need: a project's summary is made every time it is written.
    func highRiskAndMissedMetricCounts(projectID: Int64) throws -> (highRisks: Int, missedMetrics: Int) {
        var risks: [(id: Int64, head: Int64, severity: RiskItem.Severity)] = []
        try database.forEachRow("""
            SELECT r.id, coalesce(r.primary_id, r.id), r.severity FROM risks r JOIN documents d ON d.id = r.document_id
            WHERE d.project_id = ? ORDER BY d.path, r.line
            """, [.integer(projectID)]) { row in
            risks.append((row.int64(0), row.int64(1), RiskItem.Severity(rawValue: row.text(2) ?? "") ?? .unknown))
        }
        let highRisks = PrimaryGroups(risks, id: \.id, head: \.head).groups.filter { _, primary, members in
            PrimaryGroups.rated(primary, members, \.severity).severity == .high
        }.count
        var metrics: [(id: Int64, head: Int64, target: String?, actual: String?)] = []
        try database.forEachRow("""
            SELECT r.id, coalesce(r.primary_id, r.id), r.target, r.actual FROM metrics r JOIN documents d ON d.id = r.document_id
            WHERE d.project_id = ? ORDER BY d.path, r.line
            """, [.integer(projectID)]) { row in
            metrics.append((row.int64(0), row.int64(1), row.text(2), row.text(3)))
        }
        let missedMetrics = PrimaryGroups(metrics, id: \.id, head: \.head).groups.filter { _, primary, members in
            MetricItem(line: 0, name: "", target: PrimaryGroups.merged(primary, members, \.target),
                       actual: PrimaryGroups.merged(primary, members, \.actual)).status == .missed
        }.count
        return (highRisks, missedMetrics)
    }

    /// `WHERE p.id IN (?, ...)` for the projects asked for (one placeholder each), or nothing: a
    /// project's items are read without reading every project's.
    static func projectFilter(_ ids: [Int64]?) -> String {
        guard let ids else { return "" }
        return ids.isEmpty ? "WHERE 0" : "WHERE p.id IN (" + ids.map { _ in "?" }.joined(separator: ", ") + ")"
    }

    /// The rows of the projects asked for (all without `projectIDs`), their id in `column`.
    private static func inProjects(_ rows: [Row], column: Int, _ projectIDs: [Int64]?) -> [Row] {
        guard let wanted = projectIDs.map(Set.init) else { return rows }
        return rows.filter { wanted.contains(Int64($0[column].int ?? 0)) }
    }

    public func notes(projectIDs: [Int64]? = nil, week: Int? = nil, kind: NoteItem.Kind? = nil) throws -> [Note] {
        try database.rows("""
            SELECT n.id, p.name, n.kind, n.text, n.week, n.line, d.path, p.id
            FROM notes n JOIN documents d ON d.id = n.document_id JOIN projects p ON p.id = d.project_id \(Self.projectFilter(projectIDs))
            ORDER BY p.name COLLATE NOCASE, n.week IS NULL, n.week, d.path, n.line
            """, (projectIDs ?? []).map { .integer($0) }).compactMap { [wanted = projectIDs.map(Set.init)] row in
            guard let noteKind = NoteItem.Kind(rawValue: row[2].string ?? "") else { return nil }
            if let wanted, !wanted.contains(Int64(row[7].int ?? 0)) { return nil }
            if let week, row[4].int != week { return nil }
            if let kind, noteKind != kind { return nil }
            return Note(id: Int64(row[0].int ?? 0), project: row[1].string ?? "", projectID: Int64(row[7].int ?? 0),
                        item: NoteItem(line: row[5].int ?? 0, kind: noteKind, text: row[3].string ?? "", week: row[4].int),
                        source: SourceRef(path: row[6].string ?? "", line: row[5].int ?? 0))
        }
    }
}

extension CodeBlock {
    /// How a block's headings are joined in `code_blocks.section`.
    public static let sectionSeparator = " > "
}

extension KnowledgeBase {
    /// A project's code blocks in document order (by path, then line).
    public func codeBlocks(projectID: Int64) throws -> [CodeBlock] {
        try database.rows("""
            SELECT c.id, p.name, c.line, c.language, c.section, c.text, d.path
            FROM code_blocks c JOIN documents d ON d.id = c.document_id JOIN projects p ON p.id = d.project_id
            WHERE d.project_id = ? ORDER BY d.path, c.line
            """, [.integer(projectID)]).map { row in
            let section = (row[4].string ?? "").components(separatedBy: CodeBlock.sectionSeparator).filter { !$0.isEmpty }
            return CodeBlock(id: Int64(row[0].int ?? 0), project: row[1].string ?? "",
                             item: CodeBlockItem(line: row[2].int ?? 0, language: row[3].string ?? "", section: section, text: row[5].string ?? ""),
                             source: SourceRef(path: row[6].string ?? "", line: row[2].int ?? 0))
        }
    }
}

/// Risk or metric rows grouped under the primary row they repeat, in first-seen order (rows in
/// listing order: by path and line): how `risks`, `metrics` and a summary's counts merge them.
struct PrimaryGroups<Row> {
    /// Each group's head (the primary's id), its primary (the row whose id is the head, else its
    /// first), and its rows, primary among them.
    let groups: [(head: Int64, primary: Row, members: [Row])]

    init(_ rows: [Row], id: (Row) -> Int64, head: (Row) -> Int64) {
        var members: [Int64: [Row]] = [:]
        var order: [Int64] = []
        for row in rows {
            let key = head(row)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        groups = order.map { key in
            let rows = members[key]!
            return (key, rows.first { id($0) == key } ?? rows[0], rows)
        }
    }

    /// A field of a group: its primary's, else the first of its rows' that has one.
    static func merged(_ primary: Row, _ members: [Row], _ value: (Row) -> String?) -> String? {
        value(primary) ?? members.lazy.compactMap(value).first
    }

    /// The row whose severity a group takes: its primary, unless that is unrated and another is.
    static func rated(_ primary: Row, _ members: [Row], _ severity: (Row) -> RiskItem.Severity) -> Row {
        guard severity(primary) == .unknown else { return primary }
        return members.first { severity($0) != .unknown } ?? primary
    }
}
