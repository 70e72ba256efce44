import CCmark
import Foundation
import Testing
@testable import Markdown

/// cmark-gfm keeps the extensions' special inline characters (`~` for strikethrough, `|` for
/// tables) in one process-wide table, which `cmark_parser_finish` fills on entry and clears on
/// exit. Two finishes at once clear each other's characters mid-parse. planq feeds documents in
/// parallel and serializes only the finish (ImportersTests' `parallelParsesAgreeWithASerialOne`
/// checks parses on many threads agree); this test shows the race without that.
@Suite struct CmarkRaceTests {
    static let document = """
        Some ~~struck~~ words and more ~~gone~~ here

        | Task | Owner |
        |---|---|
        | ~~Drop the old collector~~ | Dana |

        - [x] ~~Replay~~ the traffic
        """

    /// Strikethrough nodes in one parse through the raw C API, its finish not serialized.
    static func unserializedStrikethroughs(_ text: String) -> Int {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return -1 }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tasklist"] {
            if let handle = name.withCString({ cmark_find_syntax_extension($0) }) { cmark_parser_attach_syntax_extension(parser, handle) }
        }
        var text = text
        text.withUTF8 { buffer in buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
        guard let root = cmark_parser_finish(parser) else { return -1 }
        defer { cmark_node_free(root) }
        var count = 0
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
               String(cString: cmark_node_get_type_string(node)) == "strikethrough" { count += 1 }
        }
        return count
    }

    @Test func finishingTwoParsesAtOnceLosesStrikethrough() {
        cmark_gfm_core_extensions_ensure_registered()
        // Four threads of unserialized parses; the race shows within a few thousand on two cores.
        // planq's own parses (other tests, in this process) wait at the finish lock meanwhile,
        // so the race only ever hits these.
        let lost = Counter()
        var expected = 0
        CmarkDocument.holdingFinishLock {
            expected = Self.unserializedStrikethroughs(Self.document)
            let deadline = ContinuousClock.now + .seconds(20)
            while lost.value == 0, ContinuousClock.now < deadline {
                let alone = expected
                DispatchQueue.concurrentPerform(iterations: 4) { _ in
                    for _ in 0..<2_000 where Self.unserializedStrikethroughs(Self.document) != alone { lost.add() }
                }
            }
        }
        #expect(expected == 4, "a parse alone finds every strikethrough")
        #expect(lost.value > 0, "cmark-gfm no longer races in cmark_parser_finish: the lock in CmarkDocument.parse may go")
    }
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func add() { lock.lock(); count += 1; lock.unlock() }
}
