import Foundation

/// A generator that cannot write: the path and the cause, in one line.
public struct GeneratorError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The only file writes planq makes: new files, created exclusively, and the one-line status
/// edit of a superseded record, written to a temporary file and renamed over the original.
public enum GeneratedFile {
    /// Makes `folder` and its parents when missing.
    public static func createFolder(_ folder: String) throws {
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError("cannot create folder \(folder): \(error.localizedDescription)")
        }
    }

    /// Writes a new file; an existing file (or link) at `path` is an error and is left as it was.
    public static func create(_ path: String, contents: String) throws {
        try createFolder((path as NSString).deletingLastPathComponent)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw GeneratorError("\(path) already exists; planq never overwrites a file") }
            throw GeneratorError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try write(Array(contents.utf8), to: descriptor, path: path)
    }

    /// Replaces line `index` (0-based) of the file with `line`, keeping every other byte, by
    /// writing a temporary file beside it and renaming it over the original.
    public static func replaceLine(_ index: Int, in path: String, with line: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw GeneratorError("cannot read \(path)") }
        var lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        guard lines.indices.contains(index) else { throw GeneratorError("\(path) has no line \(index + 1)") }
        let carriageReturn = lines[index].last == UInt8(ascii: "\r")
        lines[index] = Array(line.utf8) + (carriageReturn ? [UInt8(ascii: "\r")] : [])
        let bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.planq-edit-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw GeneratorError("cannot write beside \(path): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary) }
        }
        // Keep the record's permissions.
        var info = stat()
        if stat(path, &info) == 0 { fchmod(descriptor, info.st_mode & 0o7777) }
        try write(bytes, to: descriptor, path: temporary)
        guard fsync(descriptor) == 0, rename(temporary, path) == 0 else {
            throw GeneratorError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        renamed = true
    }

    /// Runs `body` holding an exclusive lock on `folder`, so two generators numbering records in
    /// the same folder at once take turns.
    public static func withLock<T>(on folder: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GeneratorError("cannot open folder \(folder): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw GeneratorError("cannot lock folder \(folder): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw GeneratorError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
