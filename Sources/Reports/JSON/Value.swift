/// A JSON value with ordered object keys (so output diffs well): what listings and reports emit
/// as JSON, and show as text in tables.
public indirect enum Value: Equatable, Sendable {
    case null
    case int(Int)
    case bool(Bool)
    case string(String)
    case array([Value])
    case object([(String, Value)])

    public static func == (a: Value, b: Value) -> Bool { a.json(indent: nil) == b.json(indent: nil) }

    public init(_ text: String?) { self = text.map { .string($0) } ?? .null }
    public init(_ number: Int?) { self = number.map { .int($0) } ?? .null }

    /// The value as a table cell.
    public var text: String {
        switch self {
        case .null: return ""
        case .int(let value): return String(value)
        case .bool(let value): return value ? "yes" : "no"
        case .string(let value): return value
        case .array(let values): return values.map(\.text).filter { !$0.isEmpty }.joined(separator: "; ")
        case .object(let fields):
            // `{name, action}` pairs read as "name: action".
            let texts = fields.map(\.1.text).filter { !$0.isEmpty }
            return texts.joined(separator: ": ")
        }
    }

    public func json(indent: Int?, level: Int = 0) -> String {
        switch self {
        case .null: return "null"
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return Value.quote(value)
        case .array(let values):
            if values.isEmpty { return "[]" }
            return wrap("[", "]", values.map { $0.json(indent: indent, level: level + 1) }, indent: indent, level: level)
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let separator = indent == nil ? ":" : ": "
            return wrap("{", "}", fields.map { Value.quote($0.0) + separator + $0.1.json(indent: indent, level: level + 1) },
                        indent: indent, level: level)
        }
    }

    private func wrap(_ open: String, _ close: String, _ items: [String], indent: Int?, level: Int) -> String {
        guard let indent else { return open + items.joined(separator: ",") + close }
        let inner = String(repeating: " ", count: indent * (level + 1))
        let outer = String(repeating: " ", count: indent * level)
        return open + "\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer + close
    }

    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

