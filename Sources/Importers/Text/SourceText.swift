import Foundation

/// A document's bytes turned into the text the recognizers read: UTF-8 with or without a BOM,
/// invalid sequences replaced (with a warning naming the first bad line), mojibake repaired,
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
        if let valid = String(validating: body, as: UTF8.self) {
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
