import Reports
import Foundation

/// A document template: text with placeholders, parsed once and checked against the names a
/// generator fills in.
///
/// - `{{name}}` is replaced by the value (a placeholder alone on its line that has no value
///   removes the line);
/// - `{{#name}}prompt{{/name}}` is a section: what the knowledge base knows replaces it, and
///   where it knows nothing the prompt stays for the author to answer;
/// - `{{! text }}` is a comment (the placeholder documentation at the top of a template).
///
/// A tag alone on its line takes the line with it, so sections leave no blank lines behind.
public struct Template: Sendable {
    indirect enum Part: Sendable {
        case text(String)
        case value(String, standalone: Bool)
        case section(String, prompt: [Part], standalone: Bool)
    }

    public let name: String
    let parts: [Part]

    /// Parses `text` (named `name` in errors: the template's path). Every placeholder must be
    /// one of `placeholders`.
    public init(_ text: String, name: String, placeholders: Set<String>) throws {
        self.name = name
        var parser = Parser(text: Array(text.utf8), name: name, placeholders: placeholders)
        parts = try parser.parse()
    }

    /// The text with every placeholder replaced; a missing or empty value is no value.
    public func render(_ values: [String: String]) -> String {
        var output = ""
        Self.render(parts, values, into: &output)
        return output
    }

    private static func render(_ parts: [Part], _ values: [String: String], into output: inout String) {
        for part in parts {
            switch part {
            case .text(let text):
                output += text
            case .value(let name, let standalone):
                let value = values[name] ?? ""
                if standalone {
                    if !value.isEmpty { output += value + "\n" }
                } else {
                    output += value
                }
            case .section(let name, let prompt, let standalone):
                if let value = values[name], !value.isEmpty {
                    output += standalone ? value + "\n" : value
                } else {
                    render(prompt, values, into: &output)
                }
            }
        }
    }
}

/// A template that cannot be used: where and why.
public struct TemplateError: Error, CustomStringConvertible, Equatable {
    public let template: String
    public let line: Int
    public let message: String
    public var description: String { "\(template):\(line): \(message)" }
}

private struct Parser {
    let text: [UInt8]
    let name: String
    let placeholders: Set<String>
    var position = 0

    init(text: [UInt8], name: String, placeholders: Set<String>) {
        self.text = text
        self.name = name
        self.placeholders = placeholders
    }

    /// Parts up to the end, or up to the `{{/section}}` that closes `open`.
    mutating func parse(closing open: (name: String, line: Int)? = nil) throws -> [Template.Part] {
        var parts: [Template.Part] = []
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty { parts.append(.text(String(decoding: pending, as: UTF8.self))) }
            pending = []
        }
        while position < text.count {
            guard text[position] == UInt8(ascii: "{"), position + 1 < text.count, text[position + 1] == UInt8(ascii: "{") else {
                pending.append(text[position])
                position += 1
                continue
            }
            let tagLine = line(at: position)
            guard let end = find("}}", from: position + 2) else {
                throw error(tagLine, "`{{` is never closed with `}}`")
            }
            let body = String(decoding: text[(position + 2)..<end], as: UTF8.self)
            let tagStart = position
            position = end + 2
            let sigil = body.first
            let tagName = (sigil == "#" || sigil == "/" || sigil == "!" ? String(body.dropFirst()) : body)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            // A tag alone on its line takes the line (its indentation and newline) with it.
            let standalone = isAlone(from: tagStart, to: position)
            if standalone {
                while let last = pending.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { pending.removeLast() }
                skipRestOfLine()
            }
            switch sigil {
            case "!":
                continue
            case "/":
                guard let open, open.name == tagName else {
                    throw error(tagLine, open.map { "`{{/\(tagName)}}` closes nothing: `{{#\($0.name)}}` from line \($0.line) is open" }
                                ?? "`{{/\(tagName)}}` closes nothing")
                }
                flush()
                return parts
            default:
                try check(tagName, line: tagLine)
                flush()
                if sigil == "#" {
                    let prompt = try parse(closing: (tagName, tagLine))
                    parts.append(.section(tagName, prompt: prompt, standalone: standalone))
                } else {
                    parts.append(.value(tagName, standalone: standalone))
                }
            }
        }
        if let open { throw error(open.line, "`{{#\(open.name)}}` is never closed with `{{/\(open.name)}}`") }
        flush()
        return parts
    }

    private func check(_ tag: String, line: Int) throws {
        guard placeholders.contains(tag) else {
            throw error(line, "unknown placeholder `{{\(tag)}}` (known: \(placeholders.sorted().joined(separator: ", ")))")
        }
    }

    private func error(_ line: Int, _ message: String) -> TemplateError {
        TemplateError(template: name, line: line, message: message)
    }

    private func line(at offset: Int) -> Int {
        1 + text[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let bytes = Array(needle.utf8)
        var index = start
        while index + bytes.count <= text.count {
            if text[index] == bytes[0] && text[index + 1] == bytes[1] { return index }
            index += 1
        }
        return nil
    }

    /// Whether only blanks share the tag's line.
    private func isAlone(from start: Int, to end: Int) -> Bool {
        var before = start - 1
        while before >= 0, text[before] == UInt8(ascii: " ") || text[before] == UInt8(ascii: "\t") { before -= 1 }
        guard before < 0 || text[before] == UInt8(ascii: "\n") else { return false }
        var after = end
        while after < text.count, text[after] == UInt8(ascii: " ") || text[after] == UInt8(ascii: "\t") || text[after] == UInt8(ascii: "\r") { after += 1 }
        return after == text.count || text[after] == UInt8(ascii: "\n")
    }

    private mutating func skipRestOfLine() {
        while position < text.count, text[position] != UInt8(ascii: "\n") { position += 1 }
        if position < text.count { position += 1 }
    }
}
