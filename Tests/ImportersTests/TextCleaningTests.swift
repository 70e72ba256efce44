import Testing
@testable import Importers

/// `TextPatterns.clean` collapses every run of whitespace scalars into one space and trims,
/// whichever of its paths (texts already clean, and the rest) a text takes.
@Suite struct TextCleaningTests {
    static let texts = [
        "Ship the API", "  Ship   the\tAPI  ", "Ship\nthe\r\nAPI", "Deploy\u{00A0}v2", "Budget\u{0085}cut",
        "Owner — Ann ✅", "Migrate 🔴 now", "à la carte", "规划\u{3000}任务", "Wide\u{2003}space\u{202F}here",
        "tab\u{000B}and\u{000C}feed", "mark \u{0301}after a space", "e\u{0301}t\u{00E9}", "", " ", "\u{2028}",
        "trailing\u{205F}", "ogham\u{1680}space", "zero\u{200B}width", "naïve  café",
    ]

    @Test func cleaningIsOneSpaceForEveryRunOfWhitespaceScalars() {
        for text in Self.texts {
            let words = text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(String.UnicodeScalarView($0)) }
            #expect(TextPatterns.clean(text) == words.joined(separator: " "), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long texts of every mix: the already-clean test reads plain ASCII eight bytes at a time,
    /// so each piece must be seen at every offset of a word and across word boundaries.
    @Test func cleaningLongTextsMatchesTheScalarRuleAtEveryOffset() {
        let pieces = ["a", "Bc", "def", "Ship it", "x y", "12", "~", " ", "  ", "   ", "\t", "\n", "\u{00A0}", "é", "\u{3000}", "\u{1F}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
            let words = text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(String.UnicodeScalarView($0)) }
            #expect(TextPatterns.clean(text) == words.joined(separator: " "), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func whitespaceOfAnyKindBecomesOneSpace() {
        #expect(TextPatterns.clean("  Ship\u{00A0}\u{00A0}the\n API\u{3000}") == "Ship the API")
        #expect(TextPatterns.clean("Owner — Ann ✅") == "Owner — Ann ✅")
        #expect(TextPatterns.clean("tab\u{000B}feed") == "tab feed")
    }
}

/// A cell or field "not filled in yet" is blank; anything written in it is not.
@Suite struct BlankTests {
    @Test(arguments: ["", "  ", "_____", "-", "—", "…", "TBD", "tbd", "N/A", "n/a", "TBA", "[Date]", "[Owner name]",
                      "______ (to be filled)", "… (owner)", "? / ?"])
    func aPlaceholderIsBlank(_ text: String) {
        #expect(TextPatterns.isBlank(text), "\(text.debugDescription)")
    }

    @Test(arguments: ["Build", "Review", "2026-01-02", "[User Story 1]", "[13.03.2024]", "TBD later", "Nadia", "Tom",
                      "  Ann ", "ñandú", "12 ms", "none"])
    func anythingWrittenIsNotBlank(_ text: String) {
        #expect(!TextPatterns.isBlank(text), "\(text.debugDescription)")
    }
}

/// A task's own number leads its title only as `2.1 Title` or `1. Title`.
@Suite struct LeadingNumberTests {
    @Test func aDottedNumberLeadsTheTitle() {
        #expect(TextPatterns.leadingNumber("2.1 Create account")! == ("2.1", "Create account"))
        #expect(TextPatterns.leadingNumber("1. Set up CI")! == ("1", "Set up CI"))
        #expect(TextPatterns.leadingNumber("1.1.1 - Write tests")! == ("1.1.1", "Write tests"))
    }

    @Test func otherTitlesHaveNone() {
        for title in ["3 dashboards", "Ship 2.1", "", "v1.2 release", "1.2", "١.٢ عنوان", "1️⃣ First"] {
            #expect(TextPatterns.leadingNumber(title) == nil, "\(title)")
        }
    }
}
