/// YAML front matter at the top of a document: read for simple `key: value` fields and
/// blanked out, so cmark never sees it (its closing `---` would otherwise make a setext
/// heading) and every later line keeps its number.
public enum FrontMatter {
    /// The body with the front matter blanked, its fields, and the 0-based line of each field.
    public static func split(_ text: String) -> (body: String, fields: [String: String], lines: [String: Int]) {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return (text, [:], [:]) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var fields: [String: String] = [:]
        var fieldLines: [String: Int] = [:]
        var closing: Int?
        for index in 1..<min(lines.count, 200) {
            let line = lines[index].trimmingTrailingCR()
            if line == "---" || line == "..." { closing = index; break }
            if line.isEmpty || line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("- ") || line.hasPrefix("#") {
                continue
            }
            // A line that is not `key: value` means this `---` was a thematic break, not YAML.
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                  line.startIndex != colon else { return (text, [:], [:]) }
            let key = line[..<colon].lowercased()
            var value = line[line.index(after: colon)...].trimming(" \t")
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            fields[key] = value
            fieldLines[key] = index
        }
        guard let closing else { return (text, [:], [:]) }
        let blank = String(repeating: "\n", count: closing + 1)
        let rest = lines[(closing + 1)...].joined(separator: "\n")
        return (blank + rest, fields, fieldLines)
    }
}

extension StringProtocol {
    public func trimmingTrailingCR() -> String {
        hasSuffix("\r") ? String(dropLast()) : String(self)
    }

    public func trimming(_ set: String) -> String { trimmedCharacters(set) }

    fileprivate func trimmedCharacters(_ set: String) -> String {
        // Compared by scalar when the character is one (nearly always): a Character comparison is a string comparison.
        func inSet(_ character: Character) -> Bool {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { return set.unicodeScalars.contains(scalar) }
            return set.contains(character)
        }
        var start = startIndex
        var end = endIndex
        while start < end, inSet(self[start]) { start = index(after: start) }
        while end > start, inSet(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}

// The same for the two concrete kinds, which answer most calls without a Character: nothing
// to trim, told by the two end bytes (a Character of `set` that the text begins or ends with
// would put that ASCII byte among `set`'s bytes).
extension String {
    public func trimming(_ set: String) -> String {
        utf8.hasNothingToTrim(set) ? self : trimmedCharacters(set)
    }
}

extension Substring {
    public func trimming(_ set: String) -> String {
        utf8.hasNothingToTrim(set) ? String(self) : trimmedCharacters(set)
    }
}

private extension BidirectionalCollection<UInt8> {
    func hasNothingToTrim(_ set: String) -> Bool {
        guard let first, let last, first < 0x80, last < 0x80 else { return false }
        var set = set
        return set.withUTF8 { !$0.contains(first) && !$0.contains(last) }
    }
}
