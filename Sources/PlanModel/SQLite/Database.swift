import CSQLite
import Foundation

/// One SQLite connection. Owns its handle; closes it on deinit.
/// Not thread-safe: planq uses one connection from one thread.
public final class Database {
    public enum Mode: Sendable { case readWrite, readOnly }

    let handle: OpaquePointer
    public let path: String
    /// Opened as `immutable`: the file as it stands, without its write-ahead log.
    public let isImmutable: Bool
    private var statementCache: [String: Statement] = [:]

    public init(path: String, mode: Mode = .readWrite) throws {
        var db = try Self.open(path, flags: mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var immutable = false
        var read = mode == .readOnly ? Self.readResult(db) : SQLITE_OK
        if read == Self.hotJournal {
            // An import killed while it committed left its rollback journal (a new file's first
            // import has one): the file is half written until the journal is played back, which
            // a read-only connection cannot do, and read as it stands it is garbage. A connection
            // that may write plays it back (the last committed state, as for any writer).
            sqlite3_close_v2(db)
            try Self.rollBackJournal(path)
            db = try Self.open(path, flags: SQLITE_OPEN_READONLY)
            read = Self.readResult(db)
        }
        if !Self.isReadable(read) {
            immutable = true
            // A WAL database in a read-only folder or mount cannot make its -shm file, so even
            // reading fails; opened as immutable it is read as the file stands.
            sqlite3_close_v2(db)
            db = try Self.open(Self.immutableURI(path), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
        }
        self.handle = db
        self.path = path
        isImmutable = immutable
    }

    /// SQLite's process-wide settings, made once before its first connection (`sqlite3_config`
    /// is refused after that): no memory statistics, whose mutex every allocation took.
    private static let configured: Void = {
        _ = planq_sqlite_disable_memory_statistics()
    }()

    private static func open(_ name: String, flags: Int32) throws -> OpaquePointer {
        _ = configured
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: "\(message) (\(name))")
        }
        sqlite3_extended_result_codes(db, 1)
        return db
    }

    /// What reading the schema returns (extended result codes are on).
    private static func readResult(_ db: OpaquePointer) -> Int32 {
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
    }

    /// `SQLITE_READONLY_ROLLBACK`: a hot journal that a read-only connection cannot play back.
    static let hotJournal = SQLITE_READONLY | (3 << 8)

    /// Whether the schema could be read (`readResult`): not when the -shm or -wal file cannot be made.
    private static func isReadable(_ rc: Int32) -> Bool {
        !(rc & 0xff == SQLITE_CANTOPEN || rc & 0xff == SQLITE_READONLY)
    }

    /// Plays back the rollback journal an interrupted transaction left, by reading the file on a
    /// connection that may write; a file planq may not write stays unreadable, with a message
    /// that says why, rather than read half written.
    private static func rollBackJournal(_ path: String) throws {
        let db = try open(path, flags: SQLITE_OPEN_READWRITE)
        defer { sqlite3_close_v2(db) }
        let rc = readResult(db)
        guard rc == SQLITE_OK else {
            throw SQLiteError(code: rc, message: "an import was interrupted and its journal (\(path)-journal) cannot be played back "
                              + "here (\(String(cString: sqlite3_errstr(rc)))); run `planq import` where the file can be written")
        }
    }

    /// `file:` URI of `path`, opened immutable (characters with a meaning in URIs escaped).
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters and return no rows.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// A new prepared statement (not cached).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A prepared statement kept for the life of the connection: for SQL run many times.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `body` with a time limit: SQLite's progress handler interrupts any statement still
    /// running after `seconds` (the statement fails with SQLITE_INTERRUPT, `SQLiteError.isInterrupt`).
    public func withTimeLimit<T>(seconds: Double, _ body: () throws -> T) throws -> T {
        let deadline = Unmanaged.passRetained(Deadline(.now + .milliseconds(Int64(seconds * 1000))))
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            deadline.release()
        }
        sqlite3_progress_handler(handle, 10_000, { context in
            guard let context else { return 0 }
            return ContinuousClock.now >= Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue().end ? 1 : 0
        }, deadline.toOpaque())
        return try body()
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back and rethrows when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK") // the first error is the one worth reporting
            throw error
        }
    }

    /// Runs a statement with parameters, ignoring any rows.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws {
        let statement = try cached(sql)
        try statement.bind(values)
        try statement.runToEnd()
    }

    /// Runs an already prepared statement with parameters: for inserts run once per row,
    /// which skip the statement cache's lookup by SQL text.
    public func run(_ statement: Statement, _ values: [SQLValue]) throws {
        try statement.bind(values)
        try statement.runToEnd()
    }

    /// All rows of a query.
    public func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [Row] {
        let statement = try cached(sql)
        try statement.bind(values)
        var result: [Row] = []
        while let row = try statement.next() { result.append(row) }
        return result
    }

    /// Calls `body` with each row of a query, read column by column (`Statement.forEachRow`).
    func forEachRow(_ sql: String, _ values: [SQLValue] = [], _ body: (ColumnReader) throws -> Void) throws {
        let statement = try cached(sql)
        try statement.bind(values)
        try statement.forEachRow(body)
    }

    /// The first column of the first row, if any.
    public func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> SQLValue? {
        let statement = try cached(sql)
        try statement.bind(values)
        let row = try statement.next()
        statement.reset()
        return row?[0]
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Whether this connection may write: false for read-only opens.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Turns off a connection's ability to change the schema or data through `query`:
    /// defensive mode refuses writes to the schema even when the SQL tries tricks.
    public func enableDefensiveMode() {
        _ = planq_sqlite_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, 1)
    }

    /// SQLite's version, for `--version`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

/// When a time-limited statement must stop (see `Database.withTimeLimit`).
private final class Deadline {
    let end: ContinuousClock.Instant
    init(_ end: ContinuousClock.Instant) { self.end = end }
}
