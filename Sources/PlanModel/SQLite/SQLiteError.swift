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

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// SQLITE_READONLY and friends: a write attempted on a read-only connection.
    public var isReadOnlyViolation: Bool { code & 0xff == 8 }
    /// SQLITE_INTERRUPT: stopped by a time limit.
    public var isInterrupt: Bool { code & 0xff == 9 }
    /// SQLITE_NOTADB: the file exists but is not an SQLite database.
    public var isNotADatabase: Bool { code & 0xff == 26 }
}
