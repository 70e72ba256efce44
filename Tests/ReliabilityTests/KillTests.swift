import Foundation
import Testing

/// SIGKILL at seeded random moments of an import: the knowledge base must stay as the last
/// finished import left it, and the next import must succeed and read what a clean one reads.
/// `PLANQ_KILLS` sets the number of kills (`make fuzz` runs many more).
@Suite struct KillTests {
    static let kills = Int(ProcessInfo.processInfo.environment["PLANQ_KILLS"] ?? "") ?? 6

    /// A folder of copies of the samples (each project renamed), big enough that an import takes a while.
    static func corpus(in folder: URL, copies: Int) throws -> URL {
        let root = folder.appendingPathComponent("docs")
        let samples = Planq.root.appendingPathComponent("samples/lumora")
        let names = try FileManager.default.subpathsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".md") }
        for copy in 0..<copies {
            for name in names {
                let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8).replacingOccurrences(of: "Lumora", with: "Lumora\(copy)x")
                let target = root.appendingPathComponent("p\(copy)/\(name)")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: target, atomically: true, encoding: .utf8)
            }
        }
        return root
    }

    /// Tasks and documents in the knowledge base ("0/0" before the first import has committed).
    static func count(_ planq: Planq) throws -> String {
        let result = try planq.run(["query", "SELECT (SELECT count(*) FROM tasks) || '/' || (SELECT count(*) FROM documents) AS n", "--format", "csv"])
        return result.status == 0 ? result.stdout : "n\n0/0\n"
    }

    @Test func anImportKilledAnywhereLeavesTheKnowledgeBaseWhole() throws {
        let planq = try Planq()
        let docs = try Self.corpus(in: planq.directory, copies: 40)
        let clean = try Planq()
        try clean.run(["import", docs.path, "-q"])
        let expected = try Self.count(clean)
        var state: UInt64 = 0x6B696C6C
        var before = try Self.count(planq) // nothing yet
        for round in 0..<Self.kills {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let delay = Double((state >> 33) % 1000) / 1000 * 0.6 // 0 - 0.6 s
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Planq.binary)
            process.arguments = ["--db", planq.database, "import", docs.path, "-q"] + (round % 2 == 0 ? ["--rebuild"] : [])
            process.currentDirectoryURL = planq.directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: planq.database) {
                let after = try planq.run(["query", "PRAGMA integrity_check", "--format", "csv"])
                #expect(after.status == 0 && after.stdout == "integrity_check\nok\n", "kill \(round) at \(delay) s: \(after.stdout)\(after.stderr)")
            }
            let now = try Self.count(planq)
            // Killed before its commit, the import changed nothing; after it, it finished.
            #expect(now == before || now == expected, "kill \(round) at \(delay) s: \(now) is neither \(before) nor \(expected)")
            before = now
        }
        let final = try planq.run(["import", docs.path, "-q"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try Self.count(planq) == expected)
    }
}
