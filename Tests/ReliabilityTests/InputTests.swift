import Foundation
import Testing
import PlanModel
@testable import Importers

/// Issue 13, the smaller input bugs: UTF-16 with a BOM was rejected (its tasks lost), text after
/// `<br>` in a cell was dropped, and a symlink to a file outside the docs folder was imported.
@Suite struct InputTests {
    @Test func utf16AndUTF32WithAByteOrderMarkAreDecoded() {
        let source = "# Plan 计划 🚀\n\n- [x] Ship it\n"
        let utf16le: [UInt8] = [0xFF, 0xFE] + source.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16be: [UInt8] = [0xFE, 0xFF] + source.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32le: [UInt8] = [0xFF, 0xFE, 0x00, 0x00] + source.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
        for bytes in [utf16le, utf16be, utf32le] {
            let text = SourceText(bytes: bytes, path: "w.md")
            #expect(text.markdown == source)
            #expect(text.warnings.isEmpty)
        }
        let lone = SourceText(bytes: [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], path: "w.md")
        #expect(lone.markdown == "A\u{FFFD}B")
        #expect(lone.warnings.count == 1)
    }

    @Test func aBreakInsideACellContinuesTheTitleUnlessItStartsAList() {
        let tasks = recognize("""
            ## Week 1
            | Task | Owner | Status |
            |---|---|---|
            | Write the API<br>and its tests | Dana | open |
            | Tidy the backlog<br/>- later: archive | Ana | open |

            - [ ] Draft the runbook<br>for on-call
            - [ ] Review the plan
              with the team
            """).tasks
        #expect(tasks.map(\.title) == ["Write the API and its tests", "Tidy the backlog", "Draft the runbook for on-call", "Review the plan"])
    }

    @Test func linksLeavingTheImportedFolderAreSkipped() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("plans")
        let outside = planq.directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "# Orbit Plan\n- [ ] inside\n".write(to: docs.appendingPathComponent("plan.md"), atomically: false, encoding: .utf8)
        try "# Secret Plan\n- [ ] outside\n".write(to: outside.appendingPathComponent("secret.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("secret.md").path, withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("away").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("same.md").path, withDestinationPath: "plan.md")
        let result = try planq.run(["import", "plans"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("plans/secret.md: warning: symbolic link leads outside the imported folder; skipped"))
        #expect(result.stderr.contains("plans/away: warning: symbolic link leads outside"))
        let titles = try planq.run(["tasks", "--format", "csv"]).stdout
        #expect(titles.contains("inside") && !titles.contains("outside"))
        #expect(try planq.run(["import", "elsewhere/secret.md", "-q"]).status == 0, "naming the target imports it")
    }

    @Test func symlinkLoopsDoNotHang() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("loop")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "# Loop Plan\n- [ ] one\n".write(to: docs.appendingPathComponent("plan.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("again").path, withDestinationPath: docs.path)
        let result = try planq.run(["import", "loop"], in: planq.directory)
        #expect(result.status == 0)
        #expect(result.stderr.contains("imported 1 file ("))
    }

    /// The folder walk reads what each entry is from the folder itself: a FIFO named like a
    /// document is passed over without being opened (opening one would wait for a writer), and
    /// hidden folders are not entered, while documents in nested folders are found.
    @Test func aFolderWalkFindsNestedDocumentsAndPassesOverPipesAndHiddenFolders() throws {
        let planq = try Planq()
        let docs = planq.directory.appendingPathComponent("docs")
        let deeper = docs.appendingPathComponent("team/week")
        let hidden = docs.appendingPathComponent(".drafts")
        for folder in [deeper, hidden] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try "# Orbit Plan\n- [ ] top\n".write(to: docs.appendingPathComponent("plan.md"), atomically: false, encoding: .utf8)
        try "# Orbit Plan\n- [ ] nested\n".write(to: deeper.appendingPathComponent("tracker.md"), atomically: false, encoding: .utf8)
        try "# Orbit Plan\n- [ ] draft\n".write(to: hidden.appendingPathComponent("draft.md"), atomically: false, encoding: .utf8)
        try "not a document".write(to: docs.appendingPathComponent("budget.csv"), atomically: false, encoding: .utf8)
        #expect(mkfifo(docs.appendingPathComponent("pipe.md").path, 0o644) == 0)
        let result = try planq.run(["import", "docs"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("imported 2 files ("))
        let titles = try planq.run(["tasks", "--format", "csv"]).stdout
        #expect(titles.contains("top") && titles.contains("nested") && !titles.contains("draft"))
    }
}
