import Foundation
import Importers

/// Everything planq tells the user on standard error goes through here: problems found in
/// documents (`path:line: warning: ...`; notes only with -v), progress on a terminal, and the
/// summary lines commands print (which -q silences). It counts the problems it reported, and a
/// command's exit code reads the count: a command that finished but reported errors about some
/// files exits 3 (its work landed without them), so a script can tell.
final class Diagnostics {
    private(set) var warnings = 0
    private(set) var errors = 0
    let quiet: Bool
    let verbose: Bool
    private let terminal: Bool
    private var showingProgress = false

    init(quiet: Bool, verbose: Bool, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.quiet = quiet
        self.verbose = verbose
        self.terminal = terminal
    }

    /// The exit code of a command that returned `code`: 3 when it succeeded but reported errors.
    static let someFilesFailed: Int32 = 3

    func exitCode(after code: Int32) -> Int32 {
        code == 0 && errors > 0 ? Self.someFilesFailed : code
    }

    /// A problem in a document (or a note about one, shown with -v), counted by severity.
    func report(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .note: guard verbose else { return }
        case .warning: warnings += 1
        case .error: errors += 1
        }
        write(diagnostic.description)
    }

    /// A warning of the command's own (not about a document): always shown, counted.
    func warning(_ text: String) {
        warnings += 1
        write(text)
    }

    /// A summary line (`imported 12 files ...`); -q silences it.
    func info(_ text: String) {
        guard !quiet else { return }
        write(text)
    }

    /// The command's own failure or usage line: always shown, and the exit code says it failed.
    func failure(_ text: String) {
        write(text)
    }

    /// Detail only -v asks for (per-document counts, phase timings).
    func detail(_ text: String) {
        guard verbose else { return }
        write(text)
    }

    /// A transient line on a terminal (`importing 125/1403 files`), replaced by the next one;
    /// never written to a file or pipe, and not at all with -q.
    func progress(_ text: String) {
        guard terminal, !quiet else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        showingProgress = true
    }

    /// Clears a progress line, so that what follows starts on a clean line.
    func clearProgress() {
        guard showingProgress else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        showingProgress = false
    }

    private func write(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
