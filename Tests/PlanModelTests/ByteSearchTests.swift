import Testing
@testable import PlanModel

/// The byte search that replaces Foundation's `range(of:)` in recognizers: the ranges it gives
/// slice the text where the needle is, in any script, and in a substring by the base's indices.
@Suite struct ByteSearchTests {
    @Test func aRangeSlicesTheTextAroundTheNeedle() throws {
        let text = "Risk 2 – Datenverlust: während der Migration"
        let range = try #require(text.utf8Range(of: "– "))
        #expect(text[..<range.lowerBound] == "Risk 2 ")
        #expect(text[range.upperBound...] == "Datenverlust: während der Migration")
        #expect(text.utf8Range(of: "：") == nil)
        #expect("阶段 2：部署".utf8Range(of: "：").map { "阶段 2：部署"[$0.upperBound...] } == "部署")
    }

    @Test func aSubstringsRangeIsInItsBaseStringsIndices() throws {
        let text = "grow coverage from 40% to 80% (current is 55%)"
        let from = try #require(text.utf8Range(of: " from "))
        let to = try #require(text[from.upperBound...].utf8Range(of: " to "))
        #expect(text[from.upperBound..<to.lowerBound] == "40%")
        #expect(text[text.startIndex...].utf8Range(of: "grow") == text.utf8Range(of: "grow"))
        #expect(text[to.upperBound...].utf8Range(of: "from") == nil, "only what follows is searched")
    }

    @Test func containsMatchesBytesAndReplacingUsesIt() {
        #expect("Status: ✅ met".utf8Contains("✅"))
        #expect(!"Status: met".utf8Contains("✅"))
        #expect("a*b*`c`".replacingOccurrences("*", with: "").replacingOccurrences("`", with: "") == "abc")
        #expect("go / no-go".replacingOccurrences(" / ", with: "/") == "go/no-go")
    }

    /// The prefilter may only skip a needle that cannot occur: every needle found in a text has
    /// its bytes in the text's set, in any script, and across the edges of the set's four words (63 and 64, 127 and 128).
    @Test func aByteSetNeverRulesOutANeedleTheTextHolds() {
        let texts = ["Lessons Learned", "Lecciones aprendidas 📚", "经验教训", "잘한 점", "?@\u{7F}", "end of day 1"]
        let needles = ["lessons", "learned", "aprendidas", "教训", "잘한", "?@", "\u{7F}", "end of ", "day", "ä", "zz", "📚"]
        for text in texts {
            let present = ByteSet(text.lowercased())
            for needle in needles where text.lowercased().utf8Contains(needle) {
                #expect(present.isSuperset(of: ByteSet(needle)), "\(needle) in \(text)")
            }
        }
        #expect(!ByteSet("lessons learned").isSuperset(of: ByteSet("blocker")), "no b, k in the heading")
        #expect(!ByteSet("?").isSuperset(of: ByteSet("@")), "63 and 64 are in different words")
        #expect(ByteSet(Array("week 5".utf8)) == ByteSet("week 5"))
        #expect(ByteSet("").isSuperset(of: ByteSet("")))
    }
}
