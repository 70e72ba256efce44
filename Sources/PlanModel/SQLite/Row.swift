/// One result row: values by position or by column name.
public struct Row: Sendable {
    public let values: [SQLValue]
    public let columns: ColumnIndex

    public subscript(index: Int) -> SQLValue { values[index] }

    public subscript(name: String) -> SQLValue {
        guard let index = columns.positions[name] else { return .null }
        return values[index]
    }

    /// A required column, or a `RowDecodingError` naming it.
    public func require<T>(_ name: String, _ convert: (SQLValue) -> T?) throws -> T {
        guard let value = convert(self[name]) else { throw RowDecodingError(column: name, row: self) }
        return value
    }
}

/// A row that does not have the shape a value type expects.
public struct RowDecodingError: Error, CustomStringConvertible {
    public let column: String
    public let row: Row
    public var description: String {
        "cannot decode column `\(column)` from row \(row.columns.names.joined(separator: ", "))"
    }
}
