/// A table whose rows belong to one document (its phases, gate and task mentions, risks,
/// metrics, notes, code blocks), and how a document stored again keeps the rows it still has:
/// a stored row whose `content` columns hold what a row of the document holds now keeps its
/// id, and only its `position` columns (line numbers) are updated when the row moved; the other
/// stored rows are deleted and the remaining rows of the document inserted. Editing one line of
/// a file then rewrites that line's rows, not every row of the file with its index entries and
/// search entries (ADR 0019).
struct DocumentTable: Sendable {
    let name: String
    let content: [String]
    /// The first is the row's line: rows on one line keep their order by id (`DocumentOrder`).
    let position: [String]
    /// How many values one row has: its `content`, then its `position`.
    var rowWidth: Int { content.count + position.count }
    /// A column of a stored row the caller is given with a kept row (a mention's task).
    let carried: String?
    /// Statements run with the id of a stored row about to be deleted (rows repeating it let go).
    let beforeDelete: [String]
    /// Its statements, made once: an `INSERT` runs for every row of a full import.
    let insert: String
    let storedRows: String
    let move: String
    let delete: String

    /// `leading`: columns an `INSERT` binds after the document's id, before `content` and `position`.
    init(name: String, content: [String], position: [String], carried: String? = nil, leading: [String] = [],
         beforeDelete: [String] = []) {
        self.name = name
        self.content = content
        self.position = position
        self.carried = carried
        self.beforeDelete = beforeDelete
        let columns = ["document_id"] + leading + content + position
        insert = "INSERT INTO \(name)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        storedRows = "SELECT \((["id", carried ?? "NULL"] + content + position).joined(separator: ", ")) FROM \(name) "
            + "WHERE document_id = ? ORDER BY \(position[0]), id"
        move = "UPDATE \(name) SET \(position.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
        delete = "DELETE FROM \(name) WHERE id = ?"
    }
}

/// One row a document says, as its table's `content` and `position` values.
struct DocumentRow {
    var content: [SQLValue]
    var position: [SQLValue]
}

/// A stored row a document stored again still has: its id and the table's `carried` column.
struct KeptRow: Equatable, Sendable {
    let id: Int64
    let carried: Int64?
}

extension KnowledgeBase {
    /// Matches a document's `rows` of `table` with its stored rows: returns, for each row, the
    /// stored row it keeps (moved to the row's position), or nil for a row to insert. Stored rows
    /// no row keeps are deleted. Rows alike in content pair in order: both sides are walked in
    /// document order, pairing equal rows and stepping over a row inserted or deleted on either
    /// side (an edit adds, ticks or rewords a few lines); the rows left are paired by content.
    /// Rows that share a line are kept only all together and in the order of their ids, so that
    /// an import that stores the document afresh (ids in the document's order) lists them in the
    /// same order.
    func keepRows(_ table: DocumentTable, documentID: Int64, rows: [DocumentRow]) throws -> [KeptRow?] {
        var stored: [StoredDocumentRow] = []
        let contentCount = table.content.count, positionCount = table.position.count
        try database.forEachRow(table.storedRows, [.integer(documentID)]) { reader in
            var content: [SQLValue] = []
            content.reserveCapacity(contentCount)
            for column in 0..<contentCount { content.append(reader.value(Int32(2 + column))) }
            var position: [SQLValue] = []
            position.reserveCapacity(positionCount)
            for column in 0..<positionCount { position.append(reader.value(Int32(2 + contentCount + column))) }
            stored.append(StoredDocumentRow(row: KeptRow(id: reader.int64(0), carried: reader.int(1).map(Int64.init)),
                                            content: content, position: position))
        }
        guard !stored.isEmpty else { return rows.map { _ in nil } }
        var matched = Self.pair(rows, stored)
        Self.releaseSharedLines(&matched, lines: rows.map { $0.position.first ?? .null })
        var kept = Set<Int64>()
        kept.reserveCapacity(rows.count)
        for case let row? in matched { kept.insert(row.row.id) }
        for row in stored where !kept.contains(row.row.id) {
            for statement in table.beforeDelete { try database.run(statement, [.integer(row.row.id)]) }
            try database.run(table.delete, [.integer(row.row.id)])
        }
        for (row, match) in zip(rows, matched) {
            guard let match, match.position != row.position else { continue }
            try database.run(table.move, row.position + [.integer(match.row.id)])
        }
        return matched.map { $0?.row }
    }

