/// Small hand-written scanners for the patterns recognizers look for in titles and headings.
/// Plain loops over characters rather than regular expressions: they run once per task on
/// corpora of hundreds of thousands of tasks.
enum TextPatterns {
    /// Collapses runs of whitespace and trims.
    static func clean(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The number (or range `N-M`, `N–M`, `N to M`) right after one of `keywords`, matched
    /// case-insensitively at a word start: `Weeks 4-7` → (4, 7) for "week".
    static func number(after keywords: [String], in text: String) -> (first: Int, last: Int?)? {
        let lower = Array(text.lowercased())
        for keyword in keywords {
            let key = Array(keyword)
            var index = 0
            while index + key.count <= lower.count {
                if Array(lower[index..<(index + key.count)]) == key,
                   index == 0 || !lower[index - 1].isLetter || !key[0].isASCII {
                    var cursor = index + key.count
                    if cursor < lower.count, lower[cursor] == "s" { cursor += 1 }
                    while cursor < lower.count, lower[cursor] == " " || lower[cursor] == ":" || lower[cursor] == "#" { cursor += 1 }
                    if let (first, end) = readInt(lower, from: cursor) {
                        return (first, readRangeEnd(lower, from: end))
                    }
                }
                index += 1
            }
        }
        return nil
    }

    /// A decimal label such as `3` or `3.1` right after a keyword: phase labels.
    static func label(after keywords: [String], in text: String) -> (label: String, number: Int, last: Int?)? {
        guard let (number, _) = number(after: keywords, in: text) else { return nil }
        let lower = Array(text.lowercased())
        // Re-find the digits to read an optional `.N` suffix.
        for keyword in keywords {
            guard let range = findWord(Array(keyword), in: lower) else { continue }
            var cursor = range
            while cursor < lower.count, !lower[cursor].isNumber { cursor += 1 }
            var label = ""
            while cursor < lower.count, lower[cursor].isNumber || (lower[cursor] == "." && cursor + 1 < lower.count && lower[cursor + 1].isNumber) {
                label.append(lower[cursor])
                cursor += 1
            }
            if !label.isEmpty { return (label, number, readRangeEnd(lower, from: cursor)) }
        }
        return (String(number), number, nil)
    }

    private static func findWord(_ key: [Character], in lower: [Character]) -> Int? {
        var index = 0
        while index + key.count <= lower.count {
            if Array(lower[index..<(index + key.count)]) == key, index == 0 || !lower[index - 1].isLetter || !key[0].isASCII {
                return index + key.count
            }
            index += 1
        }
        return nil
    }

    private static func readInt(_ chars: [Character], from start: Int) -> (Int, Int)? {
        var cursor = start
        var value = 0
        while cursor < chars.count, let digit = chars[cursor].wholeNumberValue, chars[cursor].isASCII {
            value = value * 10 + digit
            cursor += 1
            if value > 100_000 { return nil }
        }
        return cursor == start ? nil : (value, cursor)
    }

    private static func readRangeEnd(_ chars: [Character], from start: Int) -> Int? {
        var cursor = start
        while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
        if cursor < chars.count, "-–—".contains(chars[cursor]) {
            cursor += 1
        } else if cursor + 1 < chars.count, chars[cursor] == "t", chars[cursor + 1] == "o" {
            cursor += 2
        } else {
            return nil
        }
        while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
        return readInt(chars, from: cursor)?.0
    }

    /// A leading task number: `2.1 Title`, `1. Title`, `1.1.1 Title` (a bare `3 Title` is not one:
    /// too many titles start with a count).
    static func leadingNumber(_ text: String) -> (number: String, rest: String)? {
        var number = ""
        var index = text.startIndex
        var sawDot = false
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                number.append(character)
            } else if character == ".", !number.isEmpty, number.last != "." {
                number.append(character)
                sawDot = true
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDot, index < text.endIndex, text[index] == " " || text[index] == "\t" else { return nil }
        if number.hasSuffix(".") { number.removeLast() }
        var rest = text[index...].drop { $0 == " " || $0 == "\t" }
        // `**1.1** - Create account`: the separator after a number is not part of the title.
        if let first = rest.first, "-–—:".contains(first) { rest = rest.dropFirst().drop { $0 == " " } }
        return (number, String(rest))
    }

    /// Finds `YYYY-MM-DD` right after `marker` (Obsidian Tasks' `📅 2025-12-20`) and returns the
    /// date and the text without it.
    static func extractDate(after marker: Character, in text: String) -> (date: String, rest: String)? {
        guard let markerIndex = text.firstIndex(of: marker) else { return nil }
        let after = text[text.index(after: markerIndex)...].drop { $0 == " " || $0 == "\u{FE0F}" }
        let candidate = after.prefix(10)
        guard isISODate(candidate) else { return nil }
        let rest = String(text[..<markerIndex]) + String(after.dropFirst(10))
        return (String(candidate), clean(rest))
    }

    static func isISODate<S: StringProtocol>(_ text: S) -> Bool {
        let chars = Array(text)
        guard chars.count == 10, chars[4] == "-", chars[7] == "-" else { return false }
        return chars.enumerated().allSatisfy { index, c in index == 4 || index == 7 || (c.isASCII && c.isNumber) }
    }

    /// `@name` mentions (not e-mail addresses).
    static func mentions(in text: String) -> [String] {
        var result: [String] = []
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "@", !(previous.isLetter || previous.isNumber || previous == "." || previous == "_") {
                var end = text.index(after: index)
                while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" || text[end] == "-" {
                    end = text.index(after: end)
                }
                let name = text[text.index(after: index)..<end]
                let isEmail = end < text.endIndex && text[end] == "." && text.index(after: end) < text.endIndex && text[text.index(after: end)].isLetter
                if !name.isEmpty, name.first!.isLetter, !isEmail { result.append(String(name)) }
                index = end
                previous = "x"
                continue
            }
            previous = character
            index = text.index(after: index)
        }
        return result
    }

    /// A date written as `2025-05-05`, `May 5, 2025` or `5 May 2025`, as `YYYY-MM-DD`.
    static func parseDate(_ text: String) -> String? {
        let cleaned = clean(text)
        if cleaned.count >= 10, isISODate(cleaned.prefix(10)) { return String(cleaned.prefix(10)) }
        let words = cleaned.replacingOccurrences(",", with: " ").split(separator: " ").map(String.init)
        guard words.count >= 3 else { return nil }
        for start in 0...(words.count - 3) {
            let a = words[start], b = words[start + 1], c = words[start + 2]
            if let month = month(a), let day = Int(b), let year = Int(c), (1...31).contains(day), year > 1900 {
                return format(year, month, day)
            }
            if let day = Int(a), let month = month(b), let year = Int(c), (1...31).contains(day), year > 1900 {
                return format(year, month, day)
            }
        }
        return nil
    }

    private static func month(_ word: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return names.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Blanks that mean "not filled in yet": `_____`, `TBD`, `[Date]`, `-`.
    static func isBlank(_ text: String) -> Bool {
        let cleaned = clean(text)
        if cleaned.isEmpty { return true }
        if cleaned.allSatisfy({ "_-–—.?/ ".contains($0) }) { return true }
        let lower = cleaned.lowercased()
        return lower == "tbd" || lower == "n/a" || lower == "tba" || (lower.hasPrefix("[") && lower.hasSuffix("]"))
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// Whether the text contains `word` case-insensitively (the caller passes it lowercased).
    func containsWord(_ word: String) -> Bool {
        lowercased().contains(word)
    }
}
