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
        var fence: String?
        var current: (arguments: [String], lines: [String])?
        func finish() {
            if let current { examples.append(Example(arguments: current.arguments, output: current.lines.joined(separator: "\n"))) }
            current = nil
        }
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            // A console block may open with four backticks when its output holds a fence (Mermaid).
            if line == "```console" || line == "````console" { fence = String(line.prefix { $0 == "`" }); continue }
            if let open = fence, line == open { finish(); fence = nil; continue }
            guard fence != nil else { continue }
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

    @Test func theToursBurndownPlotsNoPointAfterItsAsOfDay() throws {
        let examples = try Self.examples()
        let burndown = try #require(examples.first { $0.arguments.starts(with: ["report", "burndown"]) })
        let planq = try Planq()
        for example in examples where example.arguments.first == "import" { try planq.run(example.arguments) }
        let today = try #require(burndown.arguments.firstIndex(of: "--today").map { burndown.arguments[$0 + 1] })
        let json = try planq.run(burndown.arguments + ["--format", "json"]).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let start = try #require(report["start_date"] as? String)
        let days = try #require(Calendar(identifier: .gregorian).dateComponents([.day], from: Self.date(start), to: Self.date(today)).day)
        let currentWeek = days / 7 + 1
        let chart = try #require((report["sections"] as? [[String: Any]])?.first?["burndown"] as? [String: Any])
        for series in chart["series"] as? [[String: Any]] ?? [] where series["id"] as? String != "planned_remaining" {
            let xs = (series["points"] as? [[String: Int]] ?? []).compactMap { $0["x"] }
            #expect(xs.allSatisfy { $0 <= currentWeek }, "\(series["id"] ?? ""): points at \(xs) after week \(currentWeek)")
        }
        #expect(burndown.output.contains("left out of the actual line"))
    }

    static func date(_ text: String) throws -> Date {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return try #require(formatter.date(from: text))
    }
}
