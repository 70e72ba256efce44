import Foundation

/// What the knowledge base remembers of a file, to skip it when it has not changed.
public struct StoredDocument: Sendable {
    public let id: Int64
    public let path: String
    public let hash: String
    public let size: Int
    public let mtimeNanoseconds: Int64
    public let projectKey: String
    /// The project name stored for it, and whether the document states it itself.
    public let projectName: String
    public let projectStated: Bool
}

/// A document's gate mentions, risks and metrics as `storeDocument` just inserted them, in the
/// document's order: its project is linked from these instead of reading back rows written in
/// the same transaction. Only a document stored afresh has them: one that kept stored rows
/// (ADR 0019) has its rows' current links in the knowledge base alone.
public struct StoredDocumentItems: Sendable, Equatable {
    public let gateMentions: [StoredGateMention]
    public let risks: [LinkableRow]
    public let metrics: [LinkableRow]
}

/// A task mention as stored: `taskID` is nil until the project's mentions are linked.
public struct StoredMention: Sendable {
    public let id: Int64
    public let taskID: Int64?
    public let documentID: Int64
    public let documentPath: String
    public let documentKind: DocumentKind
    public let item: TaskItem
}

extension KnowledgeBase {
    public func storedDocuments() throws -> [String: StoredDocument] {
        var result: [String: StoredDocument] = [:]
        for row in try database.rows("""
            SELECT d.id, d.path, d.hash, d.size, d.mtime_ns, p.key, d.project_name, d.project_stated
            FROM documents d JOIN projects p ON p.id = d.project_id
            """) {
            let document = StoredDocument(id: row[0].int.map(Int64.init) ?? 0, path: row[1].string ?? "",
                                          hash: row[2].string ?? "", size: row[3].int ?? 0,
                                          mtimeNanoseconds: Int64(row[4].int ?? 0), projectKey: row[5].string ?? "",
                                          projectName: row[6].string ?? "", projectStated: (row[7].int ?? 1) != 0)
            result[document.path] = document
        }
        return result
    }

    /// The project row for `key`, created when new. Name and start date are settled by `settleProjects`.
    func projectID(key: String, name: String) throws -> Int64 {
        if let id = try existingProjectID(key: key) { return id }
        try database.run("INSERT INTO projects(key, name) VALUES (?, ?)", [.text(key), .text(name)])
        return database.lastInsertRowID
    }

