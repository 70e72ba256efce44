import Foundation
import Testing
import PlanModel
@testable import Importers
@testable import Reports

/// Seeded fuzzing of the recognizers: mutations of the samples (deleted and duplicated lines,
/// swapped and flipped bytes, truncations) and random checkbox documents from a small grammar.
/// Every case must finish, report lines inside the document, and for grammar documents count
/// exactly the checkboxes written. `PLANQ_FUZZ_CASES` raises the number of cases (`make fuzz`).
@Suite struct FuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["PLANQ_FUZZ_CASES"] ?? "") ?? 1500

    /// The reports' SplitMix64, with a pick: the same sequence on every machine for one seed.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func below(_ bound: Int) -> Int { generator.below(bound) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let samples: [[UInt8]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted() ?? []
        return files.compactMap { FileManager.default.contents(atPath: root.appendingPathComponent($0).path).map { [UInt8]($0) } }
    }()

    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var result: [UInt8]
        for _ in 0..<(1 + random.below(4)) {
            guard !lines.isEmpty else { break }
            let at = random.below(lines.count)
            switch random.below(4) {
            case 0: lines.remove(at: at)
            case 1: lines.insert(lines[at], at: random.below(lines.count))
            case 2: lines.swapAt(at, random.below(lines.count))
            default: lines[at] = Array(lines[at].prefix(random.below(lines[at].count + 1)))
            }
        }
        result = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        for _ in 0..<random.below(4) where !result.isEmpty {
            let at = random.below(result.count)
            switch random.below(3) {
            case 0: result[at] ^= UInt8(1 << random.below(8))
            case 1: result.swapAt(at, random.below(result.count))
            default: result.insert(random.pick([UInt8(ascii: "|"), UInt8(ascii: "["), UInt8(ascii: "*"), 0xE2, 0x00, UInt8(ascii: "#")]), at: at)
            }
        }
        if random.below(8) == 0 { result = Array(result.prefix(random.below(result.count + 1))) }
        return result
    }

    /// Lines as CommonMark (and editors) count them: `\n`, `\r\n` and a lone `\r` each end one.
    /// (A flipped bit can make a lone `\r`: 6 of 50,000 cases once did.)
    static func lineCount(_ text: String) -> Int {
        var count = 1, previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A, previous != 0x0D { count += 1 }
            if byte == 0x0D { count += 1 }
            previous = byte
        }
        return count
    }

    @Test func mutatedSamplesNeverCrashAndPointInsideTheDocument() throws {
        try #require(!Self.samples.isEmpty)
        var random = Random(state: 0x706C_6E71)
        for index in 0..<Self.cases {
            let bytes = Self.mutate(Self.samples[index % Self.samples.count], &random)
            let text = SourceText(bytes: bytes, path: "fuzz.md")
            let lineCount = Self.lineCount(text.markdown)
            let started = ContinuousClock.now
            let findings = DocumentRecognizer.recognize(text, path: "fuzz.md").findings
            #expect(ContinuousClock.now - started < .seconds(2), "case \(index) took too long")
            let lines = findings.tasks.map(\.line) + findings.risks.map(\.line) + findings.metrics.map(\.line) + findings.gates.map(\.line)
            let outside = lines.filter { !(1...max(1, lineCount)).contains($0) }
            #expect(outside.isEmpty, "case \(index): lines \(outside) outside the document's \(lineCount): \(String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription)")
        }
    }

    @Test func everyCheckboxOfAGrammarDocumentIsOneTask() {
        var random = Random(state: 42)
        let words = ["Write", "the", "API", "tests", "Deploy", "staging", "Review", "plan", "docs", "cluster", "Kafka", "schema", "Ship", "v2"]
        for index in 0..<Self.cases {
            var lines = ["# Orbit Tracker \(index)", ""]
            var open = 0, done = 0
            for section in 1...(1 + random.below(4)) {
                lines += [random.below(2) == 0 ? "## Week \(section)" : "### Phase \(section) tasks", ""]
                for _ in 0..<(1 + random.below(6)) {
                    let title = (0..<(2 + random.below(4))).map { _ in random.pick(words) }.joined(separator: " ") + " \(open + done)"
                    let indent = String(repeating: "  ", count: random.below(2))
                    let isDone = random.below(2) == 0
                    lines.append(indent + random.pick(["- ", "* "]) + (isDone ? random.pick(["[x] ", "[X] "]) : "[ ] ") + title)
                    if isDone { done += 1 } else { open += 1 }
                }
                lines.append("")
            }
            let findings = recognize(lines.joined(separator: random.below(3) == 0 ? "\r\n" : "\n"), path: "docs/tracker.md")
            #expect(findings.tasks.count == open + done, "case \(index): \(findings.tasks.count) tasks for \(open + done) checkboxes")
            #expect(findings.tasks.filter { $0.status == .done }.count == done, "case \(index)")
        }
    }
}
