import Foundation
import Testing
@testable import Reports

@Suite struct ValueJSONTests {
    /// Titles come from users' documents: quotes, backslashes, tabs, stray control characters
    /// and every script must read back as written.
    @Test(arguments: ["plain", "say \"go\"", "C:\\docs\\plan.md", "line\nbreak\ttab\r", "bell\u{07}\u{1F}",
                      "Überprüfung → 完成 ✅", "", "-"])
    func aStringReadsBackUnchanged(text: String) throws {
        let json = Value.object([("title", .string(text)), ("count", .int(-42)), ("zero", .int(0))]).json(indent: 2)
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == text)
        #expect(parsed["count"] as? Int == -42)
        #expect(parsed["zero"] as? Int == 0)
    }

    @Test func controlCharactersAreEscapedAsJSONRequires() {
        #expect(Value.quote("a\u{01}b") == "\"a\\u0001b\"")
        #expect(Value.quote("\u{1B}[0m") == "\"\\u001b[0m\"")
        #expect(Value.string("x\ny").json(indent: nil) == "\"x\\ny\"")
    }

    @Test func nestedValuesAreIndentedOneLevelPerDepth() {
        let value = Value.object([("owners", .array([.object([("name", .string("Ana")), ("tasks", .int(12))])])),
                                  ("empty", .array([])), ("none", .object([]))])
        #expect(value.json(indent: 2) == """
            {
              "owners": [
                {
                  "name": "Ana",
                  "tasks": 12
                }
              ],
              "empty": [],
              "none": {}
            }
            """)
        #expect(value.json(indent: nil) == #"{"owners":[{"name":"Ana","tasks":12}],"empty":[],"none":{}}"#)
    }
}
