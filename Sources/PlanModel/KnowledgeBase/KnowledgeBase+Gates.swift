/// Gate criteria in one text column: fields separated by ASCII unit separators (0x1F), criteria
/// by record separators (0x1E). Cheaper than JSON, and no Markdown title contains either.
enum CriteriaCoding {
    static func encode(_ criteria: [GateItem.Criterion]) -> String {
        criteria.map { criterion in
            [String(criterion.line), criterion.text, criterion.checked.map { $0 ? "1" : "0" } ?? "",
             criterion.status.rawValue, criterion.role.rawValue].joined(separator: String(MentionCoding.unit))
        }.joined(separator: String(MentionCoding.record))
    }

    static func decode(_ text: String) -> [GateItem.Criterion] {
        MentionCoding.records(text).compactMap { fields in
            guard fields.count == 5, let line = Int(fields[0]) else { return nil }
            return GateItem.Criterion(line: line, text: fields[1], checked: fields[2].isEmpty ? nil : fields[2] == "1",
                                      status: GateItem.CriterionStatus(rawValue: fields[3]) ?? .unknown,
                                      role: GateItem.CriterionRole(rawValue: fields[4]) ?? .criterion)
        }
    }
}

extension KnowledgeBase {
    /// Every gate mention of the project's documents (or of those of them in `documents`), but
    /// those of documents in `excluded` (not decoded), by path and line (`DocumentOrder`).
    public func storedGateMentions(projectKey: String, documents: [Int64]? = nil, excluding excluded: Set<Int64> = []) throws -> [StoredGateMention] {
        var mentions: [StoredGateMention] = []
        try database.forEachRow("""
            SELECT g.id, g.document_id, d.path, d.kind, g.line, g.kind, g.title, g.week, g.phase, g.checkbox, g.decision,
                   g.scope_from_line, g.criteria
            FROM gate_mentions g JOIN documents d ON d.id = g.document_id JOIN projects p ON p.id = d.project_id
            WHERE p.key = ?\(Self.documentFilter(documents))
            """, [.text(projectKey)] + (documents ?? []).map { .integer($0) }) { row in
            guard !excluded.contains(row.int64(1)), let kind = GateItem.Kind(rawValue: row.text(5) ?? "") else { return }
            let criteria = CriteriaCoding.decode(row.text(12) ?? "")
            let item = GateItem(line: row.int(4) ?? 0, kind: kind, title: row.text(6) ?? "", week: row.int(7), phase: row.int(8),
                                checkbox: row.int(9).map { $0 == 1 }, criteria: criteria, decision: row.text(10),
                                scopeFromLine: row.int(11))
            mentions.append(StoredGateMention(id: row.int64(0), documentID: row.int64(1), documentPath: row.text(2) ?? "",
                                              documentKind: DocumentKind(rawValue: row.text(3) ?? "") ?? .other, item: item))
        }
        return DocumentOrder.sorted(mentions)
    }

