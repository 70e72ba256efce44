import Reports
import Foundation

/// Where a command's results go: standard output, or `-o FILE`. What it says on standard error
/// (progress, warnings, errors) goes through `Diagnostics`.
final class Output {
    /// What was written so far, as UTF-8: listings append bytes, everything else strings.
    private var buffer: [UInt8] = []
    let isTerminal: Bool
    private let path: String?
    /// Whether tables colour verdicts, severities and statuses (`--color`, NO_COLOR).
    let color: Bool
    /// The terminal's width in columns: the window's, else $COLUMNS; nil when unknown.
    let terminalWidth: Int?

    init(path: String?, color: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        capturing = false
        self.path = path
        self.color = color
        isTerminal = path == nil && isatty(STDOUT_FILENO) == 1
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            terminalWidth = Int(size.ws_col)
        } else {
            terminalWidth = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        }
    }

    /// Whether `flush` keeps what was written in `captured` instead of writing it anywhere.
    private let capturing: Bool
    private(set) var captured = ""

    /// An output kept for the caller (the MCP server answers with it).
    init(capturing _: Void) {
        path = nil
        color = false
        isTerminal = false
        terminalWidth = nil
        self.capturing = true
    }

    func write(_ text: String) { buffer.append(contentsOf: text.utf8) }
    func write(bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
    func line(_ text: String = "") {
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// The reader of standard output went away (`planq tasks | head -1`): nothing more can be
    /// written, and the exit code says so the way a shell expects (128 + SIGPIPE), without a message.
    enum Closed: Error {
        case pipe
        static let exitCode: Int32 = 141
    }

    /// Writes what was collected: to the `-o` file (`GeneratedFile.replace`: complete before it
    /// shows, devices and FIFOs written in place), else to standard output. Every failure is one
    /// line naming the path.
    func flush() throws {
        defer { buffer = [] }
        if capturing {
            captured += String(decoding: buffer, as: UTF8.self)
            return
        }
        guard let path else {
            if let failure = GeneratedFile.writeAll(buffer, to: STDOUT_FILENO) {
                if failure == EPIPE { throw Closed.pipe }
                throw CommandFailure("cannot write to standard output: \(GeneratedFile.describe(failure))")
            }
            return
        }
        do {
            try GeneratedFile.replace(path, bytes: buffer)
        } catch let error as GeneratorError {
            throw CommandFailure(error.description)
        }
    }
}

/// A failure with a one-line cause: exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
