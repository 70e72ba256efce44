import Testing
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
