/// Splitting text by a predicate on its characters without working out where each character
/// ends: `split(whereSeparator:)` over a `String` finds every grapheme cluster's boundary first,
/// hundreds of instructions a character, and the recognizers split every heading, label and
/// cell they read. In text whose every scalar is a character of its own (`standsAlone`), the
/// scalars are the characters, so the same split is made scalar by scalar; any other text is
/// split as before.
enum ScalarSplit {
    /// `text.split(maxSplits:omittingEmptySubsequences: true, whereSeparator:)`, the same parts.
    static func split(_ text: Substring, maxSplits: Int = .max, where isSeparator: (Character) -> Bool) -> [Substring] {
        let scalars = text.unicodeScalars
        guard scalarsAreCharacters(text) else {
            return text.split(maxSplits: maxSplits, whereSeparator: isSeparator)
        }
        // The standard library's algorithm, over scalar indices.
        var parts: [Substring] = []
        var start = scalars.startIndex
        if maxSplits == 0 || scalars.isEmpty {
            if start != scalars.endIndex { parts.append(text[start...]) }
            return parts
        }
        var end = start
        while end != scalars.endIndex {
            if isSeparator(Character(scalars[end])) {
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

    static func split(_ text: String, maxSplits: Int = .max, where isSeparator: (Character) -> Bool) -> [Substring] {
        split(Substring(text), maxSplits: maxSplits, where: isSeparator)
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
