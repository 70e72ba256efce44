import PlanModel

/// A typed value with ordered object keys (so output diffs well): what listings and reports
/// carry. Renderers decide how it reads: `json` for programs, `csv` for spreadsheets, `text` for
/// people (with labels and tones from one mapping per enum, `Labelled`).
public indirect enum Value: Equatable, Sendable {
    case null
    case int(Int)
    case decimal(Double)
    /// A fraction of a whole (0.75): a number in JSON and CSV, a percentage in text.
    case share(Double)
    case bool(Bool)
    case string(String)
    /// A calendar date, YYYY-MM-DD.
    case date(CalendarDate)
    /// An enum value: its raw value in JSON and CSV, its label in text.
    case label(any Labelled)
    /// Where an item was found: `path:line` in JSON and text; HTML links it.
    case source(SourceRef)
    /// Text that leads to another page of a report site: its text everywhere, a link in HTML.
    case link(String, href: String)
    case array([Value])
    case object([(String, Value)])

    public static func == (a: Value, b: Value) -> Bool { a.json(indent: nil) == b.json(indent: nil) }

    public init(_ text: String?) { self = text.map { .string($0) } ?? .null }
    public init(_ number: Int?) { self = number.map { .int($0) } ?? .null }
    public init(_ label: (any Labelled)?) { self = label.map { .label($0) } ?? .null }
    /// A date field: typed when it is a calendar date, kept as written otherwise.
    public init(date text: String?) {
        guard let text else { self = .null; return }
        self = CalendarDate(text).map { .date($0) } ?? .string(text)
    }

    /// The value as people read it, in a table cell or a sentence.
    public var text: String {
        switch self {
        case .null: return ""
        case .int(let value): return String(value)
        case .decimal(let value): return Value.decimalText(value)
        case .share(let value): return Value.decimalText((value * 1000).rounded() / 10) + "%"
        case .bool(let value): return value ? "yes" : "no"
        case .string(let value): return value
        case .date(let value): return value.description
        case .label(let value): return value.label
        case .source(let value): return value.description
        case .link(let text, _): return text
        case .array(let values): return values.map(\.text).filter { !$0.isEmpty }.joined(separator: "; ")
        case .object(let fields):
            // `{name, action}` pairs read as "name: action".
            let texts = fields.map(\.1.text).filter { !$0.isEmpty }
            return texts.joined(separator: ": ")
        }
    }

    /// The value as one CSV field's content: plain numbers, raw enum values, dates as written.
    public var csv: String {
        switch self {
        case .share(let value), .decimal(let value): return Value.decimalText(value)
        case .label(let value): return value.rawValue
        case .array, .object, .null, .int, .bool, .string, .date, .source, .link: return text
        }
    }

    /// How a renderer may colour the value (HTML classes, terminal colours); nil is plain.
    public var tone: Tone? {
        if case .label(let value) = self { return value.tone }
        return nil
    }

    /// Whether the value is a quantity (renderers right-align them).
    public var isNumber: Bool {
        switch self {
        case .int, .decimal, .share: return true
        default: return false
        }
    }

    public func json(indent: Int?, level: Int = 0) -> String {
        switch self {
        case .null: return "null"
        case .int(let value): return String(value)
        case .decimal(let value), .share(let value): return value.isFinite ? Value.decimalText(value) : "null"
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return Value.quote(value)
        case .date(let value): return Value.quote(value.description)
        case .label(let value): return Value.quote(value.rawValue)
        case .source(let value): return Value.quote(value.description)
        case .link(let text, _): return Value.quote(text)
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

    /// A field of an object, by key.
    public subscript(key: String) -> Value? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    /// The shortest text that reads back as the same number (at most four decimals): 0.75, 2, 1.5.
    static func decimalText(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
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