    /// Inserts or replaces a document's row and everything it says: phases, gate mentions,
    /// risks, metrics, notes and code blocks. A document stored before in the same project keeps
    /// the rows it still has (`keepRows`); otherwise its old rows (task mentions too) go first.
    /// Task mentions are written by `writeTasks` with their task (`.new` origins), or unlinked
    /// (`ImportChange.storeUnlinkedMentions`); those a document stored again still has are kept,
    /// and returned as `.stored` origins. Returns the document's id, each task's origin and, for
    /// a document that kept no rows, its gate mentions, risks and metrics as inserted.
    func storeDocument(_ version: DocumentVersion, projectID: Int64, importID: Int64) throws
        -> (id: Int64, mentions: [LinkedMention.Origin], items: StoredDocumentItems?) {
        let findings = version.findings
        let values: [SQLValue] = [.integer(projectID), .text(findings.kind.rawValue), SQLValue(findings.title),
                                  .text(findings.projectName), SQLValue(findings.startDate), .text(version.hash),
                                  .integer(Int64(version.size)), .integer(version.mtimeNanoseconds), .integer(importID),
                                  .integer(findings.projectStated ? 1 : 0)]
        let documentID: Int64
        var keeping = false
        if let existing = try database.rows("SELECT id, project_id FROM documents WHERE path = ?", [.text(findings.path)]).first,
           let id = existing[0].int {
            documentID = Int64(id)
            // Rows of a document that moved to another project would keep links into the old one.
            keeping = existing[1].int.map(Int64.init) == projectID
            if !keeping { try deleteContents(ofDocument: documentID) }
            try database.run("""
                UPDATE documents SET project_id = ?, kind = ?, title = ?, project_name = ?, start_date = ?,
                    hash = ?, size = ?, mtime_ns = ?, import_id = ?, project_stated = ? WHERE id = ?
                """, values + [.integer(documentID)])
        } else {
            try database.run("""
                INSERT INTO documents(project_id, kind, title, project_name, start_date, hash, size, mtime_ns, import_id,
                                      project_stated, path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values + [.text(findings.path)])
            documentID = database.lastInsertRowID
        }
        let rows: [(DocumentTable, [DocumentRow])] = [
            (.gateMentions, findings.gates.map(DocumentRow.init(gate:))),
            (.risks, findings.risks.map(DocumentRow.init(risk:))),
            (.metrics, findings.metrics.map(DocumentRow.init(metric:))),
            (.notes, findings.notes.map(DocumentRow.init(note:))),
            (.codeBlocks, findings.codeBlocks.map(DocumentRow.init(codeBlock:))),
            (.phases, findings.phases.map { DocumentRow(phase: $0, projectID: projectID) }),
        ]
        var inserted: [[Int64]] = []
        for (table, tableRows) in rows {
            let kept = keeping ? try keepRows(table, documentID: documentID, rows: tableRows) : []
            var ids: [Int64] = []
            ids.reserveCapacity(keeping ? 0 : tableRows.count)
            for (index, row) in tableRows.enumerated() where kept.isEmpty || kept[index] == nil {
                var values: [SQLValue] = []
                values.reserveCapacity(1 + row.content.count + row.position.count)
                values.append(.integer(documentID))
                values.append(contentsOf: row.content)
                values.append(contentsOf: row.position)
                try database.run(table.insert, values)
                if !keeping { ids.append(database.lastInsertRowID) }
            }
            inserted.append(ids)
        }
        guard keeping else {
            let items = StoredDocumentItems(findings, documentID: documentID, gateIDs: inserted[0], riskIDs: inserted[1], metricIDs: inserted[2])
            return (documentID, findings.tasks.map { .new(documentID: documentID, item: $0) }, items)
        }
        let kept = try keepRows(.taskMentions, documentID: documentID, rows: findings.tasks.map(DocumentRow.init(mention:)))
        return (documentID, zip(findings.tasks, kept).map { item, kept in
            kept.map { .stored(id: $0.id, taskID: $0.carried) } ?? .new(documentID: documentID, item: item)
        }, nil)
    }

    /// Every document of the project, by id.
    public func documentIDs(projectKey: String) throws -> [Int64] {
        var ids: [Int64] = []
        try database.forEachRow("SELECT d.id FROM documents d JOIN projects p ON p.id = d.project_id WHERE p.key = ? ORDER BY d.id",
                                [.text(projectKey)]) { ids.append($0.int64(0)) }
        return ids
    }

    /// Records a new modification time for a file whose content did not change.
    func touchDocument(path: String, mtimeNanoseconds: Int64) throws {
        try database.run("UPDATE documents SET mtime_ns = ? WHERE path = ?", [.integer(mtimeNanoseconds), .text(path)])
    }

    func removeDocument(id: Int64) throws {
        try deleteContents(ofDocument: id)
        try database.run("DELETE FROM documents WHERE id = ?", [.integer(id)])
    }

    /// A second, read-only connection that sees the knowledge base as last committed while this
    /// one writes a transaction: nil unless that is what it would see (a file in WAL mode, read
    /// with its log, holding `documents` documents as committed).
    public func committedReader(documents: Int) throws -> KnowledgeBase? {
        guard try database.scalar("PRAGMA journal_mode")?.string == "wal", FileManager.default.fileExists(atPath: path) else { return nil }
        let reader = try KnowledgeBase(path: path, mode: .readOnly)
        guard !reader.database.isImmutable, try reader.database.scalar("SELECT count(*) FROM documents")?.int == documents else { return nil }
        return reader
    }

    /// Every task mention of the project's documents but those in `excluded`, by path and line
    /// (then id: `DocumentOrder`), read column by column; an excluded document's rows are not decoded.
    public func storedMentions(projectKey: String, excluding excluded: Set<Int64> = []) throws -> [StoredMention] {
        var mentions: [StoredMention] = []
        var documents: [Int64: (path: String, kind: DocumentKind)] = [:]
        try database.forEachRow("""
            SELECT m.id, m.task_id, m.document_id, d.path, d.kind, m.line, m.title, m.status, m.week, m.phase,
                   m.day, m.sprint, m.timeline, m.due, m.done_on, m.milestone, m.optional, m.number,
                   m.parent_line, m.requirements, m.details, m.owners, m.table_line, m.table_row, m.checkbox
            FROM task_mentions m JOIN documents d ON d.id = m.document_id JOIN projects p ON p.id = d.project_id
            WHERE p.key = ?
            """, [.text(projectKey)]) { row in
            let documentID = row.int64(2)
            guard !excluded.contains(documentID) else { return }
            let document = documents[documentID] ?? {
                let read = (path: row.text(3) ?? "", kind: DocumentKind(rawValue: row.text(4) ?? "") ?? .other)
                documents[documentID] = read
                return read
            }()
            let item = TaskItem(line: row.int(5) ?? 0, title: row.text(6) ?? "",
                                status: MentionCoding.status(row.text(7)),
                                week: row.int(8), phase: row.int(9), day: row.int(10), sprint: row.int(11),
                                timeline: row.text(12), due: row.text(13), doneOn: row.text(14),
                                milestone: row.int(15) == 1, optional: row.int(16) == 1, number: row.text(17),
                                parentLine: row.int(18), requirements: MentionCoding.list(row.text(19)),
                                details: MentionCoding.lines(row.text(20)), owners: MentionCoding.owners(row.text(21)),
                                table: row.int(22), row: row.int(23), checkbox: row.int(24) == 1)
            mentions.append(StoredMention(id: row.int64(0), taskID: row.int(1).map(Int64.init), documentID: documentID,
                                          documentPath: document.path, documentKind: document.kind, item: item))
        }
        return DocumentOrder.sorted(mentions)
    }

    func insertMention(_ item: TaskItem, documentID: Int64, taskID: Int64?) throws {
        var values: [SQLValue] = []
        values.reserveCapacity(2 + DocumentTable.taskMentions.rowWidth)
        values.append(.integer(documentID))
        values.append(SQLValue(taskID))
        DocumentRow.appendMention(item, to: &values)
        try database.run(try inserts().mention, values)
    }

    func setMentionTask(mentionID: Int64, taskID: Int64?) throws {
        try database.run("UPDATE task_mentions SET task_id = ? WHERE id = ?", [SQLValue(taskID), .integer(mentionID)])
    }

    /// Settles each project's name and start date from its documents; drops projects left
    /// without documents (with their tasks).
    /// Returns the tasks of projects that lost their last document (they are deleted with it).
    func settleProjects(keys: [String]) throws -> Int {
        var removedTasks = 0
        for key in Set(keys).sorted() {
            guard let id = try database.scalar("SELECT id FROM projects WHERE key = ?", [.text(key)])?.int else { continue }
            let rows = try database.rows("SELECT project_name, start_date FROM documents WHERE project_id = ? ORDER BY path", [.integer(Int64(id))])
            if rows.isEmpty {
                removedTasks += try database.scalar("SELECT count(*) FROM tasks WHERE project_id = ?", [.integer(Int64(id))])?.int ?? 0
                try deleteLinkedItems(projectID: Int64(id))
                try deleteProject(id: Int64(id))
                continue
            }
            let names = rows.compactMap { $0[0].string }
            let start = rows.compactMap { $0[1].string }.min()
            try database.run("UPDATE projects SET name = ?, start_date = ? WHERE id = ?", [.text(Project.displayName(names)), SQLValue(start), .integer(Int64(id))])
        }
        return removedTasks
    }
}

extension KnowledgeBase {
    /// Undoes what linking a project new in import `importID` wrote (its tasks, gates, search
    /// entries and this import's history rows), keeping its documents and their mentions: the
    /// project is as it was before it was first linked, ready to be linked again with more documents.
    func forgetLinks(projectKey: String, importID: Int64) throws {
        guard let id = try database.scalar("SELECT id FROM projects WHERE key = ?", [.text(projectKey)])?.int else { return }
        try database.run("DELETE FROM task_history WHERE project_id = ? AND import_id = ?", [.integer(Int64(id)), .integer(importID)])
        try deleteLinkedItems(projectID: Int64(id))
    }

    /// A project's tasks (with owners; their mentions and gate scopes let go of them), gates and
    /// search entries.
    func deleteLinkedItems(projectID id: Int64) throws {
        try deleteGates(projectID: id)
        try database.run("DELETE FROM search WHERE rowid >= ? AND rowid < ?", [.integer(id << 32), .integer((id + 1) << 32)])
        try deleteTasks(projectID: id)
    }
}

/// How list-valued mention fields are stored in one text column. The separators are ASCII
/// unit (0x1F) and record (0x1E) separators, which no Markdown title contains.
enum MentionCoding {
    static let unit: Character = "\u{1F}"
    static let record: Character = "\u{1E}"

    static let listSeparator = ", ", lineSeparator = "\n"

    static func encode(list: [String]) -> String? { list.isEmpty ? nil : list.joined(separator: listSeparator) }

    /// A stored mention's status (`open` should it be one this version does not know).
    static func status(_ text: String?) -> TaskStatus { text.flatMap(TaskStatus.init(rawValue:)) ?? .open }
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return asciiPieces(of: text, at: UInt8(ascii: ","), trimmed: true)
            ?? text.split(separator: ",").map { String($0).trimmingWhitespace() }
    }
    static func encode(lines: [String]) -> String? { lines.isEmpty ? nil : lines.joined(separator: lineSeparator) }
    static func lines(_ text: String?) -> [String] {
        guard let text else { return [] }
        return asciiPieces(of: text, at: UInt8(ascii: "\n"), trimmed: false) ?? text.split(separator: "\n").map(String.init)
    }

    /// What `split(separator:)` (and `trimmingWhitespace`, when `trimmed`) gives for ASCII
    /// text without a carriage return, found by bytes; nil for other text. There a Character is
    /// a byte (`\r\n`, one Character, is the exception), so bytes split and trim alike, without
    /// finding the grapheme breaks of every mention read.
    private static func asciiPieces(of text: String, at separator: UInt8, trimmed: Bool) -> [String]? {
        let pieces = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var pieces: [String] = []
            var start = 0
            for index in 0...bytes.count {
                if index < bytes.count {
                    let byte = bytes[index]
                    guard byte < 0x80, byte != UInt8(ascii: "\r") else { return nil }
                    guard byte == separator else { continue }
                }
                defer { start = index + 1 }
                guard index > start else { continue }
                var from = start, to = index
                if trimmed {
                    while from < to, isASCIIWhitespace(bytes[from]) { from += 1 }
                    while to > from, isASCIIWhitespace(bytes[to - 1]) { to -= 1 }
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
            }
            return pieces
        }
        return pieces ?? nil
    }

    /// The ASCII bytes `Character.isWhitespace` holds: tab, line feed, vertical tab, form feed, space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func encode(owners: [OwnerAction]) -> String? {
        guard !owners.isEmpty else { return nil }
        return owners.map { $0.name + String(unit) + ($0.action ?? "") }.joined(separator: String(record))
    }

    /// Adds to `hash` what `hash.add(encode(owners:) ?? "")` would, without making the string.
    static func add(owners: [OwnerAction], to hash: inout ContentHash) {
        for (index, owner) in owners.enumerated() {
            if index > 0 { hash.append(byte: record.asciiValue!) }
            hash.append(owner.name)
            hash.append(byte: unit.asciiValue!)
            hash.append(owner.action ?? "")
        }
        hash.append(byte: 0x1F)
    }

    /// The owners `encode(owners:)` wrote: each record's first field is the name, the rest (units
    /// and all) the action. Read by bytes, as `records` reads them.
    static func owners(_ text: String?) -> [OwnerAction] {
        guard let text else { return [] }
        let unitByte = unit.asciiValue!, recordByte = record.asciiValue!
        func owners(_ bytes: UnsafeBufferPointer<UInt8>) -> [OwnerAction] {
            var owners: [OwnerAction] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == recordByte {
                defer { start = index + 1 }
                guard index > start else { continue } // an empty record
                let record = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let nameEnd = record.firstIndex(of: unitByte) ?? record.endIndex
                let name = String(decoding: UnsafeBufferPointer(rebasing: record[..<nameEnd]), as: UTF8.self)
                let action = nameEnd + 1 < record.endIndex
                    ? String(decoding: UnsafeBufferPointer(rebasing: record[(nameEnd + 1)...]), as: UTF8.self) : nil
                owners.append(OwnerAction(name: name, action: action))
            }
            return owners
        }
        if let read = text.utf8.withContiguousStorageIfAvailable(owners) { return read }
        var copy = text
        return copy.withUTF8(owners)
    }

    /// The non-empty records of `text` (split at `record`), each split into its fields at `unit`.
    /// Both are ASCII controls, where a grapheme always breaks, so splitting the bytes gives what
    /// splitting the `Character`s would, without finding the grapheme breaks of every mention read.
    static func records(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        let unitByte = unit.asciiValue!, recordByte = record.asciiValue!
        var result: [[String]] = []
        var fields: [String] = []
        var start = 0
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : recordByte
            guard byte == unitByte || byte == recordByte else { continue }
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
            if byte == recordByte {
                if fields != [""] { result.append(fields) }
                fields = []
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    public func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}

extension StoredDocumentItems {
    /// The rows a document's findings inserted, with their ids (in insertion order); none
    /// repeats another yet: a row's primary is set when its project is written.
    init(_ findings: DocumentFindings, documentID: Int64, gateIDs: [Int64], riskIDs: [Int64], metricIDs: [Int64]) {
        precondition(gateIDs.count == findings.gates.count && riskIDs.count == findings.risks.count
                     && metricIDs.count == findings.metrics.count, "one id per inserted row")
        gateMentions = zip(gateIDs, findings.gates).map { id, gate in
            StoredGateMention(id: id, documentID: documentID, documentPath: findings.path, documentKind: findings.kind, item: gate)
        }
        risks = zip(riskIDs, findings.risks).map { id, risk in
            LinkableRow(id: id, text: risk.title, documentID: documentID, documentPath: findings.path, documentKind: findings.kind,
                        line: risk.line, primaryID: nil)
        }
        metrics = zip(metricIDs, findings.metrics).map { id, metric in
            LinkableRow(id: id, text: metric.name, documentID: documentID, documentPath: findings.path, documentKind: findings.kind,
                        line: metric.line, primaryID: nil)
        }
    }
}
