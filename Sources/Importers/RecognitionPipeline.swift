import Foundation
import PlanModel

/// Reads, hashes and recognizes files on every core, a few batches ahead of the one thread
/// that stores them: the knowledge base writes one batch while the next is being recognized,
/// and at most `depth` batches of findings are held at a time, so memory does not grow with
/// the corpus. Batches come out in file order, so diagnostics and ids do not depend on timing.
final class RecognitionPipeline: @unchecked Sendable {
    struct Parsed: Sendable {
        let file: DiscoveredFile
        let hash: String
        var findings: DocumentFindings
    }

    enum Outcome: Sendable {
        case unreadable(DiscoveredFile)
        /// Larger than the limits allow: not read.
        case tooLarge(DiscoveredFile)
        /// Same content as stored (only its time changed).
        case unchanged(DiscoveredFile)
        case parsed(Parsed, [Diagnostic])
    }

    private let condition = NSCondition()
    private var ready: [[Outcome]] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    /// How many files the next batch holds when `remaining` are still to be read: 64, but an
    /// eighth of them when that is fewer (at least 8). The thread that stores a batch works alone
    /// once the last one is recognized: a re-import of 71 changed files stored 64 documents on one
    /// core after both had recognized them, and a full import ended on a batch of 64 the same way.
    static func batchSize(remaining: Int) -> Int { min(64, max(8, remaining / 8)) }

    /// Starts recognizing `files` at once on a thread of its own.
    init(files: [DiscoveredFile], stored: [String: StoredDocument], source: DocumentSource,
         limits: Importer.DocumentLimits, depth: Int = 4) {
        self.depth = depth
        let thread = Thread { [self] in
            var start = 0
            while start < files.count, !isCancelled {
                let size = Self.batchSize(remaining: files.count - start)
                let batch = Array(files[start..<min(start + size, files.count)])
                let outcomes = Self.readAndRecognize(batch, stored: stored, source: source, limits: limits)
                condition.lock()
                while ready.count >= depth, !cancelled { condition.wait() }
                ready.append(outcomes)
                condition.broadcast()
                condition.unlock()
                start += batch.count
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        // Recognizers recurse over nested lists and quotes; give them the main thread's room.
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// The next batch's outcomes, one per file in order; nil when every file is done.
    func next() -> [Outcome]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops after the batch being recognized (the consumer failed and will not ask again).
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Reads, hashes and recognizes `files` on every core; one outcome per file, in order.
    private static func readAndRecognize(_ files: [DiscoveredFile], stored: [String: StoredDocument],
                                         source: DocumentSource, limits: Importer.DocumentLimits) -> [Outcome] {
        let results = OutcomeSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            guard file.size <= limits.maxBytes else {
                results.set(index, .tooLarge(file))
                return
            }
            guard let bytes = source.read(file) else {
                results.set(index, .unreadable(file))
                return
            }
            let hash = ContentHash.of(bytes)
            if let known = stored[file.path], known.hash == hash {
                results.set(index, .unchanged(file))
                return
            }
            let (findings, diagnostics) = DocumentRecognizer.recognize(SourceText(bytes: bytes, path: file.path), path: file.path,
                                                                       budget: limits.budget)
            results.set(index, .parsed(Parsed(file: file, hash: hash, findings: findings), diagnostics))
        }
        return results.values
    }

    /// One slot per file, each written by exactly one worker before `values` is read.
    private final class OutcomeSlots: @unchecked Sendable {
        private var slots: [Outcome?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ outcome: Outcome) {
            lock.lock()
            slots[index] = outcome
            lock.unlock()
        }
        var values: [Outcome] { slots.map { $0! } }
    }
}

/// A value being computed on another core; `value()` waits for it.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            result = work()
            done.signal()
        }
    }

    func value() -> Value {
        done.wait()
        done.signal()
        return result!
    }
}
