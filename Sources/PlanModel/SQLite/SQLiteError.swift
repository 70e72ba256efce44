import Foundation

/// An SQLite failure: the result code, SQLite's own message and the SQL that failed.
/// Its description is the command line's one-line cause.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// What the user can do about it, in one line; SQLite's own words only when there is no better.
    public var description: String {
        switch code & 0xff {
        case 5, 6: return "the knowledge base is busy: another planq (an import) is writing it and did not finish within 30 s; try again when it ends"
        case 13: return "no space left on the device for the knowledge base; nothing was changed"
        case 8: return "the knowledge base cannot be written here (a read-only file, folder or mount)"
        case 14: return "the knowledge base cannot be opened: \(message)"
        case 11: return "the knowledge base file is damaged (\(message)); move it aside and run `planq import` again"
        default:
            var text = "SQLite error \(code): \(message)"
            if let sql {
                // One line of the statement: enough to find it, never a page of SQL.
                let first = sql.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                let shown = first.count > 100 ? first.prefix(100) + "…" : Substring(first)
                text += " - while executing `\(shown)`" + (sql.contains(where: \.isNewline) ? " ..." : "")
            }
            return text
        }
    }

    /// SQLITE_READONLY and friends: a write attempted on a read-only connection.
    public var isReadOnlyViolation: Bool { code & 0xff == 8 }
    /// SQLITE_INTERRUPT: stopped by a time limit.
    public var isInterrupt: Bool { code & 0xff == 9 }
    /// SQLITE_NOTADB: the file exists but is not an SQLite database.
    public var isNotADatabase: Bool { code & 0xff == 26 }
}
