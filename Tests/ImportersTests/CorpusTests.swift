import Foundation
import Testing
import PlanModel
@testable import Importers

/// Every file of `../shared/corpus` imports without a crash, and every checkbox outside code
/// fences and HTML comments is accounted for exactly once: as a task, a gate or a criterion.
@Suite(.enabled(if: Shared.corpusAvailable, "needs ../shared/corpus"))
struct CorpusTests {
    static let files: [String] = {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Shared.corpus.path) else { return [] }
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test(arguments: files)
    func everyCheckboxIsAccountedForOnce(name: String) throws {
        let path = Shared.corpus.appendingPathComponent(name).path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let (findings, _) = DocumentRecognizer.recognize(SourceText(bytes: Array(bytes), path: path), path: path)
        let fromTasks = findings.tasks.filter(\.checkbox).count
        let fromGates = findings.gates.reduce(0) { $0 + $1.checkboxCount }
        let expected = CheckboxCounter.count(String(decoding: bytes, as: UTF8.self))
        #expect(fromTasks + fromGates == expected, "\(name): \(fromTasks) tasks + \(fromGates) gate boxes, \(expected) checkboxes")
    }

    @Test func theWholeCorpusImportsIntoOneKnowledgeBase() throws {
        let folder = try temporaryDirectory()
        let knowledgeBase = try KnowledgeBase(path: folder.appendingPathComponent("kb.db").path)
        var errors: [Diagnostic] = []
        let summary = try Importer(knowledgeBase: knowledgeBase, report: { if $0.severity == .error { errors.append($0) } })
            .run(.init(paths: [Shared.corpus.path]))
        #expect(errors.isEmpty)
        #expect(summary.filesParsed == Self.files.count)
        #expect(summary.tasksTotal > 1000)
    }
}

/// Counts checkboxes line by line, independently of cmark and the recognizers: list items that
/// open with `[ ]`, `[x]`, `[X]`, `[/]`, `[-]` (Kiro's `[ ]*` too), also inside block quotes,
/// and table rows whose first cell opens with `- [ ]`. Fenced code, HTML comments and front
/// matter are skipped.
enum CheckboxCounter {
    static func count(_ text: String) -> Int {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        if lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" }),
           lines[1..<end].allSatisfy({ $0.isEmpty || $0.hasPrefix(" ") || $0.hasPrefix("-") || $0.contains(":") }) {
            for index in 0...end { lines[index] = "" }
        }
        var total = 0
        var fence: String?
        var inComment = false
        var inTable = false
        var previous = ""
        for raw in lines {
            var line = raw
            if inComment {
                if line.contains("-->") { inComment = false }
                previous = ""
                continue
            }
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) { fence = nil }
                continue
            }
            if line.count - trimmed.count < 4, let marker = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) {
                fence = String(trimmed.prefix { $0 == marker.first })
                inTable = false
                continue
            }
            if trimmed.hasPrefix("<!--") {
                if !trimmed.contains("-->") { inComment = true }
                continue
            }
            while let first = line.drop(while: { $0 == " " }).first, first == ">" {
                line = String(line.drop(while: { $0 == " " }).dropFirst())
            }
            let isTableLine = line.drop(while: { $0 == " " }).hasPrefix("|")
            if inTable, isTableLine {
                let cell = line.drop(while: { $0 == " " }).dropFirst().drop(while: { $0 == " " })
                if opensCheckbox(String(cell), requireMarker: true) { total += 1 }
            } else if previous.drop(while: { $0 == " " }).hasPrefix("|"), isDelimiterRow(line) {
                inTable = true
            } else {
                inTable = false
                if opensCheckbox(line, requireMarker: true) { total += 1 }
            }
            previous = line
        }
        return total
    }

    /// `- [ ] text`, `* [x]`, `+ [X]`, `1. [ ]`, `2) [/]` at the start of a line.
    static func opensCheckbox(_ line: String, requireMarker: Bool) -> Bool {
        var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
        if let first = rest.first, "-*+".contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9 else { return false }
            rest = rest.dropFirst(digits.count)
            guard let delimiter = rest.first, delimiter == "." || delimiter == ")" else { return false }
            rest = rest.dropFirst()
        }
        guard rest.first == " " || rest.first == "\t" else { return false }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let box = Array(rest.prefix(4))
        guard box.count >= 3, box[0] == "[", " xX/-".contains(box[1]), box[2] == "]" else { return false }
        return box.count == 3 || box[3] == " " || box[3] == "\t" || box[3] == "*"
    }

    static func isDelimiterRow(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("-") && trimmed.allSatisfy { "|-: ".contains($0) }
    }
}
