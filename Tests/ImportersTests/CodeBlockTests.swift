import Testing
import PlanModel
@testable import Importers

@Suite struct CodeBlockTests {
    @Test func codeBlocksAreKeptVerbatimWithTheirHeadingsAndNeverBecomeTasks() {
        let findings = recognize("""
            # Orbit plan
            ## Deploy to staging
            ```bash
            # build first
            make image TAG=v2   # trailing comment kept
            ```
            ### Checks
            ~~~
            - [ ] not a task
            $ curl -f https://staging.example/health
            ~~~
            ```python
            print("hi")
            ```
            """)
        #expect(findings.tasks.isEmpty)
        #expect(findings.codeBlocks.map(\.line) == [3, 8, 12])
        #expect(findings.codeBlocks[0].text == "# build first\nmake image TAG=v2   # trailing comment kept\n")
        #expect(findings.codeBlocks[0].section == ["Orbit plan", "Deploy to staging"])
        #expect(findings.codeBlocks[1].section == ["Orbit plan", "Deploy to staging", "Checks"])
        #expect(findings.codeBlocks.map(\.language) == ["bash", "", "python"])
        // Shell blocks: by language, or unlabelled with a prompt line.
        #expect(findings.codeBlocks.map(\.isShell) == [true, true, false])
    }

    @Test func anUnlabelledDiagramIsNotACommand() {
        let block = CodeBlockItem(line: 1, language: "", section: [], text: "Start -> Validate -> Done\n")
        #expect(!block.isShell)
    }
}
