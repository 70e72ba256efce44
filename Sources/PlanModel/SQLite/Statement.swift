import CSQLite
import Foundation

/// A value bound to or read from SQLite.
public enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var int: Int? {
        switch self {
        case .integer(let v): return Int(v)
        case .real(let v): return Int(v)
        case .text(let s): return Int(s)
        case .null: return nil
        }
    }
    public var double: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let s): return Double(s)
        case .null: return nil
        }
    }
    public var string: String? {
        switch self {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .null: return nil
        }
    }
    public var isNull: Bool { self == .null }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(Int64(value)) }
    public init(nilLiteral: ()) { self = .null }
}

extension SQLValue {
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    public init(_ value: Bool) { self = .integer(value ? 1 : 0) }
}

/// A prepared statement. Owns its handle and finalizes it on deinit; nobody finalizes by hand.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String

    /// The SQL after the first statement, when `sql` held more than one (nil: nothing but
    /// spaces and semicolons followed).
    public let rest: String?

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        var restText: String?
        let rc = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(database.handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            if let tail {
                let remaining = String(cString: tail)
                if remaining.contains(where: { !$0.isWhitespace && $0 != ";" }) { restText = remaining.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            return rc
        }
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc == SQLITE_OK ? SQLITE_MISUSE : rc, message: rc == SQLITE_OK ? "no SQL statement" : database.lastErrorMessage, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
        rest = restText
    }

    deinit { sqlite3_finalize(handle) }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }
    public func columnName(_ index: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(index))) }
    public var columnNames: [String] { (0..<columnCount).map(columnName) }
    /// True when the statement only reads (used to refuse writes in `planq query`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values` to the parameters in order; every statement is reset after use, so a
    /// bound statement always starts from its first row.
    public func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        case .text(let s):
            // The string's own bytes with their length: passing `s` itself made a C-string copy
            // (an allocation per bound text), and -1 had SQLite measure it again.
            var text = s // `withUTF8` makes a bridged string contiguous first
            rc = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    // An empty buffer may have no address; SQLite takes an empty string for it.
                    guard let start = chars.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, planq_sqlite_transient()) }
                    return sqlite3_bind_text(handle, index, start, Int32(chars.count), planq_sqlite_transient())
                }
            }
        }
        guard rc == SQLITE_OK else {
            throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
        }
    }

    /// Steps until done, for statements that return no rows.
    public func runToEnd() throws {
        while try step() {}
        sqlite3_reset(handle)
    }

    /// The next row, or nil at the end (and the statement is reset).
    public func next() throws -> Row? {
        guard try step() else {
            sqlite3_reset(handle)
            return nil
        }
        var values: [SQLValue] = []
        values.reserveCapacity(columnCount)
        for column in 0..<Int32(columnCount) {
            values.append(value(at: column))
        }
        return Row(values: values, columns: ColumnIndex.shared(for: self))
    }

    private func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: sqlite3_extended_errcode(database.handle),
                                    message: database.lastErrorMessage, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    private func value(at column: Int32) -> SQLValue {
        ColumnReader(handle: handle).value(column)
    }

    fileprivate var cachedColumns: ColumnIndex?

    /// Calls `body` with each row of the bound statement, read column by column: no `Row` (an
    /// array of values, a `String` per text) is made for the queries that read every mention
    /// of a project.
    func forEachRow(_ body: (ColumnReader) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        let reader = ColumnReader(handle: handle)
        while try step() { try body(reader) }
    }
}

/// The current row of a statement stepping in `Statement.forEachRow`; valid only in its body.
struct ColumnReader {
    fileprivate let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func int(_ column: Int32) -> Int? { isNull(column) ? nil : Int(sqlite3_column_int64(handle, column)) }
    func text(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default: return text(column).map(SQLValue.text) ?? .null
        }
    }
}

/// Column names of a statement, shared by all its rows.
public final class ColumnIndex: Sendable {
    public let names: [String]
    let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    static func shared(for statement: Statement) -> ColumnIndex {
        if let columns = statement.cachedColumns { return columns }
        let columns = ColumnIndex(names: statement.columnNames)
        statement.cachedColumns = columns
        return columns
    }
}
