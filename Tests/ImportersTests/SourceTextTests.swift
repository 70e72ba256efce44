import Testing
@testable import Markdown
@testable import Importers

@Suite struct SourceTextTests {
    @Test func stripsByteOrderMark() {
        let text = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("# Hi\n".utf8), path: "a.md")
        #expect(text.markdown == "# Hi\n")
        #expect(text.warnings.isEmpty)
    }

    @Test func invalidUTF8IsDecodedLossilyWithAWarningOnItsLine() {
        let bytes = Array("# Title\n\n- [ ] ok\n- [ ] bad ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let text = SourceText(bytes: bytes, path: "docs/bad.md")
        #expect(text.warnings.map(\.description) == ["docs/bad.md:4: warning: invalid UTF-8; undecodable bytes replaced with U+FFFD"])
        #expect(text.markdown.contains("bad \u{FFFD}"))
    }

    @Test(arguments: [
        ("Done âœ…", "Done ✅"),
        ("Blocked ðŸš«", "Blocked 🚫"),
        ("### Medium Risk â\u{0161}\u{00A0}ï\u{00B8}", "### Medium Risk \u{26A0}\u{FE0F}"),
        ("A â†’ B", "A → B"),
        ("Failed âŒ", "Failed ❌"),
        ("Sprint â€” day 2", "Sprint — day 2"),
    ])
    func repairsMojibake(broken: String, fixed: String) {
        #expect(SourceText(string: broken).markdown == fixed)
    }

    @Test(arguments: ["Café crème", "naïve façade", "Ã is a letter", "âœ… already fine ✅"])
    func leavesRealLatinTextAlone(text: String) {
        let repaired = SourceText(string: text).markdown
        if text.hasPrefix("âœ…") {
            #expect(repaired == "✅ already fine ✅")
        } else {
            #expect(repaired == text)
        }
    }

    @Test func frontMatterIsReadAndBlankedKeepingLineNumbers() {
        let text = SourceText(string: "---\nproject: Nimbus\ntitle: \"Plan\"\n---\n# Heading\n- [ ] task\n")
        #expect(text.frontMatter == ["project": "Nimbus", "title": "Plan"])
        #expect(text.markdown == "\n\n\n\n# Heading\n- [ ] task\n")
        let findings = recognize("---\nproject: Nimbus\n---\n# Heading\n- [ ] task\n")
        #expect(findings.projectName == "Nimbus")
        #expect(findings.tasks.map(\.line) == [5])
    }

    @Test func aBareRuleAtTheTopIsNotFrontMatter() {
        let text = SourceText(string: "---\n# Plan\n\nSome prose here.\n\n---\nMore.\n")
        #expect(text.frontMatter.isEmpty)
        #expect(text.markdown.hasPrefix("---\n# Plan"))
    }

    @Test func crlfLineEndingsKeepLines() {
        let findings = recognize("# P\r\n\r\n- [ ] one\r\n- [x] two\r\n")
        #expect(findings.tasks.map(\.title) == ["one", "two"])
        #expect(findings.tasks.map(\.line) == [3, 4])
        #expect(findings.tasks.map(\.status) == [.open, .done])
    }
}
