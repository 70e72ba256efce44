import Markdown
import Foundation

/// A document's bytes turned into the text the recognizers read: UTF-8 with or without a BOM,
/// UTF-16 and UTF-32 with one (editors on Windows save so), invalid sequences replaced (with a warning naming the first bad line), mojibake repaired,
/// and YAML front matter lifted out (blanked, so line numbers stay true).
public struct SourceText: Sendable {
    public let markdown: String
    public let frontMatter: [String: String]
    public let warnings: [Diagnostic]

    public init(bytes: [UInt8], path: String) {
        var warnings: [Diagnostic] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var text: String
        if let (wide, bad) = SourceText.decodeWide(body) {
            text = wide
            if bad { warnings.append(Diagnostic(path: path, line: nil, severity: .warning, message: "invalid UTF-16/32; undecodable units replaced with U+FFFD")) }
        } else if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else {
            let line = SourceText.lineOfFirstInvalidByte(in: body)
            warnings.append(Diagnostic(path: path, line: line, severity: .warning,
                                       message: "invalid UTF-8; undecodable bytes replaced with U+FFFD"))
            text = String(decoding: body, as: UTF8.self)
        }
        if let repaired = Mojibake.repair(text) {
            text = repaired
        }
        let split = FrontMatter.split(text)
        self.markdown = split.body
        self.frontMatter = split.fields
        self.warnings = warnings
    }

    public init(string: String, path: String = "<inline>") {
        self.init(bytes: Array(string.utf8), path: path)
    }

    /// Text after a UTF-32 or UTF-16 byte order mark (UTF-32 first: its little-endian mark begins
    /// with UTF-16's), and whether any unit was invalid; nil without such a mark.
    static func decodeWide(_ bytes: ArraySlice<UInt8>) -> (String, Bool)? {
        let marks: [([UInt8], Int, Bool)] = [([0xFF, 0xFE, 0x00, 0x00], 4, false), ([0x00, 0x00, 0xFE, 0xFF], 4, true),
                                             ([0xFF, 0xFE], 2, false), ([0xFE, 0xFF], 2, true)]
        guard let (mark, width, bigEndian) = marks.first(where: { bytes.starts(with: $0.0) }) else { return nil }
        let body = Array(bytes.dropFirst(mark.count))
        let count = body.count / width
        var bad = body.count % width != 0
        func unit(_ index: Int) -> UInt32 {
            let slice = body[(index * width)..<(index * width + width)]
            return (bigEndian ? slice : slice.reversed()[...]).reduce(0) { $0 << 8 | UInt32($1) }
        }
        var text = String.UnicodeScalarView()
        if width == 4 {
            for index in 0..<count {
                if let scalar = Unicode.Scalar(unit(index)) { text.append(scalar) } else { text.append("\u{FFFD}"); bad = true }
            }
        } else {
            var decoder = UTF16()
            var iterator = (0..<count).lazy.map { UInt16(unit($0)) }.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): text.append(scalar)
                case .emptyInput: break loop
                case .error: text.append("\u{FFFD}"); bad = true
                }
            }
        }
        return (String(text), bad)
    }

    private static func lineOfFirstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            if index + length > bytes.endIndex { return line }
            if length > 1, !bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }
}

/// A problem found in a document: printed as `path:line: warning: message`.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// `note`: what a recognizer chose not to read and why (`-v` shows them).
    public enum Severity: String, Sendable { case note, warning, error }
    public let path: String
    public let line: Int?
    public let severity: Severity
    public let message: String

    public init(path: String, line: Int?, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message)"
    }
}
