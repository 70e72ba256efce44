import Testing
@testable import Reports

@Suite struct HTMLDocumentTests {
    @Test func textIsEscapedByLibxml2AndReadsBackUnchanged() {
        let document = HTMLDocument(title: "Week <3> & gates")
        document.add("p", to: document.body, text: "p95 < 500ms & \"quoted\" <script>alert(1)</script>")
        let html = document.serialize()
        #expect(!html.contains("<script>"))
        #expect(html.contains("p95 &lt; 500ms &amp;"))
        #expect(HTMLDocument.texts(of: "p", in: html) == ["p95 < 500ms & \"quoted\" <script>alert(1)</script>"])
        #expect(HTMLDocument.texts(of: "title", in: html) == ["Week <3> & gates"])
    }
}
