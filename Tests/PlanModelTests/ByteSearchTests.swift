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
}
