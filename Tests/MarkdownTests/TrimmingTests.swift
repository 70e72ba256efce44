import Testing
import Markdown

/// `trimming(_:)` drops the Characters of a set from both ends, whether or not its quick
/// answer for texts with nothing to trim applies.
@Suite struct TrimmingTests {
    static let sets = [" ", " *_", " -–—:", " .。", "()[],.:;!?\"'«»“”（）", "\r\n"]
    static let texts = [
        "", " ", "Ship it", " Ship it ", "**Ship**", "— Ann", "Ann —", "x\r\n", "\r\n", "。", "Done.", "(draft)",
        "e\u{301}", ".\u{301}x", "x.\u{301}", "«Ship»", "✅ Done", "Done ✅", "*", "a", " a", "a ",
    ]

    @Test func trimmingDropsTheSetsCharactersFromBothEnds() {
        for set in Self.sets {
            let members = Set(set)
            for text in Self.texts {
                var characters = Substring(text)
                while let first = characters.first, members.contains(first) { characters.removeFirst() }
                while let last = characters.last, members.contains(last) { characters.removeLast() }
                #expect(text.trimming(set) == String(characters), "\(text.debugDescription) by \(set.debugDescription)")
                #expect(text[...].trimming(set) == String(characters))
            }
        }
    }
}