    /// For each row, the stored row (in document order) it pairs with, or nil.
    private static func pair(_ rows: [DocumentRow], _ stored: [StoredDocumentRow]) -> [StoredDocumentRow?] {
        var matched = [StoredDocumentRow?](repeating: nil, count: rows.count)
        var taken = [Bool](repeating: false, count: stored.count)
        var row = 0, next = 0
        while row < rows.count, next < stored.count {
            if rows[row].content == stored[next].content {
                matched[row] = stored[next]
                taken[next] = true
                row += 1
                next += 1
            } else if next + 1 < stored.count, rows[row].content == stored[next + 1].content {
                next += 1 // a stored row the document no longer has
            } else if row + 1 < rows.count, rows[row + 1].content == stored[next].content {
                row += 1 // a row new in the document
            } else {
                row += 1 // a row changed in place
                next += 1
            }
        }
        // What is left (rows moved elsewhere in the document), by content.
        var left: [[SQLValue]: [Int]] = [:]
        for index in stored.indices where !taken[index] { left[stored[index].content, default: []].append(index) }
        guard !left.isEmpty else { return matched }
        for index in rows.indices where matched[index] == nil {
            guard var candidates = left[rows[index].content], !candidates.isEmpty else { continue }
            matched[index] = stored[candidates.removeFirst()]
            left[rows[index].content] = candidates
        }
        return matched
    }

    /// Unmatches the rows of each line shared by several rows unless all of them are matched,
    /// with ids increasing in the rows' order.
    private static func releaseSharedLines(_ matched: inout [StoredDocumentRow?], lines: [SQLValue]) {
        let ascending = zip(lines, lines.dropFirst()).allSatisfy { pair in
            if case .integer(let a) = pair.0, case .integer(let b) = pair.1 { return a < b }
            return false
        }
        guard !ascending else { return }
        var rowsOfLine: [SQLValue: [Int]] = [:]
        for (index, line) in lines.enumerated() { rowsOfLine[line, default: []].append(index) }
        for indexes in rowsOfLine.values where indexes.count > 1 {
            let ids = indexes.map { matched[$0]?.row.id }
            let inOrder = ids.allSatisfy { $0 != nil } && zip(ids, ids.dropFirst()).allSatisfy { $0! < $1! }
            if !inOrder { for index in indexes { matched[index] = nil } }
        }
    }
}

/// A stored row of a document, read to be matched with what the document says now.
private struct StoredDocumentRow {
    let row: KeptRow
    let content: [SQLValue]
    let position: [SQLValue]
}

/// What each table holds of a document, as `DocumentTable`s and the `DocumentRow` of an item.
extension DocumentTable {
    static let phases = DocumentTable(name: "phases", content: ["project_id", "label", "number", "title", "first_week", "last_week"],
                                      position: ["line"])
    static let gateMentions = DocumentTable(name: "gate_mentions",
                                            content: ["kind", "title", "week", "phase", "checkbox", "decision", "criteria"],
                                            position: ["line", "scope_from_line"])
    static let risks = DocumentTable(name: "risks", content: ["title", "severity", "likelihood", "impact", "mitigation", "contingency",
                                                              "owner", "week", "level", "identifier", "status"],
                                     position: ["line"], beforeDelete: ["UPDATE risks SET primary_id = NULL WHERE primary_id = ?"])
    static let metrics = DocumentTable(name: "metrics", content: ["name", "target", "actual", "status", "stated_status", "measurement",
                                                                  "week", "baseline"],
                                       position: ["line"], beforeDelete: ["UPDATE metrics SET primary_id = NULL WHERE primary_id = ?"])
    static let notes = DocumentTable(name: "notes", content: ["kind", "text", "week"], position: ["line"])
    static let codeBlocks = DocumentTable(name: "code_blocks", content: ["language", "section", "text"], position: ["line"])
    /// A mention's task is written with it (`KnowledgeBase.insertMention`); a kept one carries its task.
    static let taskMentions = DocumentTable(name: "task_mentions",
                                            content: ["title", "status", "week", "phase", "day", "sprint", "timeline", "due", "done_on",
                                                      "milestone", "optional", "number", "requirements", "details", "owners", "checkbox"],
                                            position: ["line", "parent_line", "table_line", "table_row"], carried: "task_id",
                                            leading: ["task_id"])
}

