import PlanModel

/// Small hand-written scanners for the patterns recognizers look for in titles and headings.
/// Plain loops over characters rather than regular expressions: they run once per task on
/// corpora of hundreds of thousands of tasks.
enum TextPatterns {
    /// Collapses runs of whitespace scalars into one space and trims. Most titles need nothing,
    /// found in one byte pass; the others are collapsed by bytes. A combining mark after a space
    /// stays, on the space.
    static func clean(_ text: String) -> String {
        if isClean(text.utf8) { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { result in
                var count = 0, index = 0
                var pendingSpace = false
                while index < bytes.count {
                    let byte = bytes[index]
                    let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0xC2 && isWhitespace(bytes, at: index)) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            result[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        for offset in 0..<length { result[count + offset] = bytes[index + offset] }
                        count += length
                    }
                    index += length
                }
                return count
            }
        }
    }

    /// Whether `clean` would return the text as it is: no whitespace but single spaces between
    /// words. Read from contiguous bytes (a string without them takes the slow path).
    private static func isClean(_ utf8: String.UTF8View) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            var previousSpace = true
            var index = 0
            while index < bytes.count {
                // Eight bytes at once while they are printable ASCII (most text): only a space
                // first, or two in a row, makes them unclean.
                if index + 8 <= bytes.count, let spaces = asciiSpaces(UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))) {
                    if spaces & (spaces >> 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return false }
                    previousSpace = spaces >> 63 != 0
                    index += 8
                    continue
                }
                let byte = bytes[index]
                let isSpace = byte == 0x20
                if (byte >= 0x09 && byte <= 0x0D) || (isSpace && previousSpace) { return false }
                if byte >= 0xC2, isWhitespace(bytes, at: index) { return false }
                previousSpace = isSpace
                index += 1
            }
            return !previousSpace || bytes.isEmpty
        } ?? false
    }

    /// For eight bytes (little-endian) that are all ASCII from the space up: the high bit of each
    /// byte that is a space. Nil when one is a control byte or not ASCII.
    private static func asciiSpaces(_ word: UInt64) -> UInt64? {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // A byte below 0x80 plus 0x60 reaches the high bit exactly when it is 0x20 or more (no carry out).
        let belowSpace = ~((word & low) &+ 0x6060_6060_6060_6060) & high
        guard (word & high) | belowSpace == 0 else { return nil }
        // Bytes equal to 0x20 are those the XOR zeroes; a zero byte is the one whose low seven
        // bits plus 0x7F, its own bits and 0x7F leave the high bit clear.
        let x = word ^ 0x2020_2020_2020_2020
        return ~(((x & low) &+ low) | x | low)
    }

    /// Whether the UTF-8 at `index` encodes a non-ASCII whitespace scalar: U+0085, U+00A0,
    /// U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F or U+3000 (Unicode's White_Space).
    private static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0
        case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80
        case 0xE2:
            if byte(1) == 0x80 { let third = byte(2); return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return byte(1) == 0x81 && byte(2) == 0x9F
        case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80
        default: return false
        }
    }

    /// `text.contains(where: \.isNumber)`, answered from the bytes for plain ASCII (whose only
    /// numbers are its digits) without a Unicode property lookup per character.
    static func containsNumber<S: StringProtocol>(_ text: S) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && text.contains(where: \.isNumber)
    }

    /// Where the first `:` or full-width `：` (EF BC 9A) is, and with `equals` the first `=` too:
    /// found by bytes, where `firstIndex(where:)` over Characters spent hundreds of instructions a
    /// character (documents are NFC: no combining mark follows a colon).
    static func firstColon(in text: String, orEquals equals: Bool = false) -> String.Index? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x3A || (equals && byte == 0x3D) { return index }
            if byte == 0xEF {
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0xBC {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0x9A { return index }
                }
            }
            utf8.formIndex(after: &index)
        }
        return nil
    }

    /// `text.lowercased()`, with plain ASCII lowered byte by byte (the standard library's
    /// lowercasing takes thousands of instructions for a header). Other scalars are lowered one
    /// by one as the standard library does, and only those that change: for every scalar the
    /// result is the standard library's (checked over all of Unicode when this was written).
    static func lowercased(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 { return lowercasedByScalar(text) }
            if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte | 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func lowercasedByScalar(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value | 0x20) : UInt8(value))
            } else if scalar.properties.changesWhenLowercased {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The runs of letters and digits in `text` (and `extra`, an ASCII character such as `'`),
    /// as `text.split { !$0.isLetter && !$0.isNumber && $0 != extra }` gives them (without
    /// `digits`, of letters alone: `!$0.isLetter && $0 != extra`); plain ASCII is split by its
    /// bytes, without a Unicode property lookup per character.
    static func words(in text: String, keeping extra: UInt8? = nil, digits: Bool = true) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            guard ScalarSplit.scalarsAreCharacters(text) else {
                return ScalarSplit.split(text, where: { !$0.isLetter && !(digits && $0.isNumber) && $0.asciiValue.map { $0 == extra } != true })
            }
            return wordsByScalar(in: text, keeping: extra, digits: digits)
        }
        var words: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if isASCIILetter(byte) || (digits && isDigit(byte)) || byte == extra {
                if start == nil { start = index }
            } else if let from = start {
                words.append(text[from..<index])
                start = nil
            }
            utf8.formIndex(after: &index)
        }
        if let from = start { words.append(text[from...]) }
        return words
    }

    /// `words(in:)` of text whose scalars are its characters: the ASCII ones (most, in a title
    /// with one `—` or `é`) by their value, only the others by their Unicode properties.
    private static func wordsByScalar(in text: String, keeping extra: UInt8?, digits: Bool) -> [Substring] {
        let scalars = text.unicodeScalars
        var words: [Substring] = []
        var start: String.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let isWordPart: Bool
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                isWordPart = isASCIILetter(byte) || (digits && isDigit(byte)) || byte == extra
            } else {
                let character = Character(scalar)
                isWordPart = character.isLetter || (digits && character.isNumber)
            }
            if isWordPart {
                if start == nil { start = index }
            } else if let from = start {
                words.append(text[from..<index])
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let from = start { words.append(text[from...]) }
        return words
    }

    /// ASCII-lowercased UTF-8 bytes of `text`: keyword scans compare bytes, not Characters.
    static func lowerBytes(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Where `keyword` (lowercase UTF-8) starts a word in `bytes`, from `start`.
    static func find(_ keyword: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard !keyword.isEmpty, bytes.count >= keyword.count else { return nil }
        let first = keyword[0]
        var index = start
        let limit = bytes.count - keyword.count
        while index <= limit {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<keyword.count where bytes[index + offset] != keyword[offset] {
                    matches = false
                    break
                }
                // ASCII keywords must start a word; others (`阶段`) stand anywhere.
                if matches, first >= 0x80 || index == 0 || !isASCIILetter(bytes[index - 1]) { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether `text` starts with the lowercase ASCII `prefix`, ignoring case.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = bytes.next(), (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected else { return false }
        }
        return true
    }

    /// Whether `text` contains `needle` (exact bytes).
    static func contains(_ text: String, _ needle: String) -> Bool { text.utf8Contains(needle) }

    /// Where `needle` occurs in `bytes`, at any position.
    static func findAnywhere(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        needle.isEmpty ? nil : ByteSearch.firstOffset(of: needle, in: bytes)
    }

    /// The number (or range `N-M`, `N–M`, `N to M`) right after one of `keywords`, matched
    /// case-insensitively at a word start: `Weeks 4-7` → (4, 7) for "week".
    static func number(after keywords: [String], in text: String) -> (first: Int, last: Int?)? {
        number(after: keywords, inLower: lowerBytes(text))
    }

    static func number(after keywords: [String], inLower bytes: [UInt8]) -> (first: Int, last: Int?)? {
        for keyword in keywords {
            if let found = number(after: Array(keyword.utf8), inLower: bytes) { return found }
        }
        return nil
    }

    /// A keyword as its lowercase UTF-8 and the set of its bytes, encoded once for a static list.
    struct Keyword {
        let bytes: [UInt8]
        let set: ByteSet
        init(_ word: String) {
            bytes = Array(word.utf8)
            set = ByteSet(bytes)
        }

        /// Whether the keyword occurs anywhere in `text`, whose bytes are `present`: a keyword
        /// with a byte the text lacks is ruled out without a scan.
        func occurs(in text: [UInt8], holding present: ByteSet) -> Bool {
            present.isSuperset(of: set) && TextPatterns.findAnywhere(bytes, in: text) != nil
        }
    }

    /// `number(after:inLower:)` for keywords encoded once, in a text whose bytes are `present`.
    static func number(after keywords: [Keyword], inLower bytes: [UInt8], holding present: ByteSet) -> (first: Int, last: Int?)? {
        for keyword in keywords where present.isSuperset(of: keyword.set) {
            if let found = number(after: keyword.bytes, inLower: bytes) { return found }
        }
        return nil
    }

    private static func number(after key: [UInt8], inLower bytes: [UInt8]) -> (first: Int, last: Int?)? {
        var from = 0
        while let start = find(key, in: bytes, from: from) {
            if let found = numberAt(bytes, from: start + key.count) { return (found.value, found.rangeEnd) }
            from = start + 1
        }
        return nil
    }

    /// A decimal label such as `3` or `3.1` right after a keyword: phase labels.
    static func label(after keywords: [String], in text: String) -> (label: String, number: Int, last: Int?)? {
        label(after: keywords, inLower: lowerBytes(text))
    }

    static func label(after keywords: [String], inLower bytes: [UInt8]) -> (label: String, number: Int, last: Int?)? {
        for keyword in keywords {
            let key = Array(keyword.utf8)
            var from = 0
            while let start = find(key, in: bytes, from: from) {
                if let found = numberAt(bytes, from: start + key.count) {
                    var label = String(found.value)
                    var cursor = found.end
                    if cursor + 1 < bytes.count, bytes[cursor] == 0x2E, isDigit(bytes[cursor + 1]) {
                        label += "."
                        cursor += 1
                        while cursor < bytes.count, isDigit(bytes[cursor]) {
                            label.append(Character(Unicode.Scalar(bytes[cursor])))
                            cursor += 1
                        }
                    }
                    return (label, found.value, found.rangeEnd)
                }
                from = start + 1
            }
        }
        return nil
    }

    /// Reads `s? [ :#]* N [ - M]` at `start`.
    private static func numberAt(_ bytes: [UInt8], from start: Int) -> (value: Int, end: Int, rangeEnd: Int?)? {
        var cursor = start
        if cursor < bytes.count, bytes[cursor] == 0x73 { cursor += 1 } // plural s
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x3A || bytes[cursor] == 0x23 { cursor += 1 }
        guard let (value, end) = readInt(bytes, from: cursor) else { return nil }
        return (value, end, readRangeEnd(bytes, from: end))
    }

    private static func readInt(_ bytes: [UInt8], from start: Int) -> (Int, Int)? {
        var cursor = start
        var value = 0
        while cursor < bytes.count, isDigit(bytes[cursor]) {
            value = value * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
            if value > 100_000 { return nil }
        }
        return cursor == start ? nil : (value, cursor)
    }

    private static func readRangeEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == 0x2D {
            cursor += 1
        } else if cursor + 2 < bytes.count, bytes[cursor] == 0xE2, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == 0x93 || bytes[cursor + 2] == 0x94 {
            cursor += 3 // en or em dash
        } else if cursor + 1 < bytes.count, bytes[cursor] == 0x74, bytes[cursor + 1] == 0x6F {
            cursor += 2 // "to"
        } else {
            return nil
        }
        while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        return readInt(bytes, from: cursor)?.0
    }

    /// A leading task number: `2.1 Title`, `1. Title`, `1.1.1 Title` (a bare `3 Title` is not one:
    /// too many titles start with a count).
    static func leadingNumber(_ text: String) -> (number: String, rest: String)? {
        // Most titles do not begin with a digit.
        guard let first = text.utf8.first, first >= 0x30 && first <= 0x39 else { return nil }
        var number = ""
        var index = text.startIndex
        var sawDot = false
        while index < text.endIndex {
            let character = text[index]
            if let ascii = character.asciiValue, ascii >= 0x30 && ascii <= 0x39 {
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
        if let first = rest.first, first == "-" || first == "–" || first == "—" || first == ":" { rest = rest.dropFirst().drop { $0 == " " } }
        return (number, String(rest))
    }

    /// Finds `YYYY-MM-DD` right after `marker` (Obsidian Tasks' `📅 2025-12-20`) and returns the
    /// date and the text without it.
    static func extractDate(after marker: Character, in text: String) -> (date: String, rest: String)? {
        guard contains(text, String(marker)), let markerIndex = text.firstIndex(of: marker) else { return nil }
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
        guard text.utf8.contains(0x40) else { return result }
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
                // `@testing-library/react` is a package scope, not a person.
                let isScope = end < text.endIndex && text[end] == "/"
                if !name.isEmpty, name.first!.isLetter, !isEmail, !isScope { result.append(String(name)) }
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
        let words = ScalarSplit.split(cleaned.replacingOccurrences(",", with: " "), on: ScalarSplit.spaces).map(String.init)
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
        var sawContent = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x5F, 0x2D, 0x2E, 0x3F, 0x2F: continue // space _ - . ? /
            default: sawContent = true
            }
            if sawContent { break }
        }
        if !sawContent { return true }
        let cleaned = clean(text)
        // A text that begins with a letter or digit no blank begins with (`tbd`, `n/a`, `tba`) is filled in.
        if let first = cleaned.utf8.first, first < 0x80, isASCIILetter(first) || isDigit(first),
           !"tTnN".utf8.contains(first) { return false }
        // `_______ (to be filled)`: a template's blank with its prompt.
        if cleaned.hasPrefix("__") || cleaned.hasPrefix("…"), let open = cleaned.firstIndex(of: "("), cleaned.hasSuffix(")") {
            return isBlank(String(cleaned[..<open]))
        }
        if cleaned.unicodeScalars.allSatisfy({ "_-–—.?/ …".unicodeScalars.contains($0) }) { return true }
        guard cleaned.utf8.count <= 20 else { return false }
        let lower = cleaned.lowercased()
        // `[Date]` is a template's prompt; `[User Story 1]` or `[13.03.2024]` was filled in.
        let prompt = lower.hasPrefix("[") && lower.hasSuffix("]") && !containsNumber(lower)
        return lower == "tbd" || lower == "n/a" || lower == "tba" || prompt
    }
}