    /// Replaces one project's gates with `gates`, keeping the ids of gates whose key stays, with
    /// how many tasks each one closes and how many of them are open (`scopes`, one per gate; the
    /// tasks themselves are the `gate_tasks` view's). Only what changed is written: a re-import
    /// leaves unchanged gates and criteria alone.
    /// `stored` holds the project's gates as they are. Returns the gates as written.
    func writeGates(projectID: Int64, gates: [LinkedGate], scopes: [GateScope], stored: StoredProjectRows) throws -> [WrittenGate] {
        precondition(gates.count == scopes.count, "one scope per gate")
        // What is stored, so that a re-import writes only the gates, criteria and scope rows that changed.
        var existing = stored.gates
        var written: [WrittenGate] = []
        written.reserveCapacity(gates.count)
        for (gate, scope) in zip(gates, scopes) {
            let item = gate.item
            let values: [SQLValue] = [.text(item.kind.rawValue), .text(item.title), SQLValue(item.week), SQLValue(item.phase),
                                      item.checkbox.map { SQLValue($0) } ?? .null, SQLValue(item.decision),
                                      .text(gate.source.path), .integer(Int64(gate.source.line)),
                                      .integer(Int64(scope.tasks.count)), .integer(Int64(scope.open))]
            let criteria: [[SQLValue]] = item.criteria.map { criterion in
                [.text(criterion.text), .text(criterion.status.rawValue), .text(criterion.role.rawValue), .integer(Int64(criterion.line))]
            }
            let id: Int64
            var criteriaChanged = true
            if let known = existing.removeValue(forKey: gate.key) {
                id = known.id
                if known.values != values {
                    try database.run("""
                        UPDATE gates SET kind = ?, title = ?, week = ?, phase = ?, passed = ?, decision = ?, source_path = ?,
                            source_line = ?, scope_total = ?, scope_open = ? WHERE id = ?
                        """, values + [.integer(id)])
                }
                criteriaChanged = known.criteria != criteria
                if criteriaChanged { try database.run("DELETE FROM gate_criteria WHERE gate_id = ?", [.integer(id)]) }
            } else {
                try database.run("""
                    INSERT INTO gates(kind, title, week, phase, passed, decision, source_path, source_line, scope_total,
                                      scope_open, project_id, key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values + [.integer(projectID), .text(gate.key)])
                id = database.lastInsertRowID
            }
            if criteriaChanged {
                for (position, criterion) in criteria.enumerated() {
                    try database.run("INSERT INTO gate_criteria(gate_id, text, status, role, line, position) VALUES (?, ?, ?, ?, ?, ?)",
                                     [.integer(id)] + criterion + [.integer(Int64(position))])
                }
            }
            for mention in gate.mentionIDs {
                try database.run("UPDATE gate_mentions SET gate_id = ?1 WHERE id = ?2 AND gate_id IS NOT ?1", [.integer(id), .integer(mention)])
            }
            written.append(WrittenGate(id: id, gate: gate, scopeTotal: scope.tasks.count, scopeOpen: scope.open))
        }
        for (_, stored) in existing {
            try deleteGate(id: stored.id)
        }
        return written
    }

    /// The gates of the projects with `projectIDs` (nil: all), in week order.
    public func gates(projectIDs: [Int64]? = nil, week: Int? = nil, kind: GateItem.Kind? = nil) throws -> [Gate] {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let ids = projectIDs {
            conditions.append("g.project_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))")
            values += ids.map { .integer($0) }
        }
        if let week { conditions.append("g.week = ?"); values.append(.integer(Int64(week))) }
        if let kind { conditions.append("g.kind = ?"); values.append(.text(kind.rawValue)) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try database.rows("""
            SELECT g.id, p.name, p.id, g.kind, g.title, g.week, g.phase, g.passed, g.decision, g.source_path, g.source_line,
                   g.scope_total, g.scope_open
            FROM gates g JOIN projects p ON p.id = g.project_id \(whereClause)
            ORDER BY p.name COLLATE NOCASE, g.week IS NULL, g.week, g.source_path, g.source_line
            """, values)
        var criteria: [Int64: [Gate.Criterion]] = [:]
        // Only the criteria of the gates read: the projects' (by the gates' project index), not every gate's.
        let criteriaFilter = conditions.isEmpty ? "" : "WHERE c.gate_id IN (SELECT g.id FROM gates g " + whereClause + ")"
        for row in try database.rows("""
            SELECT c.gate_id, c.text, c.status, c.role FROM gate_criteria c \(criteriaFilter) ORDER BY c.gate_id, c.position
            """, values) {
            criteria[Int64(row[0].int ?? 0), default: []].append(Gate.Criterion(
                text: row[1].string ?? "", status: GateItem.CriterionStatus(rawValue: row[2].string ?? "") ?? .unknown,
                role: GateItem.CriterionRole(rawValue: row[3].string ?? "") ?? .criterion))
        }
        return rows.compactMap { row in
            guard let kind = GateItem.Kind(rawValue: row[3].string ?? "") else { return nil }
            let id = Int64(row[0].int ?? 0)
            return Gate(id: id, project: row[1].string ?? "", projectID: Int64(row[2].int ?? 0), kind: kind, title: row[4].string ?? "",
                        week: row[5].int, phase: row[6].int, passed: row[7].int.map { $0 == 1 }, decision: row[8].string,
                        criteria: criteria[id] ?? [], scopeTotal: row[11].int ?? 0, scopeOpen: row[12].int ?? 0,
                        source: SourceRef(path: row[9].string ?? "", line: row[10].int ?? 0))
        }
    }

    /// The ids of a gate's open tasks, in document order, for reports.
    public func openTaskIDs(ofGate id: Int64) throws -> [Int64] {
        try database.rows("""
            SELECT t.id FROM gate_tasks s JOIN tasks t ON t.id = s.task_id
            WHERE s.gate_id = ? AND t.status NOT IN ('done', 'cancelled') ORDER BY t.source_path, t.source_line
            """, [.integer(id)]).compactMap { $0[0].int.map(Int64.init) }
    }
}

/// A gate as `writeGates` stored it: enough for the project's summary without reading it back.
struct WrittenGate {
    let id: Int64
    let gate: LinkedGate
    let scopeTotal: Int
    let scopeOpen: Int

    /// Whether a gate is passed does not depend on the day (only at-risk and not-due do).
    var isPassed: Bool {
        let item = gate.item
        return GateVerdict.of(passed: item.checkbox, criteria: item.criteria.filter { $0.role == .criterion }.map(\.status),
                              scopeTotal: scopeTotal, scopeOpen: scopeOpen, week: item.week, currentWeek: nil) == .passed
    }

    /// The order `gates()` lists a project's gates in: by week (none last), then source; ids break ties.
    static func inListingOrder(_ a: WrittenGate, _ b: WrittenGate) -> Bool {
        let x = a.gate, y = b.gate
        if (x.item.week == nil) != (y.item.week == nil) { return y.item.week == nil }
        if let u = x.item.week, let v = y.item.week, u != v { return u < v }
        if x.source.path != y.source.path { return x.source.path.utf8.lexicographicallyPrecedes(y.source.path.utf8) }
        if x.source.line != y.source.line { return x.source.line < y.source.line }
        return a.id < b.id
    }
}
