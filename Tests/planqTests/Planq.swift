import Foundation
import Testing

/// Runs the built `planq` binary, as a user would. Its scratch folder goes when the test is done.
final class Planq: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/planq").path

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let directory: URL
    let database: String

    /// A scratch folder with its own knowledge base, where commands run: it is the project root
    /// (the database's folder), and `samples` in it links to the checkout's samples, so sources
    /// read `samples/...` as a user's would.
    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("planq-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("samples"), withDestinationURL: Self.root.appendingPathComponent("samples"))
        database = directory.appendingPathComponent("kb.db").path
    }

    @discardableResult
    func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:], withDatabase: Bool = true,
             executable: String = Planq.binary, closingStandardOutput: Bool = false) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build planq first (make test does)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = (withDatabase ? ["--db", database] : []) + arguments
        process.currentDirectoryURL = folder ?? directory
        var env = ProcessInfo.processInfo.environment
        env["PLANQ_DB"] = nil
        env["PLANQ_TODAY"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // A reader that went away before planq wrote: its writes fail with EPIPE.
        if closingStandardOutput { try out.fileHandleForReading.close() }
        try process.run()
        let stdout = closingStandardOutput ? Data() : out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Compares `text` with `Golden/name`; `PLANQ_RECORD=1` rewrites the file instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent("Tests/planqTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["PLANQ_RECORD"] == "1" {
            try text.write(to: url, atomically: false, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "output differs from Golden/\(name) (PLANQ_RECORD=1 make test rewrites it; review the diff)", sourceLocation: sourceLocation)
    }

    /// Writes `text` to `relative` in the scratch folder, creating its folders.
    func write(_ relative: String, _ text: String) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Copies `samples/` into the scratch folder, for tests that edit documents.
    func copySamples() throws -> URL {
        let copy = directory.appendingPathComponent("docs")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("samples"), to: copy)
        return copy
    }
}
