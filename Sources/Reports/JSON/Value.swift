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
        var out = ""
        write(json: &out, indent: indent, level: level)
        return out
    }

    /// Appends the JSON text to `out`: one buffer for a whole listing, no text built twice.
    public func write(json out: inout String, indent: Int?, level: Int = 0) {
        switch self {
        case .null: out += "null"
        case .int(let value): out += String(value)
        case .decimal(let value), .share(let value): out += value.isFinite ? Value.decimalText(value) : "null"
        case .bool(let value): out += value ? "true" : "false"
        case .string(let value): Value.quote(value, into: &out)
        case .date(let value): Value.quote(value.description, into: &out)
        case .label(let value): Value.quote(value.rawValue, into: &out)
        case .source(let value): Value.quote(value.description, into: &out)
        case .link(let text, _): Value.quote(text, into: &out)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            Value.wrap("[", "]", count: values.count, indent: indent, level: level, into: &out) { index, out in
                values[index].write(json: &out, indent: indent, level: level + 1)
            }
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            let separator = indent == nil ? ":" : ": "
            Value.wrap("{", "}", count: fields.count, indent: indent, level: level, into: &out) { index, out in
                Value.quote(fields[index].0, into: &out)
                out += separator
                fields[index].1.write(json: &out, indent: indent, level: level + 1)
            }
        }
    }

    /// `count` items between `open` and `close`, one per line at `level + 1` when indenting.
    private static func wrap(_ open: String, _ close: String, count: Int, indent: Int?, level: Int, into out: inout String,
                             item: (Int, inout String) -> Void) {
        out += open
        for index in 0..<count {
            if index > 0 { out += "," }
            if let indent { newline(indent * (level + 1), into: &out) }
            item(index, &out)
        }
        if let indent { newline(indent * level, into: &out) }
        out += close
    }

    /// A line break and the spaces after it, for each width up to 64.
    private static let newlines: [String] = (0...64).map { "\n" + String(repeating: " ", count: $0) }

    /// A line break and `width` spaces, without building a string for them (a listing of
    /// thousands of rows writes one per field).
    private static func newline(_ width: Int, into out: inout String) {
        out += width < newlines.count ? newlines[width] : "\n" + String(repeating: " ", count: width)
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

    public static func quote(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// `text` as a JSON string, appended to `out`; text with nothing to escape (nearly all) is
    /// appended whole.
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        defer { out += "\"" }
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