extension DocumentRow {
    init(phase: PhaseItem, projectID: Int64) {
        self.init(content: [.integer(projectID), .text(phase.label), .integer(Int64(phase.number)), .text(phase.title),
                            SQLValue(phase.firstWeek), SQLValue(phase.lastWeek)],
                  position: [.integer(Int64(phase.line))])
    }

    init(gate: GateItem) {
        self.init(content: [.text(gate.kind.rawValue), .text(gate.title), SQLValue(gate.week), SQLValue(gate.phase),
                            gate.checkbox.map { SQLValue($0) } ?? .null, SQLValue(gate.decision), .text(CriteriaCoding.encode(gate.criteria))],
                  position: [.integer(Int64(gate.line)), SQLValue(gate.scopeFromLine)])
    }

    init(risk: RiskItem) {
        self.init(content: [.text(risk.title), .text(risk.severity.rawValue), SQLValue(risk.likelihood), SQLValue(risk.impact),
                            SQLValue(risk.mitigation), SQLValue(risk.contingency), SQLValue(risk.owner), SQLValue(risk.week),
                            SQLValue(risk.level), SQLValue(risk.identifier), SQLValue(risk.status)],
                  position: [.integer(Int64(risk.line))])
    }

    init(metric: MetricItem) {
        self.init(content: [.text(metric.name), SQLValue(metric.target), SQLValue(metric.actual), .text(metric.status.rawValue),
                            SQLValue(metric.stated), SQLValue(metric.measurement), SQLValue(metric.week), SQLValue(metric.baseline)],
                  position: [.integer(Int64(metric.line))])
    }

    init(note: NoteItem) {
        self.init(content: [.text(note.kind.rawValue), .text(note.text), SQLValue(note.week)], position: [.integer(Int64(note.line))])
    }

    init(codeBlock block: CodeBlockItem) {
        self.init(content: [.text(block.language), .text(block.section.joined(separator: CodeBlock.sectionSeparator)), .text(block.text)],
                  position: [.integer(Int64(block.line))])
    }

    /// The columns a task mention and a task both have, `title` to `details`, in that order.
    static func appendTaskColumns(_ item: TaskItem, to values: inout [SQLValue]) {
        values.append(.text(item.title))
        values.append(.text(item.status.rawValue))
        values.append(SQLValue(item.week))
        values.append(SQLValue(item.phase))
        values.append(SQLValue(item.day))
        values.append(SQLValue(item.sprint))
        values.append(SQLValue(item.timeline))
        values.append(SQLValue(item.due))
        values.append(SQLValue(item.doneOn))
        values.append(SQLValue(item.milestone))
        values.append(SQLValue(item.optional))
        values.append(SQLValue(item.number))
        values.append(SQLValue(MentionCoding.encode(list: item.requirements)))
        values.append(SQLValue(MentionCoding.encode(lines: item.details)))
    }

    /// A task mention as `keepRows` compares it with the stored ones.
    init(mention item: TaskItem) {
        var values: [SQLValue] = []
        values.reserveCapacity(DocumentTable.taskMentions.rowWidth)
        Self.appendMention(item, to: &values)
        let contentCount = DocumentTable.taskMentions.content.count
        self.init(content: Array(values[..<contentCount]), position: Array(values[contentCount...]))
    }

    /// A task mention's `taskMentions` content columns, then its position columns, appended to
    /// `values` (one array for the whole insert: a mention row is written for every task seen).
    static func appendMention(_ item: TaskItem, to values: inout [SQLValue]) {
        appendTaskColumns(item, to: &values)
        values.append(SQLValue(MentionCoding.encode(owners: item.owners)))
        values.append(SQLValue(item.checkbox))
        values.append(.integer(Int64(item.line)))
        values.append(SQLValue(item.parentLine))
        values.append(SQLValue(item.table))
        values.append(SQLValue(item.row))
    }
}
