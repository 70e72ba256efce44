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
        var out: [UInt8] = []
        write(json: &out, indent: indent, level: level)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text's UTF-8 to `out`: one buffer for a whole listing, no text built twice,
    /// and bytes rather than a `String` (appending to a string checks its encoding every time:
    /// a third of `status --format json` on 2,500 projects).
    public func write(json out: inout [UInt8], indent: Int?, level: Int = 0) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .int(let value): Value.digits(value, into: &out)
        case .decimal(let value), .share(let value): out.append(contentsOf: (value.isFinite ? Value.decimalText(value) : "null").utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .string(let value): Value.quote(value, into: &out)
        case .date(let value): Value.quote(value.description, into: &out)
        case .label(let value): Value.quote(value.rawValue, into: &out)
        case .source(let value): Value.quote(value.description, into: &out)
        case .link(let text, _): Value.quote(text, into: &out)
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
            Value.wrap(UInt8(ascii: "["), UInt8(ascii: "]"), count: values.count, indent: indent, level: level, into: &out) { index, out in
                values[index].write(json: &out, indent: indent, level: level + 1)
            }
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            Value.wrap(UInt8(ascii: "{"), UInt8(ascii: "}"), count: fields.count, indent: indent, level: level, into: &out) { index, out in
                Value.quote(fields[index].0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                fields[index].1.write(json: &out, indent: indent, level: level + 1)
            }
        }
    }

    /// `count` items between `open` and `close`, one per line at `level + 1` when indenting.
    private static func wrap(_ open: UInt8, _ close: UInt8, count: Int, indent: Int?, level: Int, into out: inout [UInt8],
                             item: (Int, inout [UInt8]) -> Void) {
        out.append(open)
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let indent { newline(indent * (level + 1), into: &out) }
            item(index, &out)
        }
        if let indent { newline(indent * level, into: &out) }
        out.append(close)
    }

    /// A line break and `width` spaces.
    private static func newline(_ width: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
    }

    /// An integer's decimal digits, without a string for them.
    private static func digits(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
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
        var out: [UInt8] = []
        quote(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as a JSON string, its UTF-8 appended to `out`; text with nothing to escape (nearly
    /// all) is appended whole. Escaping works on bytes: every byte of a multi-byte character is
    /// 0x80 or more, so none is taken for a quote, a backslash or a control character.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        let utf8 = text.utf8
        func special(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        if !utf8.contains(where: special) {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            guard special(byte) else { out.append(byte); continue }
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }
}
