import Foundation
import Testing

/// The README's tour is real output: every `$ planq ...` shown in a console block is run on the
/// samples, and what it prints must match what the README says it prints.
@Suite struct ReadmeTests {
    struct Example {
        let arguments: [String]
        let output: String
    }

    static func examples() throws -> [Example] {
        let readme = try String(contentsOf: Planq.root.appendingPathComponent("README.md"), encoding: .utf8)
        var examples: [Example] = []
        var inConsole = false
        var current: (arguments: [String], lines: [String])?
        func finish() {
            if let current { examples.append(Example(arguments: current.arguments, output: current.lines.joined(separator: "\n"))) }
            current = nil
        }
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "```console" { inConsole = true; continue }
            if inConsole, line == "```" { finish(); inConsole = false; continue }
            guard inConsole else { continue }
            if line.hasPrefix("$ planq ") {
                finish()
                current = (shellWords(String(line.dropFirst("$ planq ".count))), [])
            } else {
                current?.lines.append(line)
            }
        }
        return examples
    }

    /// Splits a command line on spaces, keeping double-quoted words whole.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if character == " ", !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test func everyExampleInTheTourPrintsWhatTheReadmeShows() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 10)
        let planq = try Planq()
        for example in examples {
            let result = try planq.run(example.arguments)
            #expect(result.status == 0, "planq \(example.arguments.joined(separator: " ")) failed: \(result.stderr)")
            var printed = result.stdout + (example.arguments.first == "import" ? result.stderr : "")
            var shown = example.output
            // Timings differ from run to run.
            printed = printed.replacingOccurrences(of: #"in \d+ ms"#, with: "in N ms", options: .regularExpression)
            shown = shown.replacingOccurrences(of: #"in \d+ ms"#, with: "in N ms", options: .regularExpression)
            while printed.hasSuffix("\n") { printed.removeLast() }
            while shown.hasSuffix("\n") { shown.removeLast() }
            #expect(printed == shown, "README example `planq \(example.arguments.joined(separator: " "))` is out of date")
        }
    }
}
