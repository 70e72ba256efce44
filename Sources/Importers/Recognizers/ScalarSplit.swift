/// Splitting text by a predicate on its characters without working out where each character
/// ends: `split(whereSeparator:)` over a `String` finds every grapheme cluster's boundary first,
/// hundreds of instructions a character, and the recognizers split every heading, label and
/// cell they read. In text whose every scalar is a character of its own (`standsAlone`), the
/// scalars are the characters, so the same split is made scalar by scalar; any other text is
/// split as before.
enum ScalarSplit {
    /// `text.split(maxSplits:omittingEmptySubsequences: true, whereSeparator:)`, the same parts.
    static func split(_ text: Substring, maxSplits: Int = .max, where isSeparator: (Character) -> Bool) -> [Substring] {
        guard scalarsAreCharacters(text) else {
            return text.split(maxSplits: maxSplits, whereSeparator: isSeparator)
        }
        return splitByScalar(text, maxSplits: maxSplits) { isSeparator(Character($0)) }
    }

    static func split(_ text: String, maxSplits: Int = .max, where isSeparator: (Character) -> Bool) -> [Substring] {
        split(Substring(text), maxSplits: maxSplits, where: isSeparator)
    }

    /// The same split at a fixed set of separator characters, whose ASCII scalars are told
    /// apart without making a `Character` of each scalar of the text.
    static func split(_ text: Substring, maxSplits: Int = .max, on separators: Separators) -> [Substring] {
        guard scalarsAreCharacters(text) else {
            return text.split(maxSplits: maxSplits, whereSeparator: separators.contains)
        }
        return splitByScalar(text, maxSplits: maxSplits, where: separators.contains(scalar:))
    }

    static func split(_ text: String, maxSplits: Int = .max, on separators: Separators) -> [Substring] {
        split(Substring(text), maxSplits: maxSplits, on: separators)
    }

    /// Words: the text split at spaces.
    static let spaces = Separators(" ")

    /// Characters to split at. Equality is the characters' (canonical equivalence: `;` is also
    /// U+037E), worked out once for every ASCII scalar.
    struct Separators {
        private let characters: [Character]
        private let asciiLow: UInt64, asciiHigh: UInt64

        init(_ characters: Character...) { self.init(characters) }

        init(_ characters: [Character]) {
            self.characters = characters
            var low: UInt64 = 0, high: UInt64 = 0
            for value in 0..<128 where characters.contains(Character(Unicode.Scalar(UInt8(value)))) {
                if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
            }
            asciiLow = low
            asciiHigh = high
        }

        func contains(_ character: Character) -> Bool { characters.contains(character) }

        /// Whether a scalar that is a character by itself is one of them.
        func contains(scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 64 { return asciiLow >> UInt64(value) & 1 != 0 }
            if value < 128 { return asciiHigh >> UInt64(value - 64) & 1 != 0 }
            return characters.contains(Character(scalar))
        }
    }

    /// The standard library's algorithm, over scalar indices, for text whose scalars are its characters.
    private static func splitByScalar(_ text: Substring, maxSplits: Int, where isSeparator: (Unicode.Scalar) -> Bool) -> [Substring] {
        let scalars = text.unicodeScalars
        var parts: [Substring] = []
        var start = scalars.startIndex
        if maxSplits == 0 || scalars.isEmpty {
            if start != scalars.endIndex { parts.append(text[start...]) }
            return parts
        }
        var end = start
        while end != scalars.endIndex {
            if isSeparator(scalars[end]) {
                let appended = start != end
                if appended { parts.append(text[start..<end]) }
                scalars.formIndex(after: &end)
                start = end
                if appended && parts.count == maxSplits { break }
                continue
            }
            scalars.formIndex(after: &end)
        }
        if start != scalars.endIndex { parts.append(text[start...]) }
        return parts
    }

    /// Whether every scalar of `text` stands alone, so that its scalars are its characters.
    static func scalarsAreCharacters<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy { standsAlone($0.value) }
    }

    /// Whether a scalar is always a grapheme cluster by itself, whatever is around it: ASCII but
    /// the carriage return (CR LF is one character), and the letters, symbols and punctuation of
    /// the blocks planning documents are written in (Latin, Greek, Cyrillic, arrows, dingbats,
    /// CJK, kana, Hangul syllables, full-width forms) without their combining marks, joiners or
    /// variation selectors, which extend the character before them.
    static func standsAlone(_ value: UInt32) -> Bool {
        if value < 0x80 { return value != 0x0D }
        switch value {
        case 0xA0...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x1E00...0x1EFF,
             0x2010...0x2027, 0x2030...0x205E, 0x2190...0x2BFF,
             0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF,
             0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60:
            return true
        default:
            return false
        }
    }
}
