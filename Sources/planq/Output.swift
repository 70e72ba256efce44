import Foundation

/// Where a command's results and messages go. Results go to standard output (or `-o FILE`);
/// progress, warnings and errors go to standard error. Progress is shown on a terminal only.
final class Output {
    private var buffer = ""
    let isTerminal: Bool
    let stderrIsTerminal: Bool
    private let path: String?

    init(path: String?) {
        self.path = path
        isTerminal = path == nil && isatty(STDOUT_FILENO) == 1
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
    }

    func write(_ text: String) { buffer += text }
    func line(_ text: String = "") { buffer += text + "\n" }

    /// Writes what was collected: to the `-o` file, else to standard output. A closed pipe
    /// (`planq tasks | head`) is not an error.
    func flush() throws {
        defer { buffer = "" }
        if let path {
            do {
                try buffer.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
            }
            return
        }
        let data = Array(buffer.utf8)
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { raw in
                Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return // EPIPE and friends: the reader went away, which is fine
            }
            offset += written
        }
    }

    /// A message on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A transient progress line on a terminal's standard error.
    func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    func clearProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

/// A failure with a one-line cause: exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
