import Testing
@testable import PlanModel

/// A stored mention's list fields read back as they were recognized: the byte readers give what
/// splitting the `Character`s gives (the rule they replace), in every script and odd spacing.
@Suite struct MentionCodingTests {
    static let texts = ["REQ-1, REQ-2", " a ,, b ,\t", ",", "", "  ", "x", "Größe, prüfen", "a,\u{301}b", "one\ntwo\n\nthree\n",
                        "crlf\r\nline", "\r\n", "日本, 語", "tab\u{0B}\u{0C}, end ", "🚀,🚀 , "]

    @Test func listsSplitAtCommasAndTrimLikeCharacters() {
        for text in Self.texts {
            let characters = text.split(separator: ",").map { String($0).trimmingWhitespace() }
            #expect(MentionCoding.list(text) == characters, "\(text.debugDescription)")
        }
        #expect(MentionCoding.list(" a ,, b ,\t") == ["a", "b", ""])
        #expect(MentionCoding.list(nil).isEmpty)
    }

    @Test func detailsSplitAtLineFeedsLikeCharacters() {
        for text in Self.texts {
            #expect(MentionCoding.lines(text) == text.split(separator: "\n").map(String.init), "\(text.debugDescription)")
        }
        // `\r\n` is one Character: not a line feed to split at.
        #expect(MentionCoding.lines("crlf\r\nline") == ["crlf\r\nline"])
    }

    @Test func ownersRoundTripWithTheirActions() {
        let owners = [OwnerAction(name: "Ana", action: "Review"), OwnerAction(name: "Bo", action: nil),
                      OwnerAction(name: "Zoë", action: "a\u{1F}b"), OwnerAction(name: "", action: nil)]
        #expect(MentionCoding.owners(MentionCoding.encode(owners: owners)) == owners)
        #expect(MentionCoding.owners("\u{1E}Ana\u{1F}\u{1E}\u{1E}") == [OwnerAction(name: "Ana", action: nil)])
        #expect(MentionCoding.owners(nil).isEmpty)
    }
}
