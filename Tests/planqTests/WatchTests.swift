import Foundation
import Testing
import PlanModel

/// `planq watch` as an editor's user meets it: saves land in the knowledge base on their own.
@Suite struct WatchTests {
    /// A running `planq watch` and what it has said on standard error so far.
    final class Watching: @unchecked Sendable {
        let process = Process()
        private let errors = Pipe()
        private let lock = NSLock()
        private var said = Data()

        init(_ planq: Planq, _ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: Planq.binary)
            process.arguments = ["--db", planq.database, "watch"] + arguments
            process.currentDirectoryURL = planq.directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            // Read on another thread, so a wait below can give up on its own.
            errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self, !chunk.isEmpty else { return }
                self.lock.lock()
                self.said.append(chunk)
                self.lock.unlock()
            }
            try process.run()
        }

        var output: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: said, as: UTF8.self)
        }

        /// Waits (up to 10 s) until standard error holds `text`.
        func waitFor(_ text: String) throws {
            let deadline = ContinuousClock.now + .seconds(10)
            while !output.contains(text) {
                try #require(ContinuousClock.now < deadline, "watch never said \(text): \(output)")
                Thread.sleep(forTimeInterval: 0.02)
            }
        }

        func interrupt() -> Int32 {
            process.interrupt()
            process.waitUntilExit()
            Thread.sleep(forTimeInterval: 0.1)
            errors.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }
    }

    /// Polls the knowledge base (as a reader beside the writer) until `condition` holds; the time it took.
    static func until(_ planq: Planq, _ condition: (KnowledgeBase) throws -> Bool) throws -> Duration {
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(5) {
            if let knowledgeBase = try? KnowledgeBase(path: planq.database, mode: .readOnly), (try? condition(knowledgeBase)) == true {
                return ContinuousClock.now - started
            }
            Thread.sleep(forTimeInterval: 0.025)
        }
        return .seconds(5)
    }

    static func status(_ title: String, in knowledgeBase: KnowledgeBase) throws -> TaskStatus? {
        try knowledgeBase.tasks(TaskFilter()).first { $0.title == title }?.status
    }

    @Test func savesRenamesCreationsAndDeletionsLandWithinASecondAndAHalf() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let watch = try Watching(planq, ["docs", "--today", "2026-03-18"])
        try watch.waitFor("watching docs")
        #expect(watch.output.contains("imported 5 files (5 parsed"))

        // A save in place.
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        let text = try String(contentsOf: tracker, encoding: .utf8)
        try text.replacingOccurrences(of: "- [ ] Load sample traffic", with: "- [x] Load sample traffic").write(to: tracker, atomically: false, encoding: .utf8)
        let saved = try Self.until(planq) { try Self.status("Load sample traffic", in: $0) == .done }
        #expect(saved <= .milliseconds(1500), "a save took \(saved)")
        try watch.waitFor("+1 done")
        #expect(watch.output.contains("docs/lumora/tracker.md (1 parsed, 0 removed): +1 done"))

        // An editor's save: a new file renamed over the old one.
        let plan = docs.appendingPathComponent("lumora/plan.md")
        let temporary = docs.appendingPathComponent("lumora/.plan.md.swp")
        try (String(contentsOf: plan, encoding: .utf8) + "\n- [ ] Archive the replay logs\n").write(to: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary.path, plan.path) == 0)
        let renamed = try Self.until(planq) { try Self.status("Archive the replay logs", in: $0) == .open }
        #expect(renamed <= .milliseconds(1500), "a rename-save took \(renamed)")

        // A document that appears in a new folder, then one that goes away.
        let orbit = docs.appendingPathComponent("orbit")
        try FileManager.default.createDirectory(at: orbit, withIntermediateDirectories: true)
        try "# Orbit Plan\n\n## Week 1\n\n- [ ] Provision the cluster\n".write(to: orbit.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        #expect(try Self.until(planq) { try Self.status("Provision the cluster", in: $0) == .open } <= .milliseconds(1500))
        try FileManager.default.removeItem(at: orbit.appendingPathComponent("plan.md"))
        #expect(try Self.until(planq) { try Self.status("Provision the cluster", in: $0) == nil } <= .milliseconds(1500))
        try watch.waitFor("-1 task")

        #expect(watch.interrupt() == 0)
        #expect(watch.output.contains("stopped watching"))
        let lines = watch.output.split(separator: "\n")
        #expect(lines.filter { $0.contains(" parsed, ") && $0.contains(" removed): ") && !$0.hasPrefix("imported") }.count >= 4, "a line per re-import: \(lines)")
    }

    /// A save that meets a gate's criteria says the gate moved; a save in another project
    /// reads only that project's gates and reports none of the first one's.
    @Test func aGateWhoseCriteriaAreMetIsReportedAsMoved() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        try planq.write("docs/orbit/plan.md", """
            # Orbit Launch - Implementation Plan

            ## Week 1: Foundations
            - [ ] Provision the cluster

            **Week 1 Gate:** the cluster serves traffic
            """)
        let watch = try Watching(planq, ["docs", "--today", "2026-03-18"])
        try watch.waitFor("watching docs")
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        try String(contentsOf: tracker, encoding: .utf8)
            .replacingOccurrences(of: "- [ ] 10k events/s sustained in staging", with: "- [x] 10k events/s sustained in staging")
            .replacingOccurrences(of: "- [ ] No data loss across an agent restart", with: "- [x] No data loss across an agent restart")
            .write(to: tracker, atomically: false, encoding: .utf8)
        try watch.waitFor("gate \"Phase 1 Gate\" passed (was at risk)")
        let orbit = planq.directory.appendingPathComponent("docs/orbit/plan.md")
        try String(contentsOf: orbit, encoding: .utf8)
            .replacingOccurrences(of: "- [ ] Provision the cluster\n", with: "- [ ] Provision the cluster\n- [ ] Rehearse the launch\n")
            .write(to: orbit, atomically: false, encoding: .utf8)
        try watch.waitFor("docs/orbit/plan.md (1 parsed, 0 removed): +1 task in")
        #expect(watch.output.components(separatedBy: "Phase 1 Gate").count == 2, "reported once: \(watch.output)")
        #expect(watch.interrupt() == 0)
    }

    @Test func theSiteIsRenderedAgainAfterEachImport() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        let watch = try Watching(planq, ["docs", "--today", "2026-03-18", "--site", "site"])
        try watch.waitFor("watching docs")
        let index = planq.directory.appendingPathComponent("site/lumora/index.html")
        let before = try String(contentsOf: index, encoding: .utf8)
        #expect(before.contains("7/24 (29%)"))
        let tracker = docs.appendingPathComponent("lumora/tracker.md")
        try String(contentsOf: tracker, encoding: .utf8).replacingOccurrences(of: "- [ ] Latency dashboard", with: "- [x] Latency dashboard")
            .write(to: tracker, atomically: true, encoding: .utf8)
        try watch.waitFor("+1 done")
        let deadline = ContinuousClock.now + .seconds(5)
        while (try? String(contentsOf: index, encoding: .utf8)) == before, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try String(contentsOf: index, encoding: .utf8).contains("8/24 (33%)"))
        #expect(watch.interrupt() == 0)
    }
}
