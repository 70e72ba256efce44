import Foundation
import Testing
@testable import Markdown
@testable import Importers

@Suite struct CmarkDocumentTests {
    @Test func convertsBlocksWithLinesAndTaskMarkers() {
        let root = CmarkDocument.parse("""
            # Title

            - [ ] open item
            - [x] **done** item

            | Task | Who |
            |------|-----|
            | - [ ] cell box | ~~gone~~ |
            """)
        #expect(root.dump() == """
            document @1
              heading1 @1 "Title"
              list @3
                item[ ] @3
                  paragraph @3 "open item"
                item[x] @4
                  paragraph @4 "done item"
              table @6
                tableHeader @6
                  cell @6 "Task"
                  cell @6 "Who"
                tableRow @8
                  cell @8 "- [ ] cell box"
                  cell @8 "gone"
            """)
    }

    @Test func aParagraphRightAboveATableKeepsItsLine() {
        // cmark-gfm reports such a paragraph at line 0; found by the fuzz test.
        let root = CmarkDocument.parse("# G\n\nSome words\n**Final Gate:**\n| Task | Who |\n|---|---|\n| x | Dana |\n\nAfter\n")
        #expect(root.children.map(\.line).allSatisfy { $0 >= 1 })
        #expect(root.children.first { $0.kind == .paragraph }?.line == 3)
    }

    @Test func keepsInlineStyles() {
        let paragraph = CmarkDocument.parse("**bold** ~~struck~~ `code`").children[0]
        #expect(paragraph.spans.map(\.style) == [.strong, [], .strikethrough, [], .code])
        #expect(paragraph.text == "bold struck code")
    }

    @Test func codeAndHTMLBlocksKeepTheirLiteralText() {
        let root = CmarkDocument.parse("```bash\n- [ ] not a task\n```\n\n<!-- - [ ] hidden -->\n")
        #expect(root.children.map(\.kind) == [.codeBlock(info: "bash"), .htmlBlock])
        #expect(root.children[0].literal == "- [ ] not a task\n")
    }
}

@Suite struct CmarkConcurrencyTests {
    /// cmark-gfm keeps the extensions' special characters in process-wide tables that each
    /// parse edits; parses on several threads must still all see `~~` and table pipes.
    @Test func parallelParsesAgreeWithASerialOne() {
        let markdown = (1...40).map { "- [ ] ~~dropped \($0)~~\n\n| - [ ] cell \($0) | ~~x~~ |\n|---|---|\n| - [x] row | y |\n" }.joined(separator: "\n")
        let expected = recognize(markdown).tasks.map(\.status)
        #expect(expected.filter { $0 == .cancelled }.count == 40)
        final class Results: @unchecked Sendable {
            var mismatches = 0
            let lock = NSLock()
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let statuses = recognize(markdown).tasks.map(\.status)
            if statuses != expected {
                results.lock.lock()
                results.mismatches += 1
                results.lock.unlock()
            }
        }
        #expect(results.mismatches == 0)
    }
}
