import Foundation
@testable import Importers
import PlanModel

/// Recognizes an inline Markdown fixture as if it were the file `path`.
func recognize(_ markdown: String, path: String = "docs/plan.md") -> DocumentFindings {
    DocumentRecognizer.recognize(SourceText(string: markdown, path: path), path: path).findings
}

func diagnostics(_ markdown: String, path: String = "docs/plan.md") -> [Diagnostic] {
    DocumentRecognizer.recognize(SourceText(string: markdown, path: path), path: path).diagnostics
}

/// `../shared` beside the checkout: present in development and CI, absent for a user's clone.
enum Shared {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")
    static var seeds: URL { root.appendingPathComponent("seeds") }
    static var corpus: URL { root.appendingPathComponent("corpus") }
    static var available: Bool { FileManager.default.fileExists(atPath: seeds.path) }
    static var corpusAvailable: Bool { FileManager.default.fileExists(atPath: corpus.path) }
}

/// A new scratch folder, inside one folder for this test process that goes when it exits.
func temporaryDirectory() throws -> URL {
    let url = ScratchFolders.parent.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

enum ScratchFolders {
    static let parent: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planq-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: ScratchFolders.parent) }
        return url
    }()
}

/// The linker's input for `items` of one document, as if stored unlinked.
func linkerInputs(_ document: Int64, _ kind: DocumentKind, _ items: [TaskItem]) -> [TaskLinker.Input] {
    items.map { TaskLinker.Input(origin: .stored(id: 0, taskID: nil), documentID: document,
                                 documentPath: "doc\(document).md", documentKind: kind, item: $0) }
}
